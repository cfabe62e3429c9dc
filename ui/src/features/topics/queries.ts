import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";

export function useTopics(profileId: string) {
  return useQuery({ queryKey: queryKeys.topics(profileId), queryFn: () => api.listTopics(profileId) });
}
