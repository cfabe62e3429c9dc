// DEV ONLY: the fake backend's customer keys (SSE-C) (fakeBackend.ts spreads these commands).
// In the fake, an object whose key contains "ssec" is encrypted with the demo key below; the
// fake's HEAD may ask `fakeCustomerKeyRefusal` whether to answer EncryptedWithCustomerKey.
// The key check here is a fixture, not the rule: Rust has the only one (zos_core::ssec).
import type { AppError, BackendCommands, CustomerKeyScope, Result } from "../backend";

type Commands = Pick<BackendCommands, "setCustomerKey" | "forgetCustomerKey" | "hasCustomerKey">;

/** 32 bytes of 0x01, in base64: the key of every "ssec" object of the fake. */
export const FAKE_CUSTOMER_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

const objectKeys = new Set<string>();
const bucketKeys = new Set<string>();
const id = (profileId: string, bucket: string, key = "") => `${profileId}\n${bucket}\n${key}`;

const err = (code: AppError["code"], detail: string, status: number | null = 400): Result<never, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: null, detail },
});

export function fakeIsEncrypted(key: string): boolean {
  return key.includes("ssec");
}

function hasKey(profileId: string, bucket: string, key: string): boolean {
  return objectKeys.has(id(profileId, bucket, key)) || bucketKeys.has(id(profileId, bucket));
}

/** What the fake's HEAD/GET of `key` answers when its key is not entered (null: it reads). */
export function fakeCustomerKeyRefusal(profileId: string, bucket: string, key: string): AppError | null {
  if (!fakeIsEncrypted(key) || hasKey(profileId, bucket, key)) return null;
  return {
    code: "EncryptedWithCustomerKey",
    serverCode: null,
    status: 400,
    requestId: null,
    detail: "this object is encrypted with a customer key (SSE-C)",
  };
}

export function fakeCustomerKeys(): Commands {
  return {
    async setCustomerKey(profileId, bucket, key, _versionId, keyText, scope: CustomerKeyScope) {
      const text = keyText.trim();
      if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) {
        return err("InvalidInput", "a customer key (SSE-C) is 32 bytes, given in base64 (44 characters)", null);
      }
      if (!fakeIsEncrypted(key)) return err("InvalidInput", `${key} is not encrypted with a customer key (SSE-C): no key was kept`, null);
      if (text !== FAKE_CUSTOMER_KEY) {
        return err("CustomerKeyMismatch", "the customer key (SSE-C) sent does not match this object's");
      }
      if (scope === "bucket") bucketKeys.add(id(profileId, bucket));
      else objectKeys.add(id(profileId, bucket, key));
      return { status: "ok", data: null };
    },
    async forgetCustomerKey(profileId, bucket, key) {
      objectKeys.delete(id(profileId, bucket, key));
      bucketKeys.delete(id(profileId, bucket));
    },
    async hasCustomerKey(profileId, bucket, key) {
      return hasKey(profileId, bucket, key);
    },
  };
}
