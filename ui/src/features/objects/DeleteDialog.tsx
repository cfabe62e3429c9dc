import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { NameText } from "./NameText";
import { deleteTotals, type PendingDelete } from "./useDeleteObjects";

/** Folders listed by name in the question; more are summed up as "and N more". */
const FOLDERS_LISTED = 4;

interface Props {
  pending: PendingDelete;
  busy: boolean;
  onConfirm: () => void;
  onRecount: () => void;
  onCancel: () => void;
}

/**
 * The delete question (confirm-dialog): "Delete 3 objects?", or with folders, once they are
 * counted, "Delete 2 folders and 1 object: 1,204 objects, 3.2 GiB in all?" with each folder's
 * figures. A folder that changed after it was counted (or could not be counted) is said so here,
 * with "Count again".
 */
export function DeleteDialog({ pending: p, busy, onConfirm, onRecount, onCancel }: Props) {
  const { t, tn, locale } = useT();
  const folderName = (prefix: string) => <NameText name={prefix} />;
  const cancel = <p className="muted">{t("delete.body")}</p>;

  if (p.changed.length > 0) {
    return (
      <ConfirmDialog
        title={t("delete.changed.title")}
        message={
          <>
            <p className="confirm-question" data-testid="delete-changed">
              {tn("delete.changed", p.changed.length, { name: p.changed[0] })}
            </p>
            {p.changed.length > 1 && (
              <ul className="delete-folders">
                {p.changed.map((f) => (
                  <li key={f}>{folderName(f)}</li>
                ))}
              </ul>
            )}
            <p className="muted">{t("delete.changed.hint")}</p>
          </>
        }
        okLabel={t("delete.countAgain")}
        onConfirm={onRecount}
        onCancel={onCancel}
      />
    );
  }

  if (p.countError) {
    return (
      <ConfirmDialog
        title={t("delete.titleFolders")}
        message={
          <ErrorMessage
            error={p.countError}
            context={tn("delete.countFailed", p.folders.length, { name: p.folders[0] ?? "" })}
          />
        }
        okLabel={t("delete.countAgain")}
        onConfirm={onRecount}
        onCancel={onCancel}
      />
    );
  }

  const withFolders = p.folders.length > 0;
  let question;
  if (!p.summaries) {
    question = (
      <p className="confirm-question" data-testid="delete-counting">
        <Spinner label={tn("delete.counting", p.folders.length)} />
      </p>
    );
  } else if (!withFolders) {
    question = (
      <p className="confirm-question" data-testid="delete-question">
        {tn("delete.question", p.objects.length)}
      </p>
    );
  } else {
    const parts = [tn("delete.folders", p.folders.length)];
    if (p.objects.length > 0) parts.push(tn("delete.objects", p.objects.length));
    const what = parts.length === 2 ? t("delete.and", { a: parts[0], b: parts[1] }) : parts[0];
    const total = deleteTotals(p);
    // "3.2 GiB" stays on one line.
    const size = (bytes: number) => humanBytes(bytes, locale).replace(" ", "\u00a0");
    const summaries = p.summaries;
    question = (
      <>
        <p className="confirm-question" data-testid="delete-question">
          {t("delete.questionFolders", { what, objects: tn("delete.objects", total.objects), size: size(total.bytes) })}
        </p>
        <ul className="delete-folders" data-testid="delete-summary">
          {summaries.slice(0, FOLDERS_LISTED).map((s) => (
            <li key={s.prefix}>
              {folderName(s.prefix)}
              <span className="muted">
                {t("delete.folderFigures", { objects: tn("delete.objects", s.objects), size: size(s.bytes) })}
              </span>
            </li>
          ))}
          {summaries.length > FOLDERS_LISTED && (
            <li className="muted">{tn("delete.moreFolders", summaries.length - FOLDERS_LISTED)}</li>
          )}
        </ul>
      </>
    );
  }

  return (
    <ConfirmDialog
      title={withFolders ? t("delete.titleFolders") : t("delete.title")}
      message={
        <>
          {question}
          {cancel}
        </>
      }
      okLabel={busy ? t("delete.deleting") : t("common.delete")}
      danger
      busy={busy || !p.summaries}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
