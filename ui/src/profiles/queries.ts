import { useQuery } from "@tanstack/react-query";
import { listProfiles } from "../backend";
import { queryKeys } from "../lib/queryKeys";

export function useProfiles() {
  return useQuery({ queryKey: queryKeys.profiles(), queryFn: listProfiles });
}
