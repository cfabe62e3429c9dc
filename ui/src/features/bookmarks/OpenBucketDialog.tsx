import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { Bookmark, BucketNameCheck } from "../../backend";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useDebounced } from "../../lib/useDebounced";
import { bucketNameCheck, NAME_CHECK_DELAY_MS, NAME_PROBLEMS } from "../buckets/CreateBucketDialog";
import { normalizePrefix } from "./model";
import { useAddBookmark } from "./queries";

interface Props {
  profileId: string;
  onClose: () => void;
  /** The bookmark Rust kept (its bucket and normalised folder), to go there. */
  onOpened: (bookmark: Bookmark) => void;
}

/**
 * "Open bucket…": a bucket by name (and a folder in it). The name goes through the bucket-name
 * rule of Rust (checkBucketName) first; a name no server takes is said here. A relaxed-only name
 * is sent: the server says whether the bucket is there. Rust checks that this key may list the
 * folder before it keeps the bookmark; a refusal shows the server's sentence, code and request id.
 */
export function OpenBucketDialog({ profileId, onClose, onOpened }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const [bucket, setBucket] = useState("");
  const [prefix, setPrefix] = useState("");
  const [missing, setMissing] = useState(false);
  const add = useAddBookmark(profileId);

  const name = bucket.trim();
  const debounced = useDebounced(name, NAME_CHECK_DELAY_MS);
  const live = useQuery({ ...bucketNameCheck(debounced), enabled: debounced !== "" });
  const [submitted, setSubmitted] = useState<BucketNameCheck | null>(null);
  const verdict = name !== "" && name === debounced ? (live.data ?? submitted) : submitted;
  const invalid = verdict?.verdict === "Invalid" ? verdict : null;
  const shownPrefix = normalizePrefix(prefix);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    if (name === "") {
      setMissing(true);
      return;
    }
    let check: BucketNameCheck;
    try {
      check = await qc.fetchQuery(bucketNameCheck(name));
    } catch {
      // The rule could not be asked: the server will say what it thinks of the name.
      check = { verdict: "Valid", problem: null, part: null };
    }
    setSubmitted(check);
    if (check.verdict === "Invalid") return;
    add.mutate({ bucket: name, prefix: shownPrefix }, { onSuccess: (kept) => onOpened(kept) });
  };

  let nameError: string | null = null;
  if (missing && name === "") nameError = t("bookmarks.dialog.bucketMissing");
  else if (invalid?.problem) nameError = t(NAME_PROBLEMS[invalid.problem], { part: invalid.part ?? "" });

  return (
    <Modal
      title={t("bookmarks.dialog.title")}
      onClose={onClose}
      testId="open-bucket-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="submit"
            form={`${ids}-form`}
            className="button primary"
            data-testid="open-bucket-submit"
            disabled={add.isPending}
          >
            {add.isPending ? t("bookmarks.dialog.checking") : t("bookmarks.dialog.open")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p className="field-hint">{t("bookmarks.dialog.intro")}</p>
        <Field label={t("bookmarks.dialog.bucket")} htmlFor={`${ids}-bucket`} error={nameError} errorTestId="open-bucket-name-error">
          <input
            id={`${ids}-bucket`}
            data-testid="open-bucket-name"
            value={bucket}
            onChange={(e) => {
              setBucket(e.target.value);
              setSubmitted(null);
              add.reset();
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameError !== null}
          />
        </Field>
        <Field
          label={t("bookmarks.dialog.prefix")}
          htmlFor={`${ids}-prefix`}
          hint={
            shownPrefix === "" ? (
              t("bookmarks.dialog.prefixHint")
            ) : (
              <span data-testid="open-bucket-prefix-shown">{t("bookmarks.dialog.prefixShown", { prefix: shownPrefix })}</span>
            )
          }
        >
          <input
            id={`${ids}-prefix`}
            data-testid="open-bucket-prefix"
            value={prefix}
            placeholder="team/reports/"
            onChange={(e) => {
              setPrefix(e.target.value);
              add.reset();
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        {add.error && <ErrorMessage error={add.error} />}
      </form>
    </Modal>
  );
}
