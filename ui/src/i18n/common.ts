// Messages shared by the whole app (frame, buttons, error details). Domain messages live in
// src/features/<domain>/i18n.ts; src/i18n/dictionaries.ts merges them.
import { defineMessages } from "./define";

export const messages = defineMessages({
  en: {
    "app.title": "ZOS Browser",
    "app.language": "Language",

    "common.cancel": "Cancel",
    "common.ok": "OK",
    "common.close": "Close",
    "common.save": "Save",
    "common.saving": "Saving…",
    "common.delete": "Delete",
    "common.dismiss": "Dismiss",
    "common.loading": "Loading…",
    "common.retry": "Retry",
    "common.unknown": "unknown",

    "error.requestId": "Request ID",
    "error.http": "HTTP {status}",

    "app.notFound": "There is nothing at this address.",
    "app.home": "Back to the start",
    "nav.label": "Go to",
    "error.serverCode": "Server code",
  },
  "zh-CN": {
    "app.title": "ZOS Browser",
    "app.language": "语言",

    "common.cancel": "取消",
    "common.ok": "确定",
    "common.close": "关闭",
    "common.save": "保存",
    "common.saving": "正在保存…",
    "common.delete": "删除",
    "common.dismiss": "关闭提示",
    "common.loading": "正在加载…",
    "common.retry": "重试",
    "common.unknown": "未知",

    "error.requestId": "请求 ID",
    "error.http": "HTTP {status}",

    "app.notFound": "此地址没有内容。",
    "app.home": "返回首页",
    "nav.label": "转到",
    "error.serverCode": "服务器错误代码",
  },
});
