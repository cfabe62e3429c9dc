import { useId, useState } from "react";
import { api, type ContentTypeRule, type KeyRule, type PostForm } from "../../backend";
import { Field } from "../../components/Field";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { CopyText } from "./CopyText";
import type { ShareObject } from "./DownloadLinkTab";
import { DEFAULT_EXPIRY, Expiry, expirySecs } from "./Expiry";
import { FormFields } from "./FormFields";
import { folderOf } from "./UploadLinkTab";
import { useCreate } from "./useCreate";

const MIB = 1024 * 1024;

/** Bytes for a size in MiB; undefined when blank; null when not a positive number. */
function maxBytes(mib: string): number | null | undefined {
  if (mib.trim() === "") return undefined;
  const n = Number(mib);
  return Number.isFinite(n) && n > 0 ? Math.round(n * MIB) : null;
}

/** A presigned POST form: an exact key or any name under a prefix, a size cap, a content type rule. */
export function UploadFormTab({ profileId, bucket, objectKey }: ShareObject) {
  const { t } = useT();
  const id = useId();
  const [keyMode, setKeyMode] = useState<"startsWith" | "exact">("startsWith");
  const [key, setKey] = useState(folderOf(objectKey));
  const [size, setSize] = useState("");
  const [typeMode, setTypeMode] = useState<"any" | "exact" | "startsWith">("any");
  const [type, setType] = useState("");
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const create = useCreate<PostForm>();
  const secs = expirySecs(expiry);
  const bytes = maxBytes(size);
  const keyMissing = keyMode === "exact" && (key === "" || key.endsWith("/"));
  const current = JSON.stringify([keyMode, key, bytes, typeMode, type.trim(), secs]);
  const form = create.resultFor(current);

  const submit = () => {
    if (secs === null || bytes === null || keyMissing) return;
    const keyRule: KeyRule = keyMode === "exact" ? { exact: key } : { startsWith: key };
    const typeRule: ContentTypeRule | null =
      typeMode === "any" || type.trim() === "" ? null : typeMode === "exact" ? { exact: type.trim() } : { startsWith: type.trim() };
    void create.run(current, () =>
      api.sharePostForm(profileId, {
        bucket,
        key: keyRule,
        expiresInSecs: secs,
        maxSizeBytes: bytes ?? null,
        minSizeBytes: null,
        contentType: typeRule,
        successActionStatus: null,
      }),
    );
  };

  return (
    <form
      className="share-tab"
      data-testid="share-post"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="share-radios">
        <legend>{t("share.keyRule")}</legend>
        <label>
          <input type="radio" name={`${id}-key-mode`} data-testid="share-post-key-prefix" checked={keyMode === "startsWith"} onChange={() => setKeyMode("startsWith")} />
          {t("share.keyPrefix")}
        </label>
        <label>
          <input type="radio" name={`${id}-key-mode`} data-testid="share-post-key-exact" checked={keyMode === "exact"} onChange={() => setKeyMode("exact")} />
          {t("share.keyExact")}
        </label>
      </fieldset>
      <Field label={keyMode === "exact" ? t("share.key") : t("share.prefix")} htmlFor={`${id}-key`} hint={keyMissing ? t("share.keyMissing") : undefined}>
        <input id={`${id}-key`} type="text" className="mono" data-testid="share-post-key" value={key} onChange={(e) => setKey(e.target.value)} />
      </Field>
      <Field label={t("share.maxSize")} htmlFor={`${id}-size`} error={bytes === null ? t("share.badSize") : undefined}>
        <input id={`${id}-size`} type="number" min={0} step="any" data-testid="share-post-size" value={size} aria-invalid={bytes === null || undefined} onChange={(e) => setSize(e.target.value)} />
      </Field>
      <div className="share-expiry">
        <div className="share-field">
          <label htmlFor={`${id}-type-mode`}>{t("share.typeRule")}</label>
          <select id={`${id}-type-mode`} data-testid="share-post-type-mode" value={typeMode} onChange={(e) => setTypeMode(e.target.value as typeof typeMode)}>
            <option value="any">{t("share.typeAny")}</option>
            <option value="exact">{t("share.typeExact")}</option>
            <option value="startsWith">{t("share.typeStarts")}</option>
          </select>
        </div>
        {typeMode !== "any" && (
          <div className="share-field">
            <label htmlFor={`${id}-type`}>{t("share.typeValue")}</label>
            <input id={`${id}-type`} type="text" data-testid="share-post-type" value={type} placeholder={typeMode === "exact" ? "image/png" : "image/"} onChange={(e) => setType(e.target.value)} />
          </div>
        )}
      </div>
      <Expiry id={id} value={expiry} onChange={setExpiry} />
      <div className="share-actions">
        <button type="submit" className="button primary" data-testid="share-post-create" disabled={create.busy || secs === null || bytes === null || keyMissing}>
          {t("share.createForm")}
        </button>
      </div>
      {create.error != null && <ErrorMessage error={create.error} context={t("share.failed")} />}
      {form !== null && (
        <div className="share-result">
          <CopyText label={t("share.link")} value={form.url} testId="share-post-url" />
          <FormFields fields={form.fields} />
          <CopyText label={t("share.curl")} value={form.curl} testId="share-post-curl" multiline />
          <CopyText label={t("share.html")} value={form.html} testId="share-post-html" multiline />
        </div>
      )}
      <p className="field-hint">{t("share.postNote")}</p>
    </form>
  );
}
