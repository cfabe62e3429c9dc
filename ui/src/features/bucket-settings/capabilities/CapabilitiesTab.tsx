import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function CapabilitiesTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-capabilities">{bucket}</div>;
}
