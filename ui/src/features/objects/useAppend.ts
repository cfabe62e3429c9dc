import { useState } from "react";
import { api, type LocalFile } from "../../backend";
import type { Notice } from "./notice";

/** An append being prepared: the object (null: a new one, named in the dialog) and the file. */
export interface AppendTarget {
  key: string | null;
  file: LocalFile;
  /** Other files chosen in the same dialog: left out (one file is appended at a time). */
  others: number;
}

/**
 * Append: start() lets Rust's dialog pick the file (pickFilesToUpload; the first file is used),
 * then the append dialog asks for the position (and, for a new object, its name).
 */
export function useAppend(notify: (n: Notice) => void) {
  const [target, setTarget] = useState<AppendTarget | null>(null);

  const pick = async (): Promise<Omit<AppendTarget, "key"> | null> => {
    const files = (await api.pickFilesToUpload()).filter((f) => !f.isFolder);
    return files.length === 0 ? null : { file: files[0], others: files.length - 1 };
  };

  return {
    target,
    /** Picks a file to append to `key` (null: to a new object). Cancelling the dialog does nothing. */
    start: async (key: string | null) => {
      try {
        const chosen = await pick();
        if (chosen) setTarget({ key, ...chosen });
      } catch (error) {
        notify({ kind: "error", error });
      }
    },
    /** Another file for the open dialog (the first one stays when the user cancels). */
    chooseOther: async () => {
      try {
        const chosen = await pick();
        if (chosen) setTarget((t) => t && { ...t, ...chosen });
      } catch (error) {
        notify({ kind: "error", error });
      }
    },
    close: () => setTarget(null),
  };
}
