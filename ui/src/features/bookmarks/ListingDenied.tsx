import type { Bookmark } from "../../backend";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import "./bookmarks.css";
import { OpenBucketButton } from "./OpenBucketButton";

/** In the bucket list, in place of the error, when this key may not list buckets. */
export function ListingDenied({ profileId, onOpened }: { profileId: string; onOpened: (b: Bookmark) => void }) {
  const { t } = useT();
  return (
    <div className="listing-denied" data-testid="buckets-denied" role="status">
      <p>
        <Icon name="warning" size={14} />
        <span>{t("bookmarks.denied")}</span>
      </p>
      <OpenBucketButton profileId={profileId} onOpened={onOpened} testId="buckets-denied-open" />
    </div>
  );
}
