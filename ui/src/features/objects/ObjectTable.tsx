import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { displayName } from "../../lib/exactName";
import { bareEtag, formatDateTime, humanBytes } from "../../lib/format";
import { ColumnHeader } from "./ColumnHeader";
import { COLUMNS, useColumnWidths } from "./columns";
import { RowThumb } from "../images/thumbs";
import { NameText } from "./NameText";
import type { Row, Sort, SortColumn } from "./rows";
import type { ClickModifiers } from "./useSelection";
import { FALLBACK_VIEWPORT_PX, useRowWindow } from "./useRowWindow";
import { takeTableFocusRequest } from "./useTableKeyboard";

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 36;
/** Fetch the next page when the last rendered row is this close to the end of the loaded rows. */
const LOAD_AHEAD_ROWS = 200;
const OVERSCAN = 12;
/** Name cell: padding, icon and gap, in px; and the width of an average narrow character. */
const NAME_CHROME_PX = 24 + 18 + 8;
const NARROW_CHAR_PX = 7.6;

export interface ObjectTableProps {
  rows: readonly Row[];
  selected: ReadonlySet<string>;
  /** The keyboard's focus row (drawn with a ring, distinct from the selection). */
  focusKey: string | null;
  sort: Sort | null;
  onSort: (column: SortColumn) => void;
  onRowClick: (row: Row, mods: ClickModifiers) => void;
  onOpenFolder: (prefix: string) => void;
  /** A key on the table itself; `pageRows` is how many rows one screenful shows. */
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, pageRows: number) => void;
  /** Right click (or the menu key) on a row, or on the table beside the rows (`row` null). */
  onContextMenu?: (row: Row | null, at: { x: number; y: number }) => void;
  /** More pages exist and none is being fetched: called when the user scrolls near the end. */
  canLoadMore: boolean;
  onLoadMore: () => void;
  /** The table element (the quick filter moves the focus to it). */
  tableRef?: RefObject<HTMLDivElement | null>;
  /** When this changes (the filter text), the list goes back to its top, or to the focus row. */
  scrollKey?: string;
  /**
   * Shown under the column header while there are no rows (a filter that matches nothing): the
   * table stays, so its header does not jump and the frame that empties it stays cheap.
   */
  emptyNote?: ReactNode;
}

function modifiers(e: MouseEvent): ClickModifiers {
  return { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey };
}

/** The scrollTop that shows row `index` whole below the sticky header (unchanged when it is). */
export function scrollTopToShow(index: number, scrollTop: number, viewport: number): number {
  const top = index * ROW_HEIGHT; // row top in the scroll content, under the header
  if (top < scrollTop) return top;
  const bottom = HEADER_HEIGHT + top + ROW_HEIGHT;
  if (bottom > scrollTop + viewport) return bottom - viewport;
  return scrollTop;
}

