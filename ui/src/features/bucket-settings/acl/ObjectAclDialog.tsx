import { useMemo } from "react";
import type { AclTarget } from "../../../backend";
import { Modal } from "../../../components/Modal";
import { useT } from "../../../i18n";
import { AclEditor } from "./AclEditor";

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  /** One version of the object; null for its current version. */
  versionId: string | null;
  onClose: () => void;
}

/** The ACL of one object (or one version of it), in a dialog over the object list. */
export function ObjectAclDialog({ profileId, bucket, objectKey, versionId, onClose }: Props) {
  const { t } = useT();
  const target = useMemo<AclTarget>(() => ({ bucket, key: objectKey, versionId }), [bucket, objectKey, versionId]);
  const name = objectKey.split("/").filter(Boolean).pop() ?? objectKey;
  return (
    <Modal
      title={t("acl.dialog.title", { name })}
      onClose={onClose}
      testId="object-acl-dialog"
      footer={
        <button type="button" className="button" data-testid="object-acl-close" onClick={onClose}>
          {t("common.close")}
        </button>
      }
    >
      <dl className="acl-object-facts">
        <div>
          <dt>{t("acl.dialog.key")}</dt>
          <dd data-testid="object-acl-key">
            {bucket}/{objectKey}
          </dd>
        </div>
        {versionId !== null && (
          <div>
            <dt>{t("acl.dialog.version")}</dt>
            <dd data-testid="object-acl-version">{versionId}</dd>
          </div>
        )}
      </dl>
      <AclEditor profileId={profileId} target={target} />
    </Modal>
  );
}
