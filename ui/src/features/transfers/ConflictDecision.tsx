import { api, type ConflictPolicy, type TransferView } from "../../backend";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useTransferCommand } from "./useTransferCommand";

type Decision = Exclude<ConflictPolicy, "ask">;

const CHOICES: readonly { policy: Decision; label: "transfers.conflict.overwrite" | "transfers.conflict.skip" | "transfers.conflict.keepBoth" }[] = [
  { policy: "overwrite", label: "transfers.conflict.overwrite" },
  { policy: "skip", label: "transfers.conflict.skip" },
  { policy: "keepBoth", label: "transfers.conflict.keepBoth" },
];

/**
 * A transfer in needsDecision: "N files already exist" and one choice for all of them, sent with
 * resolveTransferConflicts.
 */
export function ConflictDecision({ transfer }: { transfer: TransferView }) {
  const { t, tn } = useT();
  const command = useTransferCommand();
  return (
    <div className="conflict-decision" role="group" aria-label={tn("transfers.conflict.question", transfer.filesConflict)} data-testid="conflict-decision">
      <p className="conflict-question">
        <Icon name="warning" size={16} />
        <span>
          {tn("transfers.conflict.question", transfer.filesConflict)} <span className="muted">{t("transfers.conflict.hint")}</span>
        </span>
      </p>
      <div className="button-row">
        {CHOICES.map(({ policy, label }) => (
          <button
            key={policy}
            type="button"
            className="button small"
            data-testid={`conflict-${policy}`}
            disabled={command.busy}
            onClick={() => void command.run(() => api.resolveTransferConflicts(transfer.id, policy))}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {command.error !== null && <ErrorMessage error={command.error} context={t("transfers.actionFailed")} onDismiss={command.clearError} />}
    </div>
  );
}
