import { useState } from "react";
import { Modal } from "../../components/Modal";
import { Tabs } from "../../components/Tabs";
import { useT } from "../../i18n";
import { baseName, DownloadLinkTab } from "./DownloadLinkTab";
import { UploadFormTab } from "./UploadFormTab";
import { UploadLinkTab } from "./UploadLinkTab";

type Tab = "get" | "put" | "post";

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  versionId?: string | null;
  onClose: () => void;
}

/** "Share link…" on one object: a download link, an upload link (PUT) or an upload form (POST). */
export function ShareDialog({ profileId, bucket, objectKey, versionId = null, onClose }: Props) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>("get");
  const target = { profileId, bucket, objectKey, versionId };
  const items = [
    { value: "get", label: t("share.tab.get"), testId: "share-tab-get" },
    { value: "put", label: t("share.tab.put"), testId: "share-tab-put" },
    { value: "post", label: t("share.tab.post"), testId: "share-tab-post" },
  ] as const;
  return (
    <Modal
      title={t("share.title", { name: baseName(objectKey) })}
      onClose={onClose}
      testId="share-dialog"
      footer={
        <button type="button" className="button" data-testid="share-close" onClick={onClose}>
          {t("share.close")}
        </button>
      }
    >
      <Tabs label={t("share.tabs")} items={items} value={tab} onChange={setTab}>
        {tab === "get" && <DownloadLinkTab {...target} />}
        {tab === "put" && <UploadLinkTab {...target} />}
        {tab === "post" && <UploadFormTab {...target} />}
      </Tabs>
    </Modal>
  );
}
