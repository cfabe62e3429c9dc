import { useQuery } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import { api, type ObjectDetails } from "../../backend";
import { Spinner } from "../../components/Spinner";
import { BackendError, ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { bareEtag, formatCount, formatDateTime, humanBytes } from "../../lib/format";
import { NameText } from "../objects/NameText";
import "./details.css";

/** The query keys of the lazily read parts (the tags key is the object tags dialog's own). */
export const detailsKeys = {
  tags: (profileId: string, bucket: string, key: string) => ["bucketConfig", profileId, bucket, "objectTags", key, null] as const,
  acl: (profileId: string, bucket: string, key: string) => ["objectAclSummary", profileId, bucket, key] as const,
};

/** A titled part of the pane that folds away (a button with aria-expanded: keyboard as usual). */
export function Section({
  id,
  title,
  defaultOpen = true,
  children,
}: {
  id: string;
  title: MessageKey;
  defaultOpen?: boolean;
  /** Rendered only while open: a section that reads from the server reads when first opened. */
  children: () => ReactNode;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className="dp-section" data-testid={`details-section-${id}`}>
      <h4 className="pane-subtitle dp-section-title">
        <button
          type="button"
          className="dp-section-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-testid={`details-section-${id}-toggle`}
          onClick={() => setOpen(!open)}
        >
          <span className="dp-chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          {t(title)}
        </button>
      </h4>
      {open && (
        <div id={bodyId} className="dp-section-body">
          {children()}
        </div>
      )}
    </section>
  );
}

type Row = [id: string, label: MessageKey, value: ReactNode, title?: string, mono?: boolean];

function Rows({ rows }: { rows: Row[] }) {
  const { t } = useT();
  return (
    <dl className="details-list">
      {rows.map(([id, label, value, title, mono]) => (
        <div key={id} className="details-item">
          <dt>{t(label)}</dt>
          <dd data-testid={`details-${id}`} title={title} className={mono ? "mono" : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function GeneralSection({ d }: { d: ObjectDetails }) {
  const { t, locale } = useT();
  const type = d.objectType === "Appendable" ? t("dp.typeAppendable") : d.objectType === "Normal" ? t("dp.typeNormal") : null;
  const rows: Row[] = [
    ["key", "details.key", <NameText name={d.key} />],
    ["size", "details.size", humanBytes(d.size, locale), `${d.size.toLocaleString(locale)} B`],
    ["contentType", "details.contentType", d.contentType ?? "—"],
    ["lastModified", "details.lastModified", formatDateTime(d.lastModified, locale), d.lastModified ?? undefined],
    ["etag", "details.etag", bareEtag(d.etag), undefined, true],
    ["versionId", "details.versionId", d.versionId ?? "—", undefined, true],
    ["storageClass", "details.storageClass", d.storageClass ?? "—"],
    // The raw word stays the cell's text (tests and the append button key on it); the title says it in the UI language.
    ["objectType", "details.objectType", d.objectType ?? "—", type ?? undefined],
  ];
  if (d.partsCount != null) rows.push(["parts", "dp.parts", formatCount(d.partsCount, locale)]);
  if (d.nextAppendPosition != null) rows.push(["nextAppend", "dp.nextAppend", d.nextAppendPosition.toLocaleString(locale)]);
  return <Rows rows={rows} />;
}

export function SystemSection({ d }: { d: ObjectDetails }) {
  const { t, locale } = useT();
  const rows: Row[] = [];
  if (d.cacheControl) rows.push(["cacheControl", "dp.cacheControl", d.cacheControl, undefined, true]);
  if (d.contentDisposition) {
    rows.push(["contentDisposition", "dp.contentDisposition", d.contentDisposition, undefined, true]);
    if (d.contentDispositionFileName) rows.push(["fileName", "dp.fileName", d.contentDispositionFileName]);
  }
  if (d.contentEncoding) rows.push(["contentEncoding", "dp.contentEncoding", d.contentEncoding, undefined, true]);
  if (d.contentLanguage) rows.push(["contentLanguage", "dp.contentLanguage", d.contentLanguage, undefined, true]);
  if (d.expires) {
    const ms = Date.parse(d.expires);
    rows.push(["expires", "dp.expires", Number.isNaN(ms) ? d.expires : formatDateTime(new Date(ms).toISOString(), locale), d.expires]);
  }
  if (d.websiteRedirectLocation) rows.push(["redirect", "dp.redirect", d.websiteRedirectLocation, undefined, true]);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted" data-testid="details-system-none">
          {t("dp.noSystem")}
        </p>
      ) : (
        <Rows rows={rows} />
      )}
      {d.missingMeta != null && d.missingMeta > 0 && (
        <p className="field-note warning" data-testid="details-missing-meta">
          {t("dp.missingMeta", { count: d.missingMeta })}
        </p>
      )}
    </>
  );
}

/** User metadata, RFC 2047 values decoded by Rust, the stored form on request. */
export function UserMetadataSection({ d }: { d: ObjectDetails }) {
  const { t } = useT();
  const [showRaw, setShowRaw] = useState(false);
  const metadata = Object.entries(d.metadata).filter((e): e is [string, string] => e[1] !== undefined);
  const decoded = Object.keys(d.rawMetadata).length > 0;
  return (
    <>
      {decoded && (
        <label className="raw-toggle dp-raw-toggle">
          <input type="checkbox" data-testid="details-metadata-raw" checked={showRaw} onChange={(e) => setShowRaw(e.target.checked)} />
          {t("details.metadataRaw")}
        </label>
      )}
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

export function EncryptionSection({ d }: { d: ObjectDetails }) {
  const { t } = useT();
  if (d.sseCustomerAlgorithm) return <p data-testid="details-sse">{t("dp.sseC")}</p>;
  if (d.serverSideEncryption === "aws:kms") {
    return (
      <>
        <p data-testid="details-sse">{t("dp.sseKms")}</p>
        <Rows rows={[["kmsKey", "dp.kmsKey", d.sseKmsKeyId ?? "—", undefined, true]]} />
      </>
    );
  }
  if (d.serverSideEncryption) return <p data-testid="details-sse">{d.serverSideEncryption === "AES256" ? t("dp.sseS3") : d.serverSideEncryption}</p>;
  return (
    <p className="muted" data-testid="details-sse">
      {t("dp.sseNone")}
    </p>
  );
}

export function LockSection({ d }: { d: ObjectDetails }) {
  const { t, locale } = useT();
  if (!d.objectLockMode && d.objectLockLegalHold == null) {
    return (
      <p className="muted" data-testid="details-lock">
        {t("dp.lockNone")}
      </p>
    );
  }
  const rows: Row[] = [];
  if (d.objectLockMode) {
    const mode = d.objectLockMode === "COMPLIANCE" ? t("dp.lockCompliance") : d.objectLockMode === "GOVERNANCE" ? t("dp.lockGovernance") : d.objectLockMode;
    rows.push(["lockMode", "dp.lockMode", mode]);
    rows.push(["lockUntil", "dp.lockUntil", formatDateTime(d.objectLockRetainUntil ?? null, locale), d.objectLockRetainUntil ?? undefined]);
  }
  if (d.objectLockLegalHold != null) rows.push(["legalHold", "dp.legalHold", d.objectLockLegalHold ? t("dp.legalHoldOn") : t("dp.legalHoldOff")]);
  return (
    <div data-testid="details-lock">
      <Rows rows={rows} />
    </div>
  );
}

/** A section's read failed: AccessDenied in words, anything else with its error. */
function SectionError({ error, denied, failed }: { error: unknown; denied: MessageKey; failed: MessageKey }) {
  const { t } = useT();
  if (error instanceof BackendError && error.code === "AccessDenied") {
    return (
      <p className="details-denied" data-testid="details-section-denied">
        {t(denied)}
      </p>
    );
  }
  return <ErrorMessage error={error} context={t(failed)} />;
}

const notDenied = (count: number, error: unknown) => !(error instanceof BackendError && error.code === "AccessDenied") && count < 1;

/** The object's tags, read when the section is opened. */
export function TagsSection({ profileId, bucket, objectKey }: { profileId: string; bucket: string; objectKey: string }) {
  const { t } = useT();
  const tags = useQuery({
    queryKey: detailsKeys.tags(profileId, bucket, objectKey),
    queryFn: () => api.getObjectTags(profileId, bucket, objectKey, null),
    retry: notDenied,
  });
  if (tags.isError) return <SectionError error={tags.error} denied="dp.tagsDenied" failed="dp.tagsFailed" />;
  if (tags.data === undefined) return <Spinner label={t("dp.loading")} />;
  const set = tags.data.TagSet;
  if (set.length === 0) {
    return (
      <p className="muted" data-testid="details-tags">
        {t("dp.tagsNone")}
      </p>
    );
  }
  return (
    <dl className="metadata-list" data-testid="details-tags">
      {set.map((tag) => (
        <div key={tag.Key} className="details-item">
          <dt>{tag.Key}</dt>
          <dd data-testid={`details-tag-${tag.Key}`}>{tag.Value === "" ? "—" : tag.Value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Owner, public access warnings and grant counts, read when the section is opened. */
export function AclSection({ profileId, bucket, objectKey }: { profileId: string; bucket: string; objectKey: string }) {
  const { t } = useT();
  const acl = useQuery({
    queryKey: detailsKeys.acl(profileId, bucket, objectKey),
    queryFn: () => api.objectAclSummary(profileId, bucket, objectKey, null),
    retry: notDenied,
  });
  if (acl.isError) return <SectionError error={acl.error} denied="dp.aclDenied" failed="dp.aclFailed" />;
  if (acl.data === undefined) return <Spinner label={t("dp.loading")} />;
  const s = acl.data;
  return (
    <div data-testid="details-acl">
      <Rows rows={[["aclOwner", "dp.aclOwner", s.owner.DisplayName ? `${s.owner.DisplayName} (${s.owner.ID})` : s.owner.ID]]} />
      {s.publicWrite && (
        <p className="field-note warning dp-warning" data-testid="details-acl-public-write" role="note">
          {t("dp.aclPublicWrite")}
        </p>
      )}
      {s.publicRead && (
        <p className="field-note warning dp-warning" data-testid="details-acl-public-read" role="note">
          {t("dp.aclPublicRead")}
        </p>
      )}
      {s.authenticatedUsers && <p className="field-note warning dp-warning">{t("dp.aclAuthenticated")}</p>}
      {!s.publicRead && !s.publicWrite && !s.authenticatedUsers && <p className="muted">{t("dp.aclPrivate")}</p>}
      <p data-testid="details-acl-grants">{t("dp.aclGrants", { count: s.grants, others: s.others })}</p>
    </div>
  );
}
