import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, type DeleteFailure, type DeleteReport, type FolderSummary } from "../../backend";
import { toBackendError } from "../../errors";
import { useT } from "../../i18n";
import { lastSegment } from "../../lib/path";
import type { Notice } from "./notice";
import { refreshBucketData } from "./refresh";
import type { Row } from "./rows";

/** What the user asked to delete. */
export interface DeleteRequest {
  /** Objects listed in the shown folder, with the size the listing gave. */
  objects: { key: string; size: number }[];
  /** Folder prefixes (ending in "/"): everything under each goes. */
  folders: string[];
}

/** The delete waiting for the user's word. */
export interface PendingDelete extends DeleteRequest {
  /** What summarizeFolder found in each folder, in `folders` order; null while counting. */
  summaries: FolderSummary[] | null;
  /** Why the folders could not be counted (nothing can be confirmed then). */
  countError: unknown;
  /**
   * Folders that deleteFolder refused because they no longer held the confirmed number of
   * objects (code Conflict): nothing in them was deleted, and they can be counted again.
   */
  changed: string[];
}

/** The figures the confirmation states: objects in all (folders' contents included) and bytes. */
export function deleteTotals(p: PendingDelete): { objects: number; bytes: number } {
  const s = p.summaries ?? [];
  return {
    objects: p.objects.length + s.reduce((n, f) => n + f.objects, 0),
    bytes: p.objects.reduce((n, o) => n + o.size, 0) + s.reduce((n, f) => n + f.bytes, 0),
  };
}

function failure(key: string, error: unknown): DeleteFailure {
  const e = toBackendError(error);
  return { key, code: e.code, serverCode: e.serverCode, message: e.detail };
}

/**
 * Delete: ask() takes the selected rows; folders among them are counted first (summarizeFolder,
 * all at once) so that the confirmation says how many objects and bytes go. confirm() deletes the
 * plain objects (deleteObjects) and each folder with the count the user confirmed (deleteFolder,
 * one after the other); a folder that changed since it was counted is refused whole, and the
 * question stays open to count it again. The outcome of everything else is the notice.
 */
export function useDeleteObjects(profileId: string, bucket: string, notify: (n: Notice) => void, onDeleted: () => void) {
  const qc = useQueryClient();
  const { tn } = useT();
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts that arrive after a cancel, or after a newer question, are dropped.
  const generation = useRef(0);

  const count = (request: DeleteRequest) => {
    const mine = ++generation.current;
    setPending({ ...request, summaries: request.folders.length === 0 ? [] : null, countError: null, changed: [] });
    if (request.folders.length === 0) return;
    Promise.all(request.folders.map((f) => api.summarizeFolder(profileId, bucket, f))).then(
      (summaries) => mine === generation.current && setPending((p) => p && { ...p, summaries }),
      (countError: unknown) => mine === generation.current && setPending((p) => p && { ...p, countError }),
    );
  };

  const confirm = async () => {
    const p = pending;
    if (!p?.summaries || busy) return;
    setBusy(true);
    const report: DeleteReport = { deleted: [], failed: [] };
    const changed: string[] = [];
    let onlyError: unknown = null;
    try {
      if (p.objects.length > 0) {
        const keys = p.objects.map((o) => o.key);
        try {
          const r = await api.deleteObjects(profileId, bucket, keys);
          report.deleted.push(...r.deleted);
          report.failed.push(...r.failed);
        } catch (error) {
          if (p.folders.length === 0) onlyError = error;
          else report.failed.push(...keys.map((k) => failure(k, error)));
        }
      }
      for (const [i, prefix] of p.folders.entries()) {
        try {
          const r = await api.deleteFolder(profileId, bucket, prefix, p.summaries[i].objects);
          report.deleted.push(...r.deleted);
          report.failed.push(...r.failed);
        } catch (error) {
          if (toBackendError(error).code === "Conflict") changed.push(prefix);
          else report.failed.push(failure(prefix, error));
        }
      }
    } finally {
      setBusy(false);
    }
    if (onlyError !== null) {
      const keys = p.objects.map((o) => o.key);
      const name = keys.length === 1 ? lastSegment(keys[0]) || keys[0] : "";
      notify({ kind: "error", error: onlyError, about: tn("delete.failedAll", keys.length, { name }) });
    } else if (changed.length === 0 || report.deleted.length > 0 || report.failed.length > 0) {
      notify({ kind: "deleted", report });
    }
    if (changed.length > 0) setPending({ objects: [], folders: changed, summaries: null, countError: null, changed });
    else setPending(null);
    if (report.deleted.length > 0) onDeleted();
    await refreshBucketData(qc, profileId, bucket);
  };

  return {
    /** The delete awaiting confirmation (or a recount). */
    pending,
    busy,
    /** Asks about the selected rows: folders are counted first. */
    ask: (rows: readonly Row[]) => {
      if (rows.length === 0) return;
      count({
        objects: rows.flatMap((r) => (r.kind === "object" ? [{ key: r.key, size: r.entry.size }] : [])),
        folders: rows.flatMap((r) => (r.kind === "folder" ? [r.key] : [])),
      });
    },
    /** Counts the pending folders again (after they changed, or the count failed). */
    recount: () => pending && count({ objects: pending.objects, folders: pending.folders }),
    cancel: () => {
      generation.current++;
      setPending(null);
    },
    confirm: () => void confirm(),
  };
}
