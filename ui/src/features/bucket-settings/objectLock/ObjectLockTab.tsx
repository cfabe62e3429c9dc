import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, type ObjectLockConfiguration, type Problem } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import type { EditorView } from "../kit/ViewToggle";
import type { SettingsTabProps } from "../tabs";
import { ConfigEditor } from "./ConfigEditor";
import { formCanShow, fromConfig, periodInput, toConfig, type LockForm, type LockMode, type PeriodUnit } from "./model";
import "./objectLock.css";

const lockKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "objectLock"] as const;

const DAYS = "Rule.DefaultRetention.Days";
const YEARS = "Rule.DefaultRetention.Years";

/**
 * Object lock of a bucket: on or off is fixed when the bucket is created; when on, the default
 * retention of new objects can be edited (none, GOVERNANCE or COMPLIANCE for some days or years).
 * Choosing COMPLIANCE asks first. After a save the form shows what the server reads back.
 */
export function ObjectLockTab({ profileId, bucket }: SettingsTabProps) {
  const { t, tn } = useT();
  const qc = useQueryClient();
  const lock = useQuery({
    queryKey: lockKey(profileId, bucket),
    queryFn: () => api.getBucketObjectLock(profileId, bucket),
  });
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirm, setConfirm] = useState<ObjectLockConfiguration | null>(null);

  const put = useMutation({
    mutationFn: (config: ObjectLockConfiguration) => api.putBucketObjectLock(profileId, bucket, config),
    onSuccess: async () => {
      setConfirm(null);
      await qc.invalidateQueries({ queryKey: lockKey(profileId, bucket) });
      setGeneration((g) => g + 1);
      setSaved(true);
    },
  });

  const save = (config: ObjectLockConfiguration) => {
    setSaved(false);
    put.reset();
    if (config.Rule?.DefaultRetention.Mode === "COMPLIANCE") setConfirm(config);
    else put.mutate(config);
  };

  let body;
  if (lock.isPending) body = <Spinner label={t("common.loading")} />;
  else if (lock.error && isUnsupported(lock.error)) body = <UnsupportedNotice error={lock.error} />;
  else if (lock.error) body = <ErrorMessage error={lock.error} />;
  else if (lock.data == null) {
    body = (
      <p className="notice notice-info" data-testid="lock-off">
        {t("lock.off")}
      </p>
    );
  } else {
    body = (
      <>
        <p className="notice notice-success lock-on" data-testid="lock-on">
          {t("lock.on")}
        </p>
        <LockEditor
          key={generation}
          initial={lock.data}
          startView={view}
          onView={setView}
          onEdit={() => {
            setSaved(false);
            if (put.error) put.reset();
          }}
          onSave={save}
          busy={put.isPending}
          saving={put.isPending && confirm === null}
        />
        {put.error && confirm === null && <ErrorMessage error={put.error} />}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="lock-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  const retention = confirm?.Rule?.DefaultRetention;
  return (
    <div className="settings-section lock-tab" data-testid="settings-objectLock">
      <p className="settings-intro">{t("lock.intro")}</p>
      {body}
      {confirm && retention && (
        <ConfirmDialog
          title={t("lock.confirm.title")}
          message={
            <>
              <p className="confirm-question">
                {t("lock.confirm.body", {
                  period:
                    retention.Years != null
                      ? tn("lock.confirm.years", retention.Years)
                      : tn("lock.confirm.days", retention.Days ?? 0),
                })}
              </p>
              <p>{t("lock.confirm.existing")}</p>
              {put.error && <ErrorMessage error={put.error} />}
            </>
          }
          okLabel={put.isPending ? t("config.saving") : t("lock.confirm.ok")}
          danger
          busy={put.isPending}
          onConfirm={() => put.mutate(confirm)}
          onCancel={() => {
            setConfirm(null);
            put.reset();
          }}
        />
      )}
    </div>
  );
}

interface EditorProps {
  initial: ObjectLockConfiguration;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  onSave: (config: ObjectLockConfiguration) => void;
  busy: boolean;
  saving: boolean;
}

const MODES = ["none", "GOVERNANCE", "COMPLIANCE"] as const satisfies readonly LockMode[];

const MODE_TEST_ID: Record<LockMode, string> = {
  none: "lock-default-none",
  GOVERNANCE: "lock-default-governance",
  COMPLIANCE: "lock-default-compliance",
};

function LockEditor({ initial, startView, onView, onEdit, onSave, busy, saving }: EditorProps) {
  const { t } = useT();
  const id = useId();
  const [form, setForm] = useState<LockForm>(() => fromConfig(initial));

  const edit = (patch: Partial<LockForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    onEdit();
  };

  const modeLabel = (m: LockMode) =>
    m === "none" ? t("lock.mode.none") : m === "GOVERNANCE" ? t("lock.mode.governance") : t("lock.mode.compliance");
  const modeHint = (m: LockMode) =>
    m === "none"
      ? t("lock.mode.noneHint")
      : m === "GOVERNANCE"
        ? t("lock.mode.governanceHint")
        : t("lock.mode.complianceHint");

  const renderForm = (problems: readonly Problem[]) => {
    const invalid = problemsAt(problems, DAYS, true).length + problemsAt(problems, YEARS, true).length > 0;
    return (
      <div className="lock-form">
        <fieldset className="config-group">
          <legend>{t("lock.default")}</legend>
          {MODES.map((m) => (
            <label key={m} className="config-choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={form.mode === m}
                data-testid={MODE_TEST_ID[m]}
                onChange={() => edit({ mode: m })}
              />
              <span>
                <span className="config-choice-label">{modeLabel(m)}</span>
                <span className="field-hint">{modeHint(m)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FieldProblems problems={problems} field="ObjectLockEnabled" />
        <FieldProblems problems={problems} field="Rule" />

        {form.mode !== "none" && (
          <div className="lock-period">
            <div className={`field lock-period-number ${invalid ? "field-invalid" : ""}`}>
              <label htmlFor={`${id}-period`}>{t("lock.period")}</label>
              <input
                id={`${id}-period`}
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={form.period}
                aria-invalid={invalid}
                aria-describedby={`${id}-period-hint`}
                data-testid="lock-default-period"
                onChange={(e) => {
                  const period = periodInput(e.target.value);
                  if (period !== null) edit({ period });
                }}
              />
            </div>
            <div className="field lock-period-unit">
              <label htmlFor={`${id}-unit`}>{t("lock.unit")}</label>
              <select
                id={`${id}-unit`}
                value={form.unit}
                data-testid="lock-default-unit"
                onChange={(e) => edit({ unit: e.target.value as PeriodUnit })}
              >
                <option value="days">{t("lock.unit.days")}</option>
                <option value="years">{t("lock.unit.years")}</option>
              </select>
            </div>
            <p id={`${id}-period-hint`} className="field-hint lock-period-hint">
              {t("lock.periodHint")}
            </p>
            <div className="lock-period-problems">
              <FieldProblems problems={problems} field={DAYS} />
              <FieldProblems problems={problems} field={YEARS} />
            </div>
          </div>
        )}
      </div>
    );
  };

  return (
    <ConfigEditor
      kind="objectLock"
      config={toConfig(form)}
      label={t("settings.tab.objectLock")}
      testPrefix="lock"
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
      busy={busy}
      saving={saving}
    />
  );
}
