// DEV ONLY: bookmarks and profile import/export (issue 13's commands) for the mock backend. The
// bookmarks live in memory; "Open bucket…" is refused for a bucket the profile does not have, as
// the server would (NoSuchBucket). The profiles file and ~/.aws are fixtures (no native dialog in
// a plain browser); an import adds a profile to the fake's list.
import type { AppError, AwsProfile, BackendCommands, Bookmark, ImportCandidate, Profile, Result } from "../backend";

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

interface Deps {
  bucketExists: (profileId: string, bucket: string) => boolean;
  /** Keeps an imported profile in the fake's list. */
  addProfile: (profile: Profile) => void;
}

/** What the "chosen file" holds: one profile that imports, one the form's rule refuses. */
const FILE: ImportCandidate[] = [
  {
    profile: { name: "Team ZOS", endpoint: "https://zos-team.example.com", region: "default", pathStyle: true, accessKeyId: "AKIATEAMEXAMPLE01" },
    problems: [],
    ca: null,
  },
  {
    profile: { name: "Old gateway", endpoint: "zos-old.example.com/s3", region: "default", pathStyle: true, accessKeyId: "AKIAOLDEXAMPLE002" },
    problems: [{ field: "endpoint", reason: "EndpointNotUrl", part: null, detail: "relative URL without a base" }],
    ca: null,
  },
];

const AWS: AwsProfile[] = [
  { name: "default", accessKeyId: "AKIAAWSDEFAULT0001", hasSecret: true, region: "us-east-1", endpoint: null, pathStyle: null },
  { name: "zos", accessKeyId: "AKIAAWSZOS00000002", hasSecret: true, region: "default", endpoint: "https://zos-aws.example.com", pathStyle: true },
];

export function fakeConnections({ bucketExists, addProfile }: Deps): ConnectionCommands {
  const bookmarks = new Map<string, Bookmark[]>();
  let imported = 0;
  const newProfile = (p: Omit<Profile, "id">): Profile => {
    const saved = { ...p, id: `p-imported-${++imported}` };
    addProfile(saved);
    return saved;
  };
  return {
    exportProfiles: async () => ok(true),
    readProfilesFile: async () => ok(FILE),
    importProfile: async (p) =>
      ok(newProfile({ name: p.name, endpoint: p.endpoint, region: p.region ?? "default", pathStyle: p.pathStyle ?? true, accessKeyId: p.accessKeyId })),
    listAwsProfiles: async () => ok(AWS),
    importAwsProfiles: async (choices) =>
      ok(
        choices.map((c) =>
          newProfile({
            name: c.name,
            endpoint: c.endpoint,
            region: c.region,
            pathStyle: c.pathStyle,
            accessKeyId: AWS.find((a) => a.name === c.awsProfile)?.accessKeyId ?? "",
          }),
        ),
      ),
    listBookmarks: async (profileId) => ok(bookmarks.get(profileId) ?? []),
    addBookmark: async (profileId, bucket, prefix) => {
      if (!bucketExists(profileId, bucket)) {
        return {
          status: "error",
          error: { code: "NoSuchBucket", serverCode: null, status: 404, requestId: "tx0000fake-bookmark", detail: `The specified bucket does not exist: ${bucket}` },
        };
      }
      const mark: Bookmark = { bucket, prefix };
      const list = bookmarks.get(profileId) ?? [];
      if (!list.some((b) => b.bucket === bucket && b.prefix === prefix)) bookmarks.set(profileId, [...list, mark]);
      return ok(mark);
    },
    removeBookmark: async (profileId, mark) => {
      const list = bookmarks.get(profileId) ?? [];
      const kept = list.filter((b) => b.bucket !== mark.bucket || (b.prefix ?? "") !== (mark.prefix ?? ""));
      bookmarks.set(profileId, kept);
      return ok(kept.length !== list.length);
    },
  };
}
