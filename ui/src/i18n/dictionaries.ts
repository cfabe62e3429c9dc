// The dictionaries of the app: the shared messages plus each feature's own (src/features/*/i18n.ts).
import { messages as bookmarks } from "../features/bookmarks/i18n";
import { messages as bucketSettings } from "../features/bucket-settings/i18n";
import { messages as buckets } from "../features/buckets/i18n";
import { messages as details } from "../features/details/i18n";
import { messages as drop } from "../features/drop/i18n";
import { messages as images } from "../features/images/i18n";
import { messages as objects } from "../features/objects/i18n";
import { messages as preview } from "../features/preview/i18n";
import { messages as profileExchange } from "../features/profile-exchange/i18n";
import { messages as profiles } from "../features/profiles/i18n";
import { messages as search } from "../features/search/i18n";
import { messages as sharing } from "../features/sharing/i18n";
import { messages as ssec } from "../features/sse-c/i18n";
import { messages as topics } from "../features/topics/i18n";
import { messages as transfers } from "../features/transfers/i18n";
import { messages as versions } from "../features/versions/i18n";
import { messages as common } from "./common";
import type { Locale } from "./locale";

/** Every domain's messages, for the tests (no key may be defined by two domains). */
export const DOMAINS = { common, profiles, buckets, objects, bucketSettings, topics, transfers, drop, versions, images, sharing, preview, details, search, ssec, bookmarks, profileExchange } as const;

const en = {
  ...common.en,
  ...profiles.en,
  ...buckets.en,
  ...objects.en,
  ...bucketSettings.en,
  ...topics.en,
  ...transfers.en,
  ...drop.en,
  ...versions.en,
  ...images.en,
  ...sharing.en,
  ...ssec.en,
  ...preview.en,
  ...details.en,
  ...search.en,
  ...bookmarks.en,
  ...profileExchange.en,
};

/** Every message key of the app: a typed union, so `t("nope")` fails `tsc`. */
export type MessageKey = keyof typeof en;

export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = {
  en,
  "zh-CN": {
    ...common["zh-CN"],
    ...profiles["zh-CN"],
    ...buckets["zh-CN"],
    ...objects["zh-CN"],
    ...bucketSettings["zh-CN"],
    ...topics["zh-CN"],
    ...transfers["zh-CN"],
    ...drop["zh-CN"],
    ...versions["zh-CN"],
    ...images["zh-CN"],
    ...sharing["zh-CN"],
  ...ssec["zh-CN"],
    ...preview["zh-CN"],
    ...details["zh-CN"],
    ...search["zh-CN"],
    ...bookmarks["zh-CN"],
    ...profileExchange["zh-CN"],
  },
};
