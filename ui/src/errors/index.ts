export { BackendError, errorCode, toBackendError } from "./BackendError";
export { describeError, errorSentence, type ErrorDescription } from "./describeError";
export { ErrorMessage } from "./ErrorMessage";
export { ERROR_SENTENCES, GENERIC_ERROR, isErrorCode } from "./messages";
