import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { api, type ObjectDetails } from "../../backend";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { BackendError, ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { bareEtag, formatCount, formatDateTime, humanBytes } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { DetailsImage } from "../images/DetailsImage";
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
}

/** Details of the one selected object (HEAD), or a hint. */
export function DetailsPane({ profileId, bucket, selection, onAppend, onImageProcess }: Props) {
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
  } else body = <ObjectDetailsView key={selection[0].key} profileId={profileId} bucket={bucket} row={selection[0]} onAppend={onAppend} onImageProcess={onImageProcess} />;

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
}: {
  profileId: string;
  bucket: string;
  row: Extract<Row, { kind: "object" }>;
  onAppend?: (key: string) => void;
  onImageProcess?: (key: string) => void;
}) {
  const { t, locale } = useT();
  const objectKey = row.key;
  const head = useQuery({
    queryKey: queryKeys.head(profileId, bucket, objectKey),
    queryFn: () => api.headObject(profileId, bucket, objectKey),
    retry: (count, error) => !(error instanceof BackendError && error.code === "AccessDenied") && count < 1,
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
  if (head.error) return <ErrorMessage error={head.error} context={t("details.failed", { name: row.name })} />;
  return (
    <>
      <DetailsImage
        profileId={profileId}
        bucket={bucket}
        objectKey={objectKey}
        etag={head.data.etag ?? row.entry.etag}
        contentType={head.data.contentType}
        onProcess={onImageProcess}
      />
      <DetailsList d={head.data} onAppend={onAppend} />
    </>
  );
}

function DetailsList({ d, onAppend }: { d: ObjectDetails; onAppend?: (key: string) => void }) {
  const { t, locale } = useT();
  // RFC 2047 values (=?UTF-8?B?…?=) arrive decoded from Rust; the stored form on request.
  const [showRaw, setShowRaw] = useState(false);
  const fields: [keyof ObjectDetails, MessageKey, ReactNode, string?][] = [
    ["key", "details.key", <NameText name={d.key} />],
    ["size", "details.size", humanBytes(d.size, locale), `${d.size.toLocaleString(locale)} B`],
    ["contentType", "details.contentType", d.contentType ?? "—"],
    ["lastModified", "details.lastModified", formatDateTime(d.lastModified, locale), d.lastModified ?? undefined],
    ["etag", "details.etag", bareEtag(d.etag)],
    ["versionId", "details.versionId", d.versionId ?? "—"],
    ["storageClass", "details.storageClass", d.storageClass ?? "—"],
    ["objectType", "details.objectType", d.objectType ?? "—"],
  ];
  const metadata = Object.entries(d.metadata).filter((e): e is [string, string] => e[1] !== undefined);
  const decoded = Object.keys(d.rawMetadata).length > 0;
  return (
    <>
      <dl className="details-list">
        {fields.map(([id, label, value, title]) => (
          <div key={id} className="details-item">
            <dt>{t(label)}</dt>
            <dd data-testid={`details-${id}`} title={title} className={id === "etag" || id === "versionId" ? "mono" : undefined}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {onAppend && d.objectType === "Appendable" && (
        <button type="button" className="button small details-append" data-testid="details-append" onClick={() => onAppend(d.key)}>
          <Icon name="upload" size={16} />
          {t("append.action")}
        </button>
      )}
      <h4 className="pane-subtitle">
        {t("details.metadata")}
        {decoded && (
          <label className="raw-toggle">
            <input type="checkbox" data-testid="details-metadata-raw" checked={showRaw} onChange={(e) => setShowRaw(e.target.checked)} />
            {t("details.metadataRaw")}
          </label>
        )}
      </h4>
      {metadata.length === 0 ? (
        <p className="muted" data-testid="details-metadata">
          {t("details.noMetadata")}
        </p>
      ) : (
        <dl className="metadata-list" data-testid="details-metadata">
          {metadata.map(([k, v]) => {
            const raw = d.rawMetadata[k];
            return (
              <div key={k} className="details-item">
                <dt className="mono">{k}</dt>
                <dd data-testid={`details-meta-${k}`} className={showRaw && raw !== undefined ? "mono" : undefined} title={raw}>
                  {showRaw && raw !== undefined ? raw : v}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </>
  );
}
