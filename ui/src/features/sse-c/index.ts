// Objects encrypted with a customer key (SSE-C): the prompt that unlocks them.
export { CustomerKeyPrompt, ForgetCustomerKeyButton, hasKeyQuery } from "./CustomerKeyPrompt";

import type { ErrorCode } from "../../backend";

/** The error codes of a read that the prompt answers (show it in place of, or under, the error). */
export function needsCustomerKey(code: ErrorCode | string | null | undefined): boolean {
  return code === "EncryptedWithCustomerKey" || code === "CustomerKeyMismatch";
}
