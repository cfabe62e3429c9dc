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

/** A transfer rate in binary units: 1572864 → "1.5 MiB/s"; "—" when unknown. */
export function formatSpeed(bytesPerSecond: number | null | undefined, locale = "en"): string {
  if (bytesPerSecond === null || bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return "—";
  return `${humanBytes(Math.round(bytesPerSecond), locale)}/s`;
}

const DURATION_UNITS: Record<"en" | "zh", { h: string; min: string; s: string }> = {
  en: { h: "h", min: "min", s: "s" },
  zh: { h: "小时", min: "分", s: "秒" },
};

/**
 * A time left, rounded up to what matters: "45 s", "4 min 05 s", "2 h 10 min" ("45 秒",
 * "4 分 05 秒", "2 小时 10 分" in Chinese); "—" when unknown.
 */
export function formatDuration(seconds: number | null | undefined, locale = "en"): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const u = DURATION_UNITS[locale.startsWith("zh") ? "zh" : "en"];
  const total = Math.ceil(seconds);
  if (total < 60) return `${total} ${u.s}`;
  if (total < 3600) return `${Math.floor(total / 60)} ${u.min} ${pad(total % 60)} ${u.s}`;
  const minutes = Math.ceil(total / 60);
  return `${Math.floor(minutes / 60).toLocaleString(locale)} ${u.h} ${pad(minutes % 60)} ${u.min}`;
}
