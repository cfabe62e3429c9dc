import { useState } from "react";
import { api, type TransferView } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useTransferStore, useTransfers } from "./useTransfers";

/**
 * "N transfers did not finish last time": resume them all, or dismiss them (cancelled: what is
 * transferred stays). Shown in the app frame above every page while such transfers exist.
 */
export function InterruptedBanner() {
  const { t, tn } = useT();
  const store = useTransferStore();
  const interrupted = useTransfers().filter((v) => v.state === "interrupted");
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (interrupted.length === 0 && error === null) return null;

  const forAll = async (call: (id: number) => Promise<TransferView>) => {
    setBusy(true);
    setError(null);
    // One after the other, oldest first (the order they were queued in); each answer goes into
    // the list as it comes.
    for (const v of [...interrupted].sort((a, b) => a.id - b.id)) {
      try {
        store.put(await call(v.id));
      } catch (e) {
        setError(e);
      }
    }
    setBusy(false);
  };

  return (
    <div className="banner" role="status" data-testid="transfers-interrupted">
      {interrupted.length > 0 && (
        <div className="banner-line">
          <Icon name="warning" size={18} />
          <span className="banner-text">{tn("transfers.interrupted", interrupted.length)}</span>
          <button type="button" className="button small primary" data-testid="transfers-resume-all" disabled={busy} onClick={() => void forAll(api.resumeTransfer)}>
            {t("transfers.resumeAll")}
          </button>
          <button type="button" className="button small" data-testid="transfers-dismiss-interrupted" disabled={busy} onClick={() => setAsking(true)}>
            {t("transfers.cancelAll")}
          </button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} context={t("transfers.actionFailed")} onDismiss={() => setError(null)} />}
      {asking && (
        <ConfirmDialog
          title={t("transfers.cancelAll.title")}
          message={
            <>
              <p className="confirm-question">{tn("transfers.interrupted", interrupted.length)}</p>
              <p className="muted">{t("transfers.cancelAll.body")}</p>
            </>
          }
          okLabel={t("transfers.cancelAll.ok")}
          cancelLabel={t("transfers.cancelConfirm.keepGoing")}
          danger
          onConfirm={() => {
            setAsking(false);
            void forAll(api.cancelTransfer);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}
