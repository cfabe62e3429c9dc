// How the router writes search params: plain strings, exactly as given.
//
// TanStack Router's default JSON-parses each value, so a prefix "123" would come back as the
// number 123 and "true" as a boolean. Every search param of this app is a string (an object
// prefix may hold spaces, "//", "+", "%", "#" or any Unicode): URLSearchParams encodes and
// decodes those without loss.

export function parseSearch(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) out[key] = value;
  return out;
}

/** Leaves out empty values: every param defaults to "" (e.g. the bucket's root prefix). */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === "string" && value !== "") params.set(key, value);
    else if (typeof value === "number" || typeof value === "boolean") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A search param that must be a string: anything else (or nothing) is "". */
export function stringParam(value: unknown): string {
  return typeof value === "string" ? value : "";
}
