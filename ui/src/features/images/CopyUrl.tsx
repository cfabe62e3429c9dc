import { useId, useState } from "react";
import { api, type ImageRef } from "../../backend";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";

const HOUR = 3600;
const PRESETS = [
  { secs: HOUR, label: "images.url.hour" },
  { secs: 24 * HOUR, label: "images.url.day" },
  { secs: 7 * 24 * HOUR, label: "images.url.week" },
] as const;
const MAX_HOURS = 168;

/** The expiry in seconds, or null when the custom hours are not 1–168. */
function expiry(choice: string, hours: string): number | null {
  if (choice !== "custom") return Number(choice);
  const h = Number(hours);
  return /^\d+$/.test(hours.trim()) && h >= 1 && h <= MAX_HOURS ? h * HOUR : null;
}

/**
 * "Copy URL": a presigned GET of the object with the pipeline (Rust signs it), for the expiry
 * chosen, put on the system clipboard and shown, selectable.
 */
export function CopyUrl({ profileId, image, pipeline }: { profileId: string; image: ImageRef; pipeline: string | null }) {
  const { t } = useT();
  const id = useId();
  const [choice, setChoice] = useState(String(HOUR));
  const [hours, setHours] = useState("2");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ url: string; copied: boolean; for: string } | null>(null);
  const secs = expiry(choice, hours);
  const current = `${pipeline}|${secs}`;
  const shown = made && made.for === current ? made : null;

  const copy = async () => {
    if (secs === null || pipeline === null) return;
    setBusy(true);
    setError(null);
    try {
      const url = await api.imageUrl(profileId, image, pipeline === "" ? null : pipeline, secs);
      let copied = true;
      try {
        await navigator.clipboard.writeText(url);
      } catch {
        copied = false; // the link stays shown, selectable
      }
      setMade({ url, copied, for: current });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="img-section" aria-labelledby={`${id}-title`} data-testid="image-url">
      <h3 id={`${id}-title`} className="pane-title">
        {t("images.url.title")}
      </h3>
      <div className="img-url-row">
        <div className="img-field">
          <label htmlFor={`${id}-expiry`}>{t("images.url.expiry")}</label>
          <select id={`${id}-expiry`} data-testid="image-url-expiry" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {PRESETS.map((p) => (
              <option key={p.secs} value={String(p.secs)}>
                {t(p.label)}
              </option>
            ))}
            <option value="custom">{t("images.url.custom")}</option>
          </select>
        </div>
        {choice === "custom" && (
          <div className={`img-field img-hours ${secs === null ? "field-invalid" : ""}`}>
            <label htmlFor={`${id}-hours`}>{t("images.url.hours")}</label>
            <input
              id={`${id}-hours`}
              type="number"
              min={1}
              max={MAX_HOURS}
              step={1}
              data-testid="image-url-hours"
              aria-invalid={secs === null || undefined}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          </div>
        )}
        <button
          type="button"
          className="button"
          data-testid="image-url-copy"
          disabled={busy || secs === null || pipeline === null}
          title={pipeline === null ? t("images.url.blocked") : undefined}
          onClick={() => void copy()}
        >
          <Icon name="copy" size={16} />
          {t("images.url.copy")}
        </button>
        {shown && (
          <span className={shown.copied ? "hint-ok img-copied" : "hint-warn img-copied"} role="status" data-testid="image-url-copied">
            {shown.copied && <Icon name="check" size={16} />}
            {shown.copied ? t("images.url.copied") : t("images.url.notCopied")}
          </span>
        )}
      </div>
      {secs === null && <p className="field-error">{t("images.url.badHours")}</p>}
      {pipeline === null && <p className="field-hint">{t("images.url.blocked")}</p>}
      {shown && (
        <input
          type="text"
          readOnly
          className="mono img-url-value"
          aria-label={t("images.url.link")}
          data-testid="image-url-value"
          value={shown.url}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      {error != null && <ErrorMessage error={error} context={t("images.url.failed")} />}
      <p className="field-hint">{t("images.url.note")}</p>
    </section>
  );
}
