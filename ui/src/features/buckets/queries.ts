import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

export function useBuckets(profileId: string | null) {
  return useQuery({
    queryKey: queryKeys.buckets(profileId ?? ""),
    queryFn: () => api.listBuckets(profileId ?? ""),
    enabled: profileId !== null,
  });
}

export function useBucketUsage(profileId: string, bucket: string) {
  return useQuery({
    queryKey: queryKeys.bucketUsage(profileId, bucket),
    queryFn: () => api.bucketUsage(profileId, bucket),
  });
}
