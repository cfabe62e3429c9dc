import * as RadixTabs from "@radix-ui/react-tabs";
import { useEffect, useRef, type ReactNode } from "react";
import "./tabs.css";

export interface TabItem<V extends string> {
  value: V;
  label: string;
  testId?: string;
}

interface Props<V extends string> {
  /** What the tabs are about, for screen readers. */
  label: string;
  items: readonly TabItem<V>[];
  value: V;
  onChange: (value: V) => void;
  /** The content of the current tab. */
  children: ReactNode;
}

/** Marks which ends of a scrolled tab list hide tabs (the CSS fades them). */
function markOverflow(list: HTMLElement) {
  const hiddenStart = list.scrollLeft > 1;
  const hiddenEnd = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
  list.dataset.overflow = hiddenStart && hiddenEnd ? "both" : hiddenStart ? "start" : hiddenEnd ? "end" : "none";
}

/** Scrolls the tab list (only it, never the page) so that the current tab shows whole. */
function revealActive(list: HTMLElement) {
  const active = list.querySelector<HTMLElement>('[role="tab"][data-state="active"]');
  if (!active) return;
  const margin = 24;
  const start = active.offsetLeft;
  const end = start + active.offsetWidth;
  if (start - margin < list.scrollLeft) list.scrollLeft = Math.max(0, start - margin);
  else if (end + margin > list.scrollLeft + list.clientWidth) list.scrollLeft = end + margin - list.clientWidth;
  markOverflow(list);
}

/**
 * Tabs (Radix Tabs: arrow keys move between tabs, the panel is labelled by its tab). Controlled:
 * the current tab usually comes from the route, and onChange navigates. When the tabs do not fit
 * the width, the list scrolls sideways (the hidden end fades) and keeps the current tab in view.
 */
export function Tabs<V extends string>({ label, items, value, onChange, children }: Props<V>) {
  const change = (next: string) => {
    const item = items.find((i) => i.value === next);
    if (item) onChange(item.value);
  };
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (list.current) revealActive(list.current);
  }, [value]);
  useEffect(() => {
    const el = list.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => revealActive(el));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <RadixTabs.Root className="tabs" value={value} onValueChange={change}>
      <RadixTabs.List
        ref={list}
        className="tab-list"
        aria-label={label}
        onScroll={(e) => markOverflow(e.currentTarget)}
      >
        {items.map((i) => (
          <RadixTabs.Trigger key={i.value} value={i.value} className="tab" data-testid={i.testId}>
            {i.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value} className="tab-panel">
        {children}
      </RadixTabs.Content>
    </RadixTabs.Root>
  );
}
