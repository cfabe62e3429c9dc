import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function WebsiteTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-website">{bucket}</div>;
}
