// The lifecycle rule form's model and its mapping to the boto3-shaped LifecycleRule. No rule
// lives here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { LifecycleRule, RuleStatus } from "../../../backend";

/** Which objects a rule applies to: the whole bucket, a prefix, one tag, or a prefix and tags. */
export type FilterKind = "none" | "prefix" | "tag" | "and";
/** What happens to current versions: nothing, deleted after N days, on a date, or delete markers removed. */
export type ExpirationKind = "none" | "days" | "date" | "markers";
/** A transition happens N days after creation or on a date. */
export type TransitionWhen = "days" | "date";

/** The transition targets the guide lists (Rust checks them too; shown as the select's choices). */
export const STORAGE_CLASSES = [
  "STANDARD_IA",
  "ONEZONE_IA",
  "INTELLIGENT_TIERING",
  "GLACIER",
  "GLACIER_IR",
  "DEEP_ARCHIVE",
] as const;

export interface TagRow {
  key: string;
  value: string;
}

export interface TransitionRow {
  when: TransitionWhen;
  days: string;
  /** `YYYY-MM-DD` (the date input's value). */
  date: string;
  storageClass: string;
}

export interface NoncurrentRow {
  days: string;
  storageClass: string;
}

/** One rule as the form edits it: numbers and dates as the inputs' text. */
export interface RuleForm {
  id: string;
  status: RuleStatus;
  filterKind: FilterKind;
  prefix: string;
  tagKey: string;
  tagValue: string;
  tags: TagRow[];
  expirationKind: ExpirationKind;
  expirationDays: string;
  expirationDate: string;
  transitions: TransitionRow[];
  noncurrentTransitions: NoncurrentRow[];
  noncurrentDays: string;
  abortDays: string;
}

/** A new rule: enabled, whole bucket, deleted after a number of days still to be given. */
export function newRuleForm(takenIds: readonly (string | null | undefined)[]): RuleForm {
  let n = 1;
  while (takenIds.includes(`rule-${n}`)) n++;
  return {
    id: `rule-${n}`,
    status: "Enabled",
    filterKind: "none",
    prefix: "",
    tagKey: "",
    tagValue: "",
    tags: [],
    expirationKind: "days",
    expirationDays: "",
    expirationDate: "",
    transitions: [],
    noncurrentTransitions: [],
    noncurrentDays: "",
    abortDays: "",
  };
}

export function newTransition(): TransitionRow {
  return { when: "days", days: "30", date: "", storageClass: "STANDARD_IA" };
}

export function newNoncurrentTransition(): NoncurrentRow {
  return { days: "30", storageClass: "STANDARD_IA" };
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z$/;

/** The date input's value of an ISO date at UTC midnight (anything else as it is: the form cannot show it). */
export function dateOnly(iso: string): string {
  return MIDNIGHT.exec(iso)?.[1] ?? iso;
}

/** What a date input's `YYYY-MM-DD` is sent as: UTC midnight. */
export function isoMidnight(date: string): string {
  return `${date}T00:00:00Z`;
}

const I32_MAX = 2_147_483_647;

/**
 * The number in a numeric input, as the integer the model holds (null when empty). Not a check:
 * out-of-range values are Rust's to judge; this only keeps the value an i32 the IPC can carry.
 */
export function toInt(text: string): number | null {
  const s = text.trim();
  if (s === "") return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return Math.max(-I32_MAX, Math.min(I32_MAX, Math.trunc(n)));
}

const text = (n: number | null | undefined) => (n == null ? "" : String(n));

/** The form showing `rule`. */
export function ruleFromConfig(rule: LifecycleRule): RuleForm {
  const f = rule.Filter ?? null;
  const e = rule.Expiration ?? null;
  const filterKind: FilterKind = f?.And ? "and" : f?.Tag ? "tag" : f?.Prefix != null ? "prefix" : "none";
  const expirationKind: ExpirationKind = !e
    ? "none"
    : e.ExpiredObjectDeleteMarker != null
      ? "markers"
      : e.Date != null
        ? "date"
        : "days";
  const tags = (f?.And?.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));
  return {
    id: rule.ID ?? "",
    status: rule.Status,
    filterKind,
    prefix: (filterKind === "and" ? f?.And?.Prefix : f?.Prefix) ?? "",
    tagKey: f?.Tag?.Key ?? "",
    tagValue: f?.Tag?.Value ?? "",
    tags,
    expirationKind,
    expirationDays: text(e?.Days),
    expirationDate: e?.Date != null ? dateOnly(e.Date) : "",
    transitions: (rule.Transitions ?? []).map((t) => ({
      when: t.Date != null ? "date" : "days",
      days: text(t.Days),
      date: t.Date != null ? dateOnly(t.Date) : "",
      storageClass: t.StorageClass,
    })),
    noncurrentTransitions: (rule.NoncurrentVersionTransitions ?? []).map((t) => ({
      days: String(t.NoncurrentDays),
      storageClass: t.StorageClass,
    })),
    noncurrentDays: text(rule.NoncurrentVersionExpiration?.NoncurrentDays),
    abortDays: text(rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation),
  };
}

