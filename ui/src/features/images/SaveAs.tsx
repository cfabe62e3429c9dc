import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, type Engine, type ImageRef, type Step } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { ErrorMessage, errorCode } from "../../errors";
import { useT } from "../../i18n";
import { useBuckets } from "../buckets/queries";
import { refreshBucketData } from "../objects/refresh";
import { isInfo, processedKey } from "./model";

interface Props {
  profileId: string;
  image: ImageRef;
  steps: readonly Step[];
  /** The current valid canonical pipeline ("" none), or null while the text is invalid. */
  pipeline: string | null;
  /** The session has seen that the server does not process images. */
  serverUnsupported: boolean;
  onServerUnsupported: () => void;
}

/**
 * "Save as": the result stored as an object (a bucket of the profile, a key), made by the server
 * or on this computer and uploaded. An existing object is replaced only after asking; a server
 * without image processing switches the choice to this computer.
 */
export function SaveAs({ profileId, image, steps, pipeline, serverUnsupported, onServerUnsupported }: Props) {
  const { t } = useT();
  const id = useId();
  const qc = useQueryClient();
  const buckets = useBuckets(profileId);
  const [bucket, setBucket] = useState(image.bucket);
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Engine | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string; engine: Engine } | { error: unknown } | { unsupported: true } | null>(null);

  const key = typedKey ?? processedKey(image.key, steps);
  const engine: Engine = chosen ?? (serverUnsupported ? "local" : "server");
  const blocked =
    pipeline === null ? t("images.save.invalid") : pipeline === "" ? t("images.save.noSteps") : isInfo(steps) ? t("images.save.info") : key.trim() === "" ? t("images.save.emptyKey") : null;

  const names = buckets.data?.map((b) => b.name) ?? [];
  if (!names.includes(image.bucket)) names.unshift(image.bucket);

  const save = async (overwrite: boolean) => {
    if (blocked || busy || pipeline === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await api.saveImage(profileId, { source: image, pipeline, bucket, key, engine, overwrite });
      setOutcome({ saved: key, engine: saved.engine });
      void refreshBucketData(qc, profileId, bucket);
    } catch (e) {
      const code = errorCode(e);
      if (code === "ObjectExists" && !overwrite) setAsking(true);
      else if (code === "UnsupportedByServer") {
        setChosen("local");
        onServerUnsupported();
        setOutcome({ unsupported: true });
      } else setOutcome({ error: e });
    } finally {
      setBusy(false);
    }
  };

  const change = (f: () => void) => {
    f();
    setOutcome(null);
  };

  return (
    <section className="img-section" aria-labelledby={`${id}-title`} data-testid="image-save">
      <h3 id={`${id}-title`} className="pane-title">
        {t("images.save.title")}
      </h3>
      <form
        className="img-save-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <div className="img-field">
          <label htmlFor={`${id}-bucket`}>{t("images.save.bucket")}</label>
          <select id={`${id}-bucket`} data-testid="image-save-bucket" value={bucket} onChange={(e) => change(() => setBucket(e.target.value))}>
            {names.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <div className="img-field img-save-key">
          <label htmlFor={`${id}-key`}>{t("images.save.key")}</label>
          <input id={`${id}-key`} type="text" className="mono" spellCheck={false} data-testid="image-save-key" value={key} onChange={(e) => change(() => setTypedKey(e.target.value))} />
        </div>
        <div className="img-field wide">
          <span className="img-field-label" id={`${id}-engine`}>
            {t("images.save.engine")}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby={`${id}-engine`}>
            {(["server", "local"] as const).map((e) => (
              <button key={e} type="button" role="radio" aria-checked={engine === e} className="segment" data-testid={`image-save-engine-${e}`} onClick={() => change(() => setChosen(e))}>
                {t(e === "server" ? "images.save.engine.server" : "images.save.engine.local")}
              </button>
            ))}
          </div>
        </div>
        <div className="img-save-actions wide">
          <button type="submit" className="button primary" data-testid="image-save-submit" disabled={blocked !== null || busy}>
            <Icon name="upload" size={16} />
            {busy ? t("common.saving") : t("common.save")}
          </button>
          {blocked && <span className="field-hint" data-testid="image-save-blocked">{blocked}</span>}
        </div>
      </form>
      {outcome && "saved" in outcome && (
        <p className="hint-ok img-saved" role="status" data-testid="image-save-done">
          <Icon name="check" size={16} />
          {t(outcome.engine === "local" ? "images.save.savedLocal" : "images.save.saved", { key: outcome.saved })}
        </p>
      )}
      {outcome && "unsupported" in outcome && (
        <p className="field-note warning" role="alert" data-testid="image-save-unsupported">
          {t("images.save.unsupported")}
        </p>
      )}
      {outcome && "error" in outcome && <ErrorMessage error={outcome.error} context={t("images.save.failed", { key })} />}
      {asking && (
        <ConfirmDialog
          title={t("images.save.replaceTitle", { key })}
          message={t("images.save.replaceMessage", { key, bucket })}
          okLabel={t("images.save.replace")}
          danger
          busy={busy}
          onConfirm={() => void save(true).then(() => setAsking(false))}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}
