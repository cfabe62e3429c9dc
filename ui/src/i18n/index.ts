export { I18nProvider } from "./I18nProvider";
export { LanguageSwitch } from "./LanguageSwitch";
export { useT } from "./useT";
export { detectLocale, LOCALES, type Locale } from "./locale";
export type { MessageKey } from "./dictionaries";
export type { PluralKey, Translator, Vars } from "./translate";
