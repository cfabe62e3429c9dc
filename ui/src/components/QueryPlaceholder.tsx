import type { ReactNode } from "react";
import { ErrorMessage } from "../errors";
import { useT } from "../i18n";
import { Spinner } from "./Spinner";

/**
 * The main area while a query is loading or has failed (nothing once it has data): the same
 * frame for every page that waits on a query.
 */
export function QueryPlaceholder({ query }: { query: { isPending: boolean; error: unknown } }): ReactNode {
  const { t } = useT();
  if (query.isPending) {
    return (
      <div className="placeholder">
        <Spinner label={t("common.loading")} />
      </div>
    );
  }
  if (query.error) {
    return (
      <div className="placeholder">
        <ErrorMessage error={query.error} />
      </div>
    );
  }
  return null;
}
