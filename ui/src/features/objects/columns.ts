import type { MessageKey } from "../../i18n";
import { useStoredState } from "../../lib/useStoredState";
import type { SortColumn } from "./rows";

export const COLUMNS: { id: SortColumn; label: MessageKey; align?: "end"; min: number; width: number }[] = [
  // Defaults sum to 616 px: the whole table fits the content area of the minimum window (900 px
  // wide: 618 px beside the sidebar) with the details pane collapsed. Size fits "1023.9 KiB",
  // the date "2026-12-02 17:14", the class "STANDARD"; the ETag is cut (full in the details).
  { id: "name", label: "objects.col.name", min: 120, width: 240 },
  { id: "size", label: "objects.col.size", align: "end", min: 56, width: 92 },
  { id: "lastModified", label: "objects.col.lastModified", min: 80, width: 128 },
  { id: "storageClass", label: "objects.col.storageClass", min: 60, width: 96 },
  { id: "etag", label: "objects.col.etag", min: 60, width: 60 },
];

export type ColumnWidths = Record<SortColumn, number>;

const DEFAULT_WIDTHS = Object.fromEntries(COLUMNS.map((c) => [c.id, c.width])) as ColumnWidths;
const STORAGE_KEY = "zos.objects.columns";

function isWidths(v: unknown): v is ColumnWidths {
  return (
    typeof v === "object" &&
    v !== null &&
    COLUMNS.every((c) => typeof (v as Record<string, unknown>)[c.id] === "number" && (v as Record<string, number>)[c.id] >= c.min)
  );
}

/** Column widths in px, remembered. The name column grows into any room left (at least its width). */
export function useColumnWidths() {
  const [widths, setWidths] = useStoredState<ColumnWidths>(STORAGE_KEY, DEFAULT_WIDTHS, isWidths);
  const resize = (id: SortColumn, width: number) => {
    const min = COLUMNS.find((c) => c.id === id)?.min ?? 40;
    setWidths({ ...widths, [id]: Math.round(Math.max(min, Math.min(1200, width))) });
  };
  const template = COLUMNS.map((c) => (c.id === "name" ? `minmax(${widths.name}px, 1fr)` : `${widths[c.id]}px`)).join(" ");
  const total = COLUMNS.reduce((n, c) => n + widths[c.id], 0);
  return { widths, resize, template, total };
}
