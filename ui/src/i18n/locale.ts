export type Locale = "en" | "zh-CN";

export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/** The name of each language, written in that language (for the switcher). */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

const STORAGE_KEY = "zos.locale";

/** zh-CN for any Chinese system/browser language, English otherwise. */
export function detectLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

function isLocale(v: unknown): v is Locale {
  return v === "en" || v === "zh-CN";
}

/** The language the user chose before, else the one of the OS/browser. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable: fall through to the system language
  }
  // The OS language as the Rust side read it (set before the page's scripts run); WebKitGTK's
  // navigator.language says "en-US" whenever the user's locale is not generated on the machine.
  const os = typeof window === "undefined" ? undefined : window.__ZOS_OS_LOCALE__;
  return detectLocale(os ?? (typeof navigator === "undefined" ? undefined : navigator.language));
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered; harmless
  }
}
