import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, type ProxyMode } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { formatDate } from "../../lib/format";
import type { ProfileForm } from "./profileForm";

interface Props {
  form: ProfileForm;
  /** Sets several fields of the form at once. */
  change: (patch: Partial<ProfileForm>) => void;
  /** Rust's problem text for the proxy URL (null: none). */
  proxyUrlError: ReactNode;
  ids: string;
}

/**
 * The profile's own CA and proxy (in the dialog's Advanced section). The CA file is chosen in a
 * native dialog in Rust; this page sees a handle and the certificate's summary, never the file.
 * There is no switch that turns certificate checks off.
 */
export function NetworkSection({ form, change, proxyUrlError, ids }: Props) {
  const { t, locale } = useT();
  const choose = useMutation({ mutationFn: () => api.chooseCaCertificate() });

  const onChoose = async () => {
    const chosen = await choose.mutateAsync().catch(() => null);
    if (chosen) change({ ca: { kind: "chosen", handle: chosen.handle }, caSummary: chosen.summary });
  };

  const ca = form.caSummary;
  const modes: ProxyMode[] = ["system", "direct", "custom"];
  const modeLabel: Record<ProxyMode, string> = {
    system: t("profileDialog.proxySystem"),
    direct: t("profileDialog.proxyDirect"),
    custom: t("profileDialog.proxyCustom"),
  };

  return (
    <>
      <div className="field" data-testid="profile-ca">
        <span className="field-label" id={`${ids}-ca-label`}>
          {t("profileDialog.ca")}
        </span>
        {ca ? (
          <div className="ca-summary" data-testid="profile-ca-summary" aria-labelledby={`${ids}-ca-label`}>
            <p>{t("profileDialog.caSubject", { subject: ca.subject })}</p>
            {ca.issuer !== ca.subject && <p>{t("profileDialog.caIssuer", { issuer: ca.issuer })}</p>}
            {ca.expired ? (
              <p className="field-note warning" data-testid="profile-ca-expired">
                <Icon name="warning" size={14} />
                {t("profileDialog.caExpired", { date: formatDate(ca.notAfter, locale) })}
              </p>
            ) : (
              <p data-testid="profile-ca-expiry">{t("profileDialog.caExpires", { date: formatDate(ca.notAfter, locale) })}</p>
            )}
            {ca.certificates > 1 && <p>{t("profileDialog.caCount", { count: ca.certificates })}</p>}
          </div>
        ) : (
          <p className="field-hint" data-testid="profile-ca-none">
            {t("profileDialog.caNone")}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" data-testid="profile-ca-choose" onClick={() => void onChoose()} disabled={choose.isPending}>
            {ca ? t("profileDialog.caReplace") : t("profileDialog.caChoose")}
          </button>
          {ca && (
            <button type="button" className="button" data-testid="profile-ca-remove" onClick={() => change({ ca: { kind: "remove" }, caSummary: null })}>
              {t("profileDialog.caRemove")}
            </button>
          )}
        </div>
        {choose.error && <ErrorMessage error={choose.error} />}
        <p className="field-hint">{t("profileDialog.caHint")}</p>
      </div>

      <fieldset className="field" data-testid="profile-proxy">
        <legend>{t("profileDialog.proxy")}</legend>
        {modes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name={`${ids}-proxy-mode`}
              data-testid={`profile-proxy-${mode}`}
              checked={form.proxyMode === mode}
              onChange={() => change({ proxyMode: mode })}
            />
            <span>{modeLabel[mode]}</span>
          </label>
        ))}
      </fieldset>
      {form.proxyMode === "custom" && (
        <>
          <Field label={t("profileDialog.proxyUrl")} htmlFor={`${ids}-proxy-url`} error={proxyUrlError} errorTestId="profile-proxy-url-error">
            <input
              id={`${ids}-proxy-url`}
              data-testid="profile-proxy-url"
              value={form.proxyUrl}
              placeholder={t("profileDialog.proxyUrlPlaceholder")}
              onChange={(e) => change({ proxyUrl: e.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <div className="form-row">
            <Field label={t("profileDialog.proxyUsername")} htmlFor={`${ids}-proxy-user`}>
              <input
                id={`${ids}-proxy-user`}
                data-testid="profile-proxy-username"
                value={form.proxyUsername}
                onChange={(e) => change({ proxyUsername: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
            <Field label={t("profileDialog.proxyPassword")} htmlFor={`${ids}-proxy-pw`} hint={t("profileDialog.proxyPasswordHint")}>
              <input
                id={`${ids}-proxy-pw`}
                type="password"
                data-testid="profile-proxy-password"
                value={form.proxyPassword}
                onChange={(e) => change({ proxyPassword: e.target.value })}
                autoComplete="new-password"
                disabled={form.proxyUsername.trim() === ""}
              />
            </Field>
          </div>
          <Field label={t("profileDialog.noProxy")} htmlFor={`${ids}-no-proxy`} hint={t("profileDialog.noProxyHint")}>
            <input
              id={`${ids}-no-proxy`}
              data-testid="profile-no-proxy"
              value={form.noProxy}
              onChange={(e) => change({ noProxy: e.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
        </>
      )}
    </>
  );
}
