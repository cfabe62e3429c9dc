import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { api } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage, errorCode, toBackendError } from "../../errors";
import { useT } from "../../i18n";
import { useDebounced } from "../../lib/useDebounced";
import { lastSegment, parentPrefix, splitKey } from "../../lib/path";
import { queryKeys } from "../../lib/queryKeys";
import { useBuckets } from "../buckets/queries";
import { checkTarget } from "./copyMove";
import { NameText } from "./NameText";
import type { Row } from "./rows";

interface Props {
  profileId: string;
  /** Where the rows are shown (and are taken from). */
  bucket: string;
  prefix: string;
  rows: readonly Row[];
  /** Starts the transfer; rejects with what Rust refused (shown here). */
  onStart: (to: { bucket: string; prefix: string }, move: boolean) => Promise<unknown>;
  onClose: () => void;
}

/** Folders shown in the browse list (the first page of the listing). */
const BROWSE_PAGE = 1000;

/**
 * "Copy or move to…": a bucket of the profile and a folder in it (typed, with the current one
 * prefilled, or picked one level at a time from the list below), then Copy or Move. The
 * destination is checked as it is typed; the engine keeps the structure below the shown folder.
 */
export function CopyMoveDialog({ profileId, bucket, prefix, rows, onStart, onClose }: Props) {
  const { t, tn } = useT();
  const ids = useId();
  const buckets = useBuckets(profileId);
  const [toBucket, setToBucket] = useState(bucket);
  const [folder, setFolder] = useState(prefix);
  const [busy, setBusy] = useState<"copy" | "move" | null>(null);
  /** What Rust (or the server) said when the last Copy or Move could not start. */
  const [failure, setFailure] = useState<{ error: unknown; move: boolean } | null>(null);

  const folders = rows.filter((r) => r.kind === "folder").map((r) => r.key);
  const problem = checkTarget({ bucket, prefix }, folders, { bucket: toBucket, prefix: folder });
  const what = rows.length === 1 ? rows[0].name : tn("transferNotice.items", rows.length);

  const change = (next: { bucket?: string; folder?: string }) => {
    if (next.bucket !== undefined) setToBucket(next.bucket);
    if (next.folder !== undefined) setFolder(next.folder);
    setFailure(null);
  };

  const start = async (move: boolean) => {
    if (problem || busy) return;
    setBusy(move ? "move" : "copy");
    setFailure(null);
    try {
      await onStart({ bucket: toBucket, prefix: folder }, move);
      onClose();
    } catch (error) {
      setFailure({ error, move });
      setBusy(null);
    }
  };

  const refusal = failure && errorCode(failure.error) === "InvalidInput" ? toBackendError(failure.error) : null;
  let folderError: ReactNode = null;
  let folderHint: ReactNode = t("copy.folderHint");
  if (problem?.kind === "notFolder") folderError = t("copy.notFolder");
  else if (problem?.kind === "intoItself") folderError = t("copy.intoItself", { folder: problem.folder });
  else if (problem?.kind === "samePlace") folderHint = <span className="hint-warn">{t("copy.samePlace")}</span>;
  else if (refusal) {
    folderError = (
      <>
        {t("copy.refused")}{" "}
        <span lang="en" className="field-detail-inline">
          {refusal.detail}
        </span>
      </>
    );
  }

  const bucketNames = buckets.data?.map((b) => b.name) ?? [bucket];
  if (!bucketNames.includes(bucket)) bucketNames.unshift(bucket);

  return (
    <Modal
      title={rows.length === 1 ? t("copy.titleOne", { name: rows[0].name }) : t("copy.title", { what })}
      onClose={onClose}
      testId="copy-move-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="copy-move-copy" disabled={!!problem || busy !== null}>
            <Icon name="copy" size={16} />
            {busy === "copy" ? t("copy.copying") : t("copy.copy")}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="copy-move-move"
            disabled={!!problem || busy !== null}
            onClick={() => void start(true)}
          >
            <Icon name="move" size={16} />
            {busy === "move" ? t("copy.moving") : t("copy.move")}
          </button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        className="form copy-move-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void start(false);
        }}
      >
        <p className="muted copy-move-from">
          {t("copy.from")} <NameText name={`${bucket}/${prefix}`} className="mono" />
        </p>
        <div className="form-row">
          <div className="copy-move-bucket">
            <Field label={t("copy.bucket")} htmlFor={`${ids}-bucket`}>
              <select id={`${ids}-bucket`} data-testid="copy-move-bucket" value={toBucket} onChange={(e) => change({ bucket: e.target.value })}>
                {bucketNames.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            label={t("copy.folder")}
            htmlFor={`${ids}-folder`}
            hint={folderHint}
            error={folderError}
            errorTestId="copy-move-folder-error"
          >
            <input
              id={`${ids}-folder`}
              data-testid="copy-move-folder"
              className="mono"
              value={folder}
              placeholder={t("copy.folderPlaceholder")}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={folderError ? true : undefined}
              onChange={(e) => change({ folder: e.target.value })}
            />
          </Field>
        </div>
        <FolderBrowser profileId={profileId} bucket={toBucket} typed={folder} onPick={(f) => change({ folder: f })} />
        {failure && !refusal && (
          <ErrorMessage error={failure.error} context={t(failure.move ? "transferNotice.moveFailed" : "transferNotice.copyFailed", { name: what })} />
        )}
      </form>
    </Modal>
  );
}

/**
 * The folders of one level of the chosen bucket: the level of what is typed (its part up to the
 * last "/"), those starting with the rest. A click puts a folder in the field and opens it.
 */
function FolderBrowser({ profileId, bucket, typed, onPick }: { profileId: string; bucket: string; typed: string; onPick: (folder: string) => void }) {
  const { t } = useT();
  const { parent, name } = splitKey(useDebounced(typed, 200));
  const list = useQuery({
    queryKey: queryKeys.folderPicker(profileId, bucket, parent),
    queryFn: () => api.listObjects(profileId, bucket, parent, null, BROWSE_PAGE),
    staleTime: 30_000,
  });
  const shown = (list.data?.folders ?? []).filter((f) => lastSegment(f).startsWith(name));

  let body: ReactNode;
  if (list.isPending) body = <Spinner label={t("common.loading")} />;
  else if (list.error) body = <ErrorMessage error={list.error} />;
  else if (shown.length === 0) body = <p className="muted copy-move-none">{t("copy.noFolders")}</p>;
  else {
    body = (
      <ul className="copy-move-folders">
        {shown.map((f) => (
          <li key={f}>
            <button type="button" className="copy-move-folder" data-testid={`copy-move-folder-${f}`} onClick={() => onPick(f)}>
              <Icon name="folder" size={16} className="row-icon folder" />
              <NameText name={lastSegment(f)} maxUnits={60} />
            </button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="copy-move-browse" data-testid="copy-move-browse" aria-label={t("copy.browse")}>
      <div className="copy-move-browse-head">
        <button
          type="button"
          className="icon-button"
          data-testid="copy-move-up"
          aria-label={t("path.up")}
          title={t("path.up")}
          disabled={parent === ""}
          onClick={() => onPick(parentPrefix(parent))}
        >
          <Icon name="up" size={16} />
        </button>
        <NameText name={`${bucket}/${parent}`} className="mono copy-move-where" />
      </div>
      {body}
      {list.data?.nextToken && <p className="field-hint">{t("copy.moreFolders")}</p>}
    </section>
  );
}
