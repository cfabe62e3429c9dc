import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function LoggingTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-logging">{bucket}</div>;
}
