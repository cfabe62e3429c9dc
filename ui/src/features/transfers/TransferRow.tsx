import { useId, useState } from "react";
import type { TransferView } from "../../backend";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { ConflictDecision } from "./ConflictDecision";
import { TransferActions } from "./TransferActions";
import { ProgressBar, TransferFigures } from "./TransferFigures";
import { TransferItems } from "./TransferItems";

const STATE_LABEL: Record<TransferView["state"], MessageKey> = {
  queued: "transfers.state.queued",
  running: "transfers.state.running",
  paused: "transfers.state.paused",
  interrupted: "transfers.state.interrupted",
  needsDecision: "transfers.state.needsDecision",
  failed: "transfers.state.failed",
  done: "transfers.state.done",
  cancelled: "transfers.state.cancelled",
};

const DIRECTION_LABEL: Record<TransferView["direction"], MessageKey> = {
  upload: "transfers.upload",
  download: "transfers.download",
  copy: "transfers.copy",
  move: "transfers.move",
};

/** One transfer of the panel: where from and to, its state and progress, what can be done. */
export function TransferRow({ transfer: v }: { transfer: TransferView }) {
  const { t, tn } = useT();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  const direction = t(DIRECTION_LABEL[v.direction]);
  return (
    <li className={`transfer-row state-${v.state}`} data-testid={`transfer-${v.id}`} data-state={v.state}>
      <div className="transfer-head">
        <span className={`transfer-direction ${v.direction}`} title={direction}>
          <Icon name={v.direction} size={18} />
          <span className="visually-hidden">{direction}</span>
        </span>
        <p className="transfer-route">
          <span className="visually-hidden">{t("transfers.from")} </span>
          <span className="mono" data-testid="transfer-source">
            {v.source}
          </span>
          <span className="transfer-arrow" aria-hidden="true">
            {" → "}
          </span>
          <span className="visually-hidden"> {t("transfers.to")} </span>
          <span className="mono" data-testid="transfer-destination">
            {v.destination}
          </span>
        </p>
        <span className={`state-badge state-${v.state}`} data-testid="transfer-state">
          {t(STATE_LABEL[v.state])}
        </span>
      </div>
      <ProgressBar transfer={v} label={t("transfers.progressLabel", { name: v.source })} />
      <div className="transfer-footer">
        <TransferFigures transfer={v} />
        <TransferActions transfer={v} detailsOpen={detailsOpen} detailsId={detailsId} onToggleDetails={() => setDetailsOpen((o) => !o)} />
      </div>
      {v.error && v.state !== "cancelled" && (
        <ErrorMessage error={v.error} context={v.filesFailed > 0 ? tn("transfers.failedFiles", v.filesFailed) : undefined} />
      )}
      {v.state === "needsDecision" && v.filesConflict > 0 && <ConflictDecision transfer={v} />}
      {detailsOpen && <TransferItems id={detailsId} transfer={v} />}
    </li>
  );
}
