import { useId, useState } from "react";
import { api, type UploadLink } from "../../backend";
import { Field } from "../../components/Field";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { CopyText } from "./CopyText";
import type { ShareObject } from "./DownloadLinkTab";
import { DEFAULT_EXPIRY, Expiry, expirySecs } from "./Expiry";
import { useCreate } from "./useCreate";

/** The folder of a key, with its trailing slash ("" at the top). */
export function folderOf(key: string): string {
  const i = key.lastIndexOf("/");
  return i < 0 ? "" : key.slice(0, i + 1);
}

/** A presigned PUT to a key the user names (in the object's folder by default). */
export function UploadLinkTab({ profileId, bucket, objectKey }: ShareObject) {
  const { t } = useT();
  const id = useId();
  const [key, setKey] = useState(folderOf(objectKey));
  const [contentType, setContentType] = useState("");
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const create = useCreate<UploadLink>();
  const secs = expirySecs(expiry);
  const keyMissing = key === "" || key.endsWith("/");
  const current = JSON.stringify([key, contentType.trim(), secs]);
  const link = create.resultFor(current);

  const submit = () => {
    if (secs === null || keyMissing) return;
    const type = contentType.trim();
    void create.run(current, () => api.sharePutLink(profileId, bucket, key, secs, type === "" ? null : type));
  };

  return (
    <form
      className="share-tab"
      data-testid="share-put"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={t("share.key")} htmlFor={`${id}-key`} hint={keyMissing ? t("share.keyMissing") : undefined}>
        <input id={`${id}-key`} type="text" className="mono" data-testid="share-put-key" value={key} onChange={(e) => setKey(e.target.value)} />
      </Field>
      <Field label={t("share.contentType")} htmlFor={`${id}-type`}>
        <input id={`${id}-type`} type="text" data-testid="share-put-type" value={contentType} placeholder="image/png" onChange={(e) => setContentType(e.target.value)} />
      </Field>
      <Expiry id={id} value={expiry} onChange={setExpiry} />
      <div className="share-actions">
        <button type="submit" className="button primary" data-testid="share-put-create" disabled={create.busy || secs === null || keyMissing}>
          {t("share.create")}
        </button>
      </div>
      {create.error != null && <ErrorMessage error={create.error} context={t("share.failed")} />}
      {link !== null && (
        <div className="share-result">
          <CopyText label={t("share.link")} value={link.url} testId="share-put-url" />
          {link.headers.length > 0 && (
            <CopyText
              label={t("share.headers")}
              value={link.headers.map(([name, value]) => `${name}: ${value}`).join("\n")}
              testId="share-put-headers"
              multiline
            />
          )}
          <CopyText label={t("share.curl")} value={link.curl} testId="share-put-curl" multiline />
        </div>
      )}
      <p className="field-hint">{t("share.putNote")}</p>
    </form>
  );
}
