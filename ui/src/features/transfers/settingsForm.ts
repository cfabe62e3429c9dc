// The settings dialog's form: text fields in, TransferSettings out. The ranges are Rust's
// (setTransferSettings refuses what is out of range); here only "is it a whole number".
import type { ConflictPolicy, TransferSettings } from "../../backend";

export type SettingsField = "concurrency" | "partSizeMib" | "multipartThresholdMib" | "bandwidthLimitKibPerSecond";

export interface SettingsFormState {
  concurrency: string;
  partSizeMib: string;
  multipartThresholdMib: string;
  unlimited: boolean;
  bandwidthLimitKibPerSecond: string;
  conflictPolicy: ConflictPolicy;
}

export function formFromSettings(s: TransferSettings): SettingsFormState {
  return {
    concurrency: String(s.concurrency),
    partSizeMib: String(s.partSizeMib),
    multipartThresholdMib: String(s.multipartThresholdMib),
    unlimited: s.bandwidthLimitKibPerSecond === null,
    bandwidthLimitKibPerSecond: s.bandwidthLimitKibPerSecond === null ? "" : String(s.bandwidthLimitKibPerSecond),
    conflictPolicy: s.conflictPolicy,
  };
}

/** A whole number typed in a field ("16", " 16 "), or null for anything else. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/** The settings to send, or the fields that hold no whole number. */
export function settingsFromForm(form: SettingsFormState): { settings: TransferSettings } | { notNumbers: SettingsField[] } {
  const concurrency = parseWhole(form.concurrency);
  const partSizeMib = parseWhole(form.partSizeMib);
  const multipartThresholdMib = parseWhole(form.multipartThresholdMib);
  const bandwidth = form.unlimited ? null : parseWhole(form.bandwidthLimitKibPerSecond);
  const notNumbers: SettingsField[] = [];
  if (concurrency === null) notNumbers.push("concurrency");
  if (partSizeMib === null) notNumbers.push("partSizeMib");
  if (multipartThresholdMib === null) notNumbers.push("multipartThresholdMib");
  if (!form.unlimited && bandwidth === null) notNumbers.push("bandwidthLimitKibPerSecond");
  if (concurrency === null || partSizeMib === null || multipartThresholdMib === null || notNumbers.length > 0) return { notNumbers };
  return {
    settings: { concurrency, partSizeMib, multipartThresholdMib, bandwidthLimitKibPerSecond: bandwidth, conflictPolicy: form.conflictPolicy },
  };
}

/**
 * The field an InvalidInput refusal of setTransferSettings is about, from its English detail
 * ("concurrency must be between 1 and 64", "the part size must be …", "the multipart threshold
 * must be …", "a bandwidth limit must be above 0"); null when it names none of them.
 */
export function fieldOfRefusal(detail: string): SettingsField | null {
  const d = detail.toLowerCase();
  if (d.includes("concurrency")) return "concurrency";
  if (d.includes("threshold")) return "multipartThresholdMib";
  if (d.includes("part size")) return "partSizeMib";
  if (d.includes("bandwidth")) return "bandwidthLimitKibPerSecond";
  return null;
}
