import { api, type LocalFile } from "../../backend";
import { useT } from "../../i18n";
import { useTransferStore } from "../transfers/useTransfers";
import type { Notice } from "./notice";

/**
 * Upload: Rust's dialog picks files or a folder (handles), and one transfer of the engine sends
 * them under the shown prefix (a folder keeps its own name). Whether to replace existing
 * objects is the engine's: the default policy asks once, in the transfer, when the rest is done.
 */
export function useUpload(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t, tn } = useT();
  const store = useTransferStore();

  const send = async (files: readonly LocalFile[]) => {
    if (files.length === 0) return;
    const what = files.length === 1 ? files[0].name : tn("transferNotice.items", files.length);
    try {
      const transfer = await api.uploadLocal(profileId, bucket, prefix, files.map((f) => f.handle), null, null);
      store.put(transfer);
      notify({ kind: "transfer", started: { transfer, what, single: files.length === 1 && !files[0].isFolder } });
    } catch (error) {
      notify({ kind: "error", error, about: t("upload.failed", { name: what }) });
    }
  };

  /** Files from Rust's dialog (several allowed; none when the user cancels). */
  const pickFiles = async () => {
    try {
      await send(await api.pickFilesToUpload());
    } catch (error) {
      notify({ kind: "error", error });
    }
  };

  /** A folder from Rust's dialog, with everything in it. */
  const pickFolder = async () => {
    try {
      const folder = await api.pickFolderToUpload();
      if (folder) await send([folder]);
    } catch (error) {
      notify({ kind: "error", error });
    }
  };

  return { pickFiles, pickFolder };
}
