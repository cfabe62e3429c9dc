import { QueryClient } from "@tanstack/react-query";

/** Server state lives in TanStack Query. The backend is local IPC: no blind retries, no refetch on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
