import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { api, type ObjectDetails, type ObjectPage, type Problem } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { BackendError, ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useBucketVersioning } from "../bucket-settings/queries";
import { detailsKeys } from "./DetailsSections";
import {
  CONTENT_TYPES,
  editBlocker,
  editFromForm,
  formFromDetails,
  makesNewVersion,
  newRow,
  OTHER_CLASS,
  showProblems,
  STORAGE_CLASSES,
  type FormField,
  type MetadataForm,
  type ShownProblem,
} from "./metadataForm";
import "./details.css";

interface Props {
  profileId: string;
  bucket: string;
  /** The details the user is looking at: the save is refused if the object changed since. */
  details: ObjectDetails;
  onClose: () => void;
  /** After a save, with the details read back. */
  onSaved?: (details: ObjectDetails) => void;
}

type TextField = Exclude<FormField, "storageClass" | "metadata">;

/** The page with the saved object's row brought up to date (last modified, class, ETag). */
function patchRow(page: ObjectPage, saved: ObjectDetails): ObjectPage {
  if (!page.objects.some((o) => o.key === saved.key)) return page;
  const ms = saved.lastModified ? Date.parse(saved.lastModified) : Number.NaN;
  return {
    ...page,
    objects: page.objects.map((o) =>
      o.key === saved.key
        ? { ...o, lastModified: Number.isNaN(ms) ? o.lastModified : ms, storageClass: saved.storageClass ?? o.storageClass, etag: saved.etag ?? o.etag }
        : o,
    ),
  };
}

