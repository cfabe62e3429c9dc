import { useEffect, useRef, useState } from "react";
import type { Bookmark } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { formatDate } from "../../lib/format";
import { ListingDenied } from "../bookmarks/ListingDenied";
import { isListingDenied } from "../bookmarks/model";
import { StarToggle } from "../bookmarks/StarToggle";
import { CreateBucketDialog } from "./CreateBucketDialog";
import { useBuckets } from "./queries";

/** What just happened to a bucket, said under the heading until the next change. */
export interface BucketNotice {
  kind: "created" | "deleted";
  name: string;
}

interface Props {
  profileId: string;
  selected: string | null;
  onSelect: (bucket: string) => void;
  notice: BucketNotice | null;
  onNotice: (notice: BucketNotice | null) => void;
  /** Goes to a bucket opened by name ("Open bucket…", offered when this key may not list buckets). */
  onOpenBookmark: (bookmark: Bookmark) => void;
}

/**
 * The buckets of the profile, newest choice highlighted, with "New bucket" and a star per bucket
 * (a favourite bookmark). When the key may not list buckets, it says so and offers "Open bucket…".
 */
export function BucketList({ profileId, selected, onSelect, notice, onNotice, onOpenBookmark }: Props) {
  const { t, locale } = useT();
  const buckets = useBuckets(profileId);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState("");
  const [starError, setStarError] = useState<unknown>(null);
  const needle = filter.trim().toLowerCase();
  const shown = buckets.data?.filter((b) => b.name.toLowerCase().includes(needle));
  const selectedItem = useRef<HTMLButtonElement>(null);

  // A bucket chosen elsewhere (a deep link, the back button) is brought into view.
  useEffect(() => {
    selectedItem.current?.scrollIntoView?.({ block: "nearest" });
  }, [selected, buckets.data]);

  return (
    <section className="bucket-section">
      <div className="sidebar-heading">
        <span className="sidebar-label">{t("buckets.title")}</span>
        <button type="button" className="button small" data-testid="bucket-new" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} />
          {t("buckets.new")}
        </button>
      </div>
      {notice && (
        <p className="bucket-notice" role="status" data-testid="bucket-notice">
          <Icon name="check" size={14} />
          {t(notice.kind === "created" ? "buckets.created" : "buckets.deleted", { name: notice.name })}
        </p>
      )}
      {buckets.error &&
        (isListingDenied(buckets.error) ? (
          <ListingDenied profileId={profileId} onOpened={onOpenBookmark} />
        ) : (
          <ErrorMessage error={buckets.error} />
        ))}
      {starError !== null && <ErrorMessage error={starError} onDismiss={() => setStarError(null)} />}
      {(buckets.data?.length ?? 0) > 0 && (
        <input
          type="search"
          className="bucket-filter"
          data-testid="bucket-filter"
          placeholder={t("buckets.filter")}
          aria-label={t("buckets.filter")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          spellCheck={false}
        />
      )}
      <ul className="bucket-list" data-testid="bucket-list" data-drop-profile={profileId}>
        {buckets.isPending && (
          <li className="muted">
            <Spinner label={t("buckets.loading")} />
          </li>
        )}
        {buckets.data?.length === 0 && <li className="muted">{t("buckets.empty")}</li>}
        {buckets.data && buckets.data.length > 0 && shown?.length === 0 && (
          <li className="muted" data-testid="bucket-filter-empty">
            {t("buckets.noMatch", { filter: filter.trim() })}
          </li>
        )}
        {shown?.map((b) => (
          <li key={b.name} className="bucket-row">
            <button
              type="button"
              className={`bucket-item ${b.name === selected ? "selected" : ""}`}
              data-testid={`bucket-item-${b.name}`}
              aria-current={b.name === selected ? "true" : undefined}
              ref={b.name === selected ? selectedItem : undefined}
              data-drop-bucket={b.name}
              data-drop-prefix=""
              onClick={() => onSelect(b.name)}
            >
              <Icon name="bucket" size={18} className="bucket-icon" />
              <span className="bucket-text">
                <span className="bucket-name" title={b.name}>
                  {b.name}
                </span>
                <span className="bucket-date">{formatDate(b.creationDate, locale)}</span>
              </span>
            </button>
            <StarToggle profileId={profileId} bucket={b.name} onError={setStarError} />
          </li>
        ))}
      </ul>
      {creating && (
        <CreateBucketDialog
          profileId={profileId}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setFilter("");
            onNotice({ kind: "created", name });
            onSelect(name);
          }}
        />
      )}
    </section>
  );
}
