import type { Locale } from "./locale";

/** One domain's messages: English, and zh-CN with exactly the same keys. */
export type DomainMessages<E extends Record<string, string>> = { en: E } & { [L in Exclude<Locale, "en">]: Record<keyof E, string> };

/**
 * Declares a domain's messages. The English object fixes the keys; zh-CN must have exactly those
 * (`NoInfer`: a key missing there, or one only there, fails `tsc` instead of widening the type).
 * `{name}` placeholders are filled by t(); plural forms are `<base>.one` / `<base>.other`.
 */
export function defineMessages<E extends Record<string, string>>(messages: {
  en: E;
  "zh-CN": Record<keyof NoInfer<E>, string>;
}): DomainMessages<E> {
  return messages;
}
