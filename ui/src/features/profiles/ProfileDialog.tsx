import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { api, type ConnectionReport, type FieldProblem, type Profile, type ProfileField, type ProfileInput } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { NetworkSection } from "./NetworkSection";
import { formOf, isCheckedField, PROBLEM_MESSAGES, toProfileInput, type ProfileForm } from "./profileForm";
import { useProfileCheck } from "./queries";

interface Props {
  /** The profile to edit; absent for a new one. */
  profile?: Profile;
  onClose: () => void;
  onSaved: (profile: Profile) => void;
}

/**
 * New or edit profile. Rust checks the form (checkProfile) while typing pauses and again before
 * Save or Test; a field's problems show once it was edited, or all of them after Save or Test.
 */
export function ProfileDialog({ profile, onClose, onSaved }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const isNew = !profile;
  const [form, setForm] = useState<ProfileForm>(() => formOf(profile));
  const [touched, setTouched] = useState<ReadonlySet<ProfileField>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  /** Save was asked, the test it ran failed: the next Save saves as it is. */
  const [saveAnyway, setSaveAnyway] = useState(false);

  const input = useMemo(() => toProfileInput(form, profile?.id ?? null), [form, profile?.id]);
  const check = useProfileCheck(input);

  const test = useMutation({ mutationFn: (i: ProfileInput) => api.testConnection(i) });
  const save = useMutation({
    mutationFn: (i: ProfileInput) => api.saveProfile(i),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: queryKeys.profiles() });
      onSaved(saved);
    },
  });

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (isCheckedField(key)) setTouched((s) => (s.has(key) ? s : new Set([...s, key])));
    test.reset();
    setSaveAnyway(false);
  };

  /** Several fields at once (the network section); the proxy URL counts as edited. */
  const change = (patch: Partial<ProfileForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    if ("proxyUrl" in patch) setTouched((s) => (s.has("proxyUrl") ? s : new Set([...s, "proxyUrl"])));
    test.reset();
    setSaveAnyway(false);
  };

  /** Asks Rust about the current input; resolves to it when it may be sent, else null (its problems show). */
  const verified = async (): Promise<ProfileInput | null> => {
    setShowAll(true);
    setCheckError(null);
    try {
      const verdict = await check.now();
      return verdict.problems.length === 0 ? input : null;
    } catch (e) {
      setCheckError(e);
      return null;
    }
  };

  const onTest = async () => {
    const ok = await verified();
    if (ok) test.mutate(ok);
  };

  /**
   * Save tests first unless this very input was just tested and worked: a profile is not saved
   * untested without the user seeing the test fail and choosing "Save anyway".
   */
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await verified();
    if (!ok) return;
    if (test.isSuccess || saveAnyway) {
      save.mutate(ok);
      return;
    }
    try {
      await test.mutateAsync(ok);
      save.mutate(ok);
    } catch {
      setSaveAnyway(true); // the failure shows in the test result
    }
  };

  const problems = (field: ProfileField): FieldProblem[] =>
    showAll || touched.has(field) ? (check.check?.problems ?? []).filter((p) => p.field === field) : [];
  const problemText = (field: ProfileField) => {
    const found = problems(field);
    if (found.length === 0) return null;
    return found.map((p) => (
      <span key={p.reason} className="field-problem">
        {t(PROBLEM_MESSAGES[p.reason], { part: p.part ?? "" })}
      </span>
    ));
  };
  const busy = save.isPending || test.isPending;

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
            onClick={() => void onTest()}
            disabled={busy}
          >
            <Icon name="plug" size={16} />
            {test.isPending ? t("profileDialog.testing") : t("profileDialog.test")}
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="profile-save" disabled={busy}>
            {save.isPending ? t("common.saving") : saveAnyway ? t("profileDialog.saveAnyway") : t("common.save")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t("profileDialog.name")} htmlFor={`${ids}-name`} error={problemText("name")} errorTestId="profile-name-error">
          <input
            id={`${ids}-name`}
            data-testid="profile-name"
            value={form.name}
            placeholder={t("profileDialog.namePlaceholder")}
            onChange={(e) => set("name", e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field
          label={t("profileDialog.endpoint")}
          htmlFor={`${ids}-endpoint`}
          error={problemText("endpoint")}
          errorTestId="profile-endpoint-error"
          note={
            check.check?.plainHttp && (
              <p className="field-note warning" data-testid="profile-plain-http">
                <Icon name="warning" size={14} />
                {t("profileDialog.plainHttp")}
              </p>
            )
          }
        >
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
          <Field
            label={t("profileDialog.region")}
            htmlFor={`${ids}-region`}
            hint={t("profileDialog.regionHint")}
            error={problemText("region")}
            errorTestId="profile-region-error"
          >
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
        <Field
          label={t("profileDialog.accessKey")}
          htmlFor={`${ids}-ak`}
          error={problemText("accessKeyId")}
          errorTestId="profile-access-key-error"
        >
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
          error={problemText("secretAccessKey")}
          errorTestId="profile-secret-key-error"
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
        <details
          className="form-advanced"
          open={form.searchEndpoint !== "" || form.caSummary !== null || form.proxyMode !== "system" || undefined}
        >
          <summary>{t("profileDialog.advanced")}</summary>
          <Field
            label={t("profileDialog.searchEndpoint")}
            htmlFor={`${ids}-search`}
            error={problemText("searchEndpoint")}
            errorTestId="profile-search-endpoint-error"
            hint={t("profileDialog.searchEndpointHint")}
          >
            <input
              id={`${ids}-search`}
              data-testid="profile-search-endpoint"
              value={form.searchEndpoint}
              placeholder={t("profileDialog.searchEndpointPlaceholder")}
              onChange={(e) => set("searchEndpoint", e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <NetworkSection form={form} change={change} proxyUrlError={problemText("proxyUrl")} ids={ids} />
        </details>
        {(checkError ?? check.error) && <ErrorMessage error={checkError ?? check.error} />}
        <TestResult report={test.data} error={test.error} />
        {saveAnyway && (
          <p className="test-warning" data-testid="profile-save-untested">
            <Icon name="warning" size={16} />
            {t("profileDialog.saveUntested")}
          </p>
        )}
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
        {report.canListBuckets
          ? tn("profileDialog.connected", report.bucketCount, { ms: Math.round(report.latencyMs) })
          : t("profileDialog.connectedOnly", { ms: Math.round(report.latencyMs) })}
      </p>
      {/* The key and secret are good; ListBuckets was refused: buckets are opened by name. */}
      {!report.canListBuckets && (
        <p className="test-warning" data-testid="profile-test-no-list">
          <Icon name="warning" size={16} />
          {t("profileDialog.mayNotList")}
        </p>
      )}
      {/* Rust decides when the skew matters (clockSkewWarning); the figure is only shown. */}
      {report.clockSkewWarning && (
        <p className="test-warning">
          <Icon name="warning" size={16} />
          {skew === null ? t("profileDialog.skewUnknown") : t("profileDialog.skew", { seconds: Math.round(skew) })}
        </p>
      )}
    </div>
  );
}
