import { useState } from "react";
import { api } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { isFinished } from "./model";
import { TransferRow } from "./TransferRow";
import { TransferSettingsDialog } from "./TransferSettingsDialog";
import { useTransferStore, useTransfers } from "./useTransfers";

/** /transfers: every upload and download, newest first, with what can be done to each. */
export function TransfersPage() {
  const { t } = useT();
  const store = useTransferStore();
  const transfers = useTransfers();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [clearError, setClearError] = useState<unknown>(null);
  const anyFinished = transfers.some((v) => isFinished(v.state));

  const clear = async () => {
    setClearError(null);
    try {
      store.remove(await api.clearFinishedTransfers());
    } catch (e) {
      setClearError(e);
    }
  };

  return (
    <section className="page transfers-page">
      <header className="page-header row">
        <div className="page-title">
          <h2>{t("transfers.title")}</h2>
          <p className="muted">{t("transfers.intro")}</p>
        </div>
        <div className="button-row">
          <button type="button" className="button small" data-testid="transfers-clear" disabled={!anyFinished} onClick={() => void clear()}>
            {t("transfers.clearFinished")}
          </button>
          <button type="button" className="button small" data-testid="transfers-settings" onClick={() => setSettingsOpen(true)}>
            <Icon name="settings" size={16} />
            {t("transfers.settings")}
          </button>
        </div>
      </header>
      {clearError !== null && <ErrorMessage error={clearError} onDismiss={() => setClearError(null)} />}
      {!store.ready && transfers.length === 0 ? (
        <Spinner label={t("transfers.loading")} />
      ) : transfers.length === 0 ? (
        <p className="page-empty muted" data-testid="transfer-list-empty">
          {t("transfers.empty")}
        </p>
      ) : (
        <ul className="transfer-list" data-testid="transfer-list">
          {transfers.map((v) => (
            <TransferRow key={v.id} transfer={v} />
          ))}
        </ul>
      )}
      {settingsOpen && <TransferSettingsDialog onClose={() => setSettingsOpen(false)} />}
    </section>
  );
}
