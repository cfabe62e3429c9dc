import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Icon } from "../../components/Icon";
import { QueryPlaceholder } from "../../components/QueryPlaceholder";
import { useT } from "../../i18n";
import { useProfileExchange } from "../profile-exchange/useProfileExchange";
import { ProfileDialog } from "./ProfileDialog";
import { useProfiles } from "./queries";

/** The start ("/"): add the first profile, or choose one. */
export function WelcomePage() {
  const { t } = useT();
  const profiles = useProfiles();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const exchange = useProfileExchange(profiles.data ?? []);

  if (profiles.isPending || profiles.error) return <QueryPlaceholder query={profiles} />;
  const list = profiles.data;
  return (
    <div className="welcome">
      <div className="welcome-card">
        <Icon name="bucket" size={40} className="welcome-icon" />
        <h2>{list.length === 0 ? t("welcome.title") : t("welcome.chooseTitle")}</h2>
        <p>{list.length === 0 ? t("welcome.body") : t("welcome.chooseBody")}</p>
        {list.length > 0 && (
          <ul className="welcome-profiles" data-testid="welcome-profiles">
            {list.map((p) => (
              <li key={p.id}>
                <Link to="/p/$profileId" params={{ profileId: p.id }} className="welcome-profile">
                  <span className="welcome-profile-name">{p.name}</span>
                  <span className="welcome-profile-endpoint">{p.endpoint}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className={`button ${list.length === 0 ? "primary" : ""}`} onClick={() => setAdding(true)}>
          <Icon name="plus" size={18} />
          {t("profiles.add")}
        </button>
        <div className="welcome-import">
          <button type="button" className="button" data-testid="welcome-import" disabled={exchange.reading} onClick={exchange.startImport}>
            {t("exchange.import")}
          </button>
          <button type="button" className="button" data-testid="welcome-import-aws" onClick={exchange.startAwsImport}>
            {t("exchange.importAws")}
          </button>
        </div>
      </div>
      {exchange.dialogs}
      {adding && (
        <ProfileDialog
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            setAdding(false);
            void navigate({ to: "/p/$profileId", params: { profileId: p.id } });
          }}
        />
      )}
    </div>
  );
}
