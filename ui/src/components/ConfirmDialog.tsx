import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { useT } from "../i18n/useT";
import { useReturnFocus } from "./useReturnFocus";

interface Props {
  title: string;
  message: ReactNode;
  okLabel?: string;
  /** The dismiss button's label when "Cancel" would be ambiguous (e.g. cancelling a transfer). */
  cancelLabel?: string;
  /** Red OK button: the action destroys something. */
  danger?: boolean;
  busy?: boolean;
  /** Disables OK when repeating it cannot help (e.g. the server said why it refused). */
  okDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Are you sure?" (Radix AlertDialog) with Cancel (confirm-cancel) and OK (confirm-ok).
 * It opens with focus on Cancel, so Enter never confirms by accident; Escape cancels; a click
 * outside does nothing; focus returns to the opener. OK does not close it: the parent does, so
 * that a refusal can be shown inside (okDisabled when retrying cannot help).
 */
export function ConfirmDialog({ title, message, okLabel, cancelLabel, danger, busy, okDisabled, onConfirm, onCancel }: Props) {
  const { t } = useT();
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="modal-backdrop">
          <AlertDialog.Content className="modal modal-narrow" data-testid="confirm-dialog" onCloseAutoFocus={returnFocus}>
            <AlertDialog.Title className="modal-title">{title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="modal-body confirm-message">{message}</div>
            </AlertDialog.Description>
            <div className="modal-footer">
              <AlertDialog.Cancel className="button" data-testid="confirm-cancel">
                {cancelLabel ?? t("common.cancel")}
              </AlertDialog.Cancel>
              <button
                type="button"
                className={`button primary ${danger ? "danger" : ""}`}
                data-testid="confirm-ok"
                onClick={onConfirm}
                disabled={busy || okDisabled}
              >
                {okLabel ?? t("common.ok")}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Overlay>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
