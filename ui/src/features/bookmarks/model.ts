import type { Bookmark } from "../../backend";
import { errorCode } from "../../errors";

/**
 * The folder as "Open bucket…" sends it and Rust keeps it: no leading "/", and a non-empty one
 * ends with "/" (a bookmark opens a folder). Rust normalises the same way; this is for showing it.
 */
export function normalizePrefix(typed: string): string {
  const p = typed.trim().replace(/^\/+/, "");
  return p === "" || p.endsWith("/") ? p : `${p}/`;
}

/** How a bookmark is named on screen and in its testid: "bucket/prefix". */
export function placeOf(b: Bookmark): string {
  return `${b.bucket}/${b.prefix ?? ""}`;
}

export function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  return a.bucket === b.bucket && (a.prefix ?? "") === (b.prefix ?? "");
}

/** A bucket's favourite: the bookmark of its top. */
export function isFavourite(list: readonly Bookmark[] | undefined, bucket: string): boolean {
  return list?.some((b) => sameBookmark(b, { bucket, prefix: "" })) ?? false;
}

/** ListBuckets refused for this key (the key is good; buckets are opened by name). */
export function isListingDenied(error: unknown): boolean {
  return errorCode(error) === "AccessDenied";
}
