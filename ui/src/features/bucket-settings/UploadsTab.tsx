import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoadMoreFooter } from "../../components/LoadMoreFooter";
import { Fragment, useId, useState } from "react";
import { api, type MultipartUpload } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { Tooltip } from "../../components/Tooltip";
import { ErrorMessage, errorCode } from "../../errors";
import { useT } from "../../i18n";
import { formatDate, formatDateTime } from "../../lib/format";
import { lastSegment } from "../../lib/path";
import { queryKeys } from "../../lib/queryKeys";
import { NoticeView } from "../objects/NoticeView";
import type { Notice } from "../objects/notice";
import { useTransferStore, useTransfers } from "../transfers/useTransfers";
import type { SettingsTabProps } from "./tabs";
import { UploadParts } from "./UploadParts";
import { age, olderThan, useResumable, useUploadPages } from "./uploads";

const DEFAULT_DAYS = "7";

/** The question of "abort older than": asked with the figures of the moment it was asked. */
interface AbortOld {
  days: number;
  includeResumable: boolean;
  now: number;
}

/**
 * The bucket's multipart uploads in progress (ListMultipartUploads, paged with both markers):
 * key, start, age, storage class, owner; the ones this app started can be resumed. Per row, the
 * parts (paged) and "Abort"; above, "Abort uploads older than N days".
 */
