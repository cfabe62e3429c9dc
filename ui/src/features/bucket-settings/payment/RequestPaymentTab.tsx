import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function RequestPaymentTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-payment">{bucket}</div>;
}
