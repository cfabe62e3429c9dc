import { useState } from "react";

export interface ClickModifiers {
  /** Ctrl (or ⌘): toggle one row. */
  toggle: boolean;
  /** Shift: select the range from the last clicked row. */
  range: boolean;
}

export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a shift-click or shift-arrow range starts: the last row clicked or toggled. */
  anchor: string | null;
  /** Applies a click on `key`; `orderedKeys` is the order rows are shown in (for ranges). */
  click: (key: string, orderedKeys: readonly string[], mods: ClickModifiers) => void;
  /** Selects the rows from the anchor (or else `from`) to `key`; that start stays the anchor. */
  extendTo: (key: string, orderedKeys: readonly string[], from: string) => void;
  /** Adds or removes one row, which becomes the anchor. */
  toggle: (key: string) => void;
  /** Selects exactly these rows. */
  set: (keys: readonly string[], anchor: string | null) => void;
  clear: () => void;
}

const EMPTY: ReadonlySet<string> = new Set();

function range(orderedKeys: readonly string[], a: string, b: string): string[] | null {
  const from = orderedKeys.indexOf(a);
  const to = orderedKeys.indexOf(b);
  if (from < 0 || to < 0) return null;
  const [lo, hi] = from < to ? [from, to] : [to, from];
  return orderedKeys.slice(lo, hi + 1);
}

/** Click selects one row, ctrl/⌘-click toggles, shift-click selects a range; the keyboard uses the rest. */
export function useSelection(initial: readonly string[] = []): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => (initial.length ? new Set(initial) : EMPTY));
  const [anchor, setAnchor] = useState<string | null>(initial[0] ?? null);

  const toggle = (key: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
    setAnchor(key);
  };

  const click = (key: string, orderedKeys: readonly string[], mods: ClickModifiers) => {
    if (mods.range && anchor !== null) {
      const keys = range(orderedKeys, anchor, key);
      if (keys) {
        setSelected((prev) => (mods.toggle ? new Set([...prev, ...keys]) : new Set(keys)));
        return;
      }
    }
    if (mods.toggle) {
      toggle(key);
      return;
    }
    setSelected(new Set([key]));
    setAnchor(key);
  };

  const extendTo = (key: string, orderedKeys: readonly string[], from: string) => {
    const start = anchor ?? from;
    setSelected(new Set(range(orderedKeys, start, key) ?? [key]));
    setAnchor(start);
  };

  const set = (keys: readonly string[], nextAnchor: string | null) => {
    setSelected(keys.length ? new Set(keys) : EMPTY);
    setAnchor(nextAnchor);
  };

  const clear = () => {
    setSelected(EMPTY);
    setAnchor(null);
  };

  return { selected, anchor, click, extendTo, toggle, set, clear };
}
