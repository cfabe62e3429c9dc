import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, type EncryptionConfiguration, type Problem } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage, type BackendError } from "../../../errors";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import type { EditorView } from "../kit/ViewToggle";
import { ConfigEditor } from "../objectLock/ConfigEditor";
import type { SettingsTabProps } from "../tabs";
import { formCanShow, fromConfig, isNone, toConfig, type EncryptionForm, type EncryptionMode } from "./model";
import "./encryption.css";

const encryptionKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "encryption"] as const;

const KEY_FIELD = "Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID";

/**
 * The bucket's default encryption: none, SSE-S3 (AES256) or SSE-KMS with a key id. Choosing none
 * where one is set deletes it, after asking. After a save or delete the form shows what the
 * server reads back. radosgw 16.2 does not support it: the form is shown disabled with the reason.
 */
export function EncryptionTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const encryption = useQuery({
    queryKey: encryptionKey(profileId, bucket),
    queryFn: () => api.getBucketEncryption(profileId, bucket),
  });
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirming, setConfirming] = useState(false);

  const reread = async () => {
    await qc.invalidateQueries({ queryKey: encryptionKey(profileId, bucket) });
    setGeneration((g) => g + 1);
    setSaved(true);
  };
  const put = useMutation({
    mutationFn: (config: EncryptionConfiguration) => api.putBucketEncryption(profileId, bucket, config),
    onSuccess: reread,
  });
  const del = useMutation({
    mutationFn: () => api.deleteBucketEncryption(profileId, bucket),
    onSuccess: async () => {
      setConfirming(false);
      await reread();
    },
  });

  const current = encryption.data ?? null;
  const save = (config: EncryptionConfiguration) => {
    setSaved(false);
    put.reset();
    del.reset();
    if (!isNone(config)) put.mutate(config);
    else if (current) setConfirming(true);
  };

  let body;
  if (encryption.isPending) body = <Spinner label={t("common.loading")} />;
  else if (encryption.error && isUnsupported(encryption.error)) {
    body = (
      <>
        <Unsupported error={encryption.error} />
        <fieldset className="config-disabled" disabled data-testid="encryption-disabled">
          <EncryptionEditor initial={null} current={null} startView="form" onView={() => {}} onEdit={() => {}} onSave={() => {}} busy disabled />
        </fieldset>
      </>
    );
  } else if (encryption.error) body = <ErrorMessage error={encryption.error} />;
  else {
    const failed = put.error ?? (confirming ? null : del.error);
    body = (
      <>
        {current === null && (
          <p className="notice notice-info" data-testid="encryption-empty">
            {t("encryption.empty")}
          </p>
        )}
        <EncryptionEditor
          key={generation}
          initial={current}
          current={current}
          startView={view}
          onView={setView}
          onEdit={() => {
            setSaved(false);
            if (put.error) put.reset();
          }}
          onSave={save}
          busy={put.isPending || del.isPending}
          saving={put.isPending}
        />
        {failed && (isUnsupported(failed) ? <Unsupported error={failed} /> : <ErrorMessage error={failed} />)}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="encryption-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="settings-section encryption-tab" data-testid="settings-encryption">
      <p className="settings-intro">{t("encryption.intro")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("encryption.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("encryption.confirm.body")}</p>
              {del.error && (isUnsupported(del.error) ? <Unsupported error={del.error} /> : <ErrorMessage error={del.error} />)}
            </>
          }
          okLabel={del.isPending ? t("config.deleting") : t("encryption.confirm.ok")}
          danger
          busy={del.isPending}
          onConfirm={() => del.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

/** The kit's notice, and why removing it is never sent to such a server. */
function Unsupported({ error }: { error: BackendError }) {
  const { t } = useT();
  return (
    <div className="encryption-unsupported">
      <UnsupportedNotice error={error} />
      <p className="field-hint" data-testid="encryption-never-delete">
        {t("encryption.unsupportedDelete")}
      </p>
    </div>
  );
}

interface EditorProps {
  initial: EncryptionConfiguration | null;
  /** What the server holds (null: nothing), for "none" meaning "delete" or "nothing to do". */
  current: EncryptionConfiguration | null;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  onSave: (config: EncryptionConfiguration) => void;
  busy: boolean;
  saving?: boolean;
  disabled?: boolean;
}

const MODES = ["none", "AES256", "aws:kms"] as const satisfies readonly EncryptionMode[];

const MODE_TEST_ID: Record<EncryptionMode, string> = {
  none: "encryption-none",
  AES256: "encryption-aes256",
  "aws:kms": "encryption-kms",
};

function EncryptionEditor({ initial, current, startView, onView, onEdit, onSave, busy, saving, disabled }: EditorProps) {
  const { t } = useT();
  const id = useId();
  const [form, setForm] = useState<EncryptionForm>(() => fromConfig(initial));

  const edit = (patch: Partial<EncryptionForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    onEdit();
  };

  const label = (m: EncryptionMode) =>
    m === "none" ? t("encryption.none") : m === "AES256" ? t("encryption.aes256") : t("encryption.kms");
  const hint = (m: EncryptionMode) =>
    m === "none" ? t("encryption.noneHint") : m === "AES256" ? t("encryption.aes256Hint") : t("encryption.kmsHint");

  const renderForm = (problems: readonly Problem[]) => {
    const invalid = problemsAt(problems, KEY_FIELD, true).length > 0;
    return (
      <fieldset className="config-group" disabled={disabled}>
        <legend>{t("encryption.legend")}</legend>
        {MODES.map((m) => (
          <div key={m} className="encryption-option">
            <label className="config-choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={form.mode === m}
                disabled={disabled}
                data-testid={MODE_TEST_ID[m]}
                onChange={() => edit({ mode: m })}
              />
              <span>
                <span className="config-choice-label">{label(m)}</span>
                <span className="field-hint">{hint(m)}</span>
              </span>
            </label>
            {m === "aws:kms" && form.mode === "aws:kms" && (
              <div className={`field encryption-key ${invalid ? "field-invalid" : ""}`}>
                <label htmlFor={`${id}-key`}>{t("encryption.keyId")}</label>
                <input
                  id={`${id}-key`}
                  className="mono"
                  value={form.keyId}
                  placeholder="cmkuuid:keyspec:userid"
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={invalid}
                  disabled={disabled}
                  aria-describedby={`${id}-key-hint`}
                  data-testid="encryption-kms-key"
                  onChange={(e) => edit({ keyId: e.target.value })}
                />
                <p id={`${id}-key-hint`} className="field-hint">
                  {t("encryption.keyIdHint")}
                </p>
                <FieldProblems problems={problems} field={KEY_FIELD} />
              </div>
            )}
          </div>
        ))}
        <FieldProblems problems={problems} field="Rules" />
      </fieldset>
    );
  };

  return (
    <ConfigEditor
      kind="encryption"
      config={toConfig(form)}
      label={t("settings.tab.encryption")}
      testPrefix="encryption"
      startView={startView}
      onView={onView}
      renderForm={renderForm}
      onJson={(doc) => {
        if (!formCanShow(doc)) return false;
        setForm(fromConfig(doc));
        return true;
      }}
      onSave={onSave}
      onEdit={onEdit}
      // No rule is how "none" is written: Rust's "a rule is required" is about a put, and none is a delete.
      relevant={(problems, doc) => (isNone(doc) ? problems.filter((p) => p.field !== "Rules") : problems)}
      busy={busy}
      saving={saving}
      disabled={disabled}
      nothingToSave={form.mode === "none" && current === null}
    />
  );
}
