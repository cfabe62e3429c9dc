// The last profile opened, remembered in localStorage to open it at the next start.
const STORAGE_KEY = "zos.profile";

export function rememberedProfileId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberProfile(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // not remembered; harmless
  }
}

/** Forgets `id` if it is the remembered one (after removing that profile). */
export function forgetProfile(id: string): void {
  try {
    if (localStorage.getItem(STORAGE_KEY) === id) localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing remembered; harmless
  }
}
