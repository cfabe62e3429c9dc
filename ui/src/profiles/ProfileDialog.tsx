import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { saveProfile, testConnection, type ConnectionReport, type Profile, type ProfileInput } from "../backend";
import { Field } from "../components/Field";
import { Icon } from "../components/Icon";
import { Modal } from "../components/Modal";
import { ErrorMessage } from "../errors";
import { useT } from "../i18n";
import { queryKeys } from "../lib/queryKeys";
import {
  EMPTY_PROFILE_FORM,
  toProfileInput,
  validateProfileForm,
  type ProfileForm,
  type ProfileFormErrors,
} from "./validateProfile";

/** Beyond this, requests risk RequestTimeTooSkewed; warn. */
const SKEW_WARNING_SECONDS = 300;

interface Props {
  /** The profile to edit; absent for a new one. */
  profile?: Profile;
  onClose: () => void;
  onSaved: (profile: Profile) => void;
}

function formOf(p: Profile | undefined): ProfileForm {
  if (!p) return EMPTY_PROFILE_FORM;
  return { ...p, secretAccessKey: "" };
}

export function ProfileDialog({ profile, onClose, onSaved }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const isNew = !profile;
  const [form, setForm] = useState<ProfileForm>(() => formOf(profile));
  const [errors, setErrors] = useState<ProfileFormErrors>({});

  const test = useMutation({ mutationFn: (input: ProfileInput) => testConnection(input) });
  const save = useMutation({
    mutationFn: (input: ProfileInput) => saveProfile(input),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: queryKeys.profiles() });
      onSaved(saved);
    },
  });

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    test.reset();
  };

  /** Validates; returns the input to send, or null (and shows why) when the form is not valid. */
  const checked = () => {
    const found = validateProfileForm(form, isNew);
    setErrors(found);
    return Object.keys(found).length === 0 ? toProfileInput(form, profile?.id ?? null) : null;
  };

  const onTest = () => {
    const input = checked();
    if (input) test.mutate(input);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = checked();
    if (input) save.mutate(input);
  };

  const fieldError = (k: keyof ProfileFormErrors) => (errors[k] ? t(errors[k]) : null);
  const busy = save.isPending;

  return (
    <Modal
      title={isNew ? t("profileDialog.titleNew") : t("profileDialog.titleEdit")}
      onClose={onClose}
      testId="profile-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            data-testid="profile-test"
            onClick={onTest}
            disabled={test.isPending || busy}
          >
            <Icon name="plug" size={16} />
            {test.isPending ? t("profileDialog.testing") : t("profileDialog.test")}
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="profile-save" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={onSubmit} noValidate>
        <Field label={t("profileDialog.name")} htmlFor={`${ids}-name`} error={fieldError("name")}>
          <input
            id={`${ids}-name`}
            data-testid="profile-name"
            value={form.name}
            placeholder={t("profileDialog.namePlaceholder")}
            onChange={(e) => set("name", e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field label={t("profileDialog.endpoint")} htmlFor={`${ids}-endpoint`} error={fieldError("endpoint")}>
          <input
            id={`${ids}-endpoint`}
            data-testid="profile-endpoint"
            value={form.endpoint}
            placeholder={t("profileDialog.endpointPlaceholder")}
            onChange={(e) => set("endpoint", e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <div className="form-row">
          <Field label={t("profileDialog.region")} htmlFor={`${ids}-region`} hint={t("profileDialog.regionHint")}>
            <input
              id={`${ids}-region`}
              data-testid="profile-region"
              value={form.region}
              onChange={(e) => set("region", e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <label className="checkbox form-row-check">
            <input
              type="checkbox"
              data-testid="profile-path-style"
              checked={form.pathStyle}
              onChange={(e) => set("pathStyle", e.target.checked)}
            />
            <span>{t("profileDialog.pathStyle")}</span>
          </label>
        </div>
        <Field label={t("profileDialog.accessKey")} htmlFor={`${ids}-ak`} error={fieldError("accessKeyId")}>
          <input
            id={`${ids}-ak`}
            data-testid="profile-access-key"
            value={form.accessKeyId}
            onChange={(e) => set("accessKeyId", e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field
          label={t("profileDialog.secretKey")}
          htmlFor={`${ids}-sk`}
          error={fieldError("secretAccessKey")}
          hint={isNew ? t("profileDialog.secretHintNew") : t("profileDialog.secretHintEdit")}
        >
          <input
            id={`${ids}-sk`}
            type="password"
            data-testid="profile-secret-key"
            value={form.secretAccessKey}
            onChange={(e) => set("secretAccessKey", e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <TestResult report={test.data} error={test.error} />
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </Modal>
  );
}

function TestResult({ report, error }: { report: ConnectionReport | undefined; error: unknown }) {
  const { t, tn } = useT();
  if (error) {
    return (
      <div data-testid="profile-test-result">
        <ErrorMessage error={error} />
      </div>
    );
  }
  if (!report) return null;
  const skew = report.clockSkewSeconds;
  return (
    <div className="test-result" data-testid="profile-test-result">
      <p className="test-ok">
        <Icon name="check" size={16} />
        {tn("profileDialog.connected", report.bucketCount, { ms: Math.round(report.latencyMs) })}
      </p>
      {skew !== null && Math.abs(skew) > SKEW_WARNING_SECONDS && (
        <p className="test-warning">
          <Icon name="warning" size={16} />
          {t("profileDialog.skew", { seconds: Math.round(skew) })}
        </p>
      )}
    </div>
  );
}
