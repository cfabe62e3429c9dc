import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, type AzPolicy, type BucketStorageClass, type CannedAcl, type CreateBucketRequest } from "../../backend";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { describeError, ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useDebounced } from "../../lib/useDebounced";

export const NAME_CHECK_DELAY_MS = 300;

const ACLS: CannedAcl[] = ["private", "public-read", "public-read-write", "authenticated-read"];
const AZ_POLICIES: AzPolicy[] = ["single-az", "multi-az"];
const STORAGE_CLASSES: BucketStorageClass[] = ["STANDARD", "STANDARD_IA", "GLACIER"];

interface Props {
  profileId: string;
  onClose: () => void;
  onCreated: (name: string) => void;
}

export function CreateBucketDialog({ profileId, onClose, onCreated }: Props) {
  const { t, locale } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const [name, setName] = useState("");
  const [acl, setAcl] = useState<CannedAcl>("private");
  const [objectLock, setObjectLock] = useState(false);
  const [azPolicy, setAzPolicy] = useState<AzPolicy | "">("");
  const [storageClass, setStorageClass] = useState<BucketStorageClass | "">("");

  const debounced = useDebounced(name, NAME_CHECK_DELAY_MS);
  const check = useQuery({
    queryKey: queryKeys.validateBucketName(debounced),
    queryFn: () => api.validateBucketName(debounced),
    enabled: debounced !== "",
    staleTime: Infinity,
    retry: false,
  });

  const create = useMutation({
    mutationFn: (request: CreateBucketRequest) => api.createBucket(profileId, request),
    onSuccess: async (_, request) => {
      await qc.invalidateQueries({ queryKey: queryKeys.buckets(profileId) });
      onCreated(request.name);
    },
  });

  const checking = name !== "" && (name !== debounced || check.isFetching);
  const invalid = !checking && check.isError;
  const valid = name !== "" && !checking && check.isSuccess;
  const nameError = invalid ? describeError(check.error, locale) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || create.isPending) return;
    create.mutate({
      name,
      acl,
      objectLock,
      azPolicy: azPolicy === "" ? null : azPolicy,
      storageClass: storageClass === "" ? null : storageClass,
    });
  };

  const hint = checking ? t("bucketDialog.checking") : valid ? t("bucketDialog.nameOk") : t("bucketDialog.nameHint");

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
            disabled={!valid || create.isPending}
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
          hint={<span className={valid ? "hint-ok" : undefined}>{hint}</span>}
          error={
            nameError && (
              <>
                {nameError.sentence}
                {nameError.detail && (
                  <span className="field-detail" lang="en">
                    {nameError.detail}
                  </span>
                )}
              </>
            )
          }
          errorTestId="bucket-name-error"
        >
          <input
            id={`${ids}-name`}
            data-testid="bucket-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
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
