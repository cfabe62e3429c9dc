// Messages of the topics feature, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../i18n/define";

export const messages = defineMessages({
  en: {
    "topics.title": "Topics",
    "topics.intro": "The notification topics of this profile's account (read-only).",
    "topics.col.name": "Name",
    "topics.col.arn": "ARN",
    "topics.loading": "Loading topics…",
    "topics.empty": "This account has no topics.",
  },
  "zh-CN": {
    "topics.title": "主题",
    "topics.intro": "此配置账户下的通知主题（只读）。",
    "topics.col.name": "名称",
    "topics.col.arn": "ARN",
    "topics.loading": "正在加载主题…",
    "topics.empty": "该账户下没有主题。",
  },
});
