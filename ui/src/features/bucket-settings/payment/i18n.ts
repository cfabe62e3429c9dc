// Messages of the payment tab, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../../i18n/define";

export const messages = defineMessages({
  en: {
    "payment.intro": "Who pays for the requests made to this bucket and for the data downloaded from it.",
    "payment.payer": "Who pays",
    "payment.BucketOwner": "The bucket owner pays",
    "payment.BucketOwner.hint": "The usual setting: the owner of the bucket pays for every request and download.",
    "payment.Requester": "The requester pays",
    "payment.Requester.hint":
      "Whoever makes a request pays for it. Anonymous requests are refused, and every requester must send the “x-amz-request-payer: requester” header to show they accept the charge.",
    "payment.current": "Now on the server: {payer}",
  },
  "zh-CN": {
    "payment.intro": "由谁支付对此存储桶发出的请求以及从中下载数据的费用。",
    "payment.payer": "付费方",
    "payment.BucketOwner": "存储桶所有者付费",
    "payment.BucketOwner.hint": "常规设置：每次请求和下载的费用都由存储桶所有者支付。",
    "payment.Requester": "请求者付费",
    "payment.Requester.hint":
      "谁发出请求，谁支付费用。匿名请求会被拒绝，每个请求者都必须发送“x-amz-request-payer: requester”请求头，表示同意承担费用。",
    "payment.current": "服务器当前设置：{payer}",
  },
});
