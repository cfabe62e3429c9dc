// Shared fixtures of the object browser's tests.
import { vi } from "vitest";
import type { ObjectEntry, ObjectPage } from "../../backend";
import type { Locale } from "../../i18n";
import { renderWithProviders } from "../../test/render";
import { ObjectBrowser } from "./ObjectBrowser";

export const obj = (key: string, size = 1024): ObjectEntry => ({
  key,
  size,
  lastModified: Date.UTC(2025, 2, 4, 14, 5),
  storageClass: "STANDARD",
  etag: '"d41d8cd98f00b204e9800998ecf8427e"',
});

export function page(prefix: string, folders: string[], objects: ObjectEntry[], nextToken: string | null = null): ObjectPage {
  return { bucket: "bkt", prefix, folders, objects, nextToken };
}

export function renderBrowser(
  prefix = "",
  { locale = "en" as Locale, initialSelect = undefined as string | undefined, endpoint = null as string | null } = {},
) {
  const onNavigate = vi.fn();
  const onGo = vi.fn();
  const result = renderWithProviders(
    <ObjectBrowser
      profileId="p1"
      bucket="bkt"
      prefix={prefix}
      initialSelect={initialSelect}
      endpoint={endpoint}
      onNavigate={onNavigate}
      onGo={onGo}
    />,
    locale,
  );
  return { onNavigate, onGo, ...result };
}

/** The test id of the focus row (the keyboard cursor), or null. */
export function focusedRow(): string | null {
  return document.querySelector(".object-row.focused")?.getAttribute("data-testid")?.replace(/^object-row-/, "") ?? null;
}

/** The keys of the selected rows, in table order. */
export function selectedKeys(): string[] {
  return [...document.querySelectorAll('[role="row"][aria-selected="true"]')].map((r) =>
    (r.getAttribute("data-testid") ?? "").replace(/^object-row-/, ""),
  );
}

/**
 * The row of a key, matched exactly (Testing Library's *ByTestId collapse runs of spaces in the
 * attribute, so "a  b" would not be told from "a b").
 */
export function rowOf(key: string): HTMLElement {
  const row = [...document.querySelectorAll<HTMLElement>('[role="row"]')].find((r) => r.dataset.testid === `object-row-${key}`);
  if (!row) throw new Error(`no row for ${JSON.stringify(key)}`);
  return row;
}

/** The name cell's text of one row, exactly (spaces included). */
export function nameOf(key: string): string {
  return rowOf(key).querySelector(".name-text")?.textContent ?? "";
}
