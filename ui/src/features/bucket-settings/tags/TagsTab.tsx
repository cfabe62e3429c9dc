import { useMemo } from "react";
import { api } from "../../../backend";
import { useT } from "../../../i18n";
import type { SettingsTabProps } from "../tabs";
import { TagsPanel, type TagsPlace } from "./TagsPanel";

/** How many tags a bucket takes (Rust checks it; shown as "3 / 50"). */
export const MAX_BUCKET_TAGS = 50;

/** The bucket's tags (≤ 50): key/value rows or JSON, checked by Rust, read back after a change. */
export function TagsTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const place = useMemo<TagsPlace>(
    () => ({
      kind: "bucketTags",
      max: MAX_BUCKET_TAGS,
      prefix: "bucket-tags",
      queryKey: ["bucketConfig", profileId, bucket, "tags"],
      read: () => api.getBucketTags(profileId, bucket),
      write: (tags) => api.putBucketTags(profileId, bucket, tags),
      remove: () => api.deleteBucketTags(profileId, bucket),
      name: bucket,
    }),
    [profileId, bucket],
  );
  return (
    <div className="settings-section" data-testid="settings-tags">
      <TagsPanel key={`${profileId}\n${bucket}`} place={place} intro={<p className="settings-intro">{t("tags.intro")}</p>} />
    </div>
  );
}
