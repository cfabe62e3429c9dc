import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

/** Objects per listObjects call. */
export const PAGE_SIZE = 1000;

/** The pages of one "folder", fetched one continuation token at a time. */
export function useObjectPages(profileId: string, bucket: string, prefix: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.objects(profileId, bucket, prefix),
    queryFn: ({ pageParam }) => api.listObjects(profileId, bucket, prefix, pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextToken ?? undefined,
  });
}
