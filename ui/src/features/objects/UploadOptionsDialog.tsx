import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { CannedAcl, LocalFile, UploadOptions } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { ErrorMessage, errorCode, toBackendError } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { formatCount } from "../../lib/format";
import { NameText } from "./NameText";
import {
  ACLS,
  checkOptions,
  EMPTY_FORM,
  fieldOfRefusal,
  generateCustomerKey,
  MAX_METADATA_BYTES,
  MAX_TAGS,
  optionsFromForm,
  STORAGE_CLASSES,
  type EncryptionChoice,
  type OptionsField,
  type OptionsForm,
  type Pair,
  type Problem,
} from "./uploadOptions";

interface Props {
  files: readonly LocalFile[];
  /** Where they go: the shown bucket and folder. */
  bucket: string;
  prefix: string;
  /** What the notice calls them ("a.txt", "3 items"). */
  what: string;
  /** Starts the upload; rejects with what Rust refused (shown under its field). */
  onStart: (options: UploadOptions) => Promise<unknown>;
  onClose: () => void;
}

const ENCRYPTIONS: readonly { value: EncryptionChoice; label: MessageKey }[] = [
  { value: "none", label: "uploadOptions.encryption.none" },
  { value: "aes256", label: "uploadOptions.encryption.aes256" },
  { value: "kms", label: "uploadOptions.encryption.kms" },
  { value: "customerKey", label: "uploadOptions.encryption.customerKey" },
];

/** Test ids of the fields (their problems are `<id>-error`). */
const TEST_ID: Record<OptionsField, string> = {
  storageClass: "upload-options-storage-class",
  contentType: "upload-options-content-type",
  metadata: "upload-options-metadata",
  tags: "upload-options-tags",
  kmsKeyId: "upload-options-kms-key",
  customerKey: "upload-options-customer-key",
};

/**
 * "Upload with options…": after the files or folder are picked, what every object of the upload
 * gets — canned ACL, storage class, content type, user metadata, tags, server-side encryption.
 * Checked as it is typed with Rust's rules; Rust checks again before sending anything. An SSE-C
 * key lives in this dialog's state and the call only: never stored, logged or sent back.
 */
