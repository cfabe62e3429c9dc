import { useState } from "react";
import { api } from "../../backend";
import { useT } from "../../i18n";
import { useTransferStore } from "../transfers/useTransfers";
import { clipboard, type ClipboardContent } from "./clipboard";
import { checkTarget, copyRequest, renameRequest, type CopyRequest } from "./copyMove";
import type { Notice } from "./notice";
import type { Row } from "./rows";

/** How the notice speaks of what is copied: a name, or "3 items". */
export interface Naming {
  what: string;
  /** One object: "Copied a.txt." rather than a count. */
  single: boolean;
  /** A rename: the new name. */
  renamedTo?: string;
}

/**
 * Copy, move, rename and paste on the server: one copyObjects transfer each (the engine asks
 * about existing objects, once), followed in the notice like an upload. The dialogs keep their
 * own errors: `send` throws; `paste` reports in the notice.
 */
export function useCopyMove(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t, tn } = useT();
  const store = useTransferStore();
  const [dialog, setDialog] = useState<{ kind: "copy" | "rename"; rows: Row[] } | null>(null);

  const naming = (rows: readonly Pick<Row, "kind" | "name">[]): Naming => ({
    what: rows.length === 1 ? rows[0].name : tn("transferNotice.items", rows.length),
    single: rows.length === 1 && rows[0].kind === "object",
  });

  /** Starts the transfer from `from` (a bucket of this profile); throws what Rust refused. */
  const send = async (from: string, request: CopyRequest, named: Naming) => {
    const transfer = await api.copyObjects(profileId, from, request.selection, request.target, null);
    store.put(transfer);
    notify({ kind: "transfer", started: { transfer, what: named.what, single: named.single, renamedTo: named.renamedTo } });
    return transfer;
  };

  /** The shown folder's selected rows to another place (the copy dialog's Copy or Move). */
  const copyTo = (rows: readonly Row[], to: { bucket: string; prefix: string }, move: boolean) =>
    send(bucket, copyRequest(prefix, rows, to, move), naming(rows));

  /** One object or folder under a new name in the same folder. */
  const rename = (row: Row, name: string) =>
    send(bucket, renameRequest(bucket, row, name), { what: row.name, single: row.kind === "object", renamedTo: name });

  /** Ctrl/⌘+C or X: the selection goes on the table's clipboard. */
  const take = (rows: readonly Row[], cut: boolean) => {
    if (rows.length === 0) return;
    const named = naming(rows);
    clipboard.put({
      profileId,
      bucket,
      prefix,
      keys: rows.filter((r) => r.kind === "object").map((r) => r.key),
      folders: rows.filter((r) => r.kind === "folder").map((r) => r.key),
      cut,
      what: named.what,
    });
    notify({ kind: "success", text: t(cut ? "clipboard.cut" : "clipboard.copied", { what: named.what }) });
  };

  /** Ctrl/⌘+V: what is on the clipboard, copied (or moved, once) into the shown folder. */
  const paste = async () => {
    const c: ClipboardContent | null = clipboard.get();
    if (!c || c.profileId !== profileId) return;
    const problem = checkTarget({ bucket: c.bucket, prefix: c.prefix }, c.folders, { bucket, prefix });
    if (problem) {
      // The shown folder is a folder: only the same place, or a folder inside itself, can be wrong.
      notify({ kind: "warning", text: problem.kind === "intoItself" ? t("copy.intoItself", { folder: problem.folder }) : t("clipboard.samePlace") });
      return;
    }
    const request = { selection: { prefix: c.prefix, keys: c.keys, folders: c.folders }, target: { bucket, prefix, deleteSource: c.cut } };
    const single = c.keys.length === 1 && c.folders.length === 0;
    try {
      await send(c.bucket, request, { what: c.what, single });
      // Moved things are no longer where the clipboard says.
      if (c.cut) clipboard.clear();
    } catch (error) {
      notify({ kind: "error", error, about: t(c.cut ? "transferNotice.moveFailed" : "transferNotice.copyFailed", { name: c.what }) });
    }
  };

  return {
    dialog,
    openCopy: (rows: readonly Row[]) => rows.length > 0 && setDialog({ kind: "copy", rows: [...rows] }),
    openRename: (rows: readonly Row[]) => rows.length === 1 && setDialog({ kind: "rename", rows: [...rows] }),
    close: () => setDialog(null),
    copyTo,
    rename,
    take,
    paste,
  };
}
