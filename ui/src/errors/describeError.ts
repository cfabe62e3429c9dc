import type { Locale } from "../i18n/locale";
import { toBackendError } from "./BackendError";
import { ERROR_SENTENCES, GENERIC_ERROR, type KnownErrorCode } from "./messages";

export interface ErrorDescription {
  /** A human sentence in the UI language. */
  sentence: string;
  code: string;
  status: number | null;
  requestId: string | null;
  /** English technical detail from the server or the validation. */
  detail: string;
}

function isKnown(code: string): code is KnownErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_SENTENCES, code);
}

/** The sentence for an AppError code in `locale`; a generic one for codes the table does not know. */
export function errorSentence(code: string, locale: Locale): string {
  return (isKnown(code) ? ERROR_SENTENCES[code] : GENERIC_ERROR)[locale];
}

export function describeError(error: unknown, locale: Locale): ErrorDescription {
  const e = toBackendError(error);
  return {
    sentence: errorSentence(e.code, locale),
    code: e.code,
    status: e.status,
    requestId: e.requestId,
    detail: e.detail,
  };
}
