import { useRef, type PointerEvent } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import type { COLUMNS } from "./columns";
import type { Sort, SortColumn } from "./rows";

interface Props {
  column: (typeof COLUMNS)[number];
  sort: Sort | null;
  width: number;
  onSort: (column: SortColumn) => void;
  onResize: (width: number) => void;
}

/** A header cell: the sort button, and a handle on its right edge to drag the column wider or narrower. */
export function ColumnHeader({ column: c, sort, width, onSort, onResize }: Props) {
  const { t } = useT();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const active = sort?.column === c.id;

  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const cell = e.currentTarget.parentElement;
    drag.current = { x: e.clientX, width: cell?.getBoundingClientRect().width || width };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };

  return (
    <div
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
      <div
        className="col-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t("objects.resizeColumn", { column: t(c.label) })}
        title={t("objects.resizeColumn", { column: t(c.label) })}
        data-testid={`col-resize-${c.id}`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
}
