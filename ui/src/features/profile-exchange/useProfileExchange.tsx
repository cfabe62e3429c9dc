import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { api, type ImportCandidate, type Profile } from "../../backend";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { AwsImportDialog } from "./AwsImportDialog";
import { ExportProfilesDialog } from "./ExportProfilesDialog";
import { ImportProfilesDialog } from "./ImportProfilesDialog";

type Open =
  | { kind: "none" }
  | { kind: "export" }
  | { kind: "import"; candidates: ImportCandidate[] }
  | { kind: "unreadable"; error: unknown }
  | { kind: "aws" };

/**
 * Export, import of a profiles file, and import from ~/.aws: the actions (for a menu or buttons)
 * and the dialogs they open. "Import profiles…" first lets Rust's native dialog pick the file; a
 * cancelled pick opens nothing.
 */
export function useProfileExchange(profiles: Profile[]): {
  startExport: () => void;
  startImport: () => void;
  startAwsImport: () => void;
  reading: boolean;
  dialogs: ReactNode;
} {
  const { t } = useT();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const close = () => setOpen({ kind: "none" });
  const read = useMutation({
    mutationFn: () => api.readProfilesFile(),
    onSuccess: (candidates) => candidates.length > 0 && setOpen({ kind: "import", candidates }),
    onError: (error) => setOpen({ kind: "unreadable", error }),
  });

  let dialogs: ReactNode = null;
  if (open.kind === "export") dialogs = <ExportProfilesDialog profiles={profiles} onClose={close} />;
  else if (open.kind === "import") dialogs = <ImportProfilesDialog candidates={open.candidates} existing={profiles} onClose={close} />;
  else if (open.kind === "aws") dialogs = <AwsImportDialog existing={profiles} onClose={close} />;
  else if (open.kind === "unreadable")
    dialogs = (
      <Modal
        title={t("exchange.import.title")}
        onClose={close}
        testId="import-profiles-dialog"
        size="narrow"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={close} data-testid="import-close">
              {t("common.close")}
            </button>
          </>
        }
      >
        <ErrorMessage error={open.error} context={t("exchange.import.unreadable")} />
      </Modal>
    );

  return {
    startExport: () => setOpen({ kind: "export" }),
    startImport: () => !read.isPending && read.mutate(),
    startAwsImport: () => setOpen({ kind: "aws" }),
    reading: read.isPending,
    dialogs,
  };
}
