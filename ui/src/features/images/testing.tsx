// Shared fixtures of the image panel's tests: the backend is mocked (vi.mock("../../backend") in
// each test file); checkImagePipeline and printImagePipeline are answered by the dev fake's
// parser, renders by what each test sets.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, vi } from "vitest";
import { api, imageSrc, thumbSrc, type RenderedFacts, type RenderedView } from "../../backend";
import type { Locale } from "../../i18n";
import { fakeImages } from "../../mock/fakeImages";
import { renderWithProviders } from "../../test/render";
import { ImageProcessPanel } from "./ImageProcessPanel";
import type { StepKind } from "./model";

export const IMAGE = { bucket: "bkt", key: "photos/cat.jpg", versionId: null };

export function view(facts: Partial<RenderedFacts> = {}, text: string | null = null): RenderedView {
  return {
    facts: { contentType: "image/jpeg", format: "jpg", width: 300, height: 150, size: 20_480, engine: "local", fallback: null, notes: [], ...facts },
    path: `data:image/svg+xml,${facts.width ?? 300}x${facts.height ?? 150}`,
    text,
  };
}

/** The parser and printer of the dev fake, the URL helpers as identities, a 1000×500 original. */
export function mockImageBackend() {
  const fake = fakeImages();
  vi.mocked(api.checkImagePipeline).mockImplementation((text) => fake.checkImagePipeline(text));
  vi.mocked(api.printImagePipeline).mockImplementation((p) => fake.printImagePipeline(p));
  vi.mocked(imageSrc).mockImplementation((path) => path);
  vi.mocked(thumbSrc).mockImplementation((profileId, image, etag) => `thumb:${profileId}/${image.bucket}/${image.key}@${etag}`);
  vi.mocked(api.imageOriginal).mockResolvedValue(view({ width: 1000, height: 500, size: 245_760, engine: "server" }));
  vi.mocked(api.renderImage).mockResolvedValue(view());
  vi.mocked(api.listBuckets).mockResolvedValue([
    { name: "bkt", creationDate: null },
    { name: "other", creationDate: null },
  ]);
}

export function renderPanel(locale: Locale = "en") {
  const onClose = vi.fn();
  const result = renderWithProviders(<ImageProcessPanel profileId="p1" bucket="bkt" objectKey={IMAGE.key} onClose={onClose} />, locale);
  return { onClose, ...result };
}

/** Opens "Add step" from the keyboard and picks `kind`. */
export async function addStep(kind: StepKind) {
  const user = userEvent.setup();
  screen.getByTestId("image-add-step").focus();
  await user.keyboard("{Enter}");
  const menu = await screen.findByRole("menu");
  await user.click(within(menu).getByTestId(`image-add-${kind}`));
  await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
}

export const pipelineText = () => screen.getByTestId<HTMLTextAreaElement>("image-pipeline").value;
