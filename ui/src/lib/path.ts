/** The last segment of a key or folder prefix: "a/b/c.txt" → "c.txt", "a/b/" → "b". */
export function lastSegment(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith("/") ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

/** The folder above a prefix: "a/b/" → "a/", "a/" → "". */
export function parentPrefix(prefix: string): string {
  const trimmed = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? "" : trimmed.slice(0, i + 1);
}

/**
 * Breadcrumb parts of a prefix: "a/b/" → [{label:"a",prefix:"a/"},{label:"b",prefix:"a/b/"}].
 * Lossless: empty segments ("a//b/", "/x/") are folders too, so every crumb's prefix is a real
 * prefix of the one given and the last one is that prefix itself.
 */
export function prefixSegments(prefix: string): { label: string; prefix: string }[] {
  const out: { label: string; prefix: string }[] = [];
  let start = 0;
  for (let slash = prefix.indexOf("/"); slash >= 0; slash = prefix.indexOf("/", start)) {
    out.push({ label: prefix.slice(start, slash), prefix: prefix.slice(0, slash + 1) });
    start = slash + 1;
  }
  return out;
}

/** What the user typed in the path field, as a folder prefix: "/a/b" → "a/b/", "" → "". */
export function normalizePrefix(typed: string): string {
  const p = typed.trim().replace(/^\/+/, "");
  return p === "" || p.endsWith("/") ? p : `${p}/`;
}
