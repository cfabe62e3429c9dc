import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useMemo, useState, type KeyboardEvent } from "react";
import { api, type ObjectVersion } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { LoadMoreFooter } from "../../components/LoadMoreFooter";
import { Spinner } from "../../components/Spinner";
import { BackendError, ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { formatDateTime, humanBytes } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { useTransferStore } from "../transfers/useTransfers";
import { ObjectLockDialog } from "./ObjectLockDialog";
import { groupByKey, mentionsGovernance, relativeKey, shortVersionId, versionRef, versionsKey } from "./model";
import "./versions.css";

interface Props {
  profileId: string;
  bucket: string;
  /** The folder shown: every key under it is listed (deeper ones with their path). */
  prefix: string;
}

type Markers = { keyMarker: string | null; versionIdMarker: string | null };
const FIRST: Markers = { keyMarker: null, versionIdMarker: null };

/** A version being deleted: first asked, then (after a GOVERNANCE refusal) asked again to bypass. */
interface Deleting {
  version: ObjectVersion;
  stage: "ask" | "bypass";
}

/** What was just done, shown above the table. */
type Done = { text: string } | null;

/** The last segment of a key (the object's name). */
const nameOf = (key: string) => key.split("/").filter(Boolean).pop() ?? key;

/**
 * Every version under the browser's folder (ListObjectVersions, paged with both markers), grouped
 * per key, newest first: version id, "latest" and "delete marker" badges, size, date, storage
 * class. Per version: Restore (a copy becomes the newest version), Delete (permanent; an
 * ObjectLocked refusal is explained, and a GOVERNANCE one may be bypassed after a second
 * confirmation) and the object lock dialog. Old versions cannot be downloaded yet.
 */
export function VersionsTable({ profileId, bucket, prefix }: Props) {
  const { t, tn, locale } = useT();
  const qc = useQueryClient();
  const [done, setDone] = useState<Done>(null);
  const [restoring, setRestoring] = useState<ObjectVersion | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [locking, setLocking] = useState<ObjectVersion | null>(null);

  const pages = useInfiniteQuery({
    queryKey: versionsKey(profileId, bucket, prefix),
    queryFn: ({ pageParam }) => api.listObjectVersions(profileId, bucket, prefix, pageParam.keyMarker, pageParam.versionIdMarker),
    initialPageParam: FIRST,
    getNextPageParam: (last): Markers | undefined =>
      last.nextKeyMarker === null ? undefined : { keyMarker: last.nextKeyMarker, versionIdMarker: last.nextVersionIdMarker },
  });
  const versions = useMemo(() => pages.data?.pages.flatMap((p) => p.versions) ?? [], [pages.data]);
  const groups = useMemo(() => groupByKey(versions), [versions]);

  /** Lists again from the first page, and refreshes what the object list shows of the key. */
  const reload = (key: string) =>
    Promise.all([
      qc.resetQueries({ queryKey: versionsKey(profileId, bucket, prefix) }),
      qc.invalidateQueries({ queryKey: queryKeys.objectsOfBucket(profileId, bucket) }),
      qc.invalidateQueries({ queryKey: queryKeys.head(profileId, bucket, key) }),
      qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) }),
    ]);

  const restore = useMutation({
    mutationFn: (v: ObjectVersion) => api.restoreObjectVersion(profileId, versionRef(bucket, v)),
    onSuccess: async (_r, v) => {
      setRestoring(null);
      setDone({ text: t("versions.restore.done", { version: shortVersionId(v.versionId), name: nameOf(v.key) }) });
      await reload(v.key);
    },
  });

  const remove = useMutation({
    mutationFn: ({ version, bypass }: { version: ObjectVersion; bypass: boolean }) =>
      api.deleteObjectVersion(profileId, versionRef(bucket, version), bypass),
    onSuccess: async (_r, { version: v }) => {
      setDeleting(null);
      setDone({
        text: v.deleteMarker
          ? t("versions.delete.markerDone", { name: nameOf(v.key) })
          : t("versions.delete.done", { version: shortVersionId(v.versionId), name: nameOf(v.key) }),
      });
      await reload(v.key);
    },
  });

  const store = useTransferStore();
  /** One version into a file chosen in Rust's save dialog, by the transfer engine. */
  const download = useMutation({
    mutationFn: async (v: ObjectVersion) => {
      const destination = await api.pickSaveLocation(nameOf(v.key));
      if (!destination) return null;
      const transfer = await api.downloadVersionToFile(profileId, bucket, v.key, v.versionId, destination.handle);
      store.put(transfer);
      return destination.name;
    },
    onSuccess: (savedAs, v) => {
      if (savedAs) setDone({ text: t("versions.download.started", { version: shortVersionId(v.versionId), name: savedAs }) });
    },
  });

  const ask = (what: () => void) => {
    setDone(null);
    restore.reset();
    remove.reset();
    what();
  };

  let body;
  if (pages.isPending) {
    body = (
      <div className="placeholder">
        <Spinner label={t("versions.loading")} />
      </div>
    );
  } else if (pages.error && !pages.data) {
    body = (
      <div className="placeholder">
        <ErrorMessage error={pages.error} context={t("versions.failed")} />
      </div>
    );
  } else if (versions.length === 0 && !pages.hasNextPage) {
    body = (
      <div className="placeholder muted" data-testid="versions-empty">
        <p>{t("versions.empty")}</p>
        <p className="field-hint">{t("versions.emptyHint")}</p>
      </div>
    );
  } else {
    body = (
      <div className="versions-scroll">
        <table className="data-table versions-table" data-testid="versions-table">
          <caption className="visually-hidden">
            {prefix === "" ? t("versions.captionRoot") : t("versions.caption", { prefix })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("versions.col.version")}</th>
              <th scope="col" className="num">
                {t("versions.col.size")}
              </th>
              <th scope="col">{t("versions.col.modified")}</th>
              <th scope="col" className="versions-class">
                {t("versions.col.class")}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t("versions.col.actions")}</span>
              </th>
            </tr>
          </thead>
          {groups.map((g, i) => (
            <tbody key={`${i}\n${g.key}`} className="version-group">
              <tr className="version-key-row">
                <th scope="rowgroup" colSpan={5}>
                  <Icon name="file" size={15} />
                  <span className="mono version-key" data-testid="version-key" title={g.key}>
                    {relativeKey(g.key, prefix)}
                  </span>
                  <span className="muted version-count">{tn("versions.count", g.versions.length)}</span>
                </th>
              </tr>
              {g.versions.map((v) => (
                <Fragment key={v.versionId}>{versionRow(v)}</Fragment>
              ))}
            </tbody>
          ))}
        </table>
        <LoadMoreFooter
          loaded={tn("versions.loaded", versions.length)}
          loadedTestId="versions-loaded"
          moreTestId="versions-load-more"
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          moreLabel={t("versions.loadMore")}
          loadingLabel={t("versions.loadingMore")}
          onMore={() => void pages.fetchNextPage()}
        />
        {pages.isFetchNextPageError && <ErrorMessage error={pages.error} context={t("versions.failed")} />}
      </div>
    );
  }

  return (
    <div className="table-area versions-area" data-testid="versions-view">
      <div className="versions-head">
        <h2 className="versions-heading">{t("versions.heading")}</h2>
        <p className="muted versions-head-hint">{t("versions.headingHint")}</p>
      </div>
      {done && (
        <p className="notice notice-success versions-done" role="status" data-testid="versions-done">
          {done.text}
        </p>
      )}
      {download.error && <ErrorMessage error={download.error} context={t("versions.download.failed")} />}
      {body}
      {restoring && restoreDialog(restoring)}
      {deleting && deleteDialog(deleting)}
      {locking && (
        <ObjectLockDialog
          profileId={profileId}
          bucket={bucket}
          objectKey={locking.key}
          versionId={locking.versionId}
          onClose={() => setLocking(null)}
        />
      )}
    </div>
  );

  function versionRow(v: ObjectVersion) {
    const id = v.versionId;
    const vars = { version: shortVersionId(id), name: nameOf(v.key) };
    return (
      <tr
        className={`version-row ${v.deleteMarker ? "is-marker" : ""}`}
        data-testid={`version-row-${id}`}
        data-key={v.key}
        data-version-row=""
        tabIndex={0}
        onKeyDown={moveFocus}
      >
        <td>
          <div className="version-id-cell">
            <span className="mono version-id" title={id}>
              {shortVersionId(id)}
            </span>
            {v.isLatest && (
              <span className="badge version-latest" data-testid={`version-latest-${id}`} title={t("versions.latestHint")}>
                {t("versions.latest")}
              </span>
            )}
            {v.deleteMarker && (
              <span className="badge version-marker" data-testid={`version-marker-${id}`} title={t("versions.markerHint")}>
                {t("versions.marker")}
              </span>
            )}
          </div>
        </td>
        <td className="num">{v.deleteMarker ? "—" : humanBytes(v.size, locale)}</td>
        <td className="nowrap">{formatDateTime(v.lastModified, locale)}</td>
        <td className="versions-class">{v.storageClass ?? "—"}</td>
        <td className="version-actions">
          {!v.deleteMarker && (
            <button
              type="button"
              className="button small"
              data-testid={`version-download-${id}`}
              aria-label={t("versions.downloadLabel", vars)}
              disabled={download.isPending}
              onClick={() => ask(() => download.mutate(v))}
            >
              {t("versions.download")}
            </button>
          )}
          {!v.isLatest && !v.deleteMarker && (
            <button
              type="button"
              className="button small"
              data-testid={`version-restore-${id}`}
              aria-label={t("versions.restoreLabel", vars)}
              onClick={() => ask(() => setRestoring(v))}
            >
              {t("versions.restore")}
            </button>
          )}
          {!v.deleteMarker && (
            <button
              type="button"
              className="button small"
              data-testid={`version-lock-${id}`}
              aria-label={t("versions.lockLabel", vars)}
              onClick={() => ask(() => setLocking(v))}
            >
              {t("versions.lock")}
            </button>
          )}
          <button
            type="button"
            className="button small danger-outline"
            data-testid={`version-delete-${id}`}
            aria-label={t("versions.deleteLabel", vars)}
            onClick={() => ask(() => setDeleting({ version: v, stage: "ask" }))}
          >
            {t("versions.delete")}
          </button>
        </td>
      </tr>
    );
  }

  function restoreDialog(v: ObjectVersion) {
    return (
      <ConfirmDialog
        title={t("versions.restore.title")}
        okLabel={t("versions.restore.ok")}
        busy={restore.isPending}
        message={
          <>
            <p className="confirm-question">{t("versions.restore.question")}</p>
            <p className="mono version-dialog-ref">
              {v.key} · {v.versionId}
            </p>
            {restore.error && <ErrorMessage error={restore.error} />}
          </>
        }
        onConfirm={() => restore.mutate(v)}
        onCancel={() => setRestoring(null)}
      />
    );
  }

  function deleteDialog({ version: v, stage }: Deleting) {
    const vars = { version: shortVersionId(v.versionId), name: nameOf(v.key) };
    const error = remove.error;
    const locked = error instanceof BackendError && error.code === "ObjectLocked" ? error : null;
    const close = () => setDeleting(null);
    if (stage === "bypass") {
      return (
        <ConfirmDialog
          key="bypass"
          title={t("versions.bypass.title")}
          danger
          okLabel={t("versions.bypass.ok")}
          busy={remove.isPending}
          message={
            <>
              <p className="confirm-question">{t("versions.bypass.question", vars)}</p>
              <p className="muted">{t("versions.bypass.who")}</p>
              <p className="muted">{t("versions.delete.irreversible")}</p>
              {error && <ErrorMessage error={error} />}
            </>
          }
          onConfirm={() => remove.mutate({ version: v, bypass: true })}
          onCancel={close}
        />
      );
    }
    const governance = locked !== null && mentionsGovernance(locked.detail);
    return (
      <ConfirmDialog
        key="ask"
        title={v.deleteMarker ? t("versions.delete.markerTitle") : t("versions.delete.title")}
        danger
        okLabel={v.deleteMarker ? t("versions.delete.markerOk") : t("versions.delete.ok")}
        busy={remove.isPending}
        // Asking again cannot help against a lock: the way on is the bypass, or the lock dialog.
        okDisabled={locked !== null}
        message={
          <>
            {v.deleteMarker ? (
              <p className="confirm-question">{t("versions.delete.marker")}</p>
            ) : (
              <>
                <p className="confirm-question">{t("versions.delete.question", vars)}</p>
                {v.isLatest && <p className="muted">{t("versions.delete.latest")}</p>}
              </>
            )}
            <p className="muted">{t("versions.delete.irreversible")}</p>
            {locked ? (
              <div className="version-locked" role="alert" data-testid="version-locked-error">
                <p className="version-locked-title">
                  <Icon name="warning" size={16} />
                  {t("versions.locked.title")}
                </p>
                <p className="version-locked-detail" lang="en" data-testid="version-locked-detail">
                  {locked.detail}
                </p>
                <p>{governance ? t("versions.locked.governance") : t("versions.locked.other")}</p>
                <div className="version-locked-actions">
                  {governance && (
                    <button
                      type="button"
                      className="button small primary danger"
                      data-testid="version-bypass"
                      onClick={() => {
                        remove.reset();
                        setDeleting({ version: v, stage: "bypass" });
                      }}
                    >
                      {t("versions.bypass")}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button small"
                    data-testid="version-locked-open-lock"
                    onClick={() => {
                      close();
                      setLocking(v);
                    }}
                  >
                    {t("versions.locked.openLock")}
                  </button>
                </div>
              </div>
            ) : (
              error && <ErrorMessage error={error} />
            )}
          </>
        }
        onConfirm={() => remove.mutate({ version: v, bypass: false })}
        onCancel={close}
      />
    );
  }
}

/** Up and Down move between the version rows (Tab reaches each row's buttons). */
function moveFocus(e: KeyboardEvent<HTMLTableRowElement>) {
  if (e.target !== e.currentTarget || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
  const rows = [...(e.currentTarget.closest("table")?.querySelectorAll<HTMLElement>("tr[data-version-row]") ?? [])];
  const at = rows.indexOf(e.currentTarget);
  const to = rows[at + (e.key === "ArrowDown" ? 1 : -1)];
  if (to) {
    e.preventDefault();
    to.focus();
  }
}