/** The virtualized object list: only the rows in view are in the DOM, whatever the count. */
export function ObjectTable({
  rows,
  selected,
  focusKey,
  sort,
  onSort,
  onRowClick,
  onOpenFolder,
  onKeyDown,
  onContextMenu,
  canLoadMore,
  onLoadMore,
  tableRef,
  scrollKey = "",
  emptyNote,
}: ObjectTableProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = tableRef ?? ownRef;
  const idBase = useId();
  const columns = useColumnWidths();
  const nameWidth = useMeasuredWidth(scrollRef, columns.widths.name);
  const maxUnits = Math.max(6, Math.floor((nameWidth - NAME_CHROME_PX) / NARROW_CHAR_PX));

  // The focus row is scrolled into view: then the row window renders it.
  const focusIndex = focusKey === null ? -1 : rows.findIndex((r) => r.key === focusKey);
  // Another filter: the list starts again from its top (or from the focus row), in the same render.
  const { first, end, totalHeight, scrollTop } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN, {
    key: scrollKey,
    index: focusIndex,
  });

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

  // ...and the element follows the window after such a reset.
  const lastScrollKey = useRef(scrollKey);
  useLayoutEffect(() => {
    if (lastScrollKey.current === scrollKey) return;
    lastScrollKey.current = scrollKey;
    const el = scrollRef.current;
    if (el && el.scrollTop !== scrollTop) el.scrollTop = scrollTop;
  }, [scrollKey, scrollTop, scrollRef]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || focusIndex < 0) return;
    const next = scrollTopToShow(focusIndex, el.scrollTop, el.clientHeight || FALLBACK_VIEWPORT_PX);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [focusIndex, scrollRef]);

  useEffect(() => {
    if (takeTableFocusRequest()) scrollRef.current?.focus();
  }, [scrollRef]);

  const pageRows = () => {
    const height = scrollRef.current?.clientHeight || FALLBACK_VIEWPORT_PX;
    return Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  };

  return (
    <div
      className="object-table"
      ref={scrollRef}
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={focusIndex >= first && focusIndex < end ? `${idBase}-r${focusIndex}` : undefined}
      data-testid="object-table"
      tabIndex={0}
      style={{ ["--object-columns" as string]: columns.template, ["--object-min-width" as string]: `${columns.total}px` }}
      onKeyDown={(e) => onKeyDown(e, pageRows())}
      onContextMenu={
        onContextMenu &&
        ((e) => {
          e.preventDefault();
          const rowEl = (e.target as HTMLElement).closest<HTMLElement>(".object-rows > [role='row']");
          const index = rowEl ? Number(rowEl.getAttribute("aria-rowindex")) - 2 : -1;
          const at = { x: e.clientX, y: e.clientY };
          // From the keyboard (Shift+F10, the menu key) the event is on the table, not from the
          // right button: the menu is for the focus row, beside it.
          const focused = scrollRef.current?.querySelector<HTMLElement>(".object-row.focused");
          if (!rowEl && e.button !== 2 && focused && focusIndex >= 0) {
            const box = focused.getBoundingClientRect();
            onContextMenu(rows[focusIndex], { x: box.left + 24, y: box.top + Math.min(box.height, ROW_HEIGHT) });
            return;
          }
          onContextMenu(index >= 0 && index < rows.length ? rows[index] : null, at);
        })
      }
    >
      <div className="object-row object-header" role="row" style={{ height: HEADER_HEIGHT }}>
        {COLUMNS.map((c) => (
          <ColumnHeader
            key={c.id}
            column={c}
            sort={sort}
            width={columns.widths[c.id]}
            onSort={onSort}
            onResize={(w) => columns.resize(c.id, w)}
          />
        ))}
      </div>
      <div className="object-rows" style={{ height: totalHeight }}>
        {rows.slice(first, end).map((row, i) => {
          const index = first + i;
          return (
            <ObjectRow
              key={row.key}
              id={`${idBase}-r${index}`}
              row={row}
              index={index}
              top={index * ROW_HEIGHT}
              selected={selected.has(row.key)}
              focused={index === focusIndex}
              maxUnits={maxUnits}
              onClick={click}
              onOpen={open}
            />
          );
        })}
      </div>
      {rows.length === 0 && emptyNote}
    </div>
  );
}

/** The rendered width of the name column (its header cell), or `fallback` before layout. */
function useMeasuredWidth(scrollRef: RefObject<HTMLDivElement | null>, fallback: number): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const cell = scrollRef.current?.querySelector<HTMLElement>(".object-header .cell-name");
    if (!cell || typeof ResizeObserver === "undefined") return;
    const read = () => setWidth(cell.getBoundingClientRect().width);
    read();
    const observer = new ResizeObserver(read);
    observer.observe(cell);
    return () => observer.disconnect();
  }, [scrollRef]);
  return width > 0 ? width : fallback;
}

interface RowProps {
  id: string;
  row: Row;
  index: number;
  top: number;
  selected: boolean;
  focused: boolean;
  maxUnits: number;
  onClick: (row: Row, mods: ClickModifiers) => void;
  onOpen: (prefix: string) => void;
}

/** One number format per locale: `n.toLocaleString(locale)` builds a new one each call (per row). */
const byteCounts = new Map<string, Intl.NumberFormat>();
function exactBytes(n: number, locale: string): string {
  let f = byteCounts.get(locale);
  if (!f) byteCounts.set(locale, (f = new Intl.NumberFormat(locale)));
  return `${f.format(n)} B`;
}

const ObjectRow = memo(function ObjectRow({ id, row, index, top, selected, focused, maxUnits, onClick, onOpen }: RowProps) {
  const { t, locale } = useT();
  const shownKey = displayName(row.key);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-focused={focused || undefined}
      className={`object-row ${row.kind} ${selected ? "selected" : ""} ${focused ? "focused" : ""} ${index % 2 ? "odd" : ""}`}
      data-testid={`object-row-${row.key}`}
      // A folder row is where files dropped on it go (features/drop).
      data-drop-prefix={row.kind === "folder" ? row.key : undefined}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(row, modifiers(e))}
      onDoubleClick={() => row.kind === "folder" && onOpen(row.key)}
    >
      <div role="gridcell" className="cell cell-name" title={row.kind === "folder" ? `${t("objects.folder")}: ${shownKey}` : shownKey}>
        {row.kind === "folder" ? (
          <Icon name="folder" size={18} className="row-icon folder" />
        ) : (
          <RowThumb objectKey={row.key} etag={row.entry.etag} icon={<Icon name="file" size={18} className="row-icon object" />} />
        )}
        <NameText name={row.name} maxUnits={maxUnits} className="name-text" />
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
          <div role="gridcell" className="cell cell-size" title={exactBytes(row.entry.size, locale)}>
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
