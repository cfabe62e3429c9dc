import type { Bookmark } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import "./bookmarks.css";
import { placeOf, sameBookmark } from "./model";
import { OpenBucketButton } from "./OpenBucketButton";
import { useBookmarks, useRemoveBookmark } from "./queries";
import { StarIcon } from "./StarIcon";

interface Props {
  profileId: string;
  /** The place the object browser shows, to mark its bookmark. */
  current: Bookmark | null;
  /** Goes to the object browser at the bookmark's bucket and folder. */
  onOpen: (bookmark: Bookmark) => void;
}

/**
 * The profile's bookmarks in the sidebar: buckets (and folders) opened by name, favourites. Each
 * opens its place; each has a remove button named after it; "Open bucket…" adds one.
 */
export function BookmarksSection({ profileId, current, onOpen }: Props) {
  const { t } = useT();
  const bookmarks = useBookmarks(profileId);
  const remove = useRemoveBookmark(profileId);
  const list = bookmarks.data ?? [];

  return (
    <section className="bookmark-section" aria-labelledby={`bookmarks-${profileId}`}>
      <div className="sidebar-heading">
        <span className="sidebar-label" id={`bookmarks-${profileId}`}>
          {t("bookmarks.title")}
        </span>
        <OpenBucketButton profileId={profileId} onOpened={onOpen} testId="bookmark-open-bucket" icon={false} />
      </div>
      {bookmarks.error && <ErrorMessage error={bookmarks.error} />}
      {remove.error && <ErrorMessage error={remove.error} onDismiss={() => remove.reset()} />}
      <ul className="bookmark-list" data-testid="bookmark-list">
        {bookmarks.isPending && (
          <li className="muted">
            <Spinner label={t("bookmarks.loading")} />
          </li>
        )}
        {bookmarks.isSuccess && list.length === 0 && (
          <li className="muted bookmark-empty" data-testid="bookmark-empty">
            {t("bookmarks.empty")}
          </li>
        )}
        {list.map((b) => {
          const place = placeOf(b);
          const here = current !== null && sameBookmark(b, current);
          return (
            <li key={place} className="bookmark-row">
              <button
                type="button"
                className={`bookmark-item ${here ? "selected" : ""}`}
                data-testid={`bookmark-item-${place}`}
                aria-current={here ? "true" : undefined}
                title={place}
                onClick={() => onOpen(b)}
              >
                {b.prefix ? <Icon name="folder" size={16} /> : <StarIcon on size={16} />}
                <span className="bookmark-name">
                  {b.bucket}
                  {b.prefix && <span className="bookmark-prefix">/{b.prefix}</span>}
                </span>
              </button>
              <button
                type="button"
                className="icon-button bookmark-remove"
                data-testid={`bookmark-remove-${place}`}
                aria-label={t("bookmarks.remove", { place })}
                title={t("bookmarks.remove", { place })}
                disabled={remove.isPending}
                onClick={() => remove.mutate(b)}
              >
                <Icon name="remove" size={14} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
