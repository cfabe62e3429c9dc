import { useMemo } from "react";
import { api } from "../../../backend";
import { Modal } from "../../../components/Modal";
import { useT } from "../../../i18n";
import { TagsPanel, type TagsPlace } from "./TagsPanel";

/** How many tags an object (or one version of it) takes. */
export const MAX_OBJECT_TAGS = 10;

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  /** One version of the object; null for its current version. */
  versionId: string | null;
  onClose: () => void;
}

/** The tags of one object (or one version of it, ≤ 10), in a dialog over the object list. */
export function ObjectTagsDialog({ profileId, bucket, objectKey, versionId, onClose }: Props) {
  const { t } = useT();
  const name = objectKey.split("/").filter(Boolean).pop() ?? objectKey;
  const place = useMemo<TagsPlace>(
    () => ({
      kind: "objectTags",
      max: MAX_OBJECT_TAGS,
      prefix: "object-tags",
      queryKey: ["bucketConfig", profileId, bucket, "objectTags", objectKey, versionId],
      read: () => api.getObjectTags(profileId, bucket, objectKey, versionId),
      write: (tags) => api.putObjectTags(profileId, bucket, objectKey, versionId, tags),
      remove: () => api.deleteObjectTags(profileId, bucket, objectKey, versionId),
      name,
    }),
    [profileId, bucket, objectKey, versionId, name],
  );
  return (
    <Modal
      title={t("tags.dialog.title", { name })}
      onClose={onClose}
      testId="object-tags-dialog"
      footer={
        <button type="button" className="button" data-testid="object-tags-close" onClick={onClose}>
          {t("common.close")}
        </button>
      }
    >
      <TagsPanel
        place={place}
        intro={
          <dl className="tags-object-facts">
            <div>
              <dt>{t("tags.dialog.key")}</dt>
              <dd data-testid="object-tags-key">
                {bucket}/{objectKey}
              </dd>
            </div>
            {versionId !== null && (
              <div>
                <dt>{t("tags.dialog.version")}</dt>
                <dd data-testid="object-tags-version">{versionId}</dd>
              </div>
            )}
          </dl>
        }
      />
    </Modal>
  );
}
