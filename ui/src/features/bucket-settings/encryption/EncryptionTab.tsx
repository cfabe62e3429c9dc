import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function EncryptionTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-encryption">{bucket}</div>;
}
