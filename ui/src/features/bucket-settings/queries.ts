import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

/** The bucket's versioning; null when versioning was never enabled on it. */
export function useBucketVersioning(profileId: string, bucket: string) {
  return useQuery({
    queryKey: queryKeys.bucketVersioning(profileId, bucket),
    queryFn: () => api.getBucketVersioning(profileId, bucket),
  });
}
