import { useId, useState } from "react";
import { api, type ImageRef } from "../../backend";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { DEFAULT_EXPIRY, Expiry, expirySecs, type ExpiryValue } from "../sharing/Expiry";

/**
 * "Copy URL": a presigned GET of the object with the pipeline (Rust signs it), for the expiry
 * chosen, put on the system clipboard and shown, selectable.
 */
export function CopyUrl({ profileId, image, pipeline }: { profileId: string; image: ImageRef; pipeline: string | null }) {
  const { t } = useT();
  const id = useId();
  const [expiry, setExpiry] = useState<ExpiryValue>(DEFAULT_EXPIRY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ url: string; copied: boolean; for: string } | null>(null);
  const secs = expirySecs(expiry);
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
        <Expiry id={id} value={expiry} onChange={setExpiry} testIdPrefix="image-url" />
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
