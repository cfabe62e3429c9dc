import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "../AppProviders";
import type { Locale } from "../i18n";
import { createAppRouter, type AppRouter } from "../router";

function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

/** Renders with a fresh QueryClient (no retries) and a fixed UI language. */
export function renderWithProviders(ui: ReactElement, locale: Locale = "en"): RenderResult & { queryClient: QueryClient } {
  const queryClient = testQueryClient();
  const result = render(
    <AppProviders queryClient={queryClient} locale={locale}>
      {ui}
    </AppProviders>,
  );
  return { ...result, queryClient };
}

/** Renders the whole app at `path` (memory history: back and forward work as in the app). */
export function renderApp(path = "/", locale: Locale = "en"): RenderResult & { queryClient: QueryClient; router: AppRouter } {
  const queryClient = testQueryClient();
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }), queryClient });
  const result = render(
    <AppProviders queryClient={queryClient} locale={locale}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, queryClient, router };
}
