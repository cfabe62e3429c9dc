import type { ComponentType } from "react";
import type { MessageKey } from "../../i18n";
import { AclTab } from "./acl/AclTab";
import { CapabilitiesTab } from "./capabilities/CapabilitiesTab";
import { CorsTab } from "./cors/CorsTab";
import { EncryptionTab } from "./encryption/EncryptionTab";
import { LifecycleTab } from "./lifecycle/LifecycleTab";
import { LoggingTab } from "./logging/LoggingTab";
import { NotificationsTab } from "./notifications/NotificationsTab";
import { ObjectLockTab } from "./objectLock/ObjectLockTab";
import { RequestPaymentTab } from "./payment/RequestPaymentTab";
import { PolicyTab } from "./policy/PolicyTab";
import { TagsTab } from "./tags/TagsTab";
import { UploadsTab } from "./UploadsTab";
import { VersioningTab } from "./VersioningTab";
import { WebsiteTab } from "./website/WebsiteTab";

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
  policy: { label: "settings.tab.policy", Component: PolicyTab },
  acl: { label: "settings.tab.acl", Component: AclTab },
  cors: { label: "settings.tab.cors", Component: CorsTab },
  website: { label: "settings.tab.website", Component: WebsiteTab },
  tags: { label: "settings.tab.tags", Component: TagsTab },
  lifecycle: { label: "settings.tab.lifecycle", Component: LifecycleTab },
  objectLock: { label: "settings.tab.objectLock", Component: ObjectLockTab },
  encryption: { label: "settings.tab.encryption", Component: EncryptionTab },
  logging: { label: "settings.tab.logging", Component: LoggingTab },
  notifications: { label: "settings.tab.notifications", Component: NotificationsTab },
  requestPayment: { label: "settings.tab.requestPayment", Component: RequestPaymentTab },
  uploads: { label: "settings.tab.uploads", Component: UploadsTab },
  capabilities: { label: "settings.tab.capabilities", Component: CapabilitiesTab },
} satisfies Record<string, { label: MessageKey; Component: ComponentType<SettingsTabProps> }>;

export type SettingsTab = keyof typeof SETTINGS_TABS;

/** Where /settings and an unknown tab lead. */
export const DEFAULT_SETTINGS_TAB: SettingsTab = "versioning";

export function isSettingsTab(tab: string): tab is SettingsTab {
  return Object.prototype.hasOwnProperty.call(SETTINGS_TABS, tab);
}

export const SETTINGS_TAB_ORDER = Object.keys(SETTINGS_TABS) as SettingsTab[];
