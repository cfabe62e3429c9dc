// DEV ONLY: the fake backend's sharing links (fakeBackend.ts spreads these commands): made-up
// URLs of the right shape, no signature. Never part of the normal app.
import type { AppError, BackendCommands, Result } from "../backend";

type Commands = Pick<BackendCommands, "shareGetLink" | "sharePutLink" | "sharePostForm">;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fake = (path: string, expires: number) =>
  `https://zos.example.com/${path.split("/").map(encodeURIComponent).join("/")}?X-Amz-Expires=${expires}&X-Amz-Signature=fake`;

export function fakeSharing(): Commands {
  return {
    async shareGetLink(_profileId, target, expiresInSecs) {
      return ok(fake(`${target.bucket}/${target.key}`, expiresInSecs));
    },
    async sharePutLink(_profileId, bucket, key, expiresInSecs, contentType) {
      const url = fake(`${bucket}/${key}`, expiresInSecs);
      const headers: [string, string][] = contentType ? [["content-type", contentType]] : [];
      return ok({ url, method: "PUT", headers, curl: `curl -X PUT -T '<path>' '${url}'` });
    },
    async sharePostForm(_profileId, request) {
      const url = `https://zos.example.com/${request.bucket}`;
      const key = "exact" in request.key ? request.key.exact : `${request.key.startsWith}\${filename}`;
      const fields: [string, string][] = [
        ["key", key],
        ["x-amz-algorithm", "AWS4-HMAC-SHA256"],
        ["policy", "ZmFrZQ=="],
        ["x-amz-signature", "fake"],
      ];
      const curl = `curl ${fields.map(([k, v]) => `--form-string '${k}=${v}'`).join(" ")} -F 'file=@<path>' '${url}'`;
      const html = `<form method="post" action="${url}" enctype="multipart/form-data"></form>`;
      return ok({ url, fields, curl, html });
    },
  };
}
