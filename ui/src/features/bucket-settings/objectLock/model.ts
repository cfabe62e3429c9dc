// The object lock form's model and its mapping to the boto3-shaped ObjectLockConfiguration. No
// rule lives here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { ObjectLockConfiguration, RetentionMode } from "../../../backend";
import { sameConfig } from "./ConfigEditor";

/** The default retention of new objects: none, or one of the two modes. */
export type LockMode = "none" | RetentionMode;
/** The period is given in days or in years, never both. */
export type PeriodUnit = "days" | "years";

export interface LockForm {
  mode: LockMode;
  unit: PeriodUnit;
  /** As typed: digits only (the input accepts nothing else), "" when empty. */
  period: string;
}

/** The form for `config` (a bucket with object lock; the rule may be absent). */
export function fromConfig(config: ObjectLockConfiguration): LockForm {
  const r = config.Rule?.DefaultRetention ?? null;
  if (!r) return { mode: "none", unit: "days", period: "" };
  const years = r.Years ?? null;
  const days = r.Days ?? null;
  return {
    mode: r.Mode,
    unit: years != null && days == null ? "years" : "days",
    period: String((years != null && days == null ? years : days) ?? ""),
  };
}

/** The configuration the form describes: the period goes in Days or in Years, never both. */
export function toConfig(form: LockForm): ObjectLockConfiguration {
  if (form.mode === "none") return { ObjectLockEnabled: true, Rule: null };
  const period = form.period === "" ? null : Number(form.period);
  return {
    ObjectLockEnabled: true,
    Rule: { DefaultRetention: { Mode: form.mode, ...(form.unit === "years" ? { Years: period } : { Days: period }) } },
  };
}

/** Whether the form can show `config` without losing anything (e.g. not Days and Years at once). */
export function formCanShow(config: ObjectLockConfiguration): boolean {
  return config.ObjectLockEnabled && sameConfig(toConfig(fromConfig(config)), config);
}

/** Keeps what the number input may hold: digits only, at most 9 (the server's field is a 32-bit integer). */
export function periodInput(value: string): string | null {
  return /^\d{0,9}$/.test(value) ? value : null;
}
