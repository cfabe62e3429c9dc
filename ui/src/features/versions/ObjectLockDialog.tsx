import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { api, type ObjectVersionRef, type Retention, type RetentionMode } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { isUnsupported, UnsupportedNotice } from "../bucket-settings/kit/Unsupported";
import { formatUtc, lockKey, retentionForm, retentionToSend, shortensGovernance, type RetentionForm } from "./model";
import "./versions.css";

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  /** One version of the object; null for its current version. */
  versionId: string | null;
  onClose: () => void;
}

const MODES: readonly RetentionMode[] = ["GOVERNANCE", "COMPLIANCE"];

/**
 * The legal hold and the retention of one object version (or of the current version), read from
 * the server, edited as a form and saved with one button: only what changed is sent (the legal
 * hold, then the retention), and both are read back to show what the server now holds.
 * Shortening a GOVERNANCE retention needs "bypass governance", confirmed once more.
 */
export function ObjectLockDialog({ profileId, bucket, objectKey, versionId, onClose }: Props) {
  const { t } = useT();
  const ids = useId();
  const qc = useQueryClient();
  const target = useMemo<ObjectVersionRef>(() => ({ bucket, key: objectKey, versionId }), [bucket, objectKey, versionId]);
  const name = objectKey.split("/").filter(Boolean).pop() ?? objectKey;

  const hold = useQuery({ queryKey: lockKey(profileId, target, "legalHold"), queryFn: () => api.getLegalHold(profileId, target) });
  const retention = useQuery({
    queryKey: lockKey(profileId, target, "retention"),
    queryFn: () => api.getObjectRetention(profileId, target),
  });

  const [holdEdit, setHoldEdit] = useState<boolean | null>(null);
  const [formEdit, setFormEdit] = useState<RetentionForm | null>(null);
  const [bypass, setBypass] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);

  // A legal hold never set reads as null: off.
  const serverHold = hold.data ?? false;
  const serverRetention: Retention | null = retention.data ?? null;
  const holdOn = holdEdit ?? serverHold;
  const form = formEdit ?? retentionForm(serverRetention);
  const next = retention.isSuccess ? retentionToSend(form, serverRetention) : null;
  const holdChanged = hold.isSuccess && holdOn !== serverHold;
  const shortening = shortensGovernance(next, serverRetention);
  const missingDay = form.mode !== "" && form.day === "";

  const save = useMutation({
    mutationFn: async () => {
      if (holdChanged) await api.putLegalHold(profileId, target, holdOn);
      if (next) await api.putObjectRetention(profileId, target, next, bypass && serverRetention?.mode === "GOVERNANCE");
    },
    onSuccess: () => {
      setHoldEdit(null);
      setFormEdit(null);
      setBypass(false);
      setSaved(true);
    },
    // Read both back either way: the legal hold may have been saved before the retention failed.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: lockKey(profileId, target, "legalHold") }),
        qc.invalidateQueries({ queryKey: lockKey(profileId, target, "retention") }),
      ]),
  });

  const changed = holdChanged || next !== null;
  const canSave = changed && !missingDay && !(shortening && !bypass) && !save.isPending;
  const edited = () => {
    setSaved(false);
    save.reset();
  };
  const setForm = (f: RetentionForm) => {
    edited();
    setFormEdit(f);
  };
  const submit = () => {
    if (!canSave) return;
    if (shortening) setConfirming(true);
    else save.mutate();
  };

  const retentionText = (r: Retention | null) =>
    r ? t("versions.lock.retentionIs", { mode: r.mode, until: formatUtc(r.retainUntil) }) : t("versions.lock.noRetention");

  const loading = hold.isPending || retention.isPending;

  return (
    <Modal
      title={t("versions.lock.title", { name })}
      onClose={onClose}
      testId="object-lock-dialog"
      footer={
        <>
          <button type="button" className="button" data-testid="lock-close" onClick={onClose}>
            {t("common.close")}
          </button>
          <button type="button" className="button primary" data-testid="lock-save" disabled={!canSave} onClick={submit}>
            {save.isPending ? t("versions.lock.saving") : t("versions.lock.save")}
          </button>
        </>
      }
    >
      <form
        className="lock-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <dl className="lock-facts">
          <div>
            <dt>{t("versions.lock.key")}</dt>
            <dd data-testid="lock-key">
              {bucket}/{objectKey}
            </dd>
          </div>
          <div>
            <dt>{t("versions.lock.version")}</dt>
            <dd data-testid="lock-version">{versionId ?? <span className="muted">{t("versions.lock.current")}</span>}</dd>
          </div>
        </dl>

        {loading && <Spinner label={t("versions.lock.loading")} />}

        <fieldset className="lock-section">
          <legend>{t("versions.lock.holdHeading")}</legend>
          {hold.error ? (
            isUnsupported(hold.error) ? (
              <UnsupportedNotice error={hold.error} />
            ) : (
              <ErrorMessage error={hold.error} context={t("versions.lock.readFailed")} />
            )
          ) : (
            <>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid="lock-legal-hold"
                  checked={holdOn}
                  disabled={!hold.isSuccess || save.isPending}
                  aria-describedby={`${ids}-hold-hint`}
                  onChange={(e) => {
                    edited();
                    setHoldEdit(e.target.checked);
                  }}
                />
                <span>{t("versions.lock.hold")}</span>
              </label>
              <p className="field-hint" id={`${ids}-hold-hint`}>
                {t("versions.lock.holdHint")}
              </p>
            </>
          )}
        </fieldset>

        <fieldset className="lock-section">
          <legend>{t("versions.lock.retentionHeading")}</legend>
          {retention.error ? (
            isUnsupported(retention.error) ? (
              <UnsupportedNotice error={retention.error} />
            ) : (
              <ErrorMessage error={retention.error} context={t("versions.lock.readFailed")} />
            )
          ) : (
            <>
              {retention.isSuccess && (
                <p className="muted lock-now" data-testid="lock-retention-now">
                  {serverRetention ? t("versions.lock.now", { what: retentionText(serverRetention) }) : t("versions.lock.nowNone")}
                </p>
              )}
              <div className="lock-row">
                <div className="field">
                  <label htmlFor={`${ids}-mode`}>{t("versions.lock.mode")}</label>
                  <select
                    id={`${ids}-mode`}
                    data-testid="lock-retention-mode"
                    value={form.mode}
                    disabled={!retention.isSuccess || save.isPending}
                    onChange={(e) => setForm({ ...form, mode: e.target.value as RetentionMode | "" })}
                  >
                    <option value="" disabled={serverRetention !== null}>
                      {t("versions.lock.modeNone")}
                    </option>
                    {MODES.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-until`}>{t("versions.lock.until")}</label>
                  <input
                    id={`${ids}-until`}
                    type="date"
                    data-testid="lock-retention-until"
                    value={form.day}
                    disabled={!retention.isSuccess || form.mode === "" || save.isPending}
                    aria-describedby={`${ids}-until-hint`}
                    aria-invalid={missingDay || undefined}
                    onChange={(e) => setForm({ ...form, day: e.target.value })}
                  />
                </div>
              </div>
              <p className="field-hint" id={`${ids}-until-hint`}>
                {t("versions.lock.untilHint")}
              </p>
              {form.mode === "GOVERNANCE" && <p className="field-hint">{t("versions.lock.governanceHint")}</p>}
              {form.mode === "COMPLIANCE" && (
                <p className="notice notice-warning lock-compliance" data-testid="lock-compliance-hint">
                  {t("versions.lock.complianceHint")}
                  {serverRetention?.mode !== "COMPLIANCE" && <> {t("versions.lock.complianceNew")}</>}
                </p>
              )}
              {serverRetention !== null && <p className="field-hint">{t("versions.lock.noRemove")}</p>}
              {missingDay && (
                <p className="field-error" role="alert">
                  {t("versions.lock.needDay")}
                </p>
              )}
              {serverRetention?.mode === "GOVERNANCE" && (
                <label className="checkbox lock-bypass">
                  <input
                    type="checkbox"
                    data-testid="lock-bypass"
                    checked={bypass}
                    disabled={save.isPending}
                    onChange={(e) => {
                      edited();
                      setBypass(e.target.checked);
                    }}
                  />
                  <span>{t("versions.lock.bypass")}</span>
                </label>
              )}
              {shortening && !bypass && serverRetention && (
                <p className="field-error" role="alert" data-testid="lock-bypass-needed">
                  {t("versions.lock.bypassNeeded", { until: formatUtc(serverRetention.retainUntil) })}
                </p>
              )}
            </>
          )}
        </fieldset>

        {save.error && <ErrorMessage error={save.error} context={t("versions.lock.failed")} />}
        {saved && hold.isSuccess && retention.isSuccess && !hold.isFetching && !retention.isFetching && (
          <p className="notice notice-success" role="status" data-testid="lock-saved">
            {t("versions.lock.saved", {
              hold: serverHold ? t("versions.lock.holdOn") : t("versions.lock.holdOff"),
              retention: retentionText(serverRetention),
            })}
          </p>
        )}
      </form>

      {confirming && next && serverRetention && (
        <ConfirmDialog
          title={t("versions.lock.bypassTitle")}
          danger
          okLabel={t("versions.lock.bypassOk")}
          message={
            <>
              <p className="confirm-question">
                {t("versions.lock.bypassQuestion", { until: formatUtc(next.retainUntil), was: formatUtc(serverRetention.retainUntil) })}
              </p>
              <p className="muted">{t("versions.bypass.who")}</p>
            </>
          }
          onConfirm={() => {
            setConfirming(false);
            save.mutate();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Modal>
  );
}
