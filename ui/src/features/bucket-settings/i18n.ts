// Messages of the bucket settings (one group per tab), in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../i18n/define";

export const messages = defineMessages({
  en: {
    "settings.title": "Settings of “{bucket}”",
    "settings.back": "Back to the objects",
    "settings.tabs": "Bucket settings",
    "settings.tab.versioning": "Versioning",

    "versioning.intro":
      "With versioning, overwriting or deleting an object keeps its earlier version, so that it can be recovered.",
    "versioning.status": "Status",
    "versioning.status.off": "Never enabled",
    "versioning.status.Enabled": "Enabled",
    "versioning.status.Suspended": "Suspended",
    "versioning.hint.off": "Objects have a single version: an overwrite or a delete cannot be undone.",
    "versioning.hint.Enabled": "Every overwrite and delete keeps the previous version.",
    "versioning.hint.Suspended":
      "Versions made so far are kept; new overwrites replace the current version instead of adding one.",
    "versioning.mfaDelete": "MFA delete",
    "versioning.enable": "Enable versioning",
    "versioning.suspend": "Suspend versioning",
    "versioning.enabling": "Enabling…",
    "versioning.suspending": "Suspending…",
    "versioning.confirm.title": "Enable versioning?",
    "versioning.confirm.body":
      "Once enabled, versioning can never be turned off for this bucket again: it can only be suspended.",
    "versioning.confirm.storage":
      "From then on, every overwrite and every delete keeps the old version, and old versions count against the bucket's storage.",
    "versioning.confirm.ok": "Enable versioning",
  },
  "zh-CN": {
    "settings.title": "“{bucket}”的设置",
    "settings.back": "返回对象列表",
    "settings.tabs": "存储桶设置",
    "settings.tab.versioning": "版本控制",

    "versioning.intro": "启用版本控制后，覆盖或删除对象时会保留其之前的版本，以便恢复。",
    "versioning.status": "状态",
    "versioning.status.off": "从未启用",
    "versioning.status.Enabled": "已启用",
    "versioning.status.Suspended": "已暂停",
    "versioning.hint.off": "对象只有一个版本：覆盖或删除后无法撤销。",
    "versioning.hint.Enabled": "每次覆盖和删除都会保留之前的版本。",
    "versioning.hint.Suspended": "已有的版本会保留；新的覆盖将替换当前版本，而不再新增版本。",
    "versioning.mfaDelete": "MFA 删除",
    "versioning.enable": "启用版本控制",
    "versioning.suspend": "暂停版本控制",
    "versioning.enabling": "正在启用…",
    "versioning.suspending": "正在暂停…",
    "versioning.confirm.title": "启用版本控制？",
    "versioning.confirm.body": "一旦启用，此存储桶的版本控制将无法再关闭，只能暂停。",
    "versioning.confirm.storage": "此后每次覆盖和删除都会保留旧版本，旧版本会计入存储桶的存储用量。",
    "versioning.confirm.ok": "启用版本控制",
  },
});
