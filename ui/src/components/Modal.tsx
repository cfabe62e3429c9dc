import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useReturnFocus } from "./useReturnFocus";

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** On the dialog element itself (the end-to-end test looks for it). */
  testId?: string;
  /** "narrow" for confirmations. */
  size?: "normal" | "narrow";
}

/**
 * A centred modal dialog over a dimmed backdrop (Radix Dialog): focus moves to the first field and
 * stays inside while it is open; Escape or a click on the backdrop closes it; focus then returns
 * to the control that opened it. Shown while rendered: the parent decides when.
 */
export function Modal({ title, onClose, children, footer, testId, size = "normal" }: Props) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-backdrop">
          <Dialog.Content
            className={`modal modal-${size}`}
            data-testid={testId}
            aria-describedby={undefined}
            onCloseAutoFocus={returnFocus}
          >
            <Dialog.Title className="modal-title">{title}</Dialog.Title>
            <div className="modal-body">{children}</div>
            {footer && <div className="modal-footer">{footer}</div>}
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
