import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, type ObjectDetails } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage, errorCode } from "../../errors";
import { useT } from "../../i18n";
import { formatCount, humanBytes } from "../../lib/format";
import { lastSegment } from "../../lib/path";
import type { Notice } from "./notice";
import { refreshBucketData } from "./refresh";
import type { AppendTarget } from "./useAppend";

interface Props {
  profileId: string;
  bucket: string;
  /** The shown folder: a new object is named under it. */
  prefix: string;
  target: AppendTarget;
  onChooseOther: () => void;
  onClose: () => void;
  notify: (n: Notice) => void;
}

/** After PositionNotEqualToLength: the object's length read again (HEAD), to offer it. */
type Mismatch =
  | { position: number; state: "reading" }
  | { position: number; state: "read"; details: ObjectDetails }
  | { position: number; state: "failed"; error: unknown };

const WHOLE = /^\d+$/;

function parsePosition(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * "Append notes.txt (512 B) to logs/app.log at position 42": the position is the object's
 * length from a fresh HEAD (editable for experts; 0 for a new object, named here). When the
 * server says the position is not the length, the length is read again and offered.
 */
export function AppendDialog({ profileId, bucket, prefix, target, onChooseOther, onClose, notify }: Props) {
  const { t, locale } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const isNew = target.key === null;
  const [name, setName] = useState(target.file.name);
  const key = target.key ?? prefix + name;
  const [positionText, setPositionText] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState<Mismatch | null>(null);

  // A fresh length, not the details pane's cached HEAD: the position must be the length now.
  const head = useQuery({
    queryKey: ["appendHead", profileId, bucket, target.key],
    queryFn: () => api.headObject(profileId, bucket, target.key ?? ""),
    enabled: !isNew,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const notAppendable = !isNew && head.data && head.data.objectType !== null && head.data.objectType !== "Appendable";
  const prefill = isNew ? 0 : head.data?.size;
  const shownPosition = positionText ?? (prefill === undefined ? "" : String(prefill));
  const position = parsePosition(shownPosition);

  const send = useMutation({
    mutationFn: (at: number) => api.appendFile(profileId, bucket, key, at, target.file.handle),
    onMutate: () => setMismatch(null),
    onSuccess: async (r) => {
      notify({
        kind: "success",
        text: t("append.done", {
          file: target.file.name,
          size: humanBytes(r.appended, locale),
          key: lastSegment(key) || key,
          length: humanBytes(r.nextPosition, locale),
          bytes: formatCount(r.nextPosition, locale),
        }),
      });
      onClose();
      await refreshBucketData(qc, profileId, bucket);
    },
    onError: (error, at) => {
      if (errorCode(error) !== "PositionNotEqualToLength") return;
      // The sentence's figure is for people; the length to offer comes from HEAD.
      setMismatch({ position: at, state: "reading" });
      api.headObject(profileId, bucket, key).then(
        (details) => setMismatch({ position: at, state: "read", details }),
        (e: unknown) => setMismatch({ position: at, state: "failed", error: e }),
      );
    },
  });

  const nameMissing = isNew && name === "";
  const ready = position !== null && !nameMissing && !notAppendable && (isNew || head.isSuccess) && !send.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) send.mutate(position);
  };

  const useLength = (length: number) => {
    setPositionText(String(length));
    send.mutate(length);
  };

  let headState = null;
  if (!isNew && head.isPending) headState = <Spinner label={t("append.reading")} />;
  else if (!isNew && head.error) headState = <ErrorMessage error={head.error} context={t("append.headFailed", { key })} />;
  else if (notAppendable) {
    headState = (
      <p className="field-note warning" data-testid="append-not-appendable">
        <Icon name="warning" size={16} />
        {t("append.notAppendable", { key, type: head.data?.objectType ?? "" })}
      </p>
    );
  }

  const sendError = send.error && errorCode(send.error) !== "PositionNotEqualToLength" ? send.error : null;

  return (
    <Modal
      title={isNew ? t("append.titleNew") : t("append.title")}
      onClose={onClose}
      testId="append-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={`${ids}-form`} className="button primary" data-testid="append-ok" disabled={!ready}>
            {send.isPending ? t("append.sending") : t("append.ok")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form append-form" onSubmit={submit} noValidate>
        <p className="append-summary" data-testid="append-summary">
          {t("append.summary", {
            file: target.file.name,
            size: humanBytes(target.file.size, locale),
            key,
            position: position === null ? "…" : formatCount(position, locale),
          })}
        </p>
        <div className="append-file">
          {target.others > 0 && (
            <p className="field-hint" data-testid="append-only-first">
              {t("append.onlyFirst", { name: target.file.name })}
            </p>
          )}
          <button type="button" className="button small" data-testid="append-choose" onClick={onChooseOther}>
            <Icon name="file" size={16} />
            {t("append.chooseOther")}
          </button>
        </div>
        {isNew && (
          <Field
            label={t("append.name")}
            htmlFor={`${ids}-name`}
            hint={t("append.nameHint", { key })}
            error={nameMissing ? t("append.nameMissing") : null}
          >
            <input
              id={`${ids}-name`}
              data-testid="append-name"
              // The field to fill first (focus would land on "Choose another file…").
              autoFocus
              value={name}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
        )}
        {headState}
        <Field
          label={t("append.position")}
          htmlFor={`${ids}-position`}
          hint={
            isNew
              ? t("append.positionHintNew")
              : head.data && t("append.positionHint", { length: formatCount(head.data.size, locale) })
          }
          error={position === null && shownPosition !== "" ? t("append.positionInvalid") : null}
        >
          <input
            id={`${ids}-position`}
            data-testid="append-position"
            // The value to check first (the name field has the focus for a new object).
            autoFocus={!isNew}
            inputMode="numeric"
            className="append-position"
            value={shownPosition}
            autoComplete="off"
            onChange={(e) => setPositionText(e.target.value)}
            aria-invalid={position === null && shownPosition !== "" ? true : undefined}
          />
        </Field>
        {mismatch && <MismatchView mismatch={mismatch} objectKey={key} busy={send.isPending} onUse={useLength} />}
        {sendError && (
          <ErrorMessage error={sendError} context={t("append.failed", { file: target.file.name, key: lastSegment(key) || key })} />
        )}
      </form>
    </Modal>
  );
}

function MismatchView({
  mismatch,
  objectKey,
  busy,
  onUse,
}: {
  mismatch: Mismatch;
  objectKey: string;
  busy: boolean;
  onUse: (length: number) => void;
}) {
  const { t, locale } = useT();
  if (mismatch.state === "reading") return <Spinner label={t("append.mismatchReading")} />;
  if (mismatch.state === "failed") return <ErrorMessage error={mismatch.error} context={t("append.headFailed", { key: objectKey })} />;
  const d = mismatch.details;
  if (d.objectType !== null && d.objectType !== "Appendable") {
    return (
      <p className="field-note warning" data-testid="append-mismatch">
        <Icon name="warning" size={16} />
        {t("append.notAppendable", { key: objectKey, type: d.objectType })}
      </p>
    );
  }
  return (
    <div className="append-mismatch" data-testid="append-mismatch" role="alert">
      <p>
        <Icon name="warning" size={16} />
        {t("append.mismatch", { length: formatCount(d.size, locale), position: formatCount(mismatch.position, locale) })}
      </p>
      <button type="button" className="button small primary" data-testid="append-use-position" disabled={busy} onClick={() => onUse(d.size)}>
        {t("append.usePosition", { position: formatCount(d.size, locale) })}
      </button>
    </div>
  );
}
