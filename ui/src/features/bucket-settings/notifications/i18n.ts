// Messages of the notifications tab, in both languages (same keys: tsc fails on a missing one).
import { defineMessages } from "../../../i18n/define";

export const messages = defineMessages({
  en: {},
  "zh-CN": {},
});
