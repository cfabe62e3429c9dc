import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function ObjectLockTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-objectLock">{bucket}</div>;
}
