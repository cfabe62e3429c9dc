import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { useT } from "../../i18n";

/** A magnifier in the app's icon style (Icon.tsx has none), coloured by currentColor. */
export function SearchIcon({ size = 16 }: { size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        fill="currentColor"
        d="M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5Zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14Z"
      />
    </svg>
  );
}

/** Opens the search page of a profile, for a bucket (or none chosen). */
export function useOpenSearch(profileId: string) {
  const navigate = useNavigate();
  return useCallback(
    (bucket?: string) => void navigate({ to: "/p/$profileId/search", params: { profileId }, search: { bucket: bucket ?? "" } }),
    [navigate, profileId],
  );
}

/** A "Search…" button for the object browser's toolbar: opens the search page for `bucket`. */
export function SearchLink({ profileId, bucket, className = "button" }: { profileId: string; bucket: string; className?: string }) {
  const { t } = useT();
  const open = useOpenSearch(profileId);
  return (
    <button
      type="button"
      className={className}
      data-testid="open-search"
      aria-label={t("search.openLabel", { bucket })}
      title={t("search.openLabel", { bucket })}
      onClick={() => open(bucket)}
    >
      <SearchIcon />
      <span className="toolbar-label">{t("search.open")}</span>
    </button>
  );
}
