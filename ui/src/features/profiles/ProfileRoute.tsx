import { Link, Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { QueryPlaceholder } from "../../components/QueryPlaceholder";
import { useT } from "../../i18n";
import { rememberProfile } from "./lastProfile";
import { useProfiles } from "./queries";

/** Everything under /p/$profileId: shown once the profile is known to exist; remembered for the next start. */
export function ProfileRoute({ profileId }: { profileId: string }) {
  const { t } = useT();
  const profiles = useProfiles();
  const exists = profiles.data?.some((p) => p.id === profileId) ?? false;

  useEffect(() => {
    if (exists) rememberProfile(profileId);
  }, [exists, profileId]);

  if (profiles.isPending || profiles.error) return <QueryPlaceholder query={profiles} />;
  if (!exists) {
    return (
      <div className="placeholder muted" data-testid="profile-not-found">
        <p>{t("profiles.notFound")}</p>
        <Link to="/" className="button">
          {t("profiles.choose")}
        </Link>
      </div>
    );
  }
  return <Outlet />;
}
