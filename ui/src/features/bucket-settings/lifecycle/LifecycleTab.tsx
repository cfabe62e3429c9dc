import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function LifecycleTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-lifecycle">{bucket}</div>;
}
