// The upload options form: its state, the checks it makes as the user types (the same rules as
// Rust's UploadOptions::check, so that a refusal is rare), and the UploadOptions it sends.
// Pure: no React, no backend.
import type { CannedAcl, Encryption, UploadOptions } from "../../backend";

export const ACLS: readonly CannedAcl[] = ["private", "public-read", "public-read-write", "authenticated-read"];
/** Offered in the storage class field; any name of capitals and "_" is accepted. */
export const STORAGE_CLASSES = ["STANDARD", "STANDARD_IA", "GLACIER"] as const;
export const MAX_TAGS = 10;
/** User metadata, names and values as sent, in all (S3's limit). */
export const MAX_METADATA_BYTES = 2048;

export type EncryptionChoice = "none" | "aes256" | "kms" | "customerKey";

export interface Pair {
  /** Stable across edits (React key). */
  id: number;
  name: string;
  value: string;
}

export interface OptionsForm {
  /** "" = the bucket's default (no header). */
  acl: CannedAcl | "";
  /** "" = the bucket's default. */
  storageClass: string;
  /** "" = guessed from each file name. */
  contentType: string;
  metadata: Pair[];
  tags: Pair[];
  encryption: EncryptionChoice;
  /** "" = the server's default KMS key. */
  kmsKeyId: string;
  /** SSE-C: 32 bytes in base64. Held in this form's state only, never stored. */
  customerKey: string;
}

export const EMPTY_FORM: OptionsForm = {
  acl: "",
  storageClass: "",
  contentType: "",
  metadata: [],
  tags: [],
  encryption: "none",
  kmsKeyId: "",
  customerKey: "",
};

/** Where a problem is shown: a field, or one row of the metadata or tags. */
export type OptionsField = "storageClass" | "contentType" | "metadata" | "tags" | "kmsKeyId" | "customerKey";

export type Problem =
  | { field: "storageClass"; kind: "storageClass" }
  | { field: "contentType"; kind: "contentType" }
  | { field: "metadata"; row: number; kind: "nameMissing" | "nameChars" | "duplicate" }
  | { field: "metadata"; row: null; kind: "tooBig"; bytes: number }
  | { field: "tags"; row: number; kind: "keyMissing" | "keyTooLong" | "valueTooLong" | "duplicate" }
  | { field: "tags"; row: null; kind: "tooMany"; count: number }
  | { field: "customerKey"; kind: "customerKey" };

/** A row the user left blank (both halves empty) is not sent and not checked. */
const blank = (p: Pair) => p.name === "" && p.value === "";

/** Characters as Rust counts them (`chars()`: code points, not UTF-16 units). */
const chars = (s: string) => [...s].length;

const utf8 = new TextEncoder();

/**
 * The bytes a metadata value takes as sent: as it is when it is printable ASCII (and holds no
 * "=?"), else RFC 2047 (`=?UTF-8?B?<base64>?=`), as Rust's encode_rfc2047 does.
 */
export function sentValueBytes(value: string): number {
  const bytes = utf8.encode(value);
  if (bytes.every((b) => b >= 0x20 && b < 0x7f) && !value.includes("=?")) return bytes.length;
  return 12 + Math.ceil(bytes.length / 3) * 4;
}

/** True for 32 bytes in standard base64 (44 characters, one "=" of padding). */
export function isCustomerKey(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return false;
  try {
    return atob(trimmed).length === 32;
  } catch {
    return false;
  }
}

/** 32 random bytes in base64, for a new SSE-C key (crypto.getRandomValues). */
export function generateCustomerKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

/** Every problem of the form, in the order of the fields. */
export function checkOptions(form: OptionsForm): Problem[] {
  const problems: Problem[] = [];
  if (form.storageClass !== "" && !/^[A-Z_]+$/.test(form.storageClass)) problems.push({ field: "storageClass", kind: "storageClass" });
  // eslint-disable-next-line no-control-regex
  if (form.contentType !== "" && (!form.contentType.includes("/") || /[\u0000-\u001f\u007f-\u009f]/.test(form.contentType))) {
    problems.push({ field: "contentType", kind: "contentType" });
  }

  const names = new Set<string>();
  let bytes = 0;
  form.metadata.forEach((p, row) => {
    if (blank(p)) return;
    if (p.name === "") problems.push({ field: "metadata", row, kind: "nameMissing" });
    else if (!/^[A-Za-z0-9._-]+$/.test(p.name)) problems.push({ field: "metadata", row, kind: "nameChars" });
    // Header names are not case-sensitive: "Owner" and "owner" would be one.
    else if (names.has(p.name.toLowerCase())) problems.push({ field: "metadata", row, kind: "duplicate" });
    names.add(p.name.toLowerCase());
    bytes += utf8.encode(p.name).length + sentValueBytes(p.value);
  });
  if (bytes > MAX_METADATA_BYTES) problems.push({ field: "metadata", row: null, kind: "tooBig", bytes });

  const used = form.tags.filter((p) => !blank(p));
  if (used.length > MAX_TAGS) problems.push({ field: "tags", row: null, kind: "tooMany", count: used.length });
  const keys = new Set<string>();
  form.tags.forEach((p, row) => {
    if (blank(p)) return;
    if (p.name === "") problems.push({ field: "tags", row, kind: "keyMissing" });
    else if (chars(p.name) > 128) problems.push({ field: "tags", row, kind: "keyTooLong" });
    else if (keys.has(p.name)) problems.push({ field: "tags", row, kind: "duplicate" });
    else if (chars(p.value) > 256) problems.push({ field: "tags", row, kind: "valueTooLong" });
    keys.add(p.name);
  });

  if (form.encryption === "customerKey" && !isCustomerKey(form.customerKey)) problems.push({ field: "customerKey", kind: "customerKey" });
  return problems;
}

function record(pairs: readonly Pair[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) if (!blank(p)) out[p.name] = p.value;
  return out;
}

function encryptionOf(form: OptionsForm): Encryption | null {
  switch (form.encryption) {
    case "none":
      return null;
    case "aes256":
      return { kind: "aes256" };
    case "kms":
      return { kind: "kms", keyId: form.kmsKeyId.trim() === "" ? null : form.kmsKeyId.trim() };
    case "customerKey":
      // The key travels to Rust only; Rust keeps it in memory and never sends it back.
      return { kind: "customerKey", keyBase64: form.customerKey.trim() };
  }
}

/** What uploadLocal is sent (check the form first: this does not). */
export function optionsFromForm(form: OptionsForm): UploadOptions {
  return {
    acl: form.acl === "" ? null : form.acl,
    storageClass: form.storageClass === "" ? null : form.storageClass,
    contentType: form.contentType === "" ? null : form.contentType,
    metadata: record(form.metadata),
    tags: record(form.tags),
    encryption: encryptionOf(form),
  };
}

/** The field a refusal of Rust's (its English detail) is about, to show it there. */
export function fieldOfRefusal(detail: string): OptionsField | null {
  const d = detail.toLowerCase();
  if (d.includes("storage class")) return "storageClass";
  if (d.includes("content type")) return "contentType";
  if (d.includes("metadata")) return "metadata";
  if (d.includes("tag")) return "tags";
  if (d.includes("kms")) return "kmsKeyId";
  if (d.includes("customer key") || d.includes("sse-c")) return "customerKey";
  return null;
}