/** The rule the form describes: only the chosen kinds' fields, empty inputs left out for Rust to name. */
export function ruleToConfig(form: RuleForm): LifecycleRule {
  const rule: LifecycleRule = { Status: form.status };
  if (form.id !== "") rule.ID = form.id;

  if (form.filterKind === "prefix") rule.Filter = { Prefix: form.prefix };
  if (form.filterKind === "tag") rule.Filter = { Tag: { Key: form.tagKey, Value: form.tagValue } };
  if (form.filterKind === "and") {
    rule.Filter = {
      And: {
        ...(form.prefix !== "" ? { Prefix: form.prefix } : {}),
        Tags: form.tags.map((t) => ({ Key: t.key, Value: t.value })),
      },
    };
  }

  if (form.expirationKind === "days") {
    const days = toInt(form.expirationDays);
    rule.Expiration = days === null ? {} : { Days: days };
  }
  if (form.expirationKind === "date") {
    rule.Expiration = form.expirationDate === "" ? {} : { Date: isoMidnight(form.expirationDate) };
  }
  if (form.expirationKind === "markers") rule.Expiration = { ExpiredObjectDeleteMarker: true };

  if (form.transitions.length > 0) {
    rule.Transitions = form.transitions.map((t) => {
      const days = toInt(t.days);
      if (t.when === "date") {
        return t.date === "" ? { StorageClass: t.storageClass } : { Date: isoMidnight(t.date), StorageClass: t.storageClass };
      }
      return days === null ? { StorageClass: t.storageClass } : { Days: days, StorageClass: t.storageClass };
    });
  }
  if (form.noncurrentTransitions.length > 0) {
    // The model's NoncurrentDays is not optional: an empty input is 0, which Rust names as out of range.
    rule.NoncurrentVersionTransitions = form.noncurrentTransitions.map((t) => ({
      NoncurrentDays: toInt(t.days) ?? 0,
      StorageClass: t.storageClass,
    }));
  }
  const noncurrent = toInt(form.noncurrentDays);
  if (noncurrent !== null) rule.NoncurrentVersionExpiration = { NoncurrentDays: noncurrent };
  const abort = toInt(form.abortDays);
  if (abort !== null) rule.AbortIncompleteMultipartUpload = { DaysAfterInitiation: abort };
  return rule;
}

/** `value` without nulls, empty lists and empty objects, keys sorted: two rules that mean the same compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      if (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/**
 * Whether the form can show `rule` without losing anything (e.g. not a filter with both a prefix
 * and a tag, not an expiration with both days and a date): if not, it is edited in the JSON view.
 */
export function formCanShow(rule: LifecycleRule): boolean {
  return JSON.stringify(canonical(ruleToConfig(ruleFromConfig(rule)))) === JSON.stringify(canonical(rule));
}
