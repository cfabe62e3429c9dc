// DEV ONLY: the fake backend's metadata search (fakeBackend.ts spreads these commands). A
// placeholder until the search UI lands: queries are not parsed, searches fail.
// Never part of the normal app.
import type { AppError, BackendCommands, Result } from "../backend";

type Commands = Pick<BackendCommands, "checkSearchQuery" | "printSearchQuery" | "searchObjects">;

const fail = (detail: string): Result<never, AppError> => ({
  status: "error",
  error: { code: "NotImplemented", serverCode: null, status: null, requestId: null, detail },
});

export function fakeSearch(): Commands {
  return {
    async checkSearchQuery() {
      return { query: null, canonical: null, problem: null };
    },
    async printSearchQuery() {
      return "";
    },
    async searchObjects() {
      return fail("the fake backend does not search yet");
    },
  };
}
