import type { SettingsTabProps } from "../tabs";

/** Placeholder: being built. */
export function AclTab({ bucket }: SettingsTabProps) {
  return <div className="settings-section" data-testid="settings-acl">{bucket}</div>;
}
