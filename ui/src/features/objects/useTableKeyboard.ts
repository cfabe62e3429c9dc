import { useRef, type KeyboardEvent } from "react";
import { displayName } from "../../lib/exactName";
import type { Row } from "./rows";
import type { Selection } from "./useSelection";

/**
 * Set when a key on the table opens another folder (Enter, Backspace, Alt+↑): the next folder's
 * table takes the focus when it appears, so that the keyboard user goes on where they were.
 */
let focusNextTable = false;

/** True once after the keyboard opened a folder (see above). */
export function takeTableFocusRequest(): boolean {
  const wanted = focusNextTable;
  focusNextTable = false;
  return wanted;
}

/** Letters typed within this time of each other make one type-ahead search. */
export const TYPE_AHEAD_MS = 700;

export interface TableKeyboardOptions {
  rows: readonly Row[];
  /** The focus row (keyboard cursor), by key; distinct from the selection. */
  focusKey: string | null;
  setFocusKey: (key: string) => void;
  selection: Selection;
  onOpenFolder: (prefix: string) => void;
  /** Enter on an object: it is selected; the details pane shows it. */
  onShowDetails: () => void;
  /** Up one level; null at the bucket's root. */
  onUp: (() => void) | null;
  /** Delete: asks to delete the selection. */
  onDelete: () => void;
  /** F2: rename the one selected row. */
  onRename?: () => void;
  /** Ctrl/⌘+C, Ctrl/⌘+X: the selection goes on the table's clipboard (to copy, or to move). */
  onClipboard?: (cut: boolean) => void;
  /** Ctrl/⌘+V: what is on the clipboard comes into the shown folder. */
  onPaste?: () => void;
  /** `/`: the focus goes to the quick filter box (none: `/` is typed ahead like a letter). */
  onFocusFilter?: () => void;
  /** F3 on an object (the file managers' "view" key): its quick-look preview. */
  onPreview?: (key: string) => void;
}

/**
 * Keys of the object table (on the table element itself, not on its header buttons):
 * arrows, Home/End, PageUp/PageDown move the focus row (Shift extends the selection from its
 * anchor); Space toggles the focus row; Ctrl/⌘+A selects every loaded row; Enter opens a folder
 * or shows an object's details; Backspace or Alt+↑ goes up; Delete asks to delete the selection;
 * F2 renames the selected row; F3 previews the focus object; Ctrl/⌘+C or X then Ctrl/⌘+V (in another folder) copies or moves;
 * Escape clears the selection; `/` goes to the quick filter box; letters jump to the first row
 * whose shown name starts with them. The rows are the ones shown (the filter's).
 * Returns the handler; the table passes the number of rows one page holds.
 */
export function useTableKeyboard(o: TableKeyboardOptions) {
  const typed = useRef({ text: "", at: 0 });

  return (e: KeyboardEvent<HTMLElement>, pageRows: number) => {
    if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
    const { rows, selection } = o;
    const keys = () => rows.map((r) => r.key);
    const current = o.focusKey === null ? -1 : rows.findIndex((r) => r.key === o.focusKey);
    const focused = current >= 0 ? rows[current] : null;
    const mod = e.ctrlKey || e.metaKey;

    const moveTo = (index: number) => {
      if (rows.length === 0) return;
      const to = Math.max(0, Math.min(rows.length - 1, index));
      const key = rows[to].key;
      o.setFocusKey(key);
      if (e.shiftKey) selection.extendTo(key, keys(), focused?.key ?? key);
    };

    let handled = true;
    switch (e.key) {
      case "ArrowDown":
        moveTo(current < 0 ? 0 : current + 1);
        break;
      case "ArrowUp":
        if (e.altKey) up(); else moveTo(current < 0 ? 0 : current - 1);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(rows.length - 1);
        break;
      case "PageDown":
        moveTo(Math.max(current, 0) + Math.max(1, pageRows));
        break;
      case "PageUp":
        moveTo(Math.max(current, 0) - Math.max(1, pageRows));
        break;
      case "Enter":
        if (!focused) handled = false;
        else if (focused.kind === "folder") {
          focusNextTable = true;
          o.onOpenFolder(focused.key);
        }
        else {
          selection.set([focused.key], focused.key);
          o.onShowDetails();
        }
        break;
      case "Backspace":
        up();
        break;
      case "Delete":
        o.onDelete();
        break;
      case "F2":
        if (o.onRename) o.onRename();
        else handled = false;
        break;
      case "F3":
        if (o.onPreview && focused?.kind === "object") {
          selection.set([focused.key], focused.key);
          o.onPreview(focused.key);
        } else handled = false;
        break;
      case "/":
        if (o.onFocusFilter && !mod && !e.altKey) o.onFocusFilter();
        else handled = mod ? clipboardKey() || selectAll() : typeAhead();
        break;
      case "Escape":
        if (selection.selected.size === 0) handled = false;
        else selection.clear();
        break;
      default:
        handled = mod ? clipboardKey() || selectAll() : typeAhead();
    }
    if (handled) e.preventDefault();

    function up() {
      if (!o.onUp) return;
      focusNextTable = true;
      o.onUp();
    }

    function selectAll(): boolean {
      if (e.key.toLowerCase() !== "a" || e.altKey) return false;
      selection.set(keys(), focused?.key ?? rows[0]?.key ?? null);
      return true;
    }

    function clipboardKey(): boolean {
      if (e.altKey || e.shiftKey) return false;
      const key = e.key.toLowerCase();
      if ((key === "c" || key === "x") && o.onClipboard) o.onClipboard(key === "x");
      else if (key === "v" && o.onPaste) o.onPaste();
      else return false;
      return true;
    }

    function typeAhead(): boolean {
      if (e.key.length !== 1 && [...e.key].length !== 1) return false;
      if (e.altKey) return false;
      const now = Date.now();
      const continuing = now - typed.current.at < TYPE_AHEAD_MS && typed.current.text !== "";
      if (e.key === " " && !continuing) {
        // Space alone toggles the focus row.
        if (!focused) moveTo(0);
        const key = focused?.key ?? rows[0]?.key;
        if (key !== undefined) selection.toggle(key);
        return true;
      }
      const text = (continuing ? typed.current.text : "") + e.key;
      typed.current = { text, at: now };
      const wanted = text.toLocaleLowerCase();
      const hit = rows.findIndex((r) => displayName(r.name).toLocaleLowerCase().startsWith(wanted));
      if (hit >= 0) o.setFocusKey(rows[hit].key);
      return true;
    }
  };
}
