import { api } from "../../backend";
import { useT } from "../../i18n";
import { lastSegment } from "../../lib/path";
import { useTransferStore } from "../transfers/useTransfers";
import type { Notice } from "./notice";
import type { Row } from "./rows";

/**
 * Download of the selection. One object: Rust's save dialog (proposing its name; the dialog asks
 * about replacing) and downloadToFile. Several, or any folder: a folder to download into, and
 * downloadToFolder keeping the structure below the shown prefix.
 */
export function useDownload(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t, tn } = useT();
  const store = useTransferStore();

  const start = async (selection: readonly Row[]) => {
    if (selection.length === 0) return;
    const one = selection.length === 1 && selection[0].kind === "object" ? selection[0].key : null;
    const what = selection.length === 1 ? lastSegment(selection[0].key) || selection[0].key : tn("transferNotice.items", selection.length);
    try {
      if (one !== null) {
        const destination = await api.pickSaveLocation(lastSegment(one));
        if (!destination) return;
        const transfer = await api.downloadToFile(profileId, bucket, one, destination.handle);
        store.put(transfer);
        notify({ kind: "transfer", started: { transfer, what, single: true, savedAs: destination.name } });
      } else {
        const destination = await api.pickDownloadFolder();
        if (!destination) return;
        const keys = selection.filter((r) => r.kind === "object").map((r) => r.key);
        const folders = selection.filter((r) => r.kind === "folder").map((r) => r.key);
        const transfer = await api.downloadToFolder(profileId, bucket, prefix, keys, folders, destination.handle, null);
        store.put(transfer);
        notify({ kind: "transfer", started: { transfer, what, single: false, savedAs: destination.name } });
      }
    } catch (error) {
      notify({ kind: "error", error, about: t("download.failed", { name: what }) });
    }
  };

  return { start };
}
