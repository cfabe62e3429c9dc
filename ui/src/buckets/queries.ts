import { useQuery } from "@tanstack/react-query";
import { bucketUsage, listBuckets } from "../backend";
import { queryKeys } from "../lib/queryKeys";

export function useBuckets(profileId: string | null) {
  return useQuery({
    queryKey: queryKeys.buckets(profileId ?? ""),
    queryFn: () => listBuckets(profileId ?? ""),
    enabled: profileId !== null,
  });
}

export function useBucketUsage(profileId: string, bucket: string) {
  return useQuery({
    queryKey: queryKeys.bucketUsage(profileId, bucket),
    queryFn: () => bucketUsage(profileId, bucket),
  });
}
