import { useState } from "react";

/** Reads a JSON value from localStorage; `fallback` when absent, unreadable or rejected by `valid`. */
export function readStored<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

/** useState that is remembered in localStorage under `key` (a UI preference, never a secret). */
export function useStoredState<T>(key: string, fallback: T, valid: (v: unknown) => v is T) {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, valid));
  const set = (next: T) => {
    setValue(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // storage full or disabled: the preference lasts for this session only
    }
  };
  return [value, set] as const;
}
