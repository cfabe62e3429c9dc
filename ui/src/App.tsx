import { Link, Outlet } from "@tanstack/react-router";
import { FileDrop } from "./features/drop/FileDrop";
import { InterruptedBanner } from "./features/transfers/InterruptedBanner";
import { TransfersProvider } from "./features/transfers/TransfersProvider";
import { LanguageSwitch, useT } from "./i18n";
import { Sidebar } from "./Sidebar";

/**
 * The frame of every route: header, sidebar (profile, buckets, links), and the route in the main
 * area; the transfer list, the unfinished-transfers banner and window drops live here, for every page.
 */
export function AppLayout() {
  const { t } = useT();
  return (
    <TransfersProvider>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              Z
            </span>
            <h1>{t("app.title")}</h1>
          </div>
          <LanguageSwitch />
        </header>
        <div className="app-body">
          <Sidebar />
          <main className="content">
            <InterruptedBanner />
            <Outlet />
          </main>
        </div>
        <FileDrop />
      </div>
    </TransfersProvider>
  );
}

/** An address no route knows (e.g. an old deep link). */
export function NotFound() {
  const { t } = useT();
  return (
    <div className="placeholder muted" data-testid="not-found">
      <p>{t("app.notFound")}</p>
      <Link to="/" className="button">
        {t("app.home")}
      </Link>
    </div>
  );
}
