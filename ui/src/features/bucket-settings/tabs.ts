import type { ComponentType } from "react";
import type { MessageKey } from "../../i18n";
import { UploadsTab } from "./UploadsTab";
import { VersioningTab } from "./VersioningTab";

export interface SettingsTabProps {
  profileId: string;
  bucket: string;
}

/**
 * The tabs of a bucket's settings, in this order: one bucket sub-resource each, with its own form
 * file. A new one is that file, a line here, and its label in i18n.ts.
 */
export const SETTINGS_TABS = {
  versioning: { label: "settings.tab.versioning", Component: VersioningTab },
  uploads: { label: "settings.tab.uploads", Component: UploadsTab },
} satisfies Record<string, { label: MessageKey; Component: ComponentType<SettingsTabProps> }>;

export type SettingsTab = keyof typeof SETTINGS_TABS;

/** Where /settings and an unknown tab lead. */
export const DEFAULT_SETTINGS_TAB: SettingsTab = "versioning";

export function isSettingsTab(tab: string): tab is SettingsTab {
  return Object.prototype.hasOwnProperty.call(SETTINGS_TABS, tab);
}

export const SETTINGS_TAB_ORDER = Object.keys(SETTINGS_TABS) as SettingsTab[];
