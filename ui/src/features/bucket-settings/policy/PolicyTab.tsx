import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function PolicyTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-policy">{bucket}</div>;
}
