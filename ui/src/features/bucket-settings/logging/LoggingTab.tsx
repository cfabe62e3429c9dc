import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, type BucketLogging, type GranteeType, type LogPermission, type Problem } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT, type MessageKey } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import type { EditorView } from "../kit/ViewToggle";
import { ConfigEditor } from "../objectLock/ConfigEditor";
import type { SettingsTabProps } from "../tabs";
import {
  defaultPrefix,
  formCanShow,
  fromConfig,
  granteeField,
  GROUP_URIS,
  newGrant,
  toConfig,
  type GrantRow,
  type LoggingForm,
} from "./model";
import "./logging.css";

const loggingKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "logging"] as const;

/**
 * Server access logging: when on, the server writes a log of the requests made to this bucket
 * into a target bucket under a prefix, optionally granting others access to the log objects.
 * After a save the form shows what the server reads back. radosgw 16.2 refuses changes (405):
 * the form is shown disabled with the reason.
 */
export function LoggingTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const logging = useQuery({
    queryKey: loggingKey(profileId, bucket),
    queryFn: () => api.getBucketLogging(profileId, bucket),
  });
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");

  const put = useMutation({
    mutationFn: (config: BucketLogging) => api.putBucketLogging(profileId, bucket, config),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: loggingKey(profileId, bucket) });
      setGeneration((g) => g + 1);
      setSaved(true);
    },
  });

  let body;
  if (logging.isPending) body = <Spinner label={t("common.loading")} />;
  else if (logging.error && isUnsupported(logging.error)) {
    body = (
      <>
        <UnsupportedNotice error={logging.error} />
        <fieldset className="config-disabled" disabled data-testid="logging-disabled">
          <LoggingEditor
            bucket={bucket}
            initial={null}
            startView="form"
            onView={() => {}}
            onEdit={() => {}}
            onSave={() => {}}
            busy
            disabled
          />
        </fieldset>
      </>
    );
  } else if (logging.error) body = <ErrorMessage error={logging.error} />;
  else {
    const on = logging.data?.LoggingEnabled ?? null;
    body = (
      <>
        <p className={`notice ${on ? "notice-success" : "notice-info"}`} data-testid="logging-state">
          {on ? t("logging.stateOn", { target: `${on.TargetBucket}/${on.TargetPrefix}` }) : t("logging.stateOff")}
        </p>
        <LoggingEditor
          key={generation}
          bucket={bucket}
          initial={logging.data ?? null}
          startView={view}
          onView={setView}
          onEdit={() => {
            setSaved(false);
            if (put.error) put.reset();
          }}
          onSave={(config) => {
            setSaved(false);
            put.reset();
            put.mutate(config);
          }}
          busy={put.isPending}
          saving={put.isPending}
        />
        {put.error && (isUnsupported(put.error) ? <UnsupportedNotice error={put.error} /> : <ErrorMessage error={put.error} />)}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="logging-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="settings-section logging-tab" data-testid="settings-logging">
      <p className="settings-intro">{t("logging.intro")}</p>
      {body}
    </div>
  );
}

interface EditorProps {
  bucket: string;
  initial: BucketLogging | null;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  onSave: (config: BucketLogging) => void;
  busy: boolean;
  saving?: boolean;
  disabled?: boolean;
}

const TYPE_LABEL: Record<GranteeType, MessageKey> = {
  CanonicalUser: "logging.grantee.CanonicalUser",
  AmazonCustomerByEmail: "logging.grantee.AmazonCustomerByEmail",
  Group: "logging.grantee.Group",
};

const VALUE_LABEL: Record<GranteeType, MessageKey> = {
  CanonicalUser: "logging.grantee.id",
  AmazonCustomerByEmail: "logging.grantee.email",
  Group: "logging.grantee.uri",
};

const PERMISSION_LABEL: Record<LogPermission, MessageKey> = {
  FULL_CONTROL: "logging.permission.FULL_CONTROL",
  READ: "logging.permission.READ",
  WRITE: "logging.permission.WRITE",
};

