import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { checkNewName, nameOf, renamedKey } from "./copyMove";
import { NameText } from "./NameText";
import type { Row } from "./rows";

interface Props {
  row: Row;
  /** Keys of the rows listed beside it: a name taken there is pointed out (the transfer asks). */
  siblings: readonly string[];
  /** Starts the move; rejects with what Rust refused (shown here). */
  onRename: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Rename one object or folder: its name (not the whole key) is edited; the new name must not be
 * empty, hold a "/" or be the old one. S3 has no rename: it is a copy then a delete (a move).
 */
export function RenameDialog({ row, siblings, onRename, onClose }: Props) {
  const { t } = useT();
  const ids = useId();
  const oldName = nameOf(row);
  const [name, setName] = useState(oldName);
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const folder = row.kind === "folder";

  const problem = checkNewName(oldName, name);
  const newKey = renamedKey(row, name);
  const taken = problem === null && siblings.includes(newKey);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setEdited(true);
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onRename(name);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  let nameError: ReactNode = null;
  // "Same" is not an error until the user has typed: the dialog opens with the old name.
  if (problem === "empty" || problem === "slash" || (problem === "same" && edited)) nameError = t(`rename.${problem}`);

  return (
    <Modal
      title={folder ? t("rename.titleFolder") : t("rename.title")}
      onClose={onClose}
      testId="rename-dialog"
      size="narrow"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="rename-submit" disabled={problem !== null || busy}>
            {busy ? t("rename.renaming") : t("rename.ok")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="muted rename-old">
          {folder ? t("rename.oldFolder") : t("rename.old")} <NameText name={oldName} className="mono" />
        </p>
        <Field
          label={t("rename.name")}
          htmlFor={`${ids}-name`}
          error={nameError}
          errorTestId="rename-name-error"
          hint={
            <>
              {t("rename.newKey")} <NameText name={newKey} className="mono" />
            </>
          }
        >
          <input
            id={`${ids}-name`}
            data-testid="rename-name"
            className="mono"
            value={name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            onFocus={(e) => {
              // The name without its extension is selected, ready to be typed over.
              const dot = folder ? -1 : e.target.value.lastIndexOf(".");
              e.target.setSelectionRange(0, dot > 0 ? dot : e.target.value.length);
            }}
            onChange={(e) => {
              setName(e.target.value);
              setEdited(true);
              setError(null);
            }}
          />
        </Field>
        {taken && (
          <p className="rename-note warn" data-testid="rename-exists">
            <Icon name="warning" size={16} />
            <span>{t(folder ? "rename.existsFolder" : "rename.exists", { name })}</span>
          </p>
        )}
        <p className="rename-note" data-testid="rename-note">
          {t(folder ? "rename.noteFolder" : "rename.note")}
        </p>
        {error !== null && <ErrorMessage error={error} context={t("transferNotice.renameFailed", { name: oldName })} />}
      </form>
    </Modal>
  );
}
