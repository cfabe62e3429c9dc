// The object table's own clipboard (Ctrl/⌘+C or X, then V in another folder): objects and
// folders by key, in memory only (not the system clipboard, never stored), kept while the user
// moves between folders and buckets of the same profile.
import { useSyncExternalStore } from "react";

export interface ClipboardContent {
  profileId: string;
  bucket: string;
  /** The folder they were taken from (the structure below it is kept). */
  prefix: string;
  keys: string[];
  folders: string[];
  /** Cut: paste moves them (and empties the clipboard); else it copies them. */
  cut: boolean;
  /** How the notice names them: a name, or "3 items". */
  what: string;
}

let content: ClipboardContent | null = null;
const listeners = new Set<() => void>();

function set(next: ClipboardContent | null) {
  content = next;
  listeners.forEach((l) => l());
}

export const clipboard = {
  get: (): ClipboardContent | null => content,
  put: (next: ClipboardContent) => set(next),
  clear: () => set(null),
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

/** What is on the clipboard now (re-renders when it changes). */
export function useClipboard(): ClipboardContent | null {
  return useSyncExternalStore(clipboard.subscribe, clipboard.get);
}
