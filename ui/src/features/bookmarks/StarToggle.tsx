import { Tooltip } from "../../components/Tooltip";
import "./bookmarks.css";
import { useT } from "../../i18n";
import { isFavourite } from "./model";
import { useAddBookmark, useBookmarks, useRemoveBookmark } from "./queries";
import { StarIcon } from "./StarIcon";

/**
 * The star beside a bucket in the list: on, the bucket's top is a bookmark (a favourite). A
 * toggle button (aria-pressed), in the tab order after its bucket.
 */
export function StarToggle({ profileId, bucket, onError }: { profileId: string; bucket: string; onError: (e: unknown) => void }) {
  const { t } = useT();
  const bookmarks = useBookmarks(profileId);
  const add = useAddBookmark(profileId);
  const remove = useRemoveBookmark(profileId);
  const on = isFavourite(bookmarks.data, bucket);
  const label = t(on ? "bookmarks.unstar" : "bookmarks.star", { name: bucket });
  const busy = add.isPending || remove.isPending || bookmarks.isPending;
  return (
    <Tooltip label={label}>
      <button
        type="button"
        className={`icon-button bucket-star ${on ? "on" : ""}`}
        data-testid={`bucket-star-${bucket}`}
        aria-label={label}
        aria-pressed={on}
        disabled={busy}
        onClick={() => {
          onError(null);
          if (on) remove.mutate({ bucket, prefix: "" }, { onError });
          else add.mutate({ bucket, prefix: "" }, { onError });
        }}
      >
        <StarIcon on={on} />
      </button>
    </Tooltip>
  );
}
