// Pure helpers of the versions view and the object lock dialog (no React).
import type { ObjectVersion, ObjectVersionRef, Retention, RetentionMode } from "../../backend";

/** The TanStack Query key of one folder's version listing (all its pages). */
export const versionsKey = (profileId: string, bucket: string, prefix: string) => ["objectVersions", profileId, bucket, prefix] as const;

/** The key of one version's legal hold or retention (versionId null: the current version). */
export const lockKey = (profileId: string, target: ObjectVersionRef, what: "legalHold" | "retention") =>
  ["objectLock", profileId, target.bucket, target.key, target.versionId, what] as const;

/** The versions of one key, newest first, as the server listed them. */
export interface VersionGroup {
  key: string;
  versions: ObjectVersion[];
}

/**
 * Consecutive versions of the same key, in listing order (the server lists keys in order, each
 * key's versions newest first; a key cut by a page boundary continues in the same group).
 */
export function groupByKey(versions: readonly ObjectVersion[]): VersionGroup[] {
  const groups: VersionGroup[] = [];
  for (const v of versions) {
    const last = groups[groups.length - 1];
    if (last && last.key === v.key) last.versions.push(v);
    else groups.push({ key: v.key, versions: [v] });
  }
  return groups;
}

/** Version ids are long opaque strings: the first characters tell them apart in a list. */
export function shortVersionId(id: string, keep = 10): string {
  return id.length <= keep + 1 ? id : `${id.slice(0, keep)}…`;
}

/** The key as shown under `prefix` (deeper "folders" stay in it: "2024/a.txt"). */
export function relativeKey(key: string, prefix: string): string {
  return key.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : key;
}

export const versionRef = (bucket: string, v: { key: string; versionId: string }): ObjectVersionRef => ({
  bucket,
  key: v.key,
  versionId: v.versionId,
});

/**
 * Whether an ObjectLocked refusal came from a GOVERNANCE retention (which users allowed to
 * bypass governance may still override), from the error's detail.
 */
export function mentionsGovernance(detail: string): boolean {
  return /governance/i.test(detail);
}

/** The UTC day of an ISO instant, as a date input holds it ("2027-01-01"); "" when unreadable. */
export function dayOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** A date input's day as the instant sent: UTC midnight, "2027-01-01T00:00:00Z". */
export function utcMidnight(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The retention form: mode "" is none. */
export interface RetentionForm {
  mode: RetentionMode | "";
  day: string;
}

export function retentionForm(r: Retention | null): RetentionForm {
  return r ? { mode: r.mode, day: dayOf(r.retainUntil) } : { mode: "", day: "" };
}

/**
 * What to send for the form, or null when it asks for nothing new (unchanged, or none chosen).
 * An unchanged day keeps the server's exact instant (it may not be midnight: sending the day's
 * midnight would shorten it).
 */
export function retentionToSend(form: RetentionForm, server: Retention | null): Retention | null {
  if (form.mode === "" || form.day === "") return null;
  const retainUntil = server && form.day === dayOf(server.retainUntil) ? server.retainUntil : utcMidnight(form.day);
  if (server && server.mode === form.mode && server.retainUntil === retainUntil) return null;
  return { mode: form.mode, retainUntil };
}

/** The new retention ends earlier than the server's GOVERNANCE one: only a bypass may do that. */
export function shortensGovernance(next: Retention | null, server: Retention | null): boolean {
  return next !== null && server?.mode === "GOVERNANCE" && Date.parse(next.retainUntil) < Date.parse(server.retainUntil);
}

/** An instant in UTC, as the retention means it: "2027-01-01 00:00 UTC" (the text as given when unreadable). */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}
