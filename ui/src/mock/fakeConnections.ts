// DEV ONLY: stand-ins for bookmarks and profile import/export (issue 13's commands), so the mock
// backend keeps every command; they keep bookmarks in memory and import nothing.
import type { AppError, BackendCommands, Result } from "../backend";

type Bookmark = Awaited<ReturnType<BackendCommands["addBookmark"]>> extends Result<infer B, AppError> ? B : never;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });

type ConnectionCommands = Pick<
  BackendCommands,
  | "exportProfiles"
  | "readProfilesFile"
  | "importProfile"
  | "listAwsProfiles"
  | "importAwsProfiles"
  | "listBookmarks"
  | "addBookmark"
  | "removeBookmark"
>;

export function fakeConnections(): ConnectionCommands {
  const bookmarks = new Map<string, Bookmark[]>();
  return {
    exportProfiles: async () => ok(false),
    readProfilesFile: async () => ok([]),
    importProfile: async () => ({ status: "error", error: { code: "InvalidInput", status: null, requestId: null, detail: "not in the mock backend" } as AppError }),
    listAwsProfiles: async () => ok([]),
    importAwsProfiles: async () => ok([]),
    listBookmarks: async (profileId) => ok(bookmarks.get(profileId) ?? []),
    addBookmark: async (profileId, bucket, prefix) => {
      const mark = { bucket, prefix } as Bookmark;
      bookmarks.set(profileId, [...(bookmarks.get(profileId) ?? []), mark]);
      return ok(mark);
    },
    removeBookmark: async (profileId, mark) => {
      bookmarks.set(profileId, (bookmarks.get(profileId) ?? []).filter((b) => b.bucket !== mark.bucket || b.prefix !== mark.prefix));
      return ok(true);
    },
  };
}
