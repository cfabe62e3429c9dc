import type { ReactNode } from "react";

/**
 * The footer of a list loaded page by page: how much is loaded, and "Load more" while the
 * server has more (disabled, with its own label, while the next page is on its way).
 */
export function LoadMoreFooter(props: {
  loaded: ReactNode;
  loadedTestId: string;
  moreTestId: string;
  hasMore: boolean;
  loading: boolean;
  moreLabel: string;
  loadingLabel: string;
  onMore: () => void;
}) {
  return (
    <div className="table-footer">
      <span className="muted" data-testid={props.loadedTestId}>
        {props.loaded}
      </span>
      {props.hasMore && (
        <button
          type="button"
          className="button small"
          data-testid={props.moreTestId}
          disabled={props.loading}
          onClick={props.onMore}
        >
          {props.loading ? props.loadingLabel : props.moreLabel}
        </button>
      )}
    </div>
  );
}
