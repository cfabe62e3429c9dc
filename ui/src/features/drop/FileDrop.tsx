import { useNavigate, useRouterState } from "@tanstack/react-router";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, onFilesDragOver, onFilesDropped, type FilesDragOver, type FilesDropped } from "../../backend";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useBackendEvent } from "../../lib/useBackendEvent";
import { TransferNotice, type StartedTransfer } from "../transfers/TransferNotice";
import { useTransfer, useTransferStore } from "../transfers/useTransfers";
import { dropTargetAtPoint } from "./dropTarget";

/** How long a finished drop's notice (or "drop it on a bucket") stays. */
const DONE_NOTICE_MS = 6000;

type DropNotice = { kind: "noTarget" } | { kind: "error"; error: unknown } | { kind: "started"; started: StartedTransfer };

/**
 * Files and folders dropped on the window (Rust's filesDropped, as handles): uploaded to the
 * folder row, bucket or object list under the drop point, as one transfer. While files are
 * dragged over the window (filesDragOver), that target is highlighted (`data-drop-active`).
 * Lives in the app frame: a drop works on every page.
 */
export function FileDrop() {
  const { t, tn } = useT();
  const navigate = useNavigate();
  const store = useTransferStore();
  const onPanel = useRouterState({ select: (s) => s.location.pathname === "/transfers" });
  const [notice, setNotice] = useState<DropNotice | null>(null);
  const highlighted = useRef<Element | null>(null);

  const highlight = (el: Element | null) => {
    if (highlighted.current === el) return;
    highlighted.current?.removeAttribute("data-drop-active");
    el?.setAttribute("data-drop-active", "");
    highlighted.current = el;
  };

  useBackendEvent(onFilesDragOver, ({ position }: FilesDragOver) => highlight(position ? (dropTargetAtPoint(position)?.element ?? null) : null));

  useBackendEvent(onFilesDropped, (drop: FilesDropped) => {
    highlight(null);
    if (drop.files.length === 0) return;
    const target = dropTargetAtPoint(drop.position);
    if (!target) {
      setNotice({ kind: "noTarget" });
      return;
    }
    const { files } = drop;
    const what = files.length === 1 ? files[0].name : tn("transferNotice.items", files.length);
    api
      .uploadLocal(target.profileId, target.bucket, target.prefix, files.map((f) => f.handle), null, null)
      .then((transfer) => {
        store.put(transfer);
        setNotice({ kind: "started", started: { transfer, what, single: files.length === 1 && !files[0].isFolder } });
      })
      .catch((error: unknown) => setNotice({ kind: "error", error }));
  });

  useEffect(() => () => highlight(null), []);
  const dismiss = useCallback(() => setNotice(null), []);
  // "Drop it on a bucket" is said for a moment only.
  useEffect(() => {
    if (notice?.kind !== "noTarget") return;
    const timer = setTimeout(dismiss, DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  if (!notice) return null;
  return (
    <div className="drop-notice" data-testid="drop-notice">
      {notice.kind === "noTarget" ? (
        <div className="notice notice-warning" role="status">
          <Icon name="warning" size={18} />
          <span>{t("drop.noTarget")}</span>
          <button type="button" className="icon-button" onClick={dismiss} aria-label={t("common.dismiss")}>
            ×
          </button>
        </div>
      ) : notice.kind === "error" ? (
        <ErrorMessage error={notice.error} context={t("drop.failed")} onDismiss={dismiss} className="notice" />
      ) : (
        <StartedNotice started={notice.started} onDismiss={dismiss} onOpen={onPanel ? undefined : () => void navigate({ to: "/transfers" })} />
      )}
    </div>
  );
}

/** The drop's transfer, followed live; gone a moment after it is done. */
function StartedNotice({ started, onDismiss, onOpen }: { started: StartedTransfer; onDismiss: () => void; onOpen?: () => void }) {
  const done = useTransfer(started.transfer.id)?.state === "done";
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(onDismiss, DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [done, onDismiss]);
  return <TransferNotice started={started} onDismiss={onDismiss} onOpen={onOpen} />;
}
