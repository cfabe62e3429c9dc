import type { ReactNode } from "react";
import { useT } from "../i18n/useT";
import { describeError } from "./describeError";

interface Props {
  error: unknown;
  /** What failed, named ("Could not download “a.txt”"), above the sentence. */
  context?: ReactNode;
  /** Shows a dismiss button when given. */
  onDismiss?: () => void;
  className?: string;
}

/**
 * The sentence for the error (with the server's own code beside it when ErrorCode has none for it),
 * then small "code · HTTP status · request id" and the detail.
 */
export function ErrorMessage({ error, context, onDismiss, className }: Props) {
  const { t, locale } = useT();
  const d = describeError(error, locale);
  return (
    <div className={`error-message ${className ?? ""}`} role="alert" data-testid="error-message">
      <svg className="error-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path
          fill="currentColor"
          d="M10 1.7a8.3 8.3 0 1 0 0 16.6 8.3 8.3 0 0 0 0-16.6Zm.9 12.5H9.1v-1.8h1.8v1.8Zm0-3.3H9.1V5.8h1.8v5.1Z"
        />
      </svg>
      <div className="error-body">
        {context && (
          <p className="error-context" data-testid="error-context">
            {context}
          </p>
        )}
        <p className="error-sentence">
          {d.sentence}
          {d.serverCode && (
            <>
              {" "}
              <span className="error-server-code mono" data-testid="error-server-code" title={t("error.serverCode")}>
                {d.serverCode}
              </span>
            </>
          )}
        </p>
        <p className="error-meta">
          <span data-testid="error-code">{d.code}</span>
          {d.status !== null && <span> · {t("error.http", { status: d.status })}</span>}
          {d.requestId && (
            <span>
              {" · "}
              {t("error.requestId")} <span data-testid="error-request-id">{d.requestId}</span>
            </span>
          )}
        </p>
        {d.detail && (
          <p className="error-detail" lang="en">
            {d.detail}
          </p>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button error-dismiss" onClick={onDismiss} aria-label={t("common.dismiss")}>
          ×
        </button>
      )}
    </div>
  );
}
