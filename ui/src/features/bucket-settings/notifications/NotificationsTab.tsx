import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function NotificationsTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-notifications">{bucket}</div>;
}
