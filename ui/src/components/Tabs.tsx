import * as RadixTabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";
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

/**
 * Tabs (Radix Tabs: arrow keys move between tabs, the panel is labelled by its tab). Controlled:
 * the current tab usually comes from the route, and onChange navigates. Tabs that do not fit the
 * width wrap onto another row (see tabs.css for why they do not scroll).
 */
export function Tabs<V extends string>({ label, items, value, onChange, children }: Props<V>) {
  const change = (next: string) => {
    const item = items.find((i) => i.value === next);
    if (item) onChange(item.value);
  };
  return (
    <RadixTabs.Root className="tabs" value={value} onValueChange={change}>
      <RadixTabs.List className="tab-list" aria-label={label}>
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
