import type { UseMutationResult } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { CorsMethod, CorsRule, PreflightAnswer, PreflightRequest } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { METHODS } from "./model";

interface Props {
  bucket: string;
  /** The rules the server holds (the preflight is answered by those, not by the form). */
  savedRules: readonly CorsRule[];
  /** The form has changes that are not saved. */
  dirty: boolean;
  preflight: UseMutationResult<PreflightAnswer, Error, PreflightRequest>;
}

/** Request header names as typed: separated by commas or spaces. */
function headerNames(text: string): string[] {
  return text.split(/[\s,]+/).filter((h) => h !== "");
}

/**
 * The live test: the app sends the OPTIONS request a browser would send before a cross-origin
 * request, and shows the server's answer and which saved rule allowed it.
 */
export function Preflight({ bucket, savedRules, dirty, preflight }: Props) {
  const { t } = useT();
  const id = useId();
  const [origin, setOrigin] = useState("");
  const [method, setMethod] = useState<CorsMethod>("GET");
  const [headers, setHeaders] = useState("");
  const [key, setKey] = useState("");

  const send = () =>
    preflight.mutate({
      bucket,
      key: key.trim() === "" ? null : key.trim(),
      origin: origin.trim(),
      method,
      headers: headerNames(headers),
    });

  return (
    <section className="cors-preflight" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="cors-subtitle">
        {t("cors.preflight.title")}
      </h3>
      <p className="field-hint">{t("cors.preflight.hint")}</p>
      <form
        className="cors-preflight-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <div className="cors-row">
          <div className="field">
            <label htmlFor={`${id}-origin`}>{t("cors.preflight.origin")}</label>
            <input
              id={`${id}-origin`}
              value={origin}
              placeholder="https://www.example.com"
              spellCheck={false}
              autoCapitalize="off"
              data-testid="preflight-origin"
              onChange={(e) => setOrigin(e.target.value)}
            />
          </div>
          <div className="field cors-narrow">
            <label htmlFor={`${id}-method`}>{t("cors.preflight.method")}</label>
            <select
              id={`${id}-method`}
              value={method}
              data-testid="preflight-method"
              onChange={(e) => setMethod(e.target.value as CorsMethod)}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="cors-row">
          <div className="field">
            <label htmlFor={`${id}-headers`}>{t("cors.preflight.headers")}</label>
            <input
              id={`${id}-headers`}
              value={headers}
              placeholder="content-type, x-amz-meta-owner"
              spellCheck={false}
              autoCapitalize="off"
              data-testid="preflight-headers"
              aria-describedby={`${id}-headers-hint`}
              onChange={(e) => setHeaders(e.target.value)}
            />
            <p className="field-hint" id={`${id}-headers-hint`}>
              {t("cors.preflight.headersHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-key`}>{t("cors.preflight.key")}</label>
            <input
              id={`${id}-key`}
              value={key}
              placeholder="photos/cat.jpg"
              spellCheck={false}
              autoCapitalize="off"
              data-testid="preflight-key"
              aria-describedby={`${id}-key-hint`}
              onChange={(e) => setKey(e.target.value)}
            />
            <p className="field-hint" id={`${id}-key-hint`}>
              {t("cors.preflight.keyHint")}
            </p>
          </div>
        </div>
        <div className="cors-preflight-actions">
          <button type="submit" className="button" data-testid="preflight-run" disabled={preflight.isPending}>
            {preflight.isPending ? t("cors.preflight.sending") : t("cors.preflight.send")}
          </button>
          {dirty && (
            <span className="field-hint cors-warning" data-testid="preflight-unsaved">
              {t("cors.preflight.unsaved")}
            </span>
          )}
        </div>
      </form>
      {preflight.error && <ErrorMessage error={preflight.error} />}
      {preflight.data && !preflight.isPending && <PreflightResult answer={preflight.data} savedRules={savedRules} />}
    </section>
  );
}

function PreflightResult({ answer, savedRules }: { answer: PreflightAnswer; savedRules: readonly CorsRule[] }) {
  const { t, tn } = useT();
  const matched = answer.matchedRule;
  const ruleId = matched !== null ? (savedRules[matched]?.ID ?? "") : "";
  let rule;
  if (matched !== null)
    rule = ruleId ? t("cors.preflight.matchedWithId", { n: matched + 1, id: ruleId }) : t("cors.preflight.matched", { n: matched + 1 });
  else if (answer.ruleCount === 0) rule = t("cors.preflight.noRules");
  else rule = tn("cors.preflight.noMatch", answer.ruleCount);

  return (
    <div className={`cors-result ${answer.allowed ? "cors-result-allowed" : "cors-result-refused"}`} data-testid="preflight-result" role="status">
      <div className="cors-result-head">
        {answer.allowed ? (
          <span className="cors-verdict cors-verdict-allowed" data-testid="preflight-allowed">
            <Icon name="check" size={15} />
            {t("cors.preflight.allowed", { status: answer.status })}
          </span>
        ) : (
          <span className="cors-verdict cors-verdict-refused" data-testid="preflight-refused">
            <Icon name="warning" size={15} />
            {t("cors.preflight.refused", { status: answer.status })}
          </span>
        )}
        <span className="cors-result-rule" data-testid="preflight-rule">
          {rule}
        </span>
      </div>
      {answer.headers.length > 0 ? (
        <table className="cors-headers">
          <caption className="field-hint">{t("cors.preflight.headersTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cors.preflight.headerName")}</th>
              <th scope="col">{t("cors.preflight.headerValue")}</th>
            </tr>
          </thead>
          <tbody>
            {answer.headers.map(([name, value], i) => (
              <tr key={i}>
                <td className="mono">{name}</td>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="field-hint">{t("cors.preflight.noHeaders")}</p>
      )}
      {answer.requestId && <p className="field-hint">{t("cors.preflight.requestId", { id: answer.requestId })}</p>}
    </div>
  );
}