/** "Edit metadata…": content headers, user metadata and storage class of one object, in place. */
export function MetadataDialog({ profileId, bucket, details: shown, onClose, onSaved }: Props) {
  // The details as they were when the dialog opened: the form starts from them and the save's
  // precondition names them, even if the pane reads the object again meanwhile (a save over a
  // change made since would drop that change).
  const [details] = useState(shown);
  const { t } = useT();
  const ids = useId();
  const qc = useQueryClient();
  const name = details.key.split("/").filter(Boolean).pop() ?? details.key;
  const [form, setForm] = useState<MetadataForm>(() => formFromDetails(details));
  const [problems, setProblems] = useState<ShownProblem[]>([]);
  const versioning = useBucketVersioning(profileId, bucket);
  const newVersion = versioning.data ? versioning.data.status === "Enabled" : makesNewVersion(details);
  const blocker = editBlocker(details);

  const save = useMutation({
    mutationFn: async (f: MetadataForm) => {
      const edit = editFromForm(f, details);
      // Rust's check is the one rule; nothing is sent while it finds a problem.
      const found: Problem[] = await api.checkMetadataEdit(edit);
      if (found.length > 0) {
        setProblems(showProblems(found));
        return null;
      }
      setProblems([]);
      return api.updateObjectMetadata(profileId, bucket, details.key, edit);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      qc.setQueryData(queryKeys.head(profileId, bucket, details.key), saved);
      // The listing's row of this object, in place (no reload of a long listing for one row).
      qc.setQueriesData<InfiniteData<ObjectPage>>({ queryKey: queryKeys.objectsOfBucket(profileId, bucket) }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => patchRow(page, saved)) } : data,
      );
      await Promise.all([
        qc.invalidateQueries({ queryKey: detailsKeys.tags(profileId, bucket, details.key) }),
        qc.invalidateQueries({ queryKey: detailsKeys.acl(profileId, bucket, details.key) }),
      ]);
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      // Changed since it was opened: the pane reads the object again, so that opening the
      // dialog anew starts from what the server holds now.
      if (error instanceof BackendError && error.code === "PreconditionFailed") {
        void qc.invalidateQueries({ queryKey: queryKeys.head(profileId, bucket, details.key) });
      }
    },
  });

  const update = (patch: Partial<MetadataForm>) => setForm((f) => ({ ...f, ...patch }));
  const problemsOf = (field: ShownProblem["field"]) =>
    problems.filter((p) => (typeof field === "string" ? p.field === field : typeof p.field === "object" && p.field.row === field.row));
  const errorOf = (field: ShownProblem["field"]): ReactNode => {
    const own = problemsOf(field);
    if (own.length === 0) return null;
    return own.map((p, i) => (
      <span key={i} className="field-problem">
        {t(p.message, p.vars)}
      </span>
    ));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocker || save.isPending) return;
    save.mutate(form);
  };

  const text = (field: TextField, label: Parameters<typeof t>[0], hint?: Parameters<typeof t>[0], extra?: { list?: string; type?: string }) => (
    <Field label={t(label)} htmlFor={`${ids}-${field}`} hint={hint && t(hint)} error={errorOf(field)} errorTestId={`metadata-${field}-error`}>
      <input
        id={`${ids}-${field}`}
        data-testid={`metadata-${field}`}
        value={form[field]}
        type={extra?.type ?? "text"}
        step={extra?.type === "datetime-local" ? 1 : undefined}
        list={extra?.list}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problemsOf(field).length > 0 ? true : undefined}
        disabled={blocker !== null}
        onChange={(e) => update({ [field]: e.target.value })}
      />
    </Field>
  );

  return (
    <Modal
      title={t("md.title", { name })}
      onClose={onClose}
      testId="metadata-dialog"
      footer={
        <>
          <button type="button" className="button" data-testid="metadata-cancel" onClick={onClose}>
            {t("md.cancel")}
          </button>
          <button
            type="submit"
            form={`${ids}-form`}
            className="button primary"
            data-testid="metadata-save"
            disabled={blocker !== null || save.isPending}
          >
            {save.isPending ? t("md.saving") : t("md.save")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form md-form" noValidate onSubmit={submit}>
        <p className="field-hint">{t("md.intro")}</p>
        {blocker && (
          <p className="notice notice-warning md-notice" role="note" data-testid="metadata-blocked">
            {t(blocker)}
          </p>
        )}
        {!blocker && newVersion && (
          <p className="notice notice-info md-notice" role="note" data-testid="metadata-new-version">
            {t("md.newVersion")}
          </p>
        )}
        {!blocker && (details.serverSideEncryption || details.sseCustomerAlgorithm) && (
          <p className="notice notice-warning md-notice" role="note" data-testid="metadata-encrypted">
            {t("md.encrypted")}
          </p>
        )}
        {text("contentType", "md.contentType", "md.contentTypeHint", { list: `${ids}-types` })}
        <datalist id={`${ids}-types`}>
          {CONTENT_TYPES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <div className="form-row">
          {text("cacheControl", "md.cacheControl", "md.cacheControlHint")}
          {text("contentLanguage", "md.contentLanguage")}
        </div>
        {text("contentDisposition", "md.contentDisposition", "md.contentDispositionHint")}
        <div className="form-row">
          {text("contentEncoding", "md.contentEncoding")}
          {text("expires", "md.expires", "md.expiresHint", { type: "datetime-local" })}
        </div>
        <div className="form-row">
          <Field label={t("md.storageClass")} htmlFor={`${ids}-class`} error={errorOf("storageClass")} errorTestId="metadata-storageClass-error">
            <select
              id={`${ids}-class`}
              data-testid="metadata-storageClass"
              value={form.storageClass}
              disabled={blocker !== null}
              onChange={(e) => update({ storageClass: e.target.value })}
            >
              <option value="">{t("md.storageKeep", { class: details.storageClass ?? "STANDARD" })}</option>
              {STORAGE_CLASSES.filter((c) => c !== details.storageClass).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              <option value={OTHER_CLASS}>{t("md.storageOther")}</option>
            </select>
          </Field>
          {form.storageClass === OTHER_CLASS && (
            <Field label={t("md.storageOtherName")} htmlFor={`${ids}-class-other`}>
              <input
                id={`${ids}-class-other`}
                data-testid="metadata-storageOther"
                value={form.storageOther}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => update({ storageOther: e.target.value.toUpperCase() })}
              />
            </Field>
          )}
        </div>
        <Field
          label={t("md.userMetadata")}
          htmlFor={form.rows.length > 0 ? `${ids}-row-0-name` : `${ids}-add`}
          error={errorOf("metadata")}
          errorTestId="metadata-metadata-error"
        >
          {form.rows.length === 0 ? (
            <p className="muted" data-testid="metadata-none">
              {t("md.none")}
            </p>
          ) : (
            <ul className="pair-rows">
              {form.rows.map((r, row) => {
                const rowError = errorOf({ row });
                const set = (patch: Partial<typeof r>) => update({ rows: form.rows.map((q) => (q.id === r.id ? { ...q, ...patch } : q)) });
                return (
                  <li key={r.id} className={`md-row ${rowError ? "field-invalid" : ""}`} data-testid={`metadata-row-${row}`}>
                    <div className="pair-row">
                      <input
                        id={`${ids}-row-${row}-name`}
                        data-testid={`metadata-name-${row}`}
                        aria-label={t("md.nameOf", { row: row + 1 })}
                        placeholder={t("md.name")}
                        value={r.name}
                        spellCheck={false}
                        autoComplete="off"
                        aria-invalid={rowError ? true : undefined}
                        disabled={blocker !== null}
                        onChange={(e) => set({ name: e.target.value })}
                      />
                      <input
                        data-testid={`metadata-value-${row}`}
                        aria-label={t("md.valueOf", { row: row + 1 })}
                        placeholder={t("md.value")}
                        value={r.value}
                        spellCheck={false}
                        autoComplete="off"
                        disabled={blocker !== null}
                        onChange={(e) => set({ value: e.target.value })}
                      />
                      <button
                        type="button"
                        className="icon-button"
                        data-testid={`metadata-remove-${row}`}
                        aria-label={t("md.remove", { row: row + 1 })}
                        title={t("md.remove", { row: row + 1 })}
                        disabled={blocker !== null}
                        onClick={() => update({ rows: form.rows.filter((q) => q.id !== r.id) })}
                      >
                        <Icon name="remove" size={16} />
                      </button>
                    </div>
                    {rowError && (
                      <div className="field-error" role="alert" data-testid={`metadata-row-${row}-error`}>
                        {rowError}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <button
            type="button"
            id={`${ids}-add`}
            className="button small pair-add"
            data-testid="metadata-add"
            disabled={blocker !== null}
            onClick={() => update({ rows: [...form.rows, newRow()] })}
          >
            <Icon name="plus" size={16} />
            {t("md.add")}
          </button>
        </Field>
        {save.error && <SaveError error={save.error} name={name} storageClass={form.storageClass === OTHER_CLASS ? form.storageOther : form.storageClass} />}
      </form>
    </Modal>
  );
}

/** A refused save: the cases the user can act on in plain words, with the error under them. */
function SaveError({ error, name, storageClass }: { error: unknown; name: string; storageClass: string }) {
  const { t } = useT();
  const code = error instanceof BackendError ? error.code : null;
  const context =
    code === "PreconditionFailed"
      ? t("md.changed", { name })
      : code === "NotImplemented"
        ? t("md.cannotCopyEncrypted")
        : code === "InvalidStorageClass"
          ? t("md.unknownClass", { class: storageClass })
          : t("md.failed", { name });
  return (
    <div data-testid="metadata-error">
      <ErrorMessage error={error} context={context} />
    </div>
  );
}
