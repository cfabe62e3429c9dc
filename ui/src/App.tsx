import { useState } from "react";
import { BucketList } from "./buckets/BucketList";
import { BucketPanel } from "./buckets/BucketPanel";
import { Icon } from "./components/Icon";
import { Spinner } from "./components/Spinner";
import { ErrorMessage } from "./errors";
import { LanguageSwitch, useT } from "./i18n";
import { ObjectBrowser } from "./objects/ObjectBrowser";
import { ProfileDialog } from "./profiles/ProfileDialog";
import { ProfilePicker } from "./profiles/ProfilePicker";
import { useProfiles } from "./profiles/queries";

const PROFILE_STORAGE_KEY = "zos.profile";

interface Location {
  profileId: string;
  bucket: string;
  prefix: string;
}

function storedProfileId(): string | null {
  try {
    return localStorage.getItem(PROFILE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function App() {
  const { t } = useT();
  const profiles = useProfiles();
  const [chosenProfile, setChosenProfile] = useState<string | null>(storedProfileId);
  const [location, setLocation] = useState<Location | null>(null);
  const [addingFirst, setAddingFirst] = useState(false);

  const list = profiles.data ?? [];
  const profile = list.find((p) => p.id === chosenProfile) ?? list[0] ?? null;
  const here = profile && location?.profileId === profile.id ? location : null;

  const selectProfile = (id: string | null) => {
    setChosenProfile(id);
    setLocation(null);
    try {
      if (id) localStorage.setItem(PROFILE_STORAGE_KEY, id);
      else localStorage.removeItem(PROFILE_STORAGE_KEY);
    } catch {
      // not remembered; harmless
    }
  };

  let main;
  if (profiles.isPending) {
    main = (
      <div className="placeholder">
        <Spinner label={t("common.loading")} />
      </div>
    );
  } else if (profiles.error) {
    main = (
      <div className="placeholder">
        <ErrorMessage error={profiles.error} />
      </div>
    );
  } else if (!profile) {
    main = (
      <div className="welcome">
        <div className="welcome-card">
          <Icon name="bucket" size={40} className="welcome-icon" />
          <h2>{t("app.welcome.title")}</h2>
          <p>{t("app.welcome.body")}</p>
          <button type="button" className="button primary" onClick={() => setAddingFirst(true)}>
            <Icon name="plus" size={18} />
            {t("profiles.add")}
          </button>
        </div>
      </div>
    );
  } else if (!here) {
    main = (
      <div className="placeholder muted">
        <Icon name="bucket" size={32} />
        <p>{t("app.pickBucket")}</p>
      </div>
    );
  } else {
    main = (
      <ObjectBrowser
        key={`${here.profileId}\n${here.bucket}\n${here.prefix}`}
        profileId={here.profileId}
        bucket={here.bucket}
        prefix={here.prefix}
        onNavigate={(prefix) => setLocation({ ...here, prefix })}
      />
    );
  }

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            Z
          </span>
          <h1>{t("app.title")}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <div className="app-body">
        <aside className="sidebar">
          <ProfilePicker profiles={list} selected={profile} onSelect={selectProfile} />
          {profile && (
            <BucketList
              profileId={profile.id}
              selected={here?.bucket ?? null}
              onSelect={(bucket) => setLocation({ profileId: profile.id, bucket, prefix: "" })}
            />
          )}
          {profile && here && (
            <BucketPanel
              key={`${profile.id}\n${here.bucket}`}
              profileId={profile.id}
              bucket={here.bucket}
              onDeleted={() => setLocation(null)}
            />
          )}
        </aside>
        <main className="content">{main}</main>
      </div>
      {addingFirst && (
        <ProfileDialog
          onClose={() => setAddingFirst(false)}
          onSaved={(p) => {
            setAddingFirst(false);
            selectProfile(p.id);
          }}
        />
      )}
    </div>
  );
}
