import { useEffect, useRef, useState } from "react";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { formatDate } from "../../lib/format";
import { CreateBucketDialog } from "./CreateBucketDialog";
import { useBuckets } from "./queries";

interface Props {
  profileId: string;
  selected: string | null;
  onSelect: (bucket: string) => void;
}

/** The buckets of the profile, newest choice highlighted, with "New bucket". */
export function BucketList({ profileId, selected, onSelect }: Props) {
  const { t, locale } = useT();
  const buckets = useBuckets(profileId);
  const [creating, setCreating] = useState(false);
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
      {buckets.error && <ErrorMessage error={buckets.error} />}
      <ul className="bucket-list" data-testid="bucket-list">
        {buckets.isPending && (
          <li className="muted">
            <Spinner label={t("buckets.loading")} />
          </li>
        )}
        {buckets.data?.length === 0 && <li className="muted">{t("buckets.empty")}</li>}
        {buckets.data?.map((b) => (
          <li key={b.name}>
            <button
              type="button"
              className={`bucket-item ${b.name === selected ? "selected" : ""}`}
              data-testid={`bucket-item-${b.name}`}
              aria-current={b.name === selected ? "true" : undefined}
              ref={b.name === selected ? selectedItem : undefined}
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
          </li>
        ))}
      </ul>
      {creating && (
        <CreateBucketDialog
          profileId={profileId}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            onSelect(name);
          }}
        />
      )}
    </section>
  );
}
