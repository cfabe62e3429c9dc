import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function TagsTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-tags">{bucket}</div>;
}
