import { LoadMoreFooter } from "../../components/LoadMoreFooter";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { NameText } from "./NameText";
import { ObjectTable, type ObjectTableProps } from "./ObjectTable";
import type { useObjectPages } from "./useObjectPages";

/** The listing, plus what ObjectTable takes from the browser as it is (the paging props come from `pages`). */
interface Props extends Omit<ObjectTableProps, "canLoadMore" | "onLoadMore"> {
  pages: ReturnType<typeof useObjectPages>;
  prefix: string;
  /**
   * The quick filter, while it holds text (`rows` are then its matches among `loaded` rows).
   * Filtered, the table does not load more pages by itself (the matches would keep growing
   * while the user reads them): a "Load more" under it does, a page at a time.
   */
  filter?: { text: string; loaded: number; onClear: () => void } | null;
}

/** The table, or what stands in its place: loading, an error, an empty bucket or folder, nothing under a prefix. */
export function TableArea({ pages, prefix, rows, filter = null, ...table }: Props) {
  const { t, tn } = useT();
  const more = filter !== null && pages.hasNextPage;
  let body;
  if (pages.isPending) {
    body = (
      <div className="placeholder">
        <Spinner label={t("objects.loading")} />
      </div>
    );
  } else if (pages.error && !pages.data) {
    body = (
      <div className="placeholder">
        <ErrorMessage error={pages.error} />
      </div>
    );
  } else if (filter !== null && rows.length === 0 && (filter.loaded > 0 || pages.hasNextPage)) {
    body = (
      <ObjectTable
        rows={rows}
        {...table}
        canLoadMore={false}
        onLoadMore={pages.fetchNextPage}
        emptyNote={
          <div className="placeholder muted object-table-note" data-testid="object-filter-empty">
            <p>{t("filter.none", { text: filter.text })}</p>
            {more && <p data-testid="object-filter-only-loaded">{tn("filter.onlyLoaded", filter.loaded)}</p>}
            <div className="filter-empty-actions">
              <button type="button" className="button small" data-testid="object-filter-empty-clear" onClick={filter.onClear}>
                {t("filter.clearButton")}
              </button>
            </div>
          </div>
        }
      />
    );
  } else if (rows.length === 0 && !pages.hasNextPage) {
    // S3 has no folders: a prefix with no key under it is not there at all, unless a
    // folder-marker object (the prefix itself, left out of the rows) says it is an empty folder.
    const marker = pages.data?.pages.some((p) => p.objects.some((o) => o.key === prefix)) ?? false;
    const [before, after] = t("objects.nothingUnder").split("{prefix}");
    body = (
      <div className="placeholder muted" data-testid="objects-empty">
        {prefix === "" ? (
          <p>{t("objects.emptyBucket")}</p>
        ) : marker ? (
          <p>{t("objects.empty")}</p>
        ) : (
          <p data-testid="objects-nothing-under">
            {before}
            <NameText name={prefix} className="mono" />
            {after}
          </p>
        )}
        <p className="field-hint">{t("upload.dropHint")}</p>
      </div>
    );
  } else {
    body = (
      <ObjectTable
        rows={rows}
        {...table}
        canLoadMore={filter === null && pages.hasNextPage && !pages.isFetchingNextPage && !pages.isFetchNextPageError}
        onLoadMore={pages.fetchNextPage}
      />
    );
  }
  return (
    <div className="table-area">
      {body}
      {more && !pages.isFetchNextPageError && (
        <LoadMoreFooter
          loaded={tn("filter.onlyLoaded", filter.loaded)}
          loadedTestId="object-filter-more-text"
          moreTestId="object-filter-load-more"
          hasMore
          loading={pages.isFetchingNextPage}
          moreLabel={t("filter.loadMore")}
          loadingLabel={t("objects.loadingMore")}
          onMore={() => void pages.fetchNextPage()}
        />
      )}
      {pages.isFetchNextPageError && (
        <div className="load-more-error">
          <ErrorMessage error={pages.error} />
          <button type="button" className="button small" onClick={() => void pages.fetchNextPage()}>
            {t("common.retry")}
          </button>
        </div>
      )}
    </div>
  );
}
