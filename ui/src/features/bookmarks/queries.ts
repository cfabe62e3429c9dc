import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Bookmark } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

export function useBookmarks(profileId: string) {
  return useQuery({ queryKey: queryKeys.bookmarks(profileId), queryFn: () => api.listBookmarks(profileId) });
}

/** Keeps a bookmark: Rust first checks that this key may list the bucket (and folder). */
export function useAddBookmark(profileId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ bucket, prefix }: { bucket: string; prefix: string }) => api.addBookmark(profileId, bucket, prefix),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.bookmarks(profileId) }),
  });
}

export function useRemoveBookmark(profileId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (bookmark: Bookmark) => api.removeBookmark(profileId, bookmark),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.bookmarks(profileId) }),
  });
}
