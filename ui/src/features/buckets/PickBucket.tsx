import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Icon } from "../../components/Icon";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { isListingDenied } from "../bookmarks/model";
import { OpenBucketButton } from "../bookmarks/OpenBucketButton";
import { ProfileDialog } from "../profiles/ProfileDialog";
import { useProfiles } from "../profiles/queries";
import { useBuckets } from "./queries";

/**
 * /p/$profileId: the buckets are in the sidebar; nothing chosen yet. When the profile cannot
 * list its buckets, the main area says why and offers to fix the profile, instead of asking
 * for a bucket that cannot be shown. A key that may not list buckets (AccessDenied) is no broken
 * profile: it opens buckets by name.
 */
export function PickBucket() {
  const { t } = useT();
  const { profileId } = useParams({ strict: false });
  const buckets = useBuckets(profileId ?? "");
  const profile = useProfiles().data?.find((p) => p.id === profileId);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();

  if (buckets.error && profileId && isListingDenied(buckets.error)) {
    return (
      <div className="placeholder">
        <div className="fix-profile" data-testid="profile-may-not-list">
          <Icon name="bucket" size={32} />
          <h2>{t("bookmarks.deniedTitle")}</h2>
          <p>{t("bookmarks.deniedBody")}</p>
          <OpenBucketButton
            profileId={profileId}
            testId="pick-open-bucket"
            className="button primary"
            onOpened={(b) =>
              void navigate({ to: "/p/$profileId/b/$bucket", params: { profileId, bucket: b.bucket }, search: { prefix: b.prefix ?? "" } })
            }
          />
        </div>
      </div>
    );
  }
  if (buckets.error) {
    return (
      <div className="placeholder">
        <div className="fix-profile" data-testid="profile-broken">
          <Icon name="warning" size={32} />
          <h2>{t("buckets.profileBroken", { name: profile?.name ?? "" })}</h2>
          <ErrorMessage error={buckets.error} />
          {profile && (
            <button type="button" className="button primary" data-testid="profile-fix" onClick={() => setEditing(true)}>
              <Icon name="edit" size={16} />
              {t("buckets.fixProfile")}
            </button>
          )}
        </div>
        {editing && profile && (
          <ProfileDialog
            profile={profile}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void buckets.refetch();
            }}
          />
        )}
      </div>
    );
  }
  return (
    <div className="placeholder muted">
      <Icon name="bucket" size={32} />
      <p>{t("buckets.pick")}</p>
    </div>
  );
}
