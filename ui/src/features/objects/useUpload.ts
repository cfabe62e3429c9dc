import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, type FilesDropped, type LocalFile } from "../../backend";
import { errorCode } from "../../errors";
import { useT } from "../../i18n";
import type { Notice } from "./notice";
import { refreshBucketData } from "./refresh";

/** An upload waiting for the user's "overwrite?" answer. */
export interface OverwriteQuestion {
  key: string;
  answer: (overwrite: boolean) => void;
}

/**
 * Upload: each local file (picked in Rust's dialog, or dropped on the window) goes to prefix +
 * its name, one after the other. When a key exists (ObjectExists), `question` asks the caller
 * and the file is sent again with overwrite only if the user agrees. Files given while others
 * are uploading wait their turn. Dropped folders are not uploaded: the notice names them.
 */
export function useUpload(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t, tn } = useT();
  const qc = useQueryClient();
  const queue = useRef<LocalFile[]>([]);
  const skippedFolders = useRef<string[]>([]);
  const draining = useRef(false);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<string | null>(null);
  const [question, setQuestion] = useState<OverwriteQuestion | null>(null);

  const askOverwrite = (key: string) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        key,
        answer: (overwrite) => {
          setQuestion(null);
          resolve(overwrite);
        },
      }),
    );

  /** Uploads one file; false when the user kept the existing object. */
  const send = async (file: LocalFile): Promise<boolean> => {
    const key = prefix + file.name;
    setRunning(key);
    try {
      await api.uploadFile(profileId, bucket, key, file.handle, false);
      return true;
    } catch (error) {
      if (errorCode(error) !== "ObjectExists") throw error;
      setRunning(null);
      if (!(await askOverwrite(key))) return false;
      setRunning(key);
      await api.uploadFile(profileId, bucket, key, file.handle, true);
      return true;
    }
  };

  const drain = async () => {
    draining.current = true;
    setBusy(true);
    const uploaded: LocalFile[] = [];
    try {
      for (let file = queue.current.shift(); file; file = queue.current.shift()) {
        if (await send(file)) uploaded.push(file);
      }
      report(uploaded);
    } catch (error) {
      // The same cause (rights, network) would most likely fail the rest too: stop there.
      queue.current = [];
      notify({ kind: "error", error });
    } finally {
      draining.current = false;
      setBusy(false);
      setRunning(null);
    }
    if (uploaded.length > 0) await refreshBucketData(qc, profileId, bucket);
  };

  /** The outcome: what was uploaded, and the dropped folders that were not. */
  const report = (uploaded: readonly LocalFile[]) => {
    const folders = skippedFolders.current;
    skippedFolders.current = [];
    const parts: string[] = [];
    if (uploaded.length === 1) parts.push(t("upload.done", { name: uploaded[0].name }));
    else if (uploaded.length > 1) parts.push(tn("upload.doneMany", uploaded.length));
    if (folders.length > 0) parts.push(t("upload.foldersSkipped", { names: folders.join(", ") }));
    if (parts.length > 0) notify({ kind: folders.length > 0 ? "warning" : "success", text: parts.join(" ") });
  };

  /** Uploads these files (from the file dialog or a drop). */
  const uploadFiles = (files: readonly LocalFile[]) => {
    if (files.length === 0) return;
    queue.current.push(...files);
    if (!draining.current) void drain();
  };

  /** Files dropped on the window: uploaded like picked ones; folders are only named. */
  const dropped = (drop: FilesDropped) => {
    skippedFolders.current.push(...drop.skippedFolders);
    if (drop.files.length > 0) uploadFiles(drop.files);
    else if (!draining.current) report([]);
  };

  /** Asks Rust for files to upload (an empty list when the user cancels). */
  const start = async () => {
    try {
      uploadFiles(await api.pickFilesToUpload());
    } catch (error) {
      notify({ kind: "error", error });
    }
  };

  return {
    start,
    dropped,
    busy,
    /** The key being uploaded. */
    running,
    question,
  };
}
