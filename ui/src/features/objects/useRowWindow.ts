import { useEffect, useState, type RefObject } from "react";

/** Viewport height assumed before the element is laid out (and in tests, which have no layout). */
export const FALLBACK_VIEWPORT_PX = 800;

export interface RowWindow {
  /** First row to render. */
  first: number;
  /** One past the last row to render. */
  end: number;
  /** Height of all rows, for the scroll area. */
  totalHeight: number;
  /** The scroll position the window is for (after a reset: where the element must be put). */
  scrollTop: number;
}

/**
 * A new list in the same element (another filter): when `key` changes, the window goes back to
 * the top, or to where row `index` shows at the bottom, in the same render: the rows for it are
 * drawn in the frame of the change (the caller sets the element's scrollTop to `scrollTop`).
 */
export interface RowWindowReset {
  key: string;
  index: number;
}

/**
 * Which rows of a fixed-height list are in view, plus `overscan` rows on each side.
 *
 * O(1) per scroll event and per change of `count`. A general virtualizer (TanStack Virtual,
 * used before) re-measures every row whenever the count changes: loading 100,000 rows in 100
 * pages made about five million short-lived measurement objects, and the WebKit heap kept the
 * high-water mark (bench/run.sh: PSS growth above the 100 MiB goal).
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  offsetTop: number,
  overscan: number,
  reset?: RowWindowReset,
): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  const [resetKey, setResetKey] = useState(reset?.key);
  if (reset && reset.key !== resetKey) {
    // Derived state (React re-renders at once, before committing): no second pass after a paint.
    setResetKey(reset.key);
    const height = view.height || FALLBACK_VIEWPORT_PX;
    const scrollTop = reset.index < 0 ? 0 : Math.max(0, offsetTop + (reset.index + 1) * rowHeight - height);
    if (scrollTop !== view.scrollTop) setView({ scrollTop, height: view.height });
  }

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setView((v) =>
        v.scrollTop === el.scrollTop && v.height === el.clientHeight
          ? v
          : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    read();
    el.addEventListener("scroll", read, { passive: true });
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(read);
    resize?.observe(el);
    return () => {
      el.removeEventListener("scroll", read);
      resize?.disconnect();
    };
  }, [scrollRef]);

  const height = view.height || FALLBACK_VIEWPORT_PX;
  // Fewer rows than the last scroll position reaches (a filter, a refresh): the browser clamps
  // scrollTop to the new end; the window follows at once instead of a frame later.
  const maxScroll = Math.max(0, offsetTop + count * rowHeight - height);
  const top = Math.max(0, Math.min(view.scrollTop, maxScroll) - offsetTop);
  const first = Math.min(count, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, end, totalHeight: count * rowHeight, scrollTop: view.scrollTop };
}
