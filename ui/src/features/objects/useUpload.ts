import { useState } from "react";
import { api, type LocalFile, type UploadOptions } from "../../backend";
import { useT } from "../../i18n";
import { useTransferStore } from "../transfers/useTransfers";
import type { Notice } from "./notice";

/**
 * Upload: Rust's dialog picks files or a folder (handles), and one transfer of the engine sends
 * them under the shown prefix (a folder keeps its own name). Whether to replace existing
 * objects is the engine's: the default policy asks once, in the transfer, when the rest is done.
 * "With options": the files are picked first, then the options dialog (`withOptions`) sends them.
 */
export function useUpload(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t, tn } = useT();
  const store = useTransferStore();
  /** Files picked for an upload with options, waiting for the dialog. */
  const [withOptions, setWithOptions] = useState<readonly LocalFile[] | null>(null);

  const describe = (files: readonly LocalFile[]) => (files.length === 1 ? files[0].name : tn("transferNotice.items", files.length));

  /** Starts the transfer; throws what Rust refused (the options dialog shows it). */
  const start = async (files: readonly LocalFile[], options: UploadOptions | null) => {
    const what = describe(files);
    const transfer = await api.uploadLocal(profileId, bucket, prefix, files.map((f) => f.handle), null, options);
    store.put(transfer);
    notify({ kind: "transfer", started: { transfer, what, single: files.length === 1 && !files[0].isFolder } });
  };

  /** With the defaults: a failure goes to the notice. */
  const send = async (files: readonly LocalFile[]) => {
    if (files.length === 0) return;
    try {
      await start(files, null);
    } catch (error) {
      notify({ kind: "error", error, about: t("upload.failed", { name: describe(files) }) });
    }
  };

  const pick = async (options: boolean, folder: boolean) => {
    try {
      const picked = folder ? [await api.pickFolderToUpload()].filter((f) => f !== null) : await api.pickFilesToUpload();
      if (picked.length === 0) return;
      if (options) setWithOptions(picked);
      else await send(picked);
    } catch (error) {
      notify({ kind: "error", error });
    }
  };

  return {
    /** Files from Rust's dialog (several allowed; none when the user cancels). */
    pickFiles: () => pick(false, false),
    /** A folder from Rust's dialog, with everything in it. */
    pickFolder: () => pick(false, true),
    pickFilesWithOptions: () => pick(true, false),
    pickFolderWithOptions: () => pick(true, true),
    withOptions,
    closeOptions: () => setWithOptions(null),
    start,
    describe,
  };
}
