import { Link } from "@tanstack/react-router";
import { Icon } from "../../components/Icon";
import { Tabs } from "../../components/Tabs";
import { useT } from "../../i18n";
import { SETTINGS_TAB_ORDER, SETTINGS_TABS, type SettingsTab } from "./tabs";

interface Props {
  profileId: string;
  bucket: string;
  tab: SettingsTab;
  onTab: (tab: SettingsTab) => void;
}

/** /p/$profileId/b/$bucket/settings/$tab: a bucket's configuration, one tab per sub-resource. */
export function BucketSettingsPage({ profileId, bucket, tab, onTab }: Props) {
  const { t } = useT();
  const Content = SETTINGS_TABS[tab].Component;
  return (
    <section className="page" data-testid="settings-page">
      <header className="page-header">
        <Link
          to="/p/$profileId/b/$bucket"
          params={{ profileId, bucket }}
          className="button small page-back"
          data-testid="settings-back"
        >
          <Icon name="back" size={16} />
          {t("settings.back")}
        </Link>
        <h2>{t("settings.title", { bucket })}</h2>
      </header>
      <Tabs
        label={t("settings.tabs")}
        items={SETTINGS_TAB_ORDER.map((v) => ({ value: v, label: t(SETTINGS_TABS[v].label), testId: `settings-tab-${v}` }))}
        value={tab}
        onChange={onTab}
      >
        <Content key={`${profileId}\n${bucket}`} profileId={profileId} bucket={bucket} />
      </Tabs>
    </section>
  );
}
