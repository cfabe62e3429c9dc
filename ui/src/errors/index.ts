export { BackendError, errorCode, toBackendError } from "./BackendError";
export { describeError, errorSentence, type ErrorDescription } from "./describeError";
export { ErrorMessage } from "./ErrorMessage";
export { CLIENT_ERROR_CODES, ERROR_SENTENCES, GENERIC_ERROR, KNOWN_ERROR_CODES, S3_ERROR_CODES } from "./messages";
