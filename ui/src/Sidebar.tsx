import { Link, useNavigate, useParams, useRouterState } from "@tanstack/react-router";
import { useState } from "react";
import type { Bookmark } from "./backend";
import { Icon } from "./components/Icon";
import { BookmarksSection } from "./features/bookmarks/BookmarksSection";
import { BucketList, type BucketNotice } from "./features/buckets/BucketList";
import { BucketPanel } from "./features/buckets/BucketPanel";
import { rememberedProfileId } from "./features/profiles/lastProfile";
import { ProfilePicker } from "./features/profiles/ProfilePicker";
import { useProfiles } from "./features/profiles/queries";
import { SearchIcon } from "./features/search/SearchLink";
import { totalsOf } from "./features/transfers/model";
import { useTransfers } from "./features/transfers/useTransfers";
import { useT } from "./i18n";

/**
 * The profile of the route, its buckets (the route's one selected, with its panel), and links to
 * the other pages. On a page of no profile (Transfers) it keeps showing the last one opened; on
 * the start page, none.
 */
export function Sidebar() {
  const { t } = useT();
  const navigate = useNavigate();
  const params = useParams({ strict: false });
  const atStart = useRouterState({ select: (s) => s.location.pathname === "/" });
  const profiles = useProfiles();
  const list = profiles.data ?? [];
  const profileId = params.profileId ?? (atStart ? null : rememberedProfileId());
  const profile = list.find((p) => p.id === profileId) ?? null;
  const bucket = profile ? (params.bucket ?? null) : null;
  const prefix = useRouterState({ select: (s) => (s.location.search as { prefix?: string }).prefix ?? "" });
  const totals = totalsOf(useTransfers());
  const busy = totals.active + totals.waiting;
  const [bucketNotice, setBucketNotice] = useState<BucketNotice | null>(null);
  const openBookmark = (b: Bookmark) =>
    profile &&
    void navigate({ to: "/p/$profileId/b/$bucket", params: { profileId: profile.id, bucket: b.bucket }, search: { prefix: b.prefix ?? "" } });

  return (
    <aside className="sidebar">
      <ProfilePicker
        profiles={list}
        selected={profile}
        onSelect={(id) => void (id ? navigate({ to: "/p/$profileId", params: { profileId: id } }) : navigate({ to: "/" }))}
      />
      <nav className="sidebar-nav" aria-label={t("nav.label")}>
        {profile && (
          <Link to="/p/$profileId/topics" params={{ profileId: profile.id }} className="nav-link" data-testid="nav-topics">
            <Icon name="topics" size={16} />
            {t("topics.title")}
          </Link>
        )}
        {profile && (
          <Link to="/p/$profileId/search" params={{ profileId: profile.id }} search={{ bucket: bucket ?? "" }} className="nav-link" data-testid="nav-search">
            <SearchIcon />
            {t("search.title")}
          </Link>
        )}
        <Link to="/transfers" className="nav-link" data-testid="nav-transfers">
          <Icon name="transfers" size={16} />
          {t("transfers.title")}
          {busy > 0 && (
            <span className={`count-badge ${totals.waiting > 0 ? "waiting" : ""}`} data-testid="nav-transfers-count">
              {busy}
            </span>
          )}
        </Link>
      </nav>
      {profile && (
        <BookmarksSection
          profileId={profile.id}
          current={bucket ? { bucket, prefix } : null}
          onOpen={openBookmark}
        />
      )}
      {profile && (
        <BucketList
          profileId={profile.id}
          selected={bucket}
          onSelect={(name) => void navigate({ to: "/p/$profileId/b/$bucket", params: { profileId: profile.id, bucket: name } })}
          notice={bucketNotice}
          onNotice={setBucketNotice}
          onOpenBookmark={openBookmark}
        />
      )}
      {profile && bucket && (
        <BucketPanel
          key={`${profile.id}\n${bucket}`}
          profileId={profile.id}
          bucket={bucket}
          onDeleted={() => {
            setBucketNotice({ kind: "deleted", name: bucket });
            void navigate({ to: "/p/$profileId", params: { profileId: profile.id } });
          }}
        />
      )}
    </aside>
  );
}
