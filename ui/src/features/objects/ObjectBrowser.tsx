import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ObjectDetails } from "../../backend";
import { BackendError } from "../../errors";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n";
import { formatCount } from "../../lib/format";
import { lastSegment, parentPrefix } from "../../lib/path";
import { queryKeys } from "../../lib/queryKeys";
import { useStoredState } from "../../lib/useStoredState";
import { ObjectAclDialog } from "../bucket-settings/acl/ObjectAclDialog";
import { ObjectTagsDialog } from "../bucket-settings/tags/ObjectTagsDialog";
import { ImageProcessPanel } from "../images/ImageProcessPanel";
import { isImage } from "../images/model";
import { ThumbPlaceProvider } from "../images/thumbs";
import { PreviewDialog } from "../preview";
import { SearchLink } from "../search/SearchLink";
import { ShareDialog } from "../sharing/ShareDialog";
import { TransferStatus } from "../transfers/TransferStatus";
import { versionsKey } from "../versions/model";
import { ObjectLockDialog } from "../versions/ObjectLockDialog";
import { VersionsTable } from "../versions/VersionsTable";
import { VersionsToggle } from "../versions/VersionsToggle";
import { AppendDialog } from "./AppendDialog";
import { clipboard, useClipboard } from "./clipboard";
import { CopyMoveDialog } from "./CopyMoveDialog";
import { DeleteDialog } from "./DeleteDialog";
import { DetailsPane } from "./DetailsPane";
import { compileNameFilter, keysMatching, RowFilter } from "./filter";
import { FilterBox } from "./FilterBox";
import { NoticeView } from "./NoticeView";
import type { Notice } from "./notice";
import { PathBar } from "./PathBar";
import { RenameDialog } from "./RenameDialog";
import { RowMenu, shortcut, type RowMenuItem } from "./RowMenu";
import { nextSort, rowsFromPages, sortRows, type Row, type Sort } from "./rows";
import { TableArea } from "./TableArea";
import { Toolbar } from "./Toolbar";
import { UploadOptionsDialog } from "./UploadOptionsDialog";
import { useAppend } from "./useAppend";
import { useCopyMove } from "./useCopyMove";
import { useDeleteObjects } from "./useDeleteObjects";
import { useDownload } from "./useDownload";
import { useGoToPath, type Place } from "./useGoToPath";
import { useObjectPages } from "./useObjectPages";
import { useSelection } from "./useSelection";
import { useTableKeyboard } from "./useTableKeyboard";
import { useRefreshAfterUploads } from "./useRefreshAfterUploads";
import { useUpload } from "./useUpload";

interface Props {
  profileId: string;
  bucket: string;
  prefix: string;
  /** The object to select (and focus) once it is listed: set by the path field. */
  initialSelect?: string;
  /** The profile's endpoint: its path-style URLs are accepted in the path field. */
  endpoint?: string | null;
  onNavigate: (prefix: string) => void;
  /** Another bucket, or an object to select: given by the path field. */
  onGo?: (place: Place) => void;
  /** Opens the transfer panel (from the status bar and a transfer's notice). */
  onOpenTransfers?: () => void;
}

const isBool = (v: unknown): v is boolean => typeof v === "boolean";

/** Window width (px) from which the details pane starts open. */
const WIDE_ENOUGH_FOR_DETAILS = 1000;

/**
 * Toolbar, path bar, the object table and the details pane of one bucket "folder". It is a drop
 * target (data-drop-*: the app frame's FileDrop reads them): files dropped on a folder row go
 * into that folder, anywhere else here into this one.
 */