function LoggingEditor({ bucket, initial, startView, onView, onEdit, onSave, busy, saving, disabled }: EditorProps) {
  const { t } = useT();
  const id = useId();
  const [form, setForm] = useState<LoggingForm>(() => fromConfig(initial, bucket));

  const edit = (patch: Partial<LoggingForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    onEdit();
  };
  const editGrant = (next: GrantRow) => edit({ grants: form.grants.map((g) => (g.id === next.id ? next : g)) });

  const renderForm = (problems: readonly Problem[]) => {
    const bucketInvalid = problemsAt(problems, "LoggingEnabled.TargetBucket", true).length > 0;
    const prefixInvalid = problemsAt(problems, "LoggingEnabled.TargetPrefix", true).length > 0;
    return (
      <div className="logging-form">
        <label className="checkbox logging-switch">
          <input
            type="checkbox"
            role="switch"
            checked={form.enabled}
            disabled={disabled}
            data-testid="logging-enabled"
            onChange={(e) => edit({ enabled: e.target.checked })}
          />
          <span>
            <span className="config-choice-label">{t("logging.enabled")}</span>
            <span className="field-hint block">{t("logging.enabledHint")}</span>
          </span>
        </label>

        {form.enabled && (
          <>
            <div className="logging-row">
              <div className={`field ${bucketInvalid ? "field-invalid" : ""}`}>
                <label htmlFor={`${id}-bucket`}>{t("logging.targetBucket")}</label>
                <input
                  id={`${id}-bucket`}
                  value={form.targetBucket}
                  placeholder={t("logging.targetBucketPlaceholder")}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={bucketInvalid}
                  aria-describedby={`${id}-bucket-hint`}
                  disabled={disabled}
                  data-testid="logging-target-bucket"
                  onChange={(e) => edit({ targetBucket: e.target.value })}
                />
                <p id={`${id}-bucket-hint`} className="field-hint">
                  {t("logging.targetBucketHint")}
                </p>
                <FieldProblems problems={problems} field="LoggingEnabled.TargetBucket" />
              </div>
              <div className={`field ${prefixInvalid ? "field-invalid" : ""}`}>
                <label htmlFor={`${id}-prefix`}>{t("logging.targetPrefix")}</label>
                <input
                  id={`${id}-prefix`}
                  className="mono"
                  value={form.targetPrefix}
                  placeholder={defaultPrefix(bucket)}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={prefixInvalid}
                  aria-describedby={`${id}-prefix-hint`}
                  disabled={disabled}
                  data-testid="logging-target-prefix"
                  onChange={(e) => edit({ targetPrefix: e.target.value })}
                />
                <p id={`${id}-prefix-hint`} className="field-hint">
                  {t("logging.targetPrefixHint", { example: defaultPrefix(bucket) })}
                </p>
                <FieldProblems problems={problems} field="LoggingEnabled.TargetPrefix" />
              </div>
            </div>

            <section className="config-group logging-grants" aria-labelledby={`${id}-grants`}>
              <h3 id={`${id}-grants`} className="logging-subtitle">
                {t("logging.grants")}
              </h3>
              <p className="field-hint">{t("logging.grantsHint")}</p>
              {form.grants.length === 0 && <p className="muted">{t("logging.grantsNone")}</p>}
              <datalist id={`${id}-groups`}>
                {GROUP_URIS.map((uri) => (
                  <option key={uri} value={uri} />
                ))}
              </datalist>
              {form.grants.map((g, i) => (
                <GrantEditor
                  key={g.id}
                  index={i}
                  grant={g}
                  groupsList={`${id}-groups`}
                  problems={problems}
                  disabled={disabled}
                  onChange={editGrant}
                  onRemove={() => edit({ grants: form.grants.filter((r) => r.id !== g.id) })}
                />
              ))}
              <FieldProblems problems={problems} field="LoggingEnabled.TargetGrants" />
              <div>
                <button
                  type="button"
                  className="button small"
                  disabled={disabled}
                  data-testid="logging-grant-add"
                  onClick={() => edit({ grants: [...form.grants, newGrant()] })}
                >
                  <Icon name="plus" size={14} />
                  {t("logging.grantAdd")}
                </button>
              </div>
            </section>
          </>
        )}
      </div>
    );
  };

  return (
    <ConfigEditor
      kind="logging"
      config={toConfig(form)}
      label={t("settings.tab.logging")}
      testPrefix="logging"
      startView={startView}
      onView={onView}
      renderForm={renderForm}
      onJson={(doc) => {
        if (!formCanShow(doc, bucket)) return false;
        // Off keeps what the form had typed for the target, in case logging is turned back on.
        if (!doc.LoggingEnabled) setForm((f) => ({ ...f, enabled: false }));
        else setForm(fromConfig(doc, bucket));
        return true;
      }}
      onSave={onSave}
      onEdit={onEdit}
      busy={busy}
      saving={saving}
      disabled={disabled}
    />
  );
}

