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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, locale: string, opts: Intl.DateTimeFormatOptions) {
  let f = map.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    map.set(locale, f);
  }
  return f;
}

/** An ISO-8601 string or milliseconds since the epoch (object listings send numbers). */
export type Instant = string | number | null | undefined;

function parse(instant: Instant): Date | null {
  if (instant === null || instant === undefined || instant === "") return null;
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Local date and time of an ISO-8601 instant, compact and numeric, e.g. "03/04/2025, 14:05" (en) or "2025/03/04 14:05" (zh-CN); "—" when absent. */
export function formatDateTime(instant: Instant, locale = "en"): string {
  const d = parse(instant);
  return d
    ? cached(dateTimeFormats, locale, {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(d)
    : "—";
}

/** Local date of an ISO-8601 instant; "—" when absent. */
export function formatDate(iso: string | null | undefined, locale = "en"): string {
  const d = parse(iso);
  return d ? cached(dateFormats, locale, { year: "numeric", month: "short", day: "numeric" }).format(d) : "—";
}

/** ETags come quoted from S3; show them bare. */
export function bareEtag(etag: string | null | undefined): string {
  return etag ? etag.replace(/^"(.*)"$/, "$1") : "—";
}
