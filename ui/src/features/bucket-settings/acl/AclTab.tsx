import type { SettingsTabProps } from "../tabs";
import { AclEditor } from "./AclEditor";

/** The bucket's own ACL (an object's is edited in ObjectAclDialog, with the same editor). */
export function AclTab({ profileId, bucket }: SettingsTabProps) {
  return (
    <div className="settings-section" data-testid="settings-acl">
      <AclEditor profileId={profileId} target={{ bucket, key: null, versionId: null }} />
    </div>
  );
}