interface GrantProps {
  index: number;
  grant: GrantRow;
  groupsList: string;
  problems: readonly Problem[];
  disabled?: boolean;
  onChange: (grant: GrantRow) => void;
  onRemove: () => void;
}

function GrantEditor({ index, grant, groupsList, problems, disabled, onChange, onRemove }: GrantProps) {
  const { t } = useT();
  const id = useId();
  const base = `LoggingEnabled.TargetGrants[${index}]`;
  const valueField = `${base}.Grantee.${granteeField(grant.type)}`;
  const invalid = problemsAt(problems, valueField, true).length > 0;
  const n = index + 1;
  const testId = `logging-grant-${index}`;
  return (
    <div className="logging-grant" data-testid={testId} role="group" aria-label={t("logging.grant", { n })}>
      <div className="field logging-grant-type">
        <label htmlFor={`${id}-type`}>{t("logging.grantee")}</label>
        <select
          id={`${id}-type`}
          value={grant.type}
          disabled={disabled}
          data-testid={`${testId}-type`}
          // Another kind of grantee: the value typed for the old one means nothing for it.
          onChange={(e) => onChange({ ...grant, type: e.target.value as GranteeType, value: "", displayName: null })}
        >
          {(Object.keys(TYPE_LABEL) as GranteeType[]).map((type) => (
            <option key={type} value={type}>
              {t(TYPE_LABEL[type])}
            </option>
          ))}
        </select>
      </div>
      <div className={`field logging-grant-value ${invalid ? "field-invalid" : ""}`}>
        <label htmlFor={`${id}-value`}>{t(VALUE_LABEL[grant.type])}</label>
        <input
          id={`${id}-value`}
          className="mono"
          value={grant.value}
          type={grant.type === "AmazonCustomerByEmail" ? "email" : "text"}
          list={grant.type === "Group" ? groupsList : undefined}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          disabled={disabled}
          data-testid={`${testId}-value`}
          onChange={(e) => onChange({ ...grant, value: e.target.value })}
        />
        {grant.displayName && <p className="field-hint">{grant.displayName}</p>}
        <FieldProblems problems={problems} field={valueField} />
      </div>
      <div className="field logging-grant-permission">
        <label htmlFor={`${id}-permission`}>{t("logging.permission")}</label>
        <select
          id={`${id}-permission`}
          value={grant.permission}
          disabled={disabled}
          data-testid={`${testId}-permission`}
          onChange={(e) => onChange({ ...grant, permission: e.target.value as LogPermission })}
        >
          {(Object.keys(PERMISSION_LABEL) as LogPermission[]).map((p) => (
            <option key={p} value={p}>
              {t(PERMISSION_LABEL[p])}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="icon-button logging-grant-remove"
        aria-label={t("logging.grantRemove", { n })}
        title={t("logging.grantRemove", { n })}
        disabled={disabled}
        data-testid={`${testId}-remove`}
        onClick={onRemove}
      >
        <Icon name="trash" size={14} />
      </button>
      <div className="logging-grant-problems">
        <FieldProblems problems={problems} field={base} />
        <FieldProblems problems={problems} field={`${base}.Grantee`} />
        <FieldProblems problems={problems} field={`${base}.Permission`} />
      </div>
    </div>
  );
}
