import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon } from "../../components/Icon";
import { Tooltip } from "../../components/Tooltip";
import { ErrorMessage, errorCode } from "../../errors";
import { useT } from "../../i18n";
import { formatCount, humanBytes } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { useBucketUsage } from "./queries";

interface Props {
  profileId: string;
  bucket: string;
  onDeleted: () => void;
}

/** The selected bucket: its usage figures, "Settings" and "Delete bucket". */
export function BucketPanel({ profileId, bucket, onDeleted }: Props) {
  const { t, locale } = useT();
  const qc = useQueryClient();
  const usage = useBucketUsage(profileId, bucket);
  const [confirming, setConfirming] = useState(false);
  // A key that may open the bucket but not read its usage (often one that may not list buckets).
  const usageDenied = errorCode(usage.error) === "AccessDenied";
  const figure = (v: string) => (usage.data ? v : usageDenied ? "—" : "…");

  const remove = useMutation({
    mutationFn: () => api.deleteBucket(profileId, bucket),
    onSuccess: async () => {
      setConfirming(false);
      onDeleted();
      qc.removeQueries({ queryKey: queryKeys.objectsOfBucket(profileId, bucket) });
      qc.removeQueries({ queryKey: queryKeys.bucketSettings(profileId, bucket) });
      await qc.invalidateQueries({ queryKey: queryKeys.buckets(profileId) });
    },
  });

  return (
    <section className="bucket-panel">
      <div className="bucket-panel-heading">
        <span className="bucket-panel-title" title={bucket}>
          {bucket}
        </span>
        <Tooltip label={t("buckets.settingsOf", { name: bucket })}>
          <Link
            to="/p/$profileId/b/$bucket/settings/$tab"
            params={{ profileId, bucket, tab: "versioning" }}
            className="icon-button"
            data-testid="bucket-settings"
            aria-label={t("buckets.settingsOf", { name: bucket })}
          >
            <Icon name="settings" size={18} />
          </Link>
        </Tooltip>
      </div>
      <dl className="usage" data-testid="bucket-usage" title={t("buckets.usage.note")}>
        <div>
          <dt>{t("buckets.usage.objects")}</dt>
          <dd data-testid="bucket-usage-objects">
            {figure(usage.data ? formatCount(usage.data.objectCount, locale) : "")}
          </dd>
        </div>
        <div>
          <dt>{t("buckets.usage.size")}</dt>
          <dd data-testid="bucket-usage-bytes">{figure(usage.data ? humanBytes(usage.data.bytesUsed, locale) : "")}</dd>
        </div>
      </dl>
      {usageDenied ? (
        <p className="field-hint" data-testid="bucket-usage-denied">
          {t("buckets.usage.denied")}
        </p>
      ) : (
        usage.error && <ErrorMessage error={usage.error} />
      )}
      <button
        type="button"
        className="button small danger-outline"
        data-testid="bucket-delete"
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
      >
        <Icon name="trash" size={16} />
        {t("buckets.delete")}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t("buckets.delete.title")}
          message={
            <>
              <p>{t("buckets.delete.body", { name: bucket })}</p>
              {/* Stays open on failure so that the reason (BucketNotEmpty, most often) is read here. */}
              {remove.error && <ErrorMessage error={remove.error} />}
            </>
          }
          okLabel={t("common.delete")}
          danger
          busy={remove.isPending}
          // A bucket that is not empty stays so until objects are deleted: retrying cannot help.
          okDisabled={errorCode(remove.error) === "BucketNotEmpty"}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
