/** The file name of a local path (either separator). */
export function fileName(localPath: string): string {
  const parts = localPath.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? localPath;
}

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

/** Breadcrumb parts of a prefix: "a/b/" → [{label:"a",prefix:"a/"},{label:"b",prefix:"a/b/"}]. */
export function prefixSegments(prefix: string): { label: string; prefix: string }[] {
  const out: { label: string; prefix: string }[] = [];
  let acc = "";
  for (const part of prefix.split("/")) {
    if (part === "") continue;
    acc += `${part}/`;
    out.push({ label: part, prefix: acc });
  }
  return out;
}

/** What the user typed in the path field, as a folder prefix: "/a/b" → "a/b/", "" → "". */
export function normalizePrefix(typed: string): string {
  const p = typed.trim().replace(/^\/+/, "");
  return p === "" || p.endsWith("/") ? p : `${p}/`;
}
