import { Icon } from "../../components/Icon";
import { ErrorMessage, errorSentence } from "../../errors";
import { useT } from "../../i18n";
import { TransferNotice } from "../transfers/TransferNotice";
import type { Notice } from "./notice";

/** The outcome of the last action: a success line, an error, a transfer followed live, or a delete report with its failures. */
export function NoticeView({ notice, onDismiss, onOpenTransfers }: { notice: Notice; onDismiss: () => void; onOpenTransfers?: () => void }) {
  const { t, tn, locale } = useT();
  if (notice.kind === "transfer") return <TransferNotice started={notice.started} onDismiss={onDismiss} onOpen={onOpenTransfers} />;
  if (notice.kind === "error")
    return <ErrorMessage error={notice.error} context={notice.about} onDismiss={onDismiss} className="notice" />;
  if (notice.kind === "success" || notice.kind === "warning") {
    const warning = notice.kind === "warning";
    return (
      <div className={`notice ${warning ? "notice-warning" : "notice-success"}`} role="status" data-testid="notice">
        <Icon name={warning ? "warning" : "check"} size={18} />
        <span>{notice.text}</span>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label={t("common.dismiss")}>
          ×
        </button>
      </div>
    );
  }
  const { deleted, failed } = notice.report;
  return (
    <div className={`notice ${failed.length ? "notice-warning" : "notice-success"}`} role="status" data-testid="notice">
      <Icon name={failed.length ? "warning" : "check"} size={18} />
      <div className="notice-body">
        <p>{tn("delete.done", deleted.length)}</p>
        {failed.length > 0 && (
          <>
            <p>{tn("delete.failed", failed.length)}</p>
            <ul className="failures" data-testid="delete-failures">
              {failed.map((f) => (
                <li key={f.key}>
                  <span className="mono">{f.key}</span> — {errorSentence(f.serverCode ?? f.code, locale)}{" "}
                  <small className="muted">
                    ({f.serverCode ?? f.code}
                    {f.message ? `: ${f.message}` : ""})
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="icon-button" onClick={onDismiss} aria-label={t("common.dismiss")}>
        ×
      </button>
    </div>
  );
}
