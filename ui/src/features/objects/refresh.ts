import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../../lib/queryKeys";

/**
 * After a change in a bucket: listings restart from their first page (an invalidated infinite
 * query would re-fetch every loaded page, up to 100 for 100,000 rows), and usage and details reload.
 */
export async function refreshBucketData(qc: QueryClient, profileId: string, bucket: string): Promise<void> {
  await Promise.all([
    qc.resetQueries({ queryKey: queryKeys.objectsOfBucket(profileId, bucket) }),
    qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) }),
    qc.invalidateQueries({ queryKey: ["head", profileId, bucket] }),
  ]);
}
