import { useState } from "react";
import { api, type TransferView } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { filesLeft, isActive, isFinished } from "./model";
import { useTransferCommand } from "./useTransferCommand";

interface Props {
  transfer: TransferView;
  detailsOpen: boolean;
  detailsId: string;
  onToggleDetails: () => void;
}

/**
 * What can be done to a transfer in its state: pause (queued, running), resume (paused,
 * interrupted), retry (failed), cancel (anything not finished; asked first while files remain),
 * and the list of its files.
 */
export function TransferActions({ transfer: v, detailsOpen, detailsId, onToggleDetails }: Props) {
  const { t, tn } = useT();
  const command = useTransferCommand();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const left = filesLeft(v);

  const cancel = () => {
    setConfirmCancel(false);
    void command.run(() => api.cancelTransfer(v.id));
  };

  return (
    <>
      <div className="button-row transfer-actions">
        {isActive(v.state) && (
          <button type="button" className="button small" data-testid="transfer-pause" disabled={command.busy} onClick={() => void command.run(() => api.pauseTransfer(v.id))}>
            {t("transfers.pause")}
          </button>
        )}
        {(v.state === "paused" || v.state === "interrupted") && (
          <button type="button" className="button small" data-testid="transfer-resume" disabled={command.busy} onClick={() => void command.run(() => api.resumeTransfer(v.id))}>
            {t("transfers.resume")}
          </button>
        )}
        {v.state === "failed" && (
          <button type="button" className="button small" data-testid="transfer-retry" disabled={command.busy} onClick={() => void command.run(() => api.retryTransfer(v.id))}>
            <Icon name="refresh" size={16} />
            {t("transfers.retry")}
          </button>
        )}
        {!isFinished(v.state) && (
          <button
            type="button"
            className="button small danger-outline"
            data-testid="transfer-cancel"
            disabled={command.busy}
            onClick={() => (left > 0 || v.discovering ? setConfirmCancel(true) : cancel())}
          >
            {t("transfers.cancel")}
          </button>
        )}
        <button
          type="button"
          className="button small subtle"
          data-testid="transfer-details"
          aria-expanded={detailsOpen}
          aria-controls={detailsId}
          onClick={onToggleDetails}
        >
          <Icon name={detailsOpen ? "arrowUp" : "arrowDown"} size={16} />
          {detailsOpen ? t("transfers.hideDetails") : t("transfers.details")}
        </button>
      </div>
      {command.error !== null && <ErrorMessage error={command.error} context={t("transfers.actionFailed")} onDismiss={command.clearError} />}
      {confirmCancel && (
        <ConfirmDialog
          title={t("transfers.cancelConfirm.title")}
          message={
            <>
              <p className="confirm-question">{tn("transfers.cancelConfirm.body", left)}</p>
              <p className="muted">{t("transfers.cancelConfirm.keeps")}</p>
            </>
          }
          okLabel={t("transfers.cancelConfirm.ok")}
          cancelLabel={t("transfers.cancelConfirm.keepGoing")}
          danger
          onConfirm={cancel}
          onCancel={() => setConfirmCancel(false)}
        />
      )}
    </>
  );
}
