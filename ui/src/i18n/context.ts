import { createContext } from "react";
import type { Locale } from "./locale";
import { makeTranslator, type Translator } from "./translate";

export interface I18nValue extends Translator {
  setLocale: (locale: Locale) => void;
}

export const I18nContext = createContext<I18nValue>({ ...makeTranslator("en"), setLocale: () => {} });
