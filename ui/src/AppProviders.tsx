import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { TooltipProvider } from "./components/Tooltip";
import { I18nProvider, type Locale } from "./i18n";

/** What every screen needs around it (the app and the tests alike): server state, language, tooltips. */
export function AppProviders({ queryClient, locale, children }: { queryClient: QueryClient; locale?: Locale; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <TooltipProvider>{children}</TooltipProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
