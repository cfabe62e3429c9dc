import type { ReactNode } from "react";
import { useT } from "../i18n/useT";
import { Modal } from "./Modal";

interface Props {
  title: string;
  message: ReactNode;
  okLabel?: string;
  danger?: boolean;
  busy?: boolean;
  /** Disables OK when repeating it cannot help (e.g. the server said why it refused). */
  okDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" with OK (confirm-ok) and Cancel (confirm-cancel). */
export function ConfirmDialog({ title, message, okLabel, danger, busy, okDisabled, onConfirm, onCancel }: Props) {
  const { t } = useT();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      size="narrow"
      footer={
        <>
          <button
            type="button"
            className="button"
            data-testid="confirm-cancel"
            // Enter must not destroy: a dangerous question starts on Cancel.
            data-autofocus={danger ? true : undefined}
            onClick={onCancel}
          >
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className={`button primary ${danger ? "danger" : ""}`}
            data-testid="confirm-ok"
            onClick={onConfirm}
            disabled={busy || okDisabled}
          >
            {okLabel ?? t("common.ok")}
          </button>
        </>
      }
    >
      <div className="confirm-message">{message}</div>
    </Modal>
  );
}
