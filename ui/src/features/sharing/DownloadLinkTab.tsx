import { useId, useState } from "react";
import { api } from "../../backend";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { CopyText } from "./CopyText";
import { DEFAULT_EXPIRY, Expiry, expirySecs } from "./Expiry";
import { QrCode } from "./QrCode";
import { useCreate } from "./useCreate";

export interface ShareObject {
  profileId: string;
  bucket: string;
  objectKey: string;
  versionId: string | null;
}

/** The name a key is saved under: its last segment. */
export function baseName(key: string): string {
  return key.split("/").pop() ?? key;
}

/** A presigned GET of the object (a version if given), optionally saved under its file name. */
export function DownloadLinkTab({ profileId, bucket, objectKey, versionId }: ShareObject) {
  const { t } = useT();
  const id = useId();
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const [saveAs, setSaveAs] = useState(false);
  const create = useCreate<string>();
  const secs = expirySecs(expiry);
  const name = baseName(objectKey);
  const current = `${secs}|${saveAs}`;
  const url = create.resultFor(current);

  const submit = () => {
    if (secs === null) return;
    void create.run(current, () => api.shareGetLink(profileId, { bucket, key: objectKey, versionId }, secs, saveAs ? name : null));
  };

  return (
    <form
      className="share-tab"
      data-testid="share-get"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Expiry id={id} value={expiry} onChange={setExpiry} />
      <label className="share-check">
        <input type="checkbox" data-testid="share-get-save-as" checked={saveAs} onChange={(e) => setSaveAs(e.target.checked)} />
        {t("share.saveAs", { name })}
      </label>
      <div className="share-actions">
        <button type="submit" className="button primary" data-testid="share-get-create" disabled={create.busy || secs === null}>
          {t("share.create")}
        </button>
      </div>
      {create.error != null && <ErrorMessage error={create.error} context={t("share.failed")} />}
      {url !== null && (
        <div className="share-result">
          <CopyText label={t("share.link")} value={url} testId="share-get-url" />
          <QrCode text={url} />
        </div>
      )}
      <p className="field-hint">{t("share.getNote")}</p>
    </form>
  );
}
