import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";

/** /p/$profileId: the buckets are in the sidebar; nothing chosen yet. */
export function PickBucket() {
  const { t } = useT();
  return (
    <div className="placeholder muted">
      <Icon name="bucket" size={32} />
      <p>{t("buckets.pick")}</p>
    </div>
  );
}
