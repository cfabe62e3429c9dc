import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { api } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { BackendError, ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { bareEtag, formatCount, formatDateTime, humanBytes } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import {
  AclSection,
  EncryptionSection,
  GeneralSection,
  LockSection,
  Section,
  SystemSection,
  TagsSection,
  UserMetadataSection,
} from "../details/DetailsSections";
import { MetadataDialog } from "../details/MetadataDialog";
import { DetailsImage } from "../images/DetailsImage";
import { CustomerKeyPrompt, ForgetCustomerKeyButton, needsCustomerKey } from "../sse-c";
import { NameText } from "./NameText";
import type { Row } from "./rows";

interface Props {
  profileId: string;
  bucket: string;
  /** The selected rows. */
  selection: readonly Row[];
  /** "Append file…" beside the type of an Appendable object. */
  onAppend?: (key: string) => void;
  /** "Image process…" under the preview of an image object. */
  onImageProcess?: (key: string) => void;
  /** "Preview" (quick look) of the object shown. */
  onPreview?: (key: string) => void;
}

/** Details of the one selected object (HEAD), or a hint. */
export function DetailsPane({ profileId, bucket, selection, onAppend, onImageProcess, onPreview }: Props) {
  const { t, locale } = useT();
  let body: ReactNode;
  if (selection.length === 0) body = <p className="muted">{t("details.empty")}</p>;
  else if (selection.length > 1) body = <p className="muted">{t("details.many", { count: formatCount(selection.length, locale) })}</p>;
  else if (selection[0].kind === "folder") {
    body = (
      <>
        <div className="details-heading">
          <Icon name="folder" size={20} className="row-icon folder" />
          <NameText name={selection[0].key} testId="details-key" />
        </div>
        <p className="muted">{t("details.folderHint")}</p>
      </>
    );
  } else body = <ObjectDetailsView key={selection[0].key} profileId={profileId} bucket={bucket} row={selection[0]} onAppend={onAppend} onImageProcess={onImageProcess} onPreview={onPreview} />;

  return (
    <aside className="details-pane" data-testid="details-pane">
      <h3 className="pane-title">{t("details.title")}</h3>
      {body}
    </aside>
  );
}

function ObjectDetailsView({
  profileId,
  bucket,
  row,
  onAppend,
  onImageProcess,
  onPreview,
}: {
  profileId: string;
  bucket: string;
  row: Extract<Row, { kind: "object" }>;
  onAppend?: (key: string) => void;
  onImageProcess?: (key: string) => void;
  onPreview?: (key: string) => void;
}) {
  const { t, locale } = useT();
  const objectKey = row.key;
  const [editing, setEditing] = useState(false);
  const head = useQuery({
    queryKey: queryKeys.head(profileId, bucket, objectKey),
    queryFn: () => api.headObject(profileId, bucket, objectKey),
    // Neither answer changes on a second try.
    retry: (count, error) => !(error instanceof BackendError && (error.code === "AccessDenied" || needsCustomerKey(error.code))) && count < 1,
  });
  if (head.isPending) return <Spinner label={t("common.loading")} />;
  if (head.error instanceof BackendError && head.error.code === "AccessDenied") {
    // The listing already told us these: keep them, and say what the user may not do.
    const e = row.entry;
    return (
      <div data-testid="details-denied">
        <p className="details-denied">{t("details.denied")}</p>
        <dl className="details-list">
          {(
            [
              ["key", "details.key", <NameText name={e.key} />],
              ["size", "details.size", humanBytes(e.size, locale)],
              ["lastModified", "details.lastModified", formatDateTime(e.lastModified, locale)],
              ["storageClass", "details.storageClass", e.storageClass ?? "—"],
              ["etag", "details.etag", bareEtag(e.etag)],
            ] as [string, MessageKey, ReactNode][]
          ).map(([id, label, value]) => (
            <div key={id} className="details-item">
              <dt>{t(label)}</dt>
              <dd data-testid={`details-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <ErrorMessage error={head.error} />
      </div>
    );
  }
  if (head.error instanceof BackendError && needsCustomerKey(head.error.code)) {
    // SSE-C: what it is, in words, then the key prompt (H5's); once the key is kept, read again.
    return (
      <div data-testid="details-customer-key">
        <p className="details-denied">{t("dp.customerKey")}</p>
        <CustomerKeyPrompt profileId={profileId} bucket={bucket} objectKey={objectKey} onUnlocked={() => void head.refetch()} />
        <ErrorMessage error={head.error} />
      </div>
    );
  }
  if (head.error) return <ErrorMessage error={head.error} context={t("details.failed", { name: row.name })} />;
  const d = head.data;
  return (
    <>
      <DetailsImage
        profileId={profileId}
        bucket={bucket}
        objectKey={objectKey}
        etag={d.etag ?? row.entry.etag}
        contentType={d.contentType}
        onProcess={onImageProcess}
      />
      <Section id="general" title="dp.general">
        {() => (
          <>
            <GeneralSection d={d} />
            {onPreview && (
              <button type="button" className="button small details-preview" data-testid="details-preview" onClick={() => onPreview(d.key)}>
                <Icon name="eye" size={16} />
                {t("preview.action")}
              </button>
            )}
            {onAppend && d.objectType === "Appendable" && (
              <button type="button" className="button small details-append" data-testid="details-append" onClick={() => onAppend(d.key)}>
                <Icon name="upload" size={16} />
                {t("append.action")}
              </button>
            )}
            <button
              type="button"
              className="button small details-edit-metadata"
              data-testid="details-edit-metadata"
              onClick={() => setEditing(true)}
            >
              <Icon name="edit" size={16} />
              {t("md.action")}
            </button>
          </>
        )}
      </Section>
      <Section id="system" title="dp.system">
        {() => <SystemSection d={d} />}
      </Section>
      <Section id="user" title="details.metadata">
        {() => <UserMetadataSection d={d} />}
      </Section>
      <Section id="encryption" title="dp.encryption">
        {() => (
          <>
            <EncryptionSection d={d} />
            {d.sseCustomerAlgorithm && <ForgetCustomerKeyButton profileId={profileId} bucket={bucket} objectKey={objectKey} />}
          </>
        )}
      </Section>
      <Section id="lock" title="dp.lock">
        {() => <LockSection d={d} />}
      </Section>
      <Section id="tags" title="dp.tags" defaultOpen={false}>
        {() => <TagsSection profileId={profileId} bucket={bucket} objectKey={objectKey} />}
      </Section>
      <Section id="acl" title="dp.acl" defaultOpen={false}>
        {() => <AclSection profileId={profileId} bucket={bucket} objectKey={objectKey} />}
      </Section>
      {editing && <MetadataDialog profileId={profileId} bucket={bucket} details={d} onClose={() => setEditing(false)} />}
    </>
  );
}