export function UploadsTab({ profileId, bucket }: SettingsTabProps) {
  const { t, tn, locale } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const pages = useUploadPages(profileId, bucket);
  const resumable = useResumable(profileId, bucket);
  const resumableIds: ReadonlyMap<string, number> = resumable.data ?? new Map<string, number>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [aborting, setAborting] = useState<MultipartUpload | null>(null);
  const [daysText, setDaysText] = useState(DEFAULT_DAYS);
  const [includeResumable, setIncludeResumable] = useState(false);
  const [abortOld, setAbortOld] = useState<AbortOld | null>(null);
  const store = useTransferStore();
  const transfers = useTransfers();
  const [resuming, setResuming] = useState(false);

  const uploads = pages.data?.pages.flatMap((p) => p.uploads) ?? [];
  // Ages are as of the moment the list was read.
  const readAt = pages.dataUpdatedAt;
  const loadMoreError = pages.isFetchNextPageError ? pages.error : null;
  const days = /^\d+$/.test(daysText.trim()) ? Number(daysText.trim()) : null;

  const reload = async () => {
    await Promise.all([
      qc.resetQueries({ queryKey: queryKeys.multipartUploads(profileId, bucket) }),
      qc.invalidateQueries({ queryKey: queryKeys.resumableUploads(profileId, bucket) }),
      qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) }),
    ]);
  };

  const abortOne = useMutation({
    mutationFn: (u: MultipartUpload) => api.abortMultipartUpload(profileId, bucket, u.key, u.uploadId),
    onSuccess: async (_r, u) => {
      setAborting(null);
      setNotice({ kind: "success", text: t("uploads.abortOne.done", { key: u.key }) });
      await reload();
    },
  });

  const abortOlder = useMutation({
    mutationFn: (q: AbortOld) => api.abortMultipartUploadsOlderThan(profileId, bucket, q.days, q.includeResumable),
    onSuccess: async (aborted) => {
      setAbortOld(null);
      setNotice({ kind: "success", text: tn("uploads.abortOld.done", aborted.length) });
      await reload();
    },
  });

  const toggleParts = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  /** The app's transfer is sending already (queued or running): nothing to resume. */
  const sending = (transferId: number) => {
    const state = transfers.find((v) => v.id === transferId)?.state;
    return state === "queued" || state === "running";
  };

  /** Resumes the app's transfer that started the upload; the notice follows it live. */
  const startResume = async (u: MultipartUpload, transferId: number) => {
    setNotice(null);
    setResuming(true);
    try {
      const transfer = await api.resumeTransfer(transferId);
      store.put(transfer);
      const single = transfer.filesTotal <= 1;
      const what = single ? lastSegment(u.key) || u.key : tn("transferNotice.items", transfer.filesTotal);
      setNotice({ kind: "transfer", started: { transfer, what, single } });
    } catch (error) {
      setNotice({ kind: "error", error, about: t("uploads.resumeFailed", { key: u.key }) });
    } finally {
      setResuming(false);
    }
  };

  let body;
  if (pages.isPending) body = <Spinner label={t("uploads.loading")} />;
  else if (pages.error) body = <ErrorMessage error={pages.error} context={t("uploads.failed")} />;
  else if (uploads.length === 0) {
    body = (
      <p className="muted page-empty" data-testid="uploads-empty">
        {t("uploads.empty")}
      </p>
    );
  } else {
    body = (
      <>
        <table className="data-table uploads-table" data-testid="uploads-table">
          <thead>
            <tr>
              <th>{t("uploads.col.key")}</th>
              <th>{t("uploads.col.started")}</th>
              <th className="num">{t("uploads.col.age")}</th>
              <th>{t("uploads.col.storageClass")}</th>
              <th>{t("uploads.col.owner")}</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => {
              const transferId = resumableIds.get(u.uploadId);
              const open = expanded.has(u.uploadId);
              const partsId = `${ids}-parts-${u.uploadId}`;
              const a = age(u.initiated, readAt);
              return (
                <Fragment key={u.uploadId}>
                  <tr data-testid={`upload-${u.uploadId}`} data-key={u.key} className={open ? "expanded" : undefined}>
                    <td className="upload-key-cell">
                      <span className="mono upload-key" title={u.key}>
                        {u.key}
                      </span>
                      <span className="upload-row-actions">
                        <button
                          type="button"
                          className="button small subtle"
                          data-testid="upload-parts-toggle"
                          aria-expanded={open}
                          aria-controls={open ? partsId : undefined}
                          onClick={() => toggleParts(u.uploadId)}
                        >
                          <Icon name="chevron" size={14} className={open ? "chevron-open" : undefined} />
                          {t("uploads.parts")}
                        </button>
                        <button
                          type="button"
                          className="button small danger-outline"
                          data-testid="upload-abort"
                          onClick={() => {
                            abortOne.reset();
                            setAborting(u);
                          }}
                        >
                          {t("uploads.abort")}
                        </button>
                        {transferId !== undefined && (
                          <>
                            <span className="badge" data-testid="upload-by-app" title={t("uploads.byAppHint")}>
                              {t("uploads.byApp")}
                            </span>
                            {sending(transferId) ? (
                              <span className="muted" data-testid="upload-sending">
                                {t("uploads.sending")}
                              </span>
                            ) : (
                              <button
                                type="button"
                                className="button small"
                                data-testid="upload-resume"
                                disabled={resuming}
                                onClick={() => void startResume(u, transferId)}
                              >
                                {t("uploads.resume")}
                              </button>
                            )}
                          </>
                        )}
                      </span>
                    </td>
                    <td className="nowrap" title={formatDateTime(u.initiated, locale)}>
                      {formatDate(u.initiated, locale)}
                    </td>
                    <td className="num">{a === undefined ? "—" : a === null ? t("uploads.age.now") : tn(`uploads.age.${a.unit}`, a.count)}</td>
                    <td className="nowrap">{u.storageClass ?? "—"}</td>
                    <td className="upload-owner" title={u.owner ?? undefined}>
                      {u.owner ?? "—"}
                    </td>
                  </tr>
                  {open && (
                    <tr className="parts-row">
                      <td colSpan={5}>
                        <UploadParts id={partsId} profileId={profileId} bucket={bucket} upload={u} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <LoadMoreFooter
          loaded={tn("uploads.loaded", uploads.length)}
          loadedTestId="uploads-loaded"
          moreTestId="uploads-more"
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          moreLabel={t("uploads.loadMore")}
          loadingLabel={t("uploads.loadingMore")}
          onMore={() => void pages.fetchNextPage()}
        />
        {loadMoreError && <ErrorMessage error={loadMoreError} context={t("uploads.failed")} />}
      </>
    );
  }

  const question = abortOld && (() => {
    const { aborted, kept } = olderThan(uploads, abortOld.days, abortOld.now, resumableIds, abortOld.includeResumable);
    const daysWords = tn("uploads.days", abortOld.days);
    const more = !!pages.hasNextPage;
    return { aborted, kept, daysWords, more, nothing: aborted.length === 0 && !more };
  })();

  return (
    <div className="settings-section uploads-section">
      <div className="uploads-head">
        <p className="settings-intro">{t("uploads.intro")}</p>
        <Tooltip label={t("uploads.refresh")}>
          <button
            type="button"
            className="icon-button"
            data-testid="uploads-refresh"
            aria-label={t("uploads.refresh")}
            onClick={() => {
              setNotice(null);
              void reload();
            }}
          >
            <Icon name="refresh" size={18} className={pages.isFetching ? "spin" : undefined} />
          </button>
        </Tooltip>
      </div>
      {(pages.isPending || uploads.length > 0) && (
        <form
          className="uploads-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (days === null) return;
            abortOlder.reset();
            setAbortOld({ days, includeResumable, now: Date.now() });
          }}
        >
          <label className="uploads-older" htmlFor={`${ids}-days`}>
            {t("uploads.olderThan.before")}
            <input
              id={`${ids}-days`}
              data-testid="uploads-older-days"
              className="days-input"
              inputMode="numeric"
              value={daysText}
              aria-label={t("uploads.olderThan.days")}
              aria-invalid={days === null || undefined}
              aria-describedby={days === null ? `${ids}-days-error` : undefined}
              onChange={(e) => setDaysText(e.target.value)}
            />
            {t("uploads.olderThan.after")}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="uploads-include-resumable"
              checked={includeResumable}
              onChange={(e) => setIncludeResumable(e.target.checked)}
            />
            {t("uploads.includeResumable")}
          </label>
          <button type="submit" className="button small danger-outline" data-testid="uploads-abort-old" disabled={days === null || pages.isPending}>
            {t("uploads.abortOld")}
          </button>
        </form>
      )}
      {days === null && (
        <p className="field-error" id={`${ids}-days-error`} role="alert">
          {t("uploads.daysInvalid")}
        </p>
      )}
      {notice && <NoticeView notice={notice} onDismiss={() => setNotice(null)} onOpenTransfers={openTransfers} />}
      {body}

      {aborting && (
        <ConfirmDialog
          title={t("uploads.abortOne.title")}
          message={
            <>
              <p className="confirm-question">
                {t("uploads.abortOne.question", { key: aborting.key, started: formatDateTime(aborting.initiated, locale) })}
              </p>
              <p className="muted">{t("uploads.abortOne.body")}</p>
              {resumableIds.has(aborting.uploadId) && <p className="muted">{t("uploads.abortOne.byApp")}</p>}
              {abortOne.error && <ErrorMessage error={abortOne.error} />}
            </>
          }
          okLabel={t("uploads.abortOne.ok")}
          danger
          busy={abortOne.isPending}
          // Gone already (finished or aborted elsewhere): there is nothing left to abort.
          okDisabled={errorCode(abortOne.error) === "NoSuchUpload"}
          onConfirm={() => abortOne.mutate(aborting)}
          onCancel={() => {
            setAborting(null);
            if (abortOne.error) void reload();
          }}
        />
      )}
      {abortOld && question && (
        <ConfirmDialog
          title={t("uploads.abortOld.title")}
          message={
            <>
              <p className="confirm-question" data-testid="uploads-abort-old-question">
                {question.nothing
                  ? t("uploads.abortOld.none", { days: question.daysWords })
                  : tn("uploads.abortOld.question", question.aborted.length, { days: question.daysWords })}
              </p>
              {question.more && <p data-testid="uploads-abort-old-more">{t("uploads.abortOld.more", { days: question.daysWords })}</p>}
              {!question.nothing && <p className="muted">{t("uploads.abortOld.body")}</p>}
              {question.kept.length > 0 && <p className="muted">{tn("uploads.abortOld.kept", question.kept.length)}</p>}
              {abortOld.includeResumable && !question.nothing && <p className="muted">{t("uploads.abortOld.withResumable")}</p>}
              {abortOlder.error && <ErrorMessage error={abortOlder.error} context={t("uploads.abortOld.failed")} />}
            </>
          }
          okLabel={t("uploads.abortOld.ok")}
          danger
          busy={abortOlder.isPending}
          okDisabled={question.nothing}
          onConfirm={() => abortOlder.mutate(abortOld)}
          onCancel={() => setAbortOld(null)}
        />
      )}
    </div>
  );
}

/** The transfer panel (the app's routes are in the URL's hash). */
function openTransfers() {
  window.location.hash = "#/transfers";
}
