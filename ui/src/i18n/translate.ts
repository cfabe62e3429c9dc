import { DICTIONARIES, type MessageKey } from "./dictionaries";
import type { Locale } from "./locale";

export type Vars = Record<string, string | number>;

/** Keys that have `.one` / `.other` forms, without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface Translator {
  locale: Locale;
  /** The message for `key` in the current language. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** The singular or plural form of `base`, with `{count}` filled in. */
  tn: (base: PluralKey, count: number, vars?: Vars) => string;
}

export function makeTranslator(locale: Locale): Translator {
  const dict = DICTIONARIES[locale];
  const t = (key: MessageKey, vars?: Vars) => interpolate(dict[key], vars);
  const tn = (base: PluralKey, count: number, vars?: Vars) => {
    const key = `${base}.${count === 1 ? "one" : "other"}` as MessageKey;
    return interpolate(dict[key], { count: count.toLocaleString(locale), ...vars });
  };
  return { locale, t, tn };
}
