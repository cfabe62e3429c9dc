// Messages of the transfers feature, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../i18n/define";

export const messages = defineMessages({
  en: {
    "transfer.progress": "{name}: {done} of {total}",
    "transfer.progressUnknown": "{name}: {done}",

    "transfers.title": "Transfers",
    "transfers.intro": "Uploads and downloads in progress. A finished transfer leaves the list after a moment.",
    "transfers.empty": "No transfer is running.",
    "transfers.col.object": "Object",
    "transfers.col.progress": "Progress",
    "transfers.col.bytes": "Transferred",
    "transfers.bytes": "{done} of {total}",
  },
  "zh-CN": {
    "transfer.progress": "{name}：{done} / {total}",
    "transfer.progressUnknown": "{name}：{done}",

    "transfers.title": "传输",
    "transfers.intro": "正在进行的上传和下载。传输完成后片刻即从列表中移除。",
    "transfers.empty": "当前没有正在进行的传输。",
    "transfers.col.object": "对象",
    "transfers.col.progress": "进度",
    "transfers.col.bytes": "已传输",
    "transfers.bytes": "{done} / {total}",
  },
});