export function ObjectBrowser({ profileId, bucket, prefix, initialSelect, endpoint = null, onNavigate, onGo, onOpenTransfers }: Props) {
  const { t, tn, locale } = useT();
  const qc = useQueryClient();
  const pages = useObjectPages(profileId, bucket, prefix);
  const selection = useSelection(initialSelect ? [initialSelect] : []);
  const [focusKey, setFocusKey] = useState<string | null>(initialSelect ?? null);
  const [sort, setSort] = useState<Sort | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Until the user chooses, the details pane starts open only where the table still fits beside
  // it; in a narrow window (the 900 px minimum) it starts collapsed, one click away.
  const [detailsOpen, setDetailsOpen] = useStoredState("zos.objects.detailsOpen", window.innerWidth >= WIDE_ENOUGH_FOR_DETAILS, isBool);

  const loaded = useMemo(() => rowsFromPages(pages.data?.pages ?? [], prefix), [pages.data, prefix]);
  const rows = useMemo(() => sortRows(loaded, sort), [loaded, sort]);

  // The quick filter (per folder: the route gives each place its own ObjectBrowser). `visible`
  // is what the table shows, the keyboard walks and the selection acts on; `rows` stays every
  // loaded row (the count, the rename's siblings). RowFilter keeps each text's result for these
  // rows: Backspace is a lookup, a longer text looks only among the rows the shorter one left.
  const [filterText, setFilterText] = useState("");
  const rowFilter = useMemo(() => new RowFilter(rows), [rows]);
  const visible = useMemo(() => rowFilter.rowsFor(filterText), [rowFilter, filterText]);
  const filtering = filterText !== "";
  // The table goes back to its top (or the focus row) when a new text shows other rows; a
  // keystroke that hides nothing (RowFilter hands back the same array) leaves it where it is.
  // (A page loaded meanwhile is the same list, grown: it moves nothing.)
  const [listShown, setListShown] = useState({ text: filterText, rows: visible, key: 0 });
  if (listShown.text !== filterText || listShown.rows !== visible) {
    const other = listShown.text !== filterText && listShown.rows !== visible;
    setListShown({ text: filterText, rows: visible, key: other ? listShown.key + 1 : listShown.key });
  }
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  // Not recomputed per loaded page unless something is selected (100,000 rows load in 100 pages).
  const selectedRows = useMemo(
    () => (selection.selected.size === 0 ? [] : visible.filter((r) => selection.selected.has(r.key))),
    [visible, selection.selected],
  );
  const selectedObjects = selectedRows.filter((r) => r.kind === "object").map((r) => r.key);

  const upload = useUpload(profileId, bucket, prefix, setNotice);
  const download = useDownload(profileId, bucket, prefix, setNotice);
  const remove = useDeleteObjects(profileId, bucket, setNotice, selection.clear);
  const append = useAppend(setNotice);
  useRefreshAfterUploads(profileId, bucket, prefix);
  const copyMove = useCopyMove(profileId, bucket, prefix, setNotice);
  const clip = useClipboard();
  const canPaste = clip !== null && clip.profileId === profileId;
  const dialog = copyMove.dialog;
  const toUpload = upload.withOptions;
  /** The context menu: where it opened, and the rows it acts on (none: beside the rows). */
  const [rowMenu, setRowMenu] = useState<{ at: { x: number; y: number }; rows: Row[] } | null>(null);
  /** The tags, ACL or object lock of one object, opened from the context menu (rows carry no version: the current one). */
  const [objectDialog, setObjectDialog] = useState<{ kind: "tags" | "acl" | "lock"; key: string } | null>(null);
  /** Every version of the folder's objects in place of the list (features/versions). */
  const [showVersions, setShowVersions] = useState(false);
  /** The image object the image process panel is open on. */
  const [imageKey, setImageKey] = useState<string | null>(null);
  const [shareKey, setShareKey] = useState<string | null>(null);
  /** The object in the quick-look preview; ← / → in it walk the shown objects (folders skipped). */
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const showPreview = (key: string) => {
    selection.set([key], key);
    setFocusKey(key);
    setPreviewKey(key);
  };
  const previewStep = (step: 1 | -1): (() => void) | undefined => {
    if (previewKey === null) return undefined;
    const objects = visible.filter((r) => r.kind === "object");
    const at = objects.findIndex((r) => r.key === previewKey);
    const next = at < 0 ? undefined : objects[at + step];
    return next && (() => showPreview(next.key));
  };

  const go = (place: Place) => {
    if (place.bucket === bucket && place.select === undefined) onNavigate(place.prefix);
    else if (onGo) onGo(place);
    else onNavigate(place.prefix);
  };
  const goToPath = useGoToPath(profileId, bucket, endpoint, go);

  /** A new filter text: rows it hides leave the selection (Delete, Download never act on rows not shown). */
  const changeFilter = (text: string) => {
    setFilterText(text);
    const match = compileNameFilter(text);
    if (match === null || selection.selected.size === 0) return;
    const keep = keysMatching(selection.selected, match, lastSegment);
    if (keep.length === selection.selected.size) return;
    const anchor = selection.anchor;
    selection.set(keep, anchor !== null && keep.includes(anchor) ? anchor : null);
  };
  const focusFilter = () => {
    filterRef.current?.focus();
    filterRef.current?.select();
  };

  // Ctrl/⌘+F anywhere in the browser (not in a dialog) goes to the filter box.
  useEffect(() => {
    if (showVersions) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() !== "f") return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      e.preventDefault();
      filterRef.current?.focus();
      filterRef.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [showVersions]);

  const up = prefix === "" ? null : () => onNavigate(parentPrefix(prefix));
  const onKeyDown = useTableKeyboard({
    rows: visible,
    focusKey,
    setFocusKey,
    selection,
    onOpenFolder: onNavigate,
    onShowDetails: () => setDetailsOpen(true),
    onUp: up,
    onRename: () => copyMove.openRename(selectedRows),
    onClipboard: (cut) => copyMove.take(selectedRows, cut),
    onPaste: () => void copyMove.paste(),
    onDelete: () => remove.ask(selectedRows),
    onFocusFilter: showVersions ? undefined : focusFilter,
    onPreview: showPreview,
  });

  const refresh = () => {
    setNotice(null);
    void qc.resetQueries({ queryKey: queryKeys.objects(profileId, bucket, prefix) });
    if (showVersions) void qc.resetQueries({ queryKey: versionsKey(profileId, bucket, prefix) });
    void qc.invalidateQueries({ queryKey: queryKeys.bucketUsage(profileId, bucket) });
    // The details pane's reads too: what it shows (and what Edit metadata… starts from) is now.
    void qc.invalidateQueries({ queryKey: queryKeys.headsOfBucket(profileId, bucket) });
  };

  // The details pane's HEAD of the one selected object, read from the cache (no request of its
  // own): when the server denied it, Download cannot work either, and says why.
  const head = useQuery<ObjectDetails>({
    queryKey: queryKeys.head(profileId, bucket, selectedObjects[0] ?? ""),
    queryFn: skipToken,
    enabled: false,
  });
  const denied =
    selectedRows.length === 1 && selectedObjects.length === 1 && head.error instanceof BackendError && head.error.code === "AccessDenied";
  // Append to the one selected object unless its (cached) details say it is not appendable; the
  // dialog reads its length, and its type, again.
  const oneObject = selectedRows.length === 1 && selectedObjects.length === 1 ? selectedObjects[0] : null;
  const objectType = head.data?.objectType ?? null;
  const canAppend = oneObject !== null && (objectType === null || objectType === "Appendable");

  return (
    <section className="browser" data-drop-profile={profileId} data-drop-bucket={bucket} data-drop-prefix={prefix}>
      <Toolbar
        canDownload={!showVersions && selectedRows.length > 0}
        downloadBlocked={denied ? t("details.deniedAction") : null}
        deleteCount={showVersions ? 0 : selectedRows.length}
        busy={remove.busy}
        refreshing={pages.isFetching && !pages.isFetchingNextPage}
        detailsOpen={detailsOpen}
        onUploadFiles={() => void upload.pickFiles()}
        onUploadFolder={() => void upload.pickFolder()}
        onDownload={() => void download.start(selectedRows)}
        onDelete={() => remove.ask(selectedRows)}
        onRefresh={refresh}
        onToggleDetails={() => setDetailsOpen(!detailsOpen)}
        search={<SearchLink profileId={profileId} bucket={bucket} className="button toolbar-search" />}
        filter={
          showVersions ? null : (
            <FilterBox
              value={filterText}
              onChange={changeFilter}
              shown={visible.length}
              total={rows.length}
              inputRef={filterRef}
              onFocus={() => rowFilter.prepare()}
              onEscape={() => {
                if (filterText !== "") changeFilter("");
                tableRef.current?.focus();
              }}
              onDown={() => {
                if (visible.length > 0) setFocusKey(visible[0].key);
                tableRef.current?.focus();
              }}
            />
          )
        }
      />
      <PathBar
        bucket={bucket}
        prefix={prefix}
        onNavigate={onNavigate}
        onGo={goToPath.submit}
        busy={goToPath.busy}
        extra={<VersionsToggle on={showVersions} onToggle={() => setShowVersions(!showVersions)} />}
        menu={[
          {
            label: t("uploadOptions.action"),
            icon: "upload",
            testId: "object-upload-options",
            onSelect: () => void upload.pickFilesWithOptions(),
          },
          {
            label: t("uploadOptions.actionFolder"),
            icon: "folder",
            testId: "object-upload-folder-options",
            onSelect: () => void upload.pickFolderWithOptions(),
          },
          {
            label: canAppend || oneObject === null ? t("append.action") : t("append.notAppendableAction", { type: objectType ?? "" }),
            icon: "upload",
            disabled: !canAppend,
            testId: "object-append",
            onSelect: () => oneObject !== null && void append.start(oneObject),
          },
          { label: t("append.actionNew"), icon: "file", testId: "object-append-new", onSelect: () => void append.start(null) },
          {
            label: t("copy.action"),
            icon: "copy",
            disabled: selectedRows.length === 0,
            testId: "object-copy-move",
            onSelect: () => copyMove.openCopy(selectedRows),
          },
          {
            label: t("rename.action"),
            icon: "edit",
            disabled: selectedRows.length !== 1,
            testId: "object-rename",
            onSelect: () => copyMove.openRename(selectedRows),
          },
        ]}
      />
      {notice && <NoticeView notice={notice} onDismiss={() => setNotice(null)} onOpenTransfers={onOpenTransfers} />}
      <div className="browser-body">
        {showVersions ? (
          <VersionsTable profileId={profileId} bucket={bucket} prefix={prefix} />
        ) : (
          <ThumbPlaceProvider profileId={profileId} bucket={bucket}>
            <TableArea
              pages={pages}
              prefix={prefix}
              rows={visible}
              filter={!filtering ? null : { text: filterText, loaded: rows.length, onClear: () => changeFilter("") }}
              tableRef={tableRef}
              scrollKey={String(listShown.key)}
              selected={selection.selected}
              focusKey={focusKey}
              sort={sort}
              onSort={(c) => setSort((s) => nextSort(s, c))}
              onRowClick={(row, mods) => {
                selection.click(row.key, visible.map((r) => r.key), mods);
                setFocusKey(row.key);
              }}
              onOpenFolder={onNavigate}
              onKeyDown={onKeyDown}
              onContextMenu={(row, at) => {
                // A row outside the selection becomes the selection, as in a file manager.
                if (row && !selection.selected.has(row.key)) {
                  selection.set([row.key], row.key);
                  setFocusKey(row.key);
                }
                setRowMenu({ at, rows: row === null ? [] : selection.selected.has(row.key) ? selectedRows : [row] });
              }}
            />
          </ThumbPlaceProvider>
        )}
        {detailsOpen && !showVersions && (
          <DetailsPane
            profileId={profileId}
            bucket={bucket}
            selection={selectedRows}
            onAppend={(key) => void append.start(key)}
            onImageProcess={setImageKey}
            onPreview={showPreview}
          />
        )}
      </div>
      <footer className="status-bar">
        <span data-testid="loaded-count">{tn("objects.loaded", rows.length)}</span>
        {selectedRows.length > 0 && (
          <span data-testid="selected-count">{t("objects.selected", { count: formatCount(selectedRows.length, locale) })}</span>
        )}
        {pages.isFetchingNextPage && (
          <span data-testid="loading-more">
            <Spinner label={t("objects.loadingMore")} />
          </span>
        )}
        <span className="spacer" />
        {canPaste && (
          <span className="clipboard-status" data-testid="clipboard-status" data-cut={clip.cut || undefined}>
            <Icon name={clip.cut ? "move" : "copy"} size={14} />
            <span className="clipboard-what">{t(clip.cut ? "clipboard.statusCut" : "clipboard.statusCopy", { what: clip.what })}</span>
            <button type="button" className="icon-button small" data-testid="clipboard-clear" aria-label={t("clipboard.clear")} title={t("clipboard.clear")} onClick={clipboard.clear}>
              ×
            </button>
          </span>
        )}
        <TransferStatus onOpen={onOpenTransfers} />
      </footer>

      {remove.pending && (
        <DeleteDialog
          pending={remove.pending}
          busy={remove.busy}
          onConfirm={remove.confirm}
          onRecount={remove.recount}
          onCancel={remove.cancel}
        />
      )}
      {append.target && (
        <AppendDialog
          key={append.target.key ?? ""}
          profileId={profileId}
          bucket={bucket}
          prefix={prefix}
          target={append.target}
          onChooseOther={() => void append.chooseOther()}
          onClose={append.close}
          notify={setNotice}
        />
      )}
      {rowMenu && (
        <RowMenu at={rowMenu.at} items={rowMenuItems(rowMenu.rows)} onClose={() => setRowMenu(null)} />
      )}
      {dialog?.kind === "copy" && (
        <CopyMoveDialog
          profileId={profileId}
          bucket={bucket}
          prefix={prefix}
          rows={dialog.rows}
          onStart={(to, move) => copyMove.copyTo(dialog.rows, to, move)}
          onClose={copyMove.close}
        />
      )}
      {dialog?.kind === "rename" && (
        <RenameDialog
          row={dialog.rows[0]}
          siblings={rows.map((r) => r.key)}
          onRename={(name) => copyMove.rename(dialog.rows[0], name)}
          onClose={copyMove.close}
        />
      )}
      {objectDialog?.kind === "tags" && (
        <ObjectTagsDialog
          profileId={profileId}
          bucket={bucket}
          objectKey={objectDialog.key}
          versionId={null}
          onClose={() => setObjectDialog(null)}
        />
      )}
      {objectDialog?.kind === "acl" && (
        <ObjectAclDialog
          profileId={profileId}
          bucket={bucket}
          objectKey={objectDialog.key}
          versionId={null}
          onClose={() => setObjectDialog(null)}
        />
      )}
      {objectDialog?.kind === "lock" && (
        <ObjectLockDialog
          profileId={profileId}
          bucket={bucket}
          objectKey={objectDialog.key}
          versionId={null}
          onClose={() => setObjectDialog(null)}
        />
      )}
      {imageKey !== null && (
        <ImageProcessPanel profileId={profileId} bucket={bucket} objectKey={imageKey} onClose={() => setImageKey(null)} />
      )}
      {previewKey !== null && (
        <PreviewDialog
          profileId={profileId}
          bucket={bucket}
          objectKey={previewKey}
          etag={previewEtag(previewKey)}
          onClose={() => setPreviewKey(null)}
          onDownload={() => void download.start(rows.filter((r) => r.key === previewKey))}
          onOpenImage={() => {
            setImageKey(previewKey);
            setPreviewKey(null);
          }}
          onPrevious={previewStep(-1)}
          onNext={previewStep(1)}
        />
      )}
      {shareKey !== null && (
        <ShareDialog profileId={profileId} bucket={bucket} objectKey={shareKey} onClose={() => setShareKey(null)} />
      )}
      {toUpload && (
        <UploadOptionsDialog
          files={toUpload}
          bucket={bucket}
          prefix={prefix}
          what={upload.describe(toUpload)}
          onStart={(options) => upload.start(toUpload, options)}
          onClose={upload.closeOptions}
        />
      )}
    </section>
  );

  /** The listed ETag of an object (an image's thumbnail is cached by it). */
  function previewEtag(key: string): string | null {
    const row = rows.find((r) => r.key === key);
    return row?.kind === "object" ? (row.entry.etag ?? null) : null;
  }

  /** The context menu's entries for the rows right-clicked (none: the table beside the rows). */
  function rowMenuItems(menuRows: Row[]): RowMenuItem[] {
    const paste: RowMenuItem = {
      label: t("rowMenu.paste"),
      icon: "paste",
      shortcut: shortcut("V"),
      disabled: !canPaste,
      testId: "row-menu-paste",
      onSelect: () => void copyMove.paste(),
    };
    if (menuRows.length === 0) {
      return [
        paste,
        { label: t("objects.upload"), icon: "upload", testId: "row-menu-upload", separated: true, onSelect: () => void upload.pickFiles() },
        { label: t("objects.uploadFolder"), icon: "folder", testId: "row-menu-upload-folder", onSelect: () => void upload.pickFolder() },
      ];
    }
    // Tags and ACL belong to one object (a folder is only a prefix: it has neither).
    const one = menuRows.length === 1 && menuRows[0].kind === "object" ? menuRows[0].key : null;
    const ofObject: RowMenuItem[] =
      one === null
        ? []
        : [
            { label: t("preview.action"), icon: "eye", shortcut: "F3", separated: true, testId: "row-menu-preview", onSelect: () => showPreview(one) },
            { label: t("rowMenu.tags"), separated: true, testId: "row-menu-tags", onSelect: () => setObjectDialog({ kind: "tags", key: one }) },
            { label: t("rowMenu.acl"), testId: "row-menu-acl", onSelect: () => setObjectDialog({ kind: "acl", key: one }) },
            { label: t("rowMenu.lock"), testId: "row-menu-lock", onSelect: () => setObjectDialog({ kind: "lock", key: one }) },
            ...(isImage(one)
              ? [{ label: t("images.action"), icon: "edit" as const, separated: true, testId: "row-menu-image", onSelect: () => setImageKey(one) }]
              : []),
            { label: t("share.action"), icon: "copy", separated: true, testId: "row-menu-share", onSelect: () => setShareKey(one) },
          ];
    return [
      { label: t("rename.action"), icon: "edit", shortcut: "F2", disabled: menuRows.length !== 1, testId: "row-menu-rename", onSelect: () => copyMove.openRename(menuRows) },
      { label: t("copy.action"), icon: "move", testId: "row-menu-copy-move", onSelect: () => copyMove.openCopy(menuRows) },
      { label: t("rowMenu.copy"), icon: "copy", shortcut: shortcut("C"), separated: true, testId: "row-menu-copy", onSelect: () => copyMove.take(menuRows, false) },
      { label: t("rowMenu.cut"), icon: "cut", shortcut: shortcut("X"), testId: "row-menu-cut", onSelect: () => copyMove.take(menuRows, true) },
      paste,
      ...ofObject,
      { label: t("objects.download"), icon: "download", separated: true, testId: "row-menu-download", onSelect: () => void download.start(menuRows) },
      { label: t("objects.delete"), icon: "trash", danger: true, testId: "row-menu-delete", onSelect: () => remove.ask(menuRows) },
    ];
  }
}
