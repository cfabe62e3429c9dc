// Messages of the encryption tab, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../../i18n/define";

export const messages = defineMessages({
  en: {
    "encryption.intro":
      "Default encryption is applied by the server to every new object that is uploaded without encryption settings of its own. Objects already in the bucket are not changed.",
    "encryption.empty": "No default encryption is set on this bucket: new objects are stored as uploaded.",
    "encryption.legend": "Encrypt new objects with",
    "encryption.none": "No default encryption",
    "encryption.noneHint": "Each upload decides. Choosing this where a default is set removes it.",
    "encryption.aes256": "SSE-S3 (AES256)",
    "encryption.aes256Hint": "The server manages the keys: nothing to set up.",
    "encryption.kms": "SSE-KMS (aws:kms)",
    "encryption.kmsHint": "The server encrypts with a key held by its key management service.",
    "encryption.keyId": "KMS key id",
    "encryption.keyIdHint": "On ZOS a key id looks like cmkuuid:keyspec:userid.",
    "encryption.unsupportedDelete":
      "This server would treat removing it as deleting the bucket, so the app never sends that request.",
    "encryption.confirm.title": "Remove default encryption?",
    "encryption.confirm.body":
      "New objects will no longer be encrypted by default: each upload will be stored as sent. Objects already encrypted stay encrypted.",
    "encryption.confirm.ok": "Remove",
  },
  "zh-CN": {
    "encryption.intro": "默认加密由服务器应用于每个上传时未自带加密设置的新对象。存储桶中已有的对象不受影响。",
    "encryption.empty": "此存储桶未设置默认加密：新对象按上传时的样子存储。",
    "encryption.legend": "新对象的加密方式",
    "encryption.none": "不设默认加密",
    "encryption.noneHint": "由每次上传自行决定。若已设置默认加密，选择此项将移除它。",
    "encryption.aes256": "SSE-S3（AES256）",
    "encryption.aes256Hint": "由服务器管理密钥，无需任何设置。",
    "encryption.kms": "SSE-KMS（aws:kms）",
    "encryption.kmsHint": "服务器使用其密钥管理服务中的密钥加密。",
    "encryption.keyId": "KMS 密钥 ID",
    "encryption.keyIdHint": "在 ZOS 上，密钥 ID 形如 cmkuuid:keyspec:userid。",
    "encryption.unsupportedDelete": "此服务器会把移除默认加密当作删除存储桶处理，因此本应用从不发送该请求。",
    "encryption.confirm.title": "移除默认加密？",
    "encryption.confirm.body": "新对象将不再默认加密，每次上传都按发送时的样子存储。已加密的对象仍保持加密。",
    "encryption.confirm.ok": "移除",
  },
});
