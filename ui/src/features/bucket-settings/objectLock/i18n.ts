// Messages of the objectLock tab, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../../i18n/define";

export const messages = defineMessages({
  en: {
    "lock.intro":
      "Object lock keeps object versions from being deleted or overwritten for a time. It is chosen when the bucket is created; here you set the retention that new objects get by default.",
    "lock.off":
      "This bucket was created without object lock. Object lock can only be turned on when a bucket is created, so there is nothing to edit here.",
    "lock.on": "Object lock is on (it cannot be turned off).",
    "lock.default": "Default retention for new objects",
    "lock.mode.none": "None",
    "lock.mode.noneHint": "New objects are not locked unless a retention is set on them.",
    "lock.mode.governance": "Governance",
    "lock.mode.governanceHint":
      "Users with the bypass permission (s3:BypassGovernanceRetention) can still delete a version or shorten its retention, when they choose to.",
    "lock.mode.compliance": "Compliance",
    "lock.mode.complianceHint":
      "Nobody can delete a version or shorten its retention until it ends, not even the account owner.",
    "lock.period": "Retention period",
    "lock.unit": "Unit",
    "lock.unit.days": "Days",
    "lock.unit.years": "Years",
    "lock.periodHint": "Counted from when each object version is written. Give it in days or in years, not both.",
    "lock.confirm.title": "Lock new objects in compliance mode?",
    "lock.confirm.body":
      "Every new object version written to this bucket will be locked for {period}: nobody can delete it or shorten that time, not even the account owner, and the bucket cannot be deleted while it holds such versions.",
    "lock.confirm.days.one": "{count} day",
    "lock.confirm.days.other": "{count} days",
    "lock.confirm.years.one": "{count} year",
    "lock.confirm.years.other": "{count} years",
    "lock.confirm.existing": "Objects already in the bucket keep the retention they have.",
    "lock.confirm.ok": "Save compliance retention",
    "lock.jsonBlocked": "The form cannot show this text yet: fix the problems below, or keep editing here.",
  },
  "zh-CN": {
    "lock.intro":
      "对象锁定可在一段时间内防止对象版本被删除或覆盖。它在创建存储桶时选定；此处设置新对象默认获得的保留期。",
    "lock.off": "此存储桶创建时未开启对象锁定。对象锁定只能在创建存储桶时开启，因此这里没有可编辑的内容。",
    "lock.on": "对象锁定已开启（无法关闭）。",
    "lock.default": "新对象的默认保留",
    "lock.mode.none": "无",
    "lock.mode.noneHint": "新对象不会被锁定，除非为其单独设置保留。",
    "lock.mode.governance": "监管模式（Governance）",
    "lock.mode.governanceHint":
      "拥有绕过权限（s3:BypassGovernanceRetention）的用户在明确选择时，仍可删除版本或缩短其保留期。",
    "lock.mode.compliance": "合规模式（Compliance）",
    "lock.mode.complianceHint": "保留期结束前，任何人都不能删除版本或缩短其保留期，账户所有者也不例外。",
    "lock.period": "保留期",
    "lock.unit": "单位",
    "lock.unit.days": "天",
    "lock.unit.years": "年",
    "lock.periodHint": "从每个对象版本写入时起算。以天或年为单位，二者选其一。",
    "lock.confirm.title": "以合规模式锁定新对象？",
    "lock.confirm.body":
      "此后写入该存储桶的每个对象版本都将被锁定 {period}：任何人都不能删除它或缩短这段时间，账户所有者也不例外；存储桶中存在此类版本时，存储桶也无法删除。",
    "lock.confirm.days.one": "{count} 天",
    "lock.confirm.days.other": "{count} 天",
    "lock.confirm.years.one": "{count} 年",
    "lock.confirm.years.other": "{count} 年",
    "lock.confirm.existing": "存储桶中已有的对象保持其原有的保留设置。",
    "lock.confirm.ok": "保存合规保留",
    "lock.jsonBlocked": "表单暂时无法显示此文本：请先修正下列问题，或继续在此编辑。",
  },
});