export function UploadOptionsDialog({ files, bucket, prefix, what, onStart, onClose }: Props) {
  const { t, locale } = useT();
  const ids = useId();
  const [form, setForm] = useState<OptionsForm>(EMPTY_FORM);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  /** A key made by "Generate", shown until the key is changed (the one time it can be copied). */
  const [generated, setGenerated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const nextId = useRef(1);

  const problems = checkOptions(form);
  const refusal = failure && errorCode(failure) === "InvalidInput" ? toBackendError(failure) : null;
  const refusedField = refusal ? fieldOfRefusal(refusal.detail) : null;

  const update = (change: Partial<OptionsForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setFailure(null);
  };

  const problemText = (p: Problem): string => {
    switch (p.field) {
      case "storageClass":
        return t("uploadOptions.storageClass.invalid");
      case "contentType":
        return t("uploadOptions.contentType.invalid");
      case "customerKey":
        return t("uploadOptions.customerKey.invalid");
      case "metadata":
        if (p.row === null) return t("uploadOptions.metadata.tooBig", { bytes: formatCount(p.bytes, locale), max: formatCount(MAX_METADATA_BYTES, locale) });
        return t(`uploadOptions.metadata.${p.kind}`, { row: p.row + 1 });
      case "tags":
        if (p.row === null) return t("uploadOptions.tags.tooMany", { count: p.count, max: MAX_TAGS });
        return t(`uploadOptions.tags.${p.kind}`, { row: p.row + 1 });
    }
  };

  /** The sentences under one field: its own problems (a key only once the user tried), then Rust's refusal. */
  const errorOf = (field: OptionsField): ReactNode => {
    const own = problems.filter((p) => p.field === field && (field !== "customerKey" || tried || form.customerKey !== ""));
    if (own.length > 0) {
      return own.length === 1 ? (
        problemText(own[0])
      ) : (
        <ul className="upload-options-problems">
          {own.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      );
    }
    if (refusal && refusedField === field) {
      return (
        <>
          {t("uploadOptions.refused")}{" "}
          <span lang="en" className="field-detail-inline">
            {refusal.detail}
          </span>
        </>
      );
    }
    return null;
  };
  const badRow = (field: "metadata" | "tags", row: number) => problems.some((p) => p.field === field && p.row === row);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length > 0 || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await onStart(optionsFromForm(form));
      onClose();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const pairs = (field: "metadata" | "tags") => {
    const list = form[field];
    const testId = field === "metadata" ? "upload-options-meta" : "upload-options-tag";
    const set = (next: Pair[]) => update({ [field]: next });
    const full = field === "tags" && list.length >= MAX_TAGS;
    return (
      <Field
        label={field === "metadata" ? t("uploadOptions.metadata") : t("uploadOptions.tags", { max: MAX_TAGS })}
        htmlFor={list.length > 0 ? `${ids}-${field}-0-name` : `${ids}-${field}-add`}
        hint={field === "metadata" ? t("uploadOptions.metadata.hint") : t("uploadOptions.tags.hint")}
        error={errorOf(field)}
        errorTestId={`${TEST_ID[field]}-error`}
      >
        {list.length > 0 && (
          <ul className="pair-rows">
            {list.map((p, row) => (
              <li key={p.id} className={`pair-row ${badRow(field, row) ? "field-invalid" : ""}`}>
                <input
                  id={`${ids}-${field}-${row}-name`}
                  data-testid={`${testId}-${field === "metadata" ? "name" : "key"}-${row}`}
                  aria-label={field === "metadata" ? t("uploadOptions.metadata.name") : t("uploadOptions.tags.key")}
                  placeholder={field === "metadata" ? t("uploadOptions.metadata.name") : t("uploadOptions.tags.key")}
                  value={p.name}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set(list.map((q) => (q.id === p.id ? { ...q, name: e.target.value } : q)))}
                />
                <input
                  data-testid={`${testId}-value-${row}`}
                  aria-label={t("uploadOptions.value")}
                  placeholder={t("uploadOptions.value")}
                  value={p.value}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set(list.map((q) => (q.id === p.id ? { ...q, value: e.target.value } : q)))}
                />
                <button
                  type="button"
                  className="icon-button"
                  data-testid={`${testId}-remove-${row}`}
                  aria-label={t("uploadOptions.remove")}
                  title={t("uploadOptions.remove")}
                  onClick={() => set(list.filter((q) => q.id !== p.id))}
                >
                  <Icon name="remove" size={16} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          id={`${ids}-${field}-add`}
          className="button small pair-add"
          data-testid={`${testId}-add`}
          disabled={full}
          onClick={() => set([...list, { id: nextId.current++, name: "", value: "" }])}
        >
          <Icon name="plus" size={16} />
          {field === "metadata" ? t("uploadOptions.metadata.add") : t("uploadOptions.tags.add")}
        </button>
      </Field>
    );
  };

  const copyKey = async () => {
    if (!generated) return;
    try {
      await navigator.clipboard.writeText(generated);
      setCopied(true);
    } catch {
      // No clipboard (a plain browser without permission): the key stays shown, selectable.
    }
  };

  const names = files.map((f) => f.name).join(", ");
  return (
    <Modal
      title={t("uploadOptions.title")}
      onClose={onClose}
      testId="upload-options-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="upload-options-submit" disabled={busy}>
            <Icon name="upload" size={16} />
            {busy ? t("uploadOptions.starting") : t("uploadOptions.upload")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form upload-options" noValidate onSubmit={(e) => void submit(e)}>
        <div>
          <p className="upload-options-what" data-testid="upload-options-what">
            {t("uploadOptions.what", { what })} <NameText name={`${bucket}/${prefix}`} className="mono" />
          </p>
          {files.length > 1 && (
            <p className="muted upload-options-names" title={names}>
              {names}
            </p>
          )}
        </div>
        <div className="form-row">
          <Field label={t("uploadOptions.acl")} htmlFor={`${ids}-acl`}>
            <select
              id={`${ids}-acl`}
              data-testid="upload-options-acl"
              value={form.acl}
              onChange={(e) => update({ acl: e.target.value as CannedAcl | "" })}
            >
              <option value="">{t("uploadOptions.default")}</option>
              {ACLS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("uploadOptions.storageClass")}
            htmlFor={`${ids}-class`}
            error={errorOf("storageClass")}
            errorTestId={`${TEST_ID.storageClass}-error`}
          >
            <input
              id={`${ids}-class`}
              data-testid={TEST_ID.storageClass}
              list={`${ids}-classes`}
              value={form.storageClass}
              placeholder={t("uploadOptions.default")}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errorOf("storageClass") ? true : undefined}
              onChange={(e) => update({ storageClass: e.target.value })}
            />
            <datalist id={`${ids}-classes`}>
              {STORAGE_CLASSES.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
        </div>
        <Field
          label={t("uploadOptions.contentType")}
          htmlFor={`${ids}-type`}
          error={errorOf("contentType")}
          errorTestId={`${TEST_ID.contentType}-error`}
        >
          <input
            id={`${ids}-type`}
            data-testid={TEST_ID.contentType}
            value={form.contentType}
            placeholder={t("uploadOptions.contentType.placeholder")}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={errorOf("contentType") ? true : undefined}
            onChange={(e) => update({ contentType: e.target.value })}
          />
        </Field>
        {pairs("metadata")}
        {pairs("tags")}
        <Field label={t("uploadOptions.encryption")} htmlFor={`${ids}-encryption`}>
          <select
            id={`${ids}-encryption`}
            data-testid="upload-options-encryption"
            value={form.encryption}
            onChange={(e) => update({ encryption: e.target.value as EncryptionChoice })}
          >
            {ENCRYPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.label)}
              </option>
            ))}
          </select>
        </Field>
        {form.encryption === "kms" && (
          <Field
            label={t("uploadOptions.kmsKey")}
            htmlFor={`${ids}-kms`}
            hint={t("uploadOptions.kmsKey.hint")}
            error={errorOf("kmsKeyId")}
            errorTestId={`${TEST_ID.kmsKeyId}-error`}
          >
            <input
              id={`${ids}-kms`}
              data-testid={TEST_ID.kmsKeyId}
              value={form.kmsKeyId}
              placeholder={t("uploadOptions.kmsKey.placeholder")}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => update({ kmsKeyId: e.target.value })}
            />
          </Field>
        )}
        {form.encryption === "customerKey" && (
          <Field
            label={t("uploadOptions.customerKey")}
            htmlFor={`${ids}-key`}
            error={errorOf("customerKey")}
            errorTestId={`${TEST_ID.customerKey}-error`}
            note={
              <div className="upload-options-key-notes">
                <p className="field-hint" data-testid="upload-options-key-memory">
                  {t("uploadOptions.customerKey.memory")}
                </p>
                <p className="hint-warn" data-testid="upload-options-key-warning">
                  <Icon name="warning" size={14} /> {t("uploadOptions.customerKey.warning")}
                </p>
              </div>
            }
          >
            <div className="input-with-button">
              <input
                id={`${ids}-key`}
                data-testid={TEST_ID.customerKey}
                type="password"
                className="mono"
                value={form.customerKey}
                placeholder={t("uploadOptions.customerKey.placeholder")}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={errorOf("customerKey") ? true : undefined}
                onChange={(e) => {
                  update({ customerKey: e.target.value });
                  setGenerated(null);
                }}
              />
              <button
                type="button"
                className="button"
                data-testid="upload-options-generate"
                onClick={() => {
                  const key = generateCustomerKey();
                  update({ customerKey: key });
                  setGenerated(key);
                  setCopied(false);
                }}
              >
                {t("uploadOptions.customerKey.generate")}
              </button>
            </div>
            {generated && (
              <div className="generated-key" data-testid="upload-options-generated">
                <p>{t("uploadOptions.customerKey.generated")}</p>
                <div className="input-with-button">
                  <output className="mono generated-key-value" data-testid="upload-options-generated-key">
                    {generated}
                  </output>
                  <button type="button" className="button small" data-testid="upload-options-copy-key" onClick={() => void copyKey()}>
                    {copied ? t("uploadOptions.customerKey.copied") : t("uploadOptions.customerKey.copy")}
                  </button>
                </div>
              </div>
            )}
          </Field>
        )}
        {failure !== null && !refusedField && <ErrorMessage error={failure} context={t("upload.failed", { name: what })} />}
      </form>
    </Modal>
  );
}
