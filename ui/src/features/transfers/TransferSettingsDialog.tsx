import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { api, type ConflictPolicy, type TransferSettings } from "../../backend";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage, errorCode, toBackendError } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { fieldOfRefusal, formFromSettings, settingsFromForm, type SettingsField, type SettingsFormState } from "./settingsForm";

const POLICIES: readonly { policy: ConflictPolicy; label: MessageKey }[] = [
  { policy: "ask", label: "transferSettings.conflict.ask" },
  { policy: "overwrite", label: "transferSettings.conflict.overwrite" },
  { policy: "skip", label: "transferSettings.conflict.skip" },
  { policy: "keepBoth", label: "transferSettings.conflict.keepBoth" },
];

/** The engine's settings, read when opened; Save sends them to Rust, which says what it refuses. */
export function TransferSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const settings = useQuery({ queryKey: queryKeys.transferSettings(), queryFn: () => api.getTransferSettings(), staleTime: 0 });
  if (settings.data) return <SettingsForm initial={settings.data} onClose={onClose} />;
  return (
    <Modal title={t("transferSettings.title")} onClose={onClose} testId="transfer-settings-dialog">
      {settings.error ? <ErrorMessage error={settings.error} /> : <Spinner label={t("common.loading")} />}
    </Modal>
  );
}

/** Ids of the testids, per field. */
const TEST_ID: Record<SettingsField, string> = {
  concurrency: "transfer-settings-concurrency",
  partSizeMib: "transfer-settings-part-size",
  multipartThresholdMib: "transfer-settings-threshold",
  bandwidthLimitKibPerSecond: "transfer-settings-bandwidth",
};

function SettingsForm({ initial, onClose }: { initial: TransferSettings; onClose: () => void }) {
  const { t } = useT();
  const ids = useId();
  const qc = useQueryClient();
  const [form, setForm] = useState<SettingsFormState>(() => formFromSettings(initial));
  const [notNumbers, setNotNumbers] = useState<readonly SettingsField[]>([]);
  const save = useMutation({
    mutationFn: (s: TransferSettings) => api.setTransferSettings(s),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.transferSettings(), saved);
      onClose();
    },
  });
  const set = <K extends keyof SettingsFormState>(key: K, value: SettingsFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setNotNumbers((fields) => fields.filter((f) => f !== key && !(key === "unlimited" && f === "bandwidthLimitKibPerSecond")));
    save.reset();
  };

  // Rust's refusal (InvalidInput, an English detail) goes under the field it names.
  const refusal = save.error && errorCode(save.error) === "InvalidInput" ? toBackendError(save.error) : null;
  const refusedField = refusal ? fieldOfRefusal(refusal.detail) : null;
  const errorOf = (field: SettingsField): ReactNode => {
    if (notNumbers.includes(field)) return t("transferSettings.notANumber");
    if (refusal && refusedField === field) {
      return (
        <>
          {t("transferSettings.refused")}{" "}
          <span lang="en" className="field-detail-inline">
            {refusal.detail}
          </span>
        </>
      );
    }
    return null;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = settingsFromForm(form);
    if ("notNumbers" in parsed) {
      setNotNumbers(parsed.notNumbers);
      return;
    }
    save.mutate(parsed.settings);
  };

  const numberField = (field: Exclude<SettingsField, "bandwidthLimitKibPerSecond">, label: MessageKey, hint: MessageKey) => (
    <Field label={t(label)} htmlFor={`${ids}-${field}`} hint={t(hint)} error={errorOf(field)} errorTestId={`${TEST_ID[field]}-error`}>
      <input
        id={`${ids}-${field}`}
        data-testid={TEST_ID[field]}
        inputMode="numeric"
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        autoComplete="off"
        aria-invalid={errorOf(field) ? true : undefined}
      />
    </Field>
  );

  return (
    <Modal
      title={t("transferSettings.title")}
      onClose={onClose}
      testId="transfer-settings-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="transfer-settings-save" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={onSubmit} noValidate>
        <div className="form-row">
          {numberField("concurrency", "transferSettings.concurrency", "transferSettings.concurrency.hint")}
          <Field
            label={t("transferSettings.bandwidth")}
            htmlFor={`${ids}-bandwidth`}
            error={errorOf("bandwidthLimitKibPerSecond")}
            errorTestId={`${TEST_ID.bandwidthLimitKibPerSecond}-error`}
          >
            <div className="input-with-check">
              <input
                id={`${ids}-bandwidth`}
                data-testid={TEST_ID.bandwidthLimitKibPerSecond}
                inputMode="numeric"
                value={form.unlimited ? "" : form.bandwidthLimitKibPerSecond}
                disabled={form.unlimited}
                onChange={(e) => set("bandwidthLimitKibPerSecond", e.target.value)}
                autoComplete="off"
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid="transfer-settings-unlimited"
                  checked={form.unlimited}
                  onChange={(e) => set("unlimited", e.target.checked)}
                />
                <span>{t("transferSettings.unlimited")}</span>
              </label>
            </div>
          </Field>
        </div>
        <div className="form-row">
          {numberField("partSizeMib", "transferSettings.partSize", "transferSettings.partSize.hint")}
          {numberField("multipartThresholdMib", "transferSettings.threshold", "transferSettings.threshold.hint")}
        </div>
        <Field label={t("transferSettings.conflict")} htmlFor={`${ids}-conflict`} hint={t("transferSettings.conflict.hint")}>
          <select
            id={`${ids}-conflict`}
            data-testid="transfer-settings-conflict"
            value={form.conflictPolicy}
            onChange={(e) => set("conflictPolicy", e.target.value as ConflictPolicy)}
          >
            {POLICIES.map((p) => (
              <option key={p.policy} value={p.policy}>
                {t(p.label)}
              </option>
            ))}
          </select>
        </Field>
        {save.error && !refusedField && <ErrorMessage error={save.error} context={t("transferSettings.failed")} />}
      </form>
    </Modal>
  );
}
