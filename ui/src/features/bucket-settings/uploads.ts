import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, type MultipartUpload } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

/** Where ListMultipartUploads continues: both markers, or none for the first page. */
interface UploadMarkers {
  keyMarker: string | null;
  uploadIdMarker: string | null;
}

const FIRST_PAGE: UploadMarkers = { keyMarker: null, uploadIdMarker: null };

/** The bucket's multipart uploads in progress, one page at a time ("Load more": fetchNextPage). */
export function useUploadPages(profileId: string, bucket: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.multipartUploads(profileId, bucket),
    queryFn: ({ pageParam }) => api.listMultipartUploads(profileId, bucket, pageParam.keyMarker, pageParam.uploadIdMarker),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last): UploadMarkers | undefined =>
      last.nextKeyMarker === null ? undefined : { keyMarker: last.nextKeyMarker, uploadIdMarker: last.nextUploadIdMarker },
  });
}

/** The parts of one upload, one page at a time. */
export function usePartPages(profileId: string, bucket: string, upload: MultipartUpload) {
  return useInfiniteQuery({
    queryKey: queryKeys.uploadParts(profileId, bucket, upload.key, upload.uploadId),
    queryFn: ({ pageParam }) => api.listUploadParts(profileId, bucket, upload.key, upload.uploadId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextMarker ?? undefined,
  });
}

/** Upload id → the transfer of this app that can resume it. */
export function useResumable(profileId: string, bucket: string) {
  return useQuery({
    queryKey: queryKeys.resumableUploads(profileId, bucket),
    queryFn: () => api.resumableUploads(profileId, bucket),
    select: (list) => new Map(list.map((r) => [r.uploadId, r.transferId])),
  });
}

const DAY_MS = 86_400_000;

/**
 * What "abort uploads older than `days`" takes among the loaded uploads (`now` in ms): the same
 * rule as Rust's (started before now − days; those this app can resume only when asked), for
 * the question's figure. `kept`: old ones this app can resume, left alone.
 */
export function olderThan(
  uploads: readonly MultipartUpload[],
  days: number,
  now: number,
  resumable: ReadonlyMap<string, number>,
  includeResumable: boolean,
): { aborted: MultipartUpload[]; kept: MultipartUpload[] } {
  const cutoff = now - days * DAY_MS;
  const old = uploads.filter((u) => u.initiated !== null && u.initiated < cutoff);
  return {
    aborted: old.filter((u) => includeResumable || !resumable.has(u.uploadId)),
    kept: includeResumable ? [] : old.filter((u) => resumable.has(u.uploadId)),
  };
}

/** How long ago, in the largest whole unit: days, hours or minutes (`null`: less than a minute). */
export function age(initiated: number | null, now: number): { unit: "days" | "hours" | "minutes"; count: number } | null | undefined {
  if (initiated === null) return undefined;
  const ms = Math.max(0, now - initiated);
  if (ms >= DAY_MS) return { unit: "days", count: Math.floor(ms / DAY_MS) };
  if (ms >= 3_600_000) return { unit: "hours", count: Math.floor(ms / 3_600_000) };
  if (ms >= 60_000) return { unit: "minutes", count: Math.floor(ms / 60_000) };
  return null;
}
