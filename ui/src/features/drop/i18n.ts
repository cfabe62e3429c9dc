// Messages of files dropped on the window, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../i18n/define";

export const messages = defineMessages({
  en: {
    "drop.noTarget": "To upload, drop files or folders on a bucket, on a folder or on the list of a bucket you opened.",
    "drop.failed": "Could not upload what was dropped.",
  },
  "zh-CN": {
    "drop.noTarget": "要上传，请将文件或文件夹拖放到存储桶、文件夹或已打开存储桶的对象列表上。",
    "drop.failed": "无法上传拖放的内容。",
  },
});
