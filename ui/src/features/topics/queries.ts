import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

export function useTopics(profileId: string) {
  return useQuery({ queryKey: queryKeys.topics(profileId), queryFn: () => api.listTopics(profileId) });
}

/** Under the list's key: refreshing the list refreshes the details too. */
export const topicDetailsKey = (profileId: string, arn: string) => [...queryKeys.topics(profileId), "details", arn] as const;

/** One topic's details (the row's endpoint, the details dialog, the edit form). */
export function useTopicDetails(profileId: string, arn: string, enabled = true) {
  return useQuery({
    queryKey: topicDetailsKey(profileId, arn),
    queryFn: () => api.getTopic(profileId, arn),
    staleTime: 30_000,
    enabled,
  });
}
