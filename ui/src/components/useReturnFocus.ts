import { useState } from "react";

/**
 * For a dialog's `onCloseAutoFocus`: gives focus back to the control that had it when the dialog
 * opened. Radix returns focus only to its own Dialog.Trigger; our dialogs are opened by state
 * (a button, a menu item, the answer of an upload), so the opener is remembered here.
 */
export function useReturnFocus(): (event: Event) => void {
  // Read once, on the dialog's first render: the opener still has focus then.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (event: Event) => {
    event.preventDefault();
    if (opener?.isConnected) opener.focus();
  };
}
