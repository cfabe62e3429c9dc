const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

/** Binary units: 512 → "512 B", 1536 → "1.5 KiB", 1572864 → "1.5 MiB". */
export function humanBytes(bytes: number | null | undefined, locale = "en"): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KiB would print as "1024.0 KiB": go one unit up instead.
  if (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const figure = value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${figure} ${UNITS[unit]}`;
}

/** A count with the locale's grouping, "—" when unknown. */
export function formatCount(n: number | null | undefined, locale = "en"): string {
  return n === null || n === undefined ? "—" : n.toLocaleString(locale);
}

/** An ISO-8601 string or milliseconds since the epoch (object listings send numbers). */
export type Instant = string | number | null | undefined;

function parse(instant: Instant): Date | null {
  if (instant === null || instant === undefined || instant === "") return null;
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? null : d;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Local date and time, one unambiguous form in every language and every list: "2025-03-04 14:05"
 * (a numeric "03/04/2025" reads as March in one country and April in the next); "—" when absent.
 * `_locale` is kept for the call sites: the form does not depend on it.
 */
export function formatDateTime(instant: Instant, _locale = "en"): string {
  const d = parse(instant);
  return d ? `${formatDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}` : "—";
}

/** Local date in the same form: "2025-03-04"; "—" when absent. */
export function formatDate(instant: Instant, _locale = "en"): string {
  const d = parse(instant);
  return d ? formatDay(d) : "—";
}

function formatDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ETags come quoted from S3; show them bare. */
export function bareEtag(etag: string | null | undefined): string {
  return etag ? etag.replace(/^"(.*)"$/, "$1") : "—";
}
