import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { onFilesDropped } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useBackendEvent } from "../../lib/useBackendEvent";
import { TransferStatus } from "../transfers/TransferStatus";
import { DetailsPane } from "./DetailsPane";
import { NoticeView } from "./NoticeView";
import type { Notice } from "./notice";
import { ObjectTable } from "./ObjectTable";
import { PathBar } from "./PathBar";
import { nextSort, rowsFromPages, sortRows, type Sort } from "./rows";
import { Toolbar } from "./Toolbar";
import { useDeleteObjects } from "./useDeleteObjects";
import { useDownload } from "./useDownload";
import { useObjectPages } from "./useObjectPages";
import { useSelection } from "./useSelection";
import { useUpload } from "./useUpload";

interface Props {
  profileId: string;
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}

/**
 * Toolbar, path bar, the object table and the details pane of one bucket "folder". Files dropped
 * on the window while it is shown are uploaded into this folder.
 */
export function ObjectBrowser({ profileId, bucket, prefix, onNavigate }: Props) {
  const { t, tn } = useT();
  const qc = useQueryClient();
  const pages = useObjectPages(profileId, bucket, prefix);
  const selection = useSelection();
  const [sort, setSort] = useState<Sort | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const loaded = useMemo(() => rowsFromPages(pages.data?.pages ?? [], prefix), [pages.data, prefix]);
  const rows = useMemo(() => sortRows(loaded, sort), [loaded, sort]);
  // Not recomputed per loaded page unless something is selected (100,000 rows load in 100 pages).
  const selectedRows = useMemo(
    () => (selection.selected.size === 0 ? [] : rows.filter((r) => selection.selected.has(r.key))),
    [rows, selection.selected],
  );
  const selectedObjects = selectedRows.filter((r) => r.kind === "object").map((r) => r.key);

  const upload = useUpload(profileId, bucket, prefix, setNotice);
  const download = useDownload(profileId, bucket, setNotice);
  const remove = useDeleteObjects(profileId, bucket, setNotice, selection.clear);
  useBackendEvent(onFilesDropped, upload.dropped);

  const refresh = () => {
    setNotice(null);
    void qc.resetQueries({ queryKey: queryKeys.objects(profileId, bucket, prefix) });
    void qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) });
  };

  const skippedFolders = selectedRows.length - selectedObjects.length;
  const running = upload.running
    ? t("upload.running", { name: upload.running })
    : download.running
      ? t("download.running", { name: download.running.key })
      : null;

  return (
    <section className="browser">
      <Toolbar
        canDownload={selectedObjects.length === 1}
        deleteCount={selectedObjects.length}
        busy={upload.busy || download.busy || remove.busy}
        refreshing={pages.isFetching && !pages.isFetchingNextPage}
        onUpload={() => void upload.start()}
        onDownload={() => void download.start(selectedObjects[0])}
        onDelete={() => remove.ask(selectedObjects)}
        onRefresh={refresh}
      />
      <PathBar bucket={bucket} prefix={prefix} onNavigate={onNavigate} />
      {notice && <NoticeView notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="browser-body">
        <div className="table-area">
          {pages.isPending ? (
            <div className="placeholder">
              <Spinner label={t("objects.loading")} />
            </div>
          ) : pages.error && !pages.data ? (
            <div className="placeholder">
              <ErrorMessage error={pages.error} />
            </div>
          ) : rows.length === 0 && !pages.hasNextPage ? (
            <div className="placeholder muted">
              <p>{t("objects.empty")}</p>
              <p className="field-hint">{t("upload.dropHint")}</p>
            </div>
          ) : (
            <ObjectTable
              rows={rows}
              selected={selection.selected}
              sort={sort}
              onSort={(c) => setSort((s) => nextSort(s, c))}
              onRowClick={(row, mods) => selection.click(row.key, rows.map((r) => r.key), mods)}
              onOpenFolder={onNavigate}
              canLoadMore={pages.hasNextPage && !pages.isFetchingNextPage && !pages.isFetchNextPageError}
              onLoadMore={pages.fetchNextPage}
            />
          )}
          {pages.isFetchNextPageError && (
            <div className="load-more-error">
              <ErrorMessage error={pages.error} />
              <button type="button" className="button small" onClick={() => void pages.fetchNextPage()}>
                {t("common.retry")}
              </button>
            </div>
          )}
        </div>
        <DetailsPane profileId={profileId} bucket={bucket} selection={selectedRows} />
      </div>
      <footer className="status-bar">
        <span data-testid="loaded-count">{tn("objects.loaded", rows.length)}</span>
        {selectedRows.length > 0 && <span>{t("objects.selected", { count: selectedRows.length })}</span>}
        {pages.isFetchingNextPage && (
          <span data-testid="loading-more">
            <Spinner label={t("objects.loadingMore")} />
          </span>
        )}
        {running && <Spinner label={running} />}
        <span className="spacer" />
        <TransferStatus />
      </footer>

      {upload.question && (
        <ConfirmDialog
          title={t("upload.exists.title")}
          message={<p>{t("upload.exists.body", { key: upload.question.key })}</p>}
          okLabel={t("upload.exists.ok")}
          danger
          onConfirm={() => upload.question?.answer(true)}
          onCancel={() => upload.question?.answer(false)}
        />
      )}
      {remove.pending && (
        <ConfirmDialog
          title={t("delete.title")}
          message={
            <>
              <p className="confirm-question">{tn("delete.question", remove.pending.length)}</p>
              <p className="muted">{t("delete.body")}</p>
              {skippedFolders > 0 && <p className="muted">{t("delete.foldersSkipped")}</p>}
            </>
          }
          okLabel={t("common.delete")}
          danger
          busy={remove.busy}
          onConfirm={remove.confirm}
          onCancel={remove.cancel}
        />
      )}
    </section>
  );
}
