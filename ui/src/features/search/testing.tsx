// Shared fixtures of the search page's tests: the backend is mocked (vi.mock("../../backend") in
// each test file); checkSearchQuery and printSearchQuery are answered by the dev fake's parser
// and printer, searches by what each test sets.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { expect, vi } from "vitest";
import { api, onSearchProgress, type SearchHit, type SearchPage as Page, type SearchProgress } from "../../backend";
import type { Locale } from "../../i18n";
import { fakeSearch } from "../../mock/fakeSearch";
import { renderWithProviders } from "../../test/render";
import { SearchPage } from "./SearchPage";

export function hit(key: string, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    bucket: "bkt",
    key,
    instance: null,
    size: 2048,
    lastModified: "2026-11-30T10:00:00Z",
    etag: '"abc"',
    contentType: null,
    storageClass: "STANDARD",
    customMetadata: {},
    ...extra,
  };
}

export function page(hits: SearchHit[], extra: Partial<Page> = {}): Page {
  return { hits, isTruncated: false, nextMarker: null, engine: "server", scanned: 0, headed: 0, limited: null, ...extra };
}

/** The fake's parser and printer; buckets bkt and other; progress events sent with `emit`. */
export function mockSearchBackend() {
  const fake = fakeSearch();
  vi.mocked(api.checkSearchQuery).mockImplementation((text) => fake.checkSearchQuery(text));
  vi.mocked(api.printSearchQuery).mockImplementation((q) => fake.printSearchQuery(q));
  vi.mocked(api.cancelSearch).mockResolvedValue(true);
  vi.mocked(api.listBuckets).mockResolvedValue([
    { name: "bkt", creationDate: null },
    { name: "other", creationDate: null },
  ]);
  const listeners = new Set<(p: SearchProgress) => void>();
  vi.mocked(onSearchProgress).mockImplementation(async (cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  });
  return { emit: (p: SearchProgress) => listeners.forEach((cb) => cb(p)) };
}

export function renderSearch(locale: Locale = "en", bucket = "bkt") {
  const onOpen = vi.fn();
  const onBucket = vi.fn();
  const result = renderWithProviders(<SearchPage profileId="p1" bucket={bucket} onBucket={onBucket} onOpen={onOpen} />, locale);
  return { onOpen, onBucket, ...result };
}

export const queryText = () => screen.getByTestId<HTMLInputElement>("search-query").value;

export function typeQuery(text: string) {
  fireEvent.change(screen.getByTestId("search-query"), { target: { value: text } });
}

/** Types a query and waits until it is checked valid. */
export async function validQuery(text: string) {
  typeQuery(text);
  await waitFor(() => expect(screen.getByTestId("search-valid")).toBeTruthy());
}

/** The builder's rows as `field op value [unit]` (the selects' values). */
export function rows(): string[] {
  return screen.getAllByTestId("search-row").map((row) => {
    const v = (id: string) => row.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${id}"]`)?.value;
    const meta = v("search-meta-name");
    const unit = v("search-unit");
    return [v("search-field") + (meta !== undefined ? `:${meta}` : ""), v("search-op"), v("search-value"), unit].filter((x) => x !== undefined).join(" ");
  });
}
