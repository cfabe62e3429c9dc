import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import {
  api,
  type AzPolicy,
  type BucketNameCheck,
  type BucketNameProblem,
  type BucketStorageClass,
  type CannedAcl,
  type CreateBucketRequest,
} from "../../backend";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { BackendError, ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useDebounced } from "../../lib/useDebounced";

export const NAME_CHECK_DELAY_MS = 300;

/** Rust's bucket-name rule for `name`, as a query (asked once per name: the rule does not change). */
export const bucketNameCheck = (name: string) => ({
  queryKey: queryKeys.checkBucketName(name),
  queryFn: () => api.checkBucketName(name),
  staleTime: Infinity,
  retry: false,
});

const ACLS: CannedAcl[] = ["private", "public-read", "public-read-write", "authenticated-read"];
const AZ_POLICIES: AzPolicy[] = ["single-az", "multi-az"];
const STORAGE_CLASSES: BucketStorageClass[] = ["STANDARD", "STANDARD_IA", "GLACIER"];

/** One sentence per reason Rust gives (`{part}` is the character or pair at fault). */
export const NAME_PROBLEMS: Record<BucketNameProblem, MessageKey> = {
  TooShort: "bucketDialog.problem.TooShort",
  TooLong: "bucketDialog.problem.TooLong",
  BadCharacter: "bucketDialog.problem.BadCharacter",
  Underscore: "bucketDialog.problem.Underscore",
  UpperCase: "bucketDialog.problem.UpperCase",
  BadStart: "bucketDialog.problem.BadStart",
  BadEnd: "bucketDialog.problem.BadEnd",
  DoubleDot: "bucketDialog.problem.DoubleDot",
  DotNextToDash: "bucketDialog.problem.DotNextToDash",
  IpAddress: "bucketDialog.problem.IpAddress",
};

interface Props {
  profileId: string;
  onClose: () => void;
  onCreated: (name: string) => void;
}

export function CreateBucketDialog({ profileId, onClose, onCreated }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const [name, setName] = useState("");
  const [acl, setAcl] = useState<CannedAcl>("private");
  const [objectLock, setObjectLock] = useState(false);
  const [azPolicy, setAzPolicy] = useState<AzPolicy | "">("");
  const [storageClass, setStorageClass] = useState<BucketStorageClass | "">("");

  const debounced = useDebounced(name, NAME_CHECK_DELAY_MS);
  const check = useQuery({ ...bucketNameCheck(debounced), enabled: debounced !== "" });

  const create = useMutation({
    mutationFn: (request: CreateBucketRequest) => api.createBucket(profileId, request),
    onSuccess: async (_, request) => {
      await qc.invalidateQueries({ queryKey: queryKeys.buckets(profileId) });
      onCreated(request.name);
    },
  });

  const checking = name !== "" && (name !== debounced || check.isFetching);
  const verdict: BucketNameCheck | undefined = checking || name === "" ? undefined : check.data;
  // The server's word beats the local check: a refused name is shown as refused.
  const refusedByServer =
    create.error instanceof BackendError && create.error.code === "InvalidBucketName" && create.variables?.name === name;
  const usable = verdict !== undefined && verdict.verdict !== "Invalid" && !refusedByServer;
  const problem = (c: BucketNameCheck) =>
    c.problem ? t(NAME_PROBLEMS[c.problem], { part: c.part ?? "" }) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!usable || create.isPending) return;
    create.mutate({
      name,
      acl,
      objectLock,
      azPolicy: azPolicy === "" ? null : azPolicy,
      storageClass: storageClass === "" ? null : storageClass,
    });
  };

  let hint: ReactNode = t("bucketDialog.nameHint");
  let nameError: ReactNode = null;
  if (checking) hint = t("bucketDialog.checking");
  else if (refusedByServer) nameError = t("bucketDialog.refusedByServer");
  else if (verdict?.verdict === "Invalid") nameError = problem(verdict);
  else if (verdict?.verdict === "RelaxedOnly")
    hint = (
      <span className="hint-warn" data-testid="bucket-name-warning">
        {problem(verdict)} {t("bucketDialog.relaxedOnly")}
      </span>
    );
  else if (verdict?.verdict === "Valid") hint = <span className="hint-ok">{t("bucketDialog.nameOk")}</span>;

  return (
    <Modal
      title={t("bucketDialog.title")}
      onClose={onClose}
      testId="bucket-dialog"
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
            data-testid="bucket-create"
            disabled={!usable || create.isPending}
          >
            {create.isPending ? t("bucketDialog.creating") : t("bucketDialog.create")}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t("bucketDialog.name")}
          htmlFor={`${ids}-name`}
          hint={nameError ? undefined : hint}
          error={nameError}
          errorTestId="bucket-name-error"
        >
          <input
            id={`${ids}-name`}
            data-testid="bucket-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameError !== null}
          />
        </Field>
        <div className="form-row">
          <Field label={t("bucketDialog.acl")} htmlFor={`${ids}-acl`}>
            <select
              id={`${ids}-acl`}
              data-testid="bucket-acl"
              value={acl}
              onChange={(e) => setAcl(e.target.value as CannedAcl)}
            >
              {ACLS.map((a) => (
                <option key={a} value={a}>
                  {t(`bucketDialog.acl.${a}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("bucketDialog.azPolicy")} htmlFor={`${ids}-az`}>
            <select
              id={`${ids}-az`}
              data-testid="bucket-az-policy"
              value={azPolicy}
              onChange={(e) => setAzPolicy(e.target.value as AzPolicy | "")}
            >
              <option value="">{t("bucketDialog.az.none")}</option>
              {AZ_POLICIES.map((a) => (
                <option key={a} value={a}>
                  {t(`bucketDialog.az.${a}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t("bucketDialog.storageClass")} htmlFor={`${ids}-sc`}>
          <select
            id={`${ids}-sc`}
            data-testid="bucket-storage-class"
            value={storageClass}
            onChange={(e) => setStorageClass(e.target.value as BucketStorageClass | "")}
          >
            <option value="">{t("bucketDialog.sc.none")}</option>
            {STORAGE_CLASSES.map((s) => (
              <option key={s} value={s}>
                {t(`bucketDialog.sc.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="bucket-object-lock"
            checked={objectLock}
            onChange={(e) => setObjectLock(e.target.checked)}
          />
          <span>
            {t("bucketDialog.objectLock")}
            <small className="field-hint block">{t("bucketDialog.objectLockHint")}</small>
          </span>
        </label>
        {create.error && <ErrorMessage error={create.error} />}
      </form>
    </Modal>
  );
}
