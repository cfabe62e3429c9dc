import { BackendError } from "../../../errors";
import { useT } from "../../../i18n";

/** The server has shown it does not know this sub-resource (Rust's UnsupportedByServer). */
export function isUnsupported(error: unknown): error is BackendError {
  return error instanceof BackendError && error.code === "UnsupportedByServer";
}

/** Shown instead of an editor the server does not support: the editor stays off, with the reason. */
export function UnsupportedNotice({ error }: { error: BackendError }) {
  const { t } = useT();
  return (
    <p className="notice" data-testid="config-unsupported">
      {t("config.unsupported", { detail: error.detail })}
    </p>
  );
}
