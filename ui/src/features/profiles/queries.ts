import { keepPreviousData, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ProfileCheck, type ProfileInput } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";
import { useDebouncedValue } from "../../lib/useDebounced";

export const profilesQuery = () => queryOptions({ queryKey: queryKeys.profiles(), queryFn: () => api.listProfiles() });

export function useProfiles() {
  return useQuery(profilesQuery());
}

/** How long typing must pause before the form is checked. */
export const CHECK_DELAY_MS = 300;

// The input holds the secret: not kept in the query cache once nothing shows it.
const checkQuery = (input: ProfileInput) =>
  queryOptions({
    queryKey: queryKeys.checkProfile(input),
    queryFn: () => api.checkProfile(input),
    staleTime: Infinity,
    gcTime: 0,
  });

/**
 * Rust's verdict on the profile form (checkProfile), asked once typing pauses; `now()` asks for
 * the current input at once (before Save or Test) and resolves to the verdict.
 */
export function useProfileCheck(input: ProfileInput) {
  const qc = useQueryClient();
  const [debounced, flush] = useDebouncedValue(input, CHECK_DELAY_MS);
  const query = useQuery({ ...checkQuery(debounced), placeholderData: keepPreviousData });
  const now = (): Promise<ProfileCheck> => {
    flush();
    // Asked again even for an input already checked: Save and Test go by Rust's word of now.
    return qc.fetchQuery({ ...checkQuery(input), staleTime: 0 });
  };
  return { check: query.data, error: query.error, now };
}
