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

/** Where a typed or pasted location points: a bucket, and a path inside it (a prefix or a key). */
export interface Location {
  bucket: string;
  /** Exactly as given after the bucket: a prefix when it ends in "/" (or is empty), else maybe a key. */
  path: string;
}

/** "http://h:7480/" → "http://h:7480": the endpoint as the start of its URLs. */
function endpointBase(endpoint: string): string {
  return endpoint.replace(/\/+$/, "");
}

/** Percent-decoding of a URL path; a malformed escape leaves the text as it was typed. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * What the path field holds, as a place: `s3://bucket/path`, a path-style URL of the profile's own
 * endpoint (`<endpoint>/<bucket>/<key>`, percent-decoded), or a path in the current bucket.
 * Nothing else is changed: no trimming, spaces and "//" are kept. Only a leading "/" of a plain path
 * is dropped (one, as in "/photos/2024": the user means the bucket's root, and S3 keys starting with
 * "/" are rare enough to be reached through their folder instead).
 */
export function parseLocation(typed: string, currentBucket: string, endpoint?: string | null): Location {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/s.exec(typed);
  if (s3) return { bucket: s3[1], path: s3[2] };
  if (endpoint) {
    const base = endpointBase(endpoint);
    if (typed.toLowerCase().startsWith(`${base.toLowerCase()}/`)) {
      // Query and fragment are not part of the key in a URL (a "?" in a key is sent as %3F).
      const rest = typed.slice(base.length + 1).replace(/[?#].*$/s, "");
      const slash = rest.indexOf("/");
      const bucket = slash < 0 ? rest : rest.slice(0, slash);
      if (bucket) return { bucket: decodePath(bucket), path: slash < 0 ? "" : decodePath(rest.slice(slash + 1)) };
    }
  }
  return { bucket: currentBucket, path: typed.startsWith("/") ? typed.slice(1) : typed };
}

/** True for a path that can only be a folder prefix: empty, or ending in "/". */
export function isPrefixPath(path: string): boolean {
  return path === "" || path.endsWith("/");
}

/** The folder holding a key and the key's own name: "a//b.txt" → ["a//", "b.txt"]. */
export function splitKey(key: string): { parent: string; name: string } {
  const i = key.lastIndexOf("/");
  return { parent: key.slice(0, i + 1), name: key.slice(i + 1) };
}
