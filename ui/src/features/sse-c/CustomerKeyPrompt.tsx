import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, type CustomerKeyScope } from "../../backend";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { isCustomerKey } from "../objects/uploadOptions";
import "./sse-c.css";

/** The query of "is a key kept for this object" (never the key: Rust does not give it back). */
export const hasKeyQuery = (profileId: string, bucket: string, objectKey: string) =>
  ["ssec-has", profileId, bucket, objectKey] as const;

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  /** The version the user is looking at (the key is checked against it); null: the current one. */
  versionId?: string | null;
  /** Called once the key was checked on the server and kept: read the object again. */
  onUnlocked: () => void;
}

/**
 * Asks for the customer key (SSE-C) of an object whose HEAD/GET answered
 * `EncryptedWithCustomerKey` (or `CustomerKeyMismatch`). The key is checked with a HEAD in Rust
 * before it is kept (in memory only, until the app quits); a wrong key keeps nothing and says so.
 * The key text lives in this form's state only and is cleared once sent.
 */
export function CustomerKeyPrompt({ profileId, bucket, objectKey, versionId = null, onUnlocked }: Props) {
  const { t } = useT();
  const ids = useId();
  const qc = useQueryClient();
  const [keyText, setKeyText] = useState("");
  const [shown, setShown] = useState(false);
  const [scope, setScope] = useState<CustomerKeyScope>("object");
  const [problem, setProblem] = useState<"empty" | "invalid" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const text = keyText.trim();
    const found = text === "" ? "empty" : isCustomerKey(text) ? null : "invalid";
    setProblem(found);
    setError(null);
    if (found) return;
    setBusy(true);
    try {
      await api.setCustomerKey(profileId, bucket, objectKey, versionId, text, scope);
      setKeyText("");
      // Every read of this bucket's objects may now send the key.
      await Promise.all([
        qc.invalidateQueries({ queryKey: ["head", profileId, bucket] }),
        qc.invalidateQueries({ queryKey: ["ssec-has", profileId, bucket] }),
      ]);
      onUnlocked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const inputId = `${ids}-key`;
  const problemId = `${ids}-problem`;
  return (
    <form className="ssec-prompt" data-testid="ssec-prompt" aria-labelledby={`${ids}-title`} noValidate onSubmit={(e) => void submit(e)}>
      <h3 id={`${ids}-title`} className="ssec-title">
        {t("ssec.title")}
      </h3>
      <p className="ssec-explain" data-testid="ssec-explain">
        {t("ssec.explain")}
      </p>
      <div className={`field ${problem ? "field-invalid" : ""}`}>
        <label htmlFor={inputId}>{t("ssec.key")}</label>
        <div className="input-with-button">
          <input
            id={inputId}
            data-testid="ssec-key"
            type={shown ? "text" : "password"}
            className="mono"
            value={keyText}
            placeholder={t("ssec.placeholder")}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            disabled={busy}
            onChange={(e) => {
              setKeyText(e.target.value);
              setProblem(null);
            }}
          />
          <button
            type="button"
            className="button"
            data-testid="ssec-show"
            aria-pressed={shown}
            aria-controls={inputId}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? t("ssec.hide") : t("ssec.show")}
          </button>
        </div>
        {problem && (
          <div className="field-error" id={problemId} data-testid="ssec-key-error" role="alert">
            {t(problem === "empty" ? "ssec.empty" : "ssec.invalid")}
          </div>
        )}
      </div>
      <fieldset className="ssec-scope">
        <legend>{t("ssec.scope")}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${ids}-scope`}
            data-testid="ssec-scope-object"
            checked={scope === "object"}
            onChange={() => setScope("object")}
          />
          <span>{t("ssec.scope.object")}</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${ids}-scope`}
            data-testid="ssec-scope-bucket"
            checked={scope === "bucket"}
            onChange={() => setScope("bucket")}
          />
          <span>{t("ssec.scope.bucket", { bucket })}</span>
        </label>
      </fieldset>
      <p className="field-hint" data-testid="ssec-memory">
        {t("ssec.memory")}
      </p>
      {error !== null && <ErrorMessage error={error} context={t("ssec.failed")} onDismiss={() => setError(null)} />}
      <div className="ssec-actions">
        <button type="submit" className="button primary" data-testid="ssec-submit" disabled={busy}>
          {busy ? t("ssec.checking") : t("ssec.submit")}
        </button>
      </div>
    </form>
  );
}

interface ForgetProps {
  profileId: string;
  bucket: string;
  objectKey: string;
  /** Called after the key is forgotten (reads of the object fail again until it is entered). */
  onForgotten?: () => void;
}

/**
 * "Forget key" for an object read with a customer key (shown only while one is kept for it):
 * forgets the object's key and its bucket's.
 */
export function ForgetCustomerKeyButton({ profileId, bucket, objectKey, onForgotten }: ForgetProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const has = useQuery({
    queryKey: hasKeyQuery(profileId, bucket, objectKey),
    queryFn: () => api.hasCustomerKey(profileId, bucket, objectKey),
  });
  if (has.data !== true) return null;
  return (
    <button
      type="button"
      className="button small"
      data-testid="ssec-forget"
      onClick={() => {
        void api.forgetCustomerKey(profileId, bucket, objectKey).then(async () => {
          await Promise.all([
            qc.invalidateQueries({ queryKey: ["ssec-has", profileId, bucket] }),
            qc.invalidateQueries({ queryKey: ["head", profileId, bucket] }),
          ]);
          onForgotten?.();
        });
      }}
    >
      {t("ssec.forget")}
    </button>
  );
}
