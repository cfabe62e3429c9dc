// DEV ONLY: the fake backend's image processing (fakeBackend.ts spreads these commands). A
// placeholder until the image panel lands: pipelines are refused, nothing renders.
// Never part of the normal app.
import type { AppError, BackendCommands, Result } from "../backend";

type Commands = Pick<
  BackendCommands,
  "checkImagePipeline" | "printImagePipeline" | "imageOriginal" | "renderImage" | "imageUrl" | "saveImage"
>;

const fail = (detail: string): Result<never, AppError> => ({
  status: "error",
  error: { code: "NotImplemented", serverCode: null, status: null, requestId: null, detail },
});

export function fakeImages(): Commands {
  return {
    async checkImagePipeline() {
      return { pipeline: null, canonical: null, problem: null };
    },
    async printImagePipeline() {
      return "";
    },
    async imageOriginal() {
      return fail("the fake backend renders no images yet");
    },
    async renderImage() {
      return fail("the fake backend renders no images yet");
    },
    async imageUrl() {
      return fail("the fake backend signs no URLs yet");
    },
    async saveImage() {
      return fail("the fake backend saves no images yet");
    },
  };
}
