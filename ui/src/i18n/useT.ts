import { useContext } from "react";
import { I18nContext, type I18nValue } from "./context";

/** The current language's `t` / `tn`, the locale, and `setLocale`. */
export function useT(): I18nValue {
  return useContext(I18nContext);
}
