import type { Direction, TransferView } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey, type PluralKey } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { ConflictDecision } from "./ConflictDecision";
import { percentDone } from "./model";
import { useTransfer } from "./useTransfers";

/** A transfer the user just started, and how to speak of it. */
export interface StartedTransfer {
  /** As the start command returned it; the live one comes from the transfer list. */
  transfer: TransferView;
  /** What is moved, for the sentences: a file or folder name, or "3 items". */
  what: string;
  /** One file to one object, or one object to one file: "Uploaded a.txt." rather than a count. */
  single: boolean;
  /** The name of the file or folder a download goes to. */
  savedAs?: string;
  /** A rename (a move of one object or folder): its new name. */
  renamedTo?: string;
}

interface Props {
  started: StartedTransfer;
  onDismiss: () => void;
  /** Opens the transfer panel (a button while the transfer is not done). */
  onOpen?: () => void;
}

type Action = Direction | "rename";

/** The sentences of each kind of transfer (a download's "done" names where it was saved instead). */
const WORDS: Record<Action, { running: MessageKey; done: MessageKey; doneMany: PluralKey; failed: MessageKey }> = {
  upload: {
    running: "transferNotice.uploading",
    done: "transferNotice.uploaded",
    doneMany: "transferNotice.uploadedMany",
    failed: "transferNotice.uploadFailed",
  },
  download: {
    running: "transferNotice.downloading",
    done: "transferNotice.saved",
    doneMany: "transferNotice.savedMany",
    failed: "transferNotice.downloadFailed",
  },
  copy: { running: "transferNotice.copying", done: "transferNotice.copied", doneMany: "transferNotice.copiedMany", failed: "transferNotice.copyFailed" },
  move: { running: "transferNotice.moving", done: "transferNotice.moved", doneMany: "transferNotice.movedMany", failed: "transferNotice.moveFailed" },
  rename: {
    running: "transferNotice.renaming",
    done: "transferNotice.renamed",
    doneMany: "transferNotice.movedMany",
    failed: "transferNotice.renameFailed",
  },
};

/**
 * One line that follows a transfer the user just started: "Uploading a.txt… 40 %", then
 * "Uploaded a.txt." — or the question when files exist, or the error.
 */
export function TransferNotice({ started, onDismiss, onOpen }: Props) {
  const { t, tn, locale } = useT();
  const v = useTransfer(started.transfer.id) ?? started.transfer;
  const { what, single, renamedTo } = started;
  const savedAs = started.savedAs ?? what;
  const action: Action = renamedTo !== undefined ? "rename" : v.direction;
  const words = WORDS[action];
  const dismiss = (
    <button type="button" className="icon-button" onClick={onDismiss} aria-label={t("common.dismiss")}>
      ×
    </button>
  );
  const show = onOpen && (
    <button type="button" className="button small" data-testid="transfer-notice-show" onClick={onOpen}>
      {t("transferNotice.show")}
    </button>
  );

  if (v.state === "failed") {
    return (
      <ErrorMessage
        error={v.error ?? { code: "Unknown", serverCode: null, status: null, requestId: null, detail: "" }}
        context={t(words.failed, { name: what })}
        onDismiss={onDismiss}
        className="notice"
      />
    );
  }

  let kind = "notice-info";
  let icon: "check" | "warning" | null = null;
  let body;
  if (v.state === "done") {
    kind = "notice-success";
    icon = "check";
    let text: string;
    if (action === "rename") text = t("transferNotice.renamed", { name: what, to: renamedTo ?? "" });
    else if (action === "download") {
      text = single
        ? t("transferNotice.saved", { name: savedAs, size: humanBytes(v.bytesTotal, locale) })
        : tn("transferNotice.savedMany", v.filesDone, { name: savedAs });
    } else text = single ? t(words.done, { name: what }) : tn(words.doneMany, v.filesDone);
    body = <span>{v.filesSkipped > 0 ? `${text} ${tn("transfers.skippedCount", v.filesSkipped)}` : text}</span>;
  } else if (v.state === "needsDecision") {
    kind = "notice-warning";
    body = (
      <div className="notice-body">
        <ConflictDecision transfer={v} />
      </div>
    );
  } else if (v.state === "cancelled" || v.state === "paused" || v.state === "interrupted") {
    kind = "notice-warning";
    icon = "warning";
    body = <span>{t(v.state === "cancelled" ? "transferNotice.cancelled" : "transferNotice.paused", { name: what })}</span>;
  } else {
    const pct = percentDone(v);
    const text = t(words.running, { name: what });
    body = (
      <span className="notice-running">
        <Spinner label={pct === null ? text : `${text} ${pct} %`} />
      </span>
    );
  }
  return (
    <div className={`notice ${kind}`} role="status" data-testid="notice" data-state={v.state}>
      {icon && <Icon name={icon} size={18} />}
      {body}
      {v.state !== "done" && show}
      {dismiss}
    </div>
  );
}
