import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function CorsTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-cors">{bucket}</div>;
}
