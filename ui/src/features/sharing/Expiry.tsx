import { useT } from "../../i18n";

const HOUR = 3600;
export const MAX_HOURS = 168;
const PRESETS = [
  { secs: HOUR, label: "share.hour" },
  { secs: 24 * HOUR, label: "share.day" },
  { secs: 7 * 24 * HOUR, label: "share.week" },
] as const;

export interface ExpiryValue {
  choice: string;
  hours: string;
}

export const DEFAULT_EXPIRY: ExpiryValue = { choice: String(HOUR), hours: "2" };

/** The expiry in seconds, or null when the custom hours are not a whole number from 1 to 168. */
export function expirySecs({ choice, hours }: ExpiryValue): number | null {
  if (choice !== "custom") return Number(choice);
  const h = Number(hours);
  return /^\d+$/.test(hours.trim()) && h >= 1 && h <= MAX_HOURS ? h * HOUR : null;
}

/**
 * The expiry picker of every presigned link (share dialog, image URLs): 1 hour, 1 day, 7 days or
 * a custom number of hours. Rust checks the same bounds again (sharing::check_expiry).
 */
export function Expiry({
  id,
  value,
  onChange,
  testIdPrefix = "share",
}: {
  id: string;
  value: ExpiryValue;
  onChange: (v: ExpiryValue) => void;
  /** `${prefix}-expiry`, `${prefix}-hours`. */
  testIdPrefix?: string;
}) {
  const { t } = useT();
  const invalid = expirySecs(value) === null;
  return (
    <div className="share-expiry">
      <div className="share-field">
        <label htmlFor={`${id}-expiry`}>{t("share.expiry")}</label>
        <select
          id={`${id}-expiry`}
          data-testid={`${testIdPrefix}-expiry`}
          value={value.choice}
          onChange={(e) => onChange({ ...value, choice: e.target.value })}
        >
          {PRESETS.map((p) => (
            <option key={p.secs} value={String(p.secs)}>
              {t(p.label)}
            </option>
          ))}
          <option value="custom">{t("share.custom")}</option>
        </select>
      </div>
      {value.choice === "custom" && (
        <div className={`share-field share-hours ${invalid ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-hours`}>{t("share.hours")}</label>
          <input
            id={`${id}-hours`}
            type="number"
            min={1}
            max={MAX_HOURS}
            step={1}
            data-testid={`${testIdPrefix}-hours`}
            aria-invalid={invalid || undefined}
            value={value.hours}
            onChange={(e) => onChange({ ...value, hours: e.target.value })}
          />
        </div>
      )}
      {invalid && (
        <p className="field-error" role="alert">
          {t("share.badHours")}
        </p>
      )}
    </div>
  );
}
