import { useState } from "react";

export interface ClickModifiers {
  /** Ctrl (or ⌘): toggle one row. */
  toggle: boolean;
  /** Shift: select the range from the last clicked row. */
  range: boolean;
}

export interface Selection {
  selected: ReadonlySet<string>;
  /** Applies a click on `key`; `orderedKeys` is the order rows are shown in (for ranges). */
  click: (key: string, orderedKeys: readonly string[], mods: ClickModifiers) => void;
  clear: () => void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Click selects one row, ctrl/⌘-click toggles, shift-click selects a range. */
export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(EMPTY);
  const [anchor, setAnchor] = useState<string | null>(null);

  const click = (key: string, orderedKeys: readonly string[], mods: ClickModifiers) => {
    if (mods.range && anchor !== null) {
      const from = orderedKeys.indexOf(anchor);
      const to = orderedKeys.indexOf(key);
      if (from >= 0 && to >= 0) {
        const [lo, hi] = from < to ? [from, to] : [to, from];
        const range = orderedKeys.slice(lo, hi + 1);
        setSelected((prev) => (mods.toggle ? new Set([...prev, ...range]) : new Set(range)));
        return;
      }
    }
    if (mods.toggle) {
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      });
    } else {
      setSelected(new Set([key]));
    }
    setAnchor(key);
  };

  const clear = () => {
    setSelected(EMPTY);
    setAnchor(null);
  };

  return { selected, click, clear };
}
