// The "Edit metadata…" form: its state from an object's details, the MetadataEdit it sends, and
// where each of Rust's problems (check_metadata_edit: the one rule) is shown, with which sentence.
// Pure: no React, no backend.
import type { MetadataEdit, ObjectDetails, Problem } from "../../backend";
import type { MessageKey } from "../../i18n";

/** Offered in the storage class select (ZOS's classes); any other name via "Other…". */
export const STORAGE_CLASSES = ["STANDARD", "STANDARD_IA", "GLACIER"] as const;
/** The storage class select's value for "type a name". */
export const OTHER_CLASS = "__other__";
/** Offered under the content type field. */
export const CONTENT_TYPES = [
  "application/octet-stream",
  "text/plain; charset=utf-8",
  "text/html; charset=utf-8",
  "text/csv; charset=utf-8",
  "text/markdown; charset=utf-8",
  "application/json",
  "application/pdf",
  "application/zip",
  "image/jpeg",
  "image/png",
  "image/webp",
  "video/mp4",
] as const;
/** Objects this large cannot be copied by one CopyObject (Rust refuses them too). */
export const MAX_COPY_BYTES = 5 * 1024 * 1024 * 1024;

export interface MetaRow {
  /** Stable across edits (React key). */
  id: number;
  name: string;
  value: string;
}

export interface MetadataForm {
  contentType: string;
  cacheControl: string;
  contentDisposition: string;
  contentEncoding: string;
  contentLanguage: string;
  /** `YYYY-MM-DDTHH:mm[:ss]` in UTC (a datetime-local input), or "". */
  expires: string;
  /** "" = keep the object's class; OTHER_CLASS = the name in `storageOther`. */
  storageClass: string;
  storageOther: string;
  rows: MetaRow[];
}

let nextId = 1;
export const newRow = (name = "", value = ""): MetaRow => ({ id: nextId++, name, value });

/** An HTTP date (as HEAD gives it) as a datetime-local value in UTC; "" if it does not parse. */
export function expiresInput(httpDate: string | null | undefined): string {
  if (!httpDate) return "";
  const ms = Date.parse(httpDate);
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString().slice(0, 19);
}

/**
 * The Content-Disposition to show: a file name sent as RFC 5987 (`filename*=UTF-8''%E6…`) is
 * shown as the user wrote it (`attachment; filename="报告.pdf"`); Rust encodes it again.
 */
export function dispositionInput(d: Pick<ObjectDetails, "contentDisposition" | "contentDispositionFileName">): string {
  const value = d.contentDisposition ?? "";
  const name = d.contentDispositionFileName;
  if (!name || !/filename\*\s*=/i.test(value)) return value;
  const kind = value.split(";")[0].trim() || "attachment";
  return `${kind}; filename="${name}"`;
}

export function formFromDetails(d: ObjectDetails): MetadataForm {
  return {
    contentType: d.contentType ?? "",
    cacheControl: d.cacheControl ?? "",
    contentDisposition: dispositionInput(d),
    contentEncoding: d.contentEncoding ?? "",
    contentLanguage: d.contentLanguage ?? "",
    expires: expiresInput(d.expires),
    storageClass: "",
    storageOther: "",
    rows: Object.entries(d.metadata)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => newRow(k, v)),
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** What updateObjectMetadata is sent; `opened` is what the user saw (the save is refused if it changed). */
export function editFromForm(form: MetadataForm, opened: ObjectDetails): MetadataEdit {
  const expires = form.expires.trim() === "" ? null : `${form.expires.length === 16 ? `${form.expires}:00` : form.expires}Z`;
  const storageClass = form.storageClass === OTHER_CLASS ? orNull(form.storageOther) : orNull(form.storageClass);
  return {
    contentType: orNull(form.contentType),
    cacheControl: orNull(form.cacheControl),
    contentDisposition: orNull(form.contentDisposition),
    contentEncoding: orNull(form.contentEncoding),
    contentLanguage: orNull(form.contentLanguage),
    expires,
    metadata: form.rows.map((r) => ({ name: r.name.trim(), value: r.value })),
    storageClass,
    expectedEtag: opened.etag,
    expectedLastModified: opened.lastModified,
  };
}

export type FormField =
  | "contentType"
  | "cacheControl"
  | "contentDisposition"
  | "contentEncoding"
  | "contentLanguage"
  | "expires"
  | "storageClass"
  | "metadata";

export interface ShownProblem {
  /** A form field, or one metadata row (its index). */
  field: FormField | { row: number };
  message: MessageKey;
  vars?: Record<string, string | number>;
}

const SYSTEM_FIELDS: Record<string, FormField> = {
  ContentType: "contentType",
  CacheControl: "cacheControl",
  ContentDisposition: "contentDisposition",
  ContentEncoding: "contentEncoding",
  ContentLanguage: "contentLanguage",
  Expires: "expires",
  StorageClass: "storageClass",
};

const SYSTEM_MESSAGES: Record<FormField, MessageKey> = {
  contentType: "md.p.contentType",
  cacheControl: "md.p.ascii",
  contentDisposition: "md.p.disposition",
  contentEncoding: "md.p.ascii",
  contentLanguage: "md.p.ascii",
  expires: "md.p.expires",
  storageClass: "md.p.storageClass",
  metadata: "md.p.tooBig",
};

/** Each of Rust's problems as a sentence by its field. */
export function showProblems(problems: readonly Problem[]): ShownProblem[] {
  return problems.map((p): ShownProblem => {
    const system = SYSTEM_FIELDS[p.field];
    if (system) return { field: system, message: SYSTEM_MESSAGES[system] };
    const row = /^Metadata\[(\d+)\]/.exec(p.field);
    if (row) {
      const message: MessageKey =
        p.code === "Required" ? "md.p.nameMissing" : p.code === "NotAllowed" ? "md.p.underscore" : p.code === "Duplicate" ? "md.p.duplicate" : p.code === "Malformed" ? "md.p.nameChars" : "md.p.other";
      return { field: { row: Number(row[1]) }, message };
    }
    if (p.field === "Metadata") {
      return { field: "metadata", message: "md.p.tooBig", vars: { bytes: Number.parseInt(p.detail, 10) || 0 } };
    }
    return { field: "metadata", message: "md.p.other" };
  });
}

/** Why this object cannot be edited here at all, if it cannot. */
export function editBlocker(d: ObjectDetails): MessageKey | null {
  if (d.size > MAX_COPY_BYTES) return "md.tooLarge";
  if (d.objectType === "Appendable") return "md.appendable";
  return null;
}

/** Versioning makes a new version (a version id other than "null" says the bucket versions). */
export function makesNewVersion(d: ObjectDetails): boolean {
  return d.versionId !== null && d.versionId !== "null";
}
