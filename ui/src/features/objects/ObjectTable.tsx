import { memo, useCallback, useEffect, useRef, type MouseEvent } from "react";
import { Icon } from "../../components/Icon";
import { useT, type MessageKey } from "../../i18n";
import { bareEtag, formatDateTime, humanBytes } from "../../lib/format";
import type { Row, Sort, SortColumn } from "./rows";
import type { ClickModifiers } from "./useSelection";
import { useRowWindow } from "./useRowWindow";

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 36;
/** Fetch the next page when the last rendered row is this close to the end of the loaded rows. */
const LOAD_AHEAD_ROWS = 200;

const COLUMNS: { id: SortColumn; label: MessageKey; align?: "end" }[] = [
  { id: "name", label: "objects.col.name" },
  { id: "size", label: "objects.col.size", align: "end" },
  { id: "lastModified", label: "objects.col.lastModified" },
  { id: "storageClass", label: "objects.col.storageClass" },
  { id: "etag", label: "objects.col.etag" },
];

interface Props {
  rows: readonly Row[];
  selected: ReadonlySet<string>;
  sort: Sort | null;
  onSort: (column: SortColumn) => void;
  onRowClick: (row: Row, mods: ClickModifiers) => void;
  onOpenFolder: (prefix: string) => void;
  /** More pages exist and none is being fetched: called when the user scrolls near the end. */
  canLoadMore: boolean;
  onLoadMore: () => void;
}

const OVERSCAN = 12;

function modifiers(e: MouseEvent): ClickModifiers {
  return { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey };
}

/** The virtualized object list: only the rows in view are in the DOM, whatever the count. */
export function ObjectTable({ rows, selected, sort, onSort, onRowClick, onOpenFolder, canLoadMore, onLoadMore }: Props) {
  const { t } = useT();
  const scrollRef = useRef<HTMLDivElement>(null);

  const { first, end, totalHeight } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN);

  // Stable handlers, so that rows already on screen do not re-render while scrolling.
  const handlers = useRef({ onRowClick, onOpenFolder });
  useEffect(() => {
    handlers.current = { onRowClick, onOpenFolder };
  });
  const click = useCallback((row: Row, mods: ClickModifiers) => handlers.current.onRowClick(row, mods), []);
  const open = useCallback((prefix: string) => handlers.current.onOpenFolder(prefix), []);
  const lastIndex = end - 1;

  useEffect(() => {
    if (canLoadMore && lastIndex >= rows.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [canLoadMore, lastIndex, rows.length, onLoadMore]);

  return (
    <div
      className="object-table"
      ref={scrollRef}
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      data-testid="object-table"
      tabIndex={0}
    >
      <div className="object-row object-header" role="row" style={{ height: HEADER_HEIGHT }}>
        {COLUMNS.map((c) => {
          const active = sort?.column === c.id;
          return (
            <div
              key={c.id}
              role="columnheader"
              className={`cell cell-${c.id}`}
              aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
            >
              <button
                type="button"
                className={`sort-button ${c.align === "end" ? "align-end" : ""} ${active ? "active" : ""}`}
                data-testid={`sort-${c.id}`}
                title={t("objects.sortBy", { column: t(c.label) })}
                onClick={() => onSort(c.id)}
              >
                {t(c.label)}
                {active && <Icon name={sort.direction === "asc" ? "arrowUp" : "arrowDown"} size={16} />}
              </button>
            </div>
          );
        })}
      </div>
      <div className="object-rows" style={{ height: totalHeight }}>
        {rows.slice(first, end).map((row, i) => {
          const index = first + i;
          return (
            <ObjectRow
              key={row.key}
              row={row}
              index={index}
              top={index * ROW_HEIGHT}
              selected={selected.has(row.key)}
              onClick={click}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  row: Row;
  index: number;
  top: number;
  selected: boolean;
  onClick: (row: Row, mods: ClickModifiers) => void;
  onOpen: (prefix: string) => void;
}

const ObjectRow = memo(function ObjectRow({ row, index, top, selected, onClick, onOpen }: RowProps) {
  const { t, locale } = useT();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`object-row ${row.kind} ${selected ? "selected" : ""} ${index % 2 ? "odd" : ""}`}
      data-testid={`object-row-${row.key}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(row, modifiers(e))}
      onDoubleClick={() => row.kind === "folder" && onOpen(row.key)}
    >
      <div
        role="gridcell"
        className="cell cell-name"
        title={row.kind === "folder" ? `${t("objects.folder")}: ${row.key}` : row.key}
      >
        <Icon name={row.kind === "folder" ? "folder" : "file"} size={18} className={`row-icon ${row.kind}`} />
        <span className="name-text">{row.name || <span className="muted">{t("path.emptySegment")}</span>}</span>
      </div>
      {row.kind === "folder" ? (
        <>
          <div role="gridcell" className="cell cell-size muted">
            —
          </div>
          <div role="gridcell" className="cell cell-lastModified" />
          <div role="gridcell" className="cell cell-storageClass" />
          <div role="gridcell" className="cell cell-etag" />
        </>
      ) : (
        <>
          <div role="gridcell" className="cell cell-size" title={`${row.entry.size.toLocaleString(locale)} B`}>
            {humanBytes(row.entry.size, locale)}
          </div>
          <div role="gridcell" className="cell cell-lastModified">
            {formatDateTime(row.entry.lastModified, locale)}
          </div>
          <div role="gridcell" className="cell cell-storageClass">
            {row.entry.storageClass ?? "—"}
          </div>
          <div role="gridcell" className="cell cell-etag mono" title={bareEtag(row.entry.etag)}>
            {bareEtag(row.entry.etag)}
          </div>
        </>
      )}
    </div>
  );
});
