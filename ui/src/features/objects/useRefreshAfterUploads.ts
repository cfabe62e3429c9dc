import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { queryKeys } from "../../lib/queryKeys";
import { changedPlaces } from "../transfers/model";
import { useTransfers } from "../transfers/useTransfers";

/** No more than one listing refresh a second while files arrive. */
export const REFRESH_INTERVAL_MS = 1000;

/**
 * Reloads the shown listing when an upload, copy or move of the same profile changes it (a file
 * done, or the transfer done), at most once a second: where the transfer stores objects
 * (`storedIn`), and for a move also where it takes them from (`takenFrom`). Writing to prefix P
 * changes the listing of prefix C when one is a prefix of the other. Listings of other buckets
 * it writes to are marked stale, to be read again when opened.
 */
export function useRefreshAfterUploads(profileId: string, bucket: string, prefix: string) {
  const qc = useQueryClient();
  const transfers = useTransfers();
  /** Per transfer: files done ×2 (+1 once done), as last seen. */
  const seen = useRef(new Map<number, number>());
  const lastRefresh = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shownSince = useRef(Infinity);

  useEffect(() => {
    shownSince.current = Date.now();
  }, []);

  useEffect(() => {
    let landed = false;
    for (const v of transfers) {
      if (v.profileId !== profileId) continue;
      const places = changedPlaces(v);
      if (places.length === 0) continue;
      const mark = v.filesDone * 2 + (v.state === "done" ? 1 : 0);
      // First seen: the listing was read after whatever it had done so far, unless it started
      // while this listing was shown (its first update may come before the start command's answer).
      const before = seen.current.get(v.id) ?? (v.createdAt >= shownSince.current ? 0 : mark);
      seen.current.set(v.id, mark);
      if (mark <= before) continue;
      for (const place of places) {
        if (place.bucket === bucket) {
          if (place.prefix.startsWith(prefix) || prefix.startsWith(place.prefix)) landed = true;
        } else {
          // Another bucket (a copy or move there): read again when opened.
          void qc.invalidateQueries({ queryKey: queryKeys.objectsOfBucket(profileId, place.bucket), refetchType: "none" });
          void qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, place.bucket) });
        }
      }
    }
    if (!landed || timer.current) return;
    const refresh = () => {
      timer.current = null;
      lastRefresh.current = Date.now();
      // A running refetch is not restarted: a long listing would never finish under a busy upload.
      void qc.invalidateQueries({ queryKey: queryKeys.objects(profileId, bucket, prefix) }, { cancelRefetch: false });
      void qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) });
      // Other folders of the bucket are read again when next opened.
      void qc.invalidateQueries({ queryKey: queryKeys.objectsOfBucket(profileId, bucket), refetchType: "none" });
    };
    timer.current = setTimeout(refresh, Math.max(0, lastRefresh.current + REFRESH_INTERVAL_MS - Date.now()));
  }, [transfers, qc, profileId, bucket, prefix]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
