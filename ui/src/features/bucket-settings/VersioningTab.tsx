import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type VersioningStatus } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useBucketVersioning } from "./queries";
import type { SettingsTabProps } from "./tabs";

/** "off": the bucket never had versioning (GetBucketVersioning has no status). */
type VersioningState = "off" | VersioningStatus;

const STATE_LABEL: Record<VersioningState, MessageKey> = {
  off: "versioning.status.off",
  Enabled: "versioning.status.Enabled",
  Suspended: "versioning.status.Suspended",
};

const STATE_HINT: Record<VersioningState, MessageKey> = {
  off: "versioning.hint.off",
  Enabled: "versioning.hint.Enabled",
  Suspended: "versioning.hint.Suspended",
};

/**
 * Versioning of a bucket: its state in words, "Enable" (asks first: it can never be turned off
 * again) or "Suspend". After a change the state is read again from the server.
 */
export function VersioningTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const versioning = useBucketVersioning(profileId, bucket);
  const [confirming, setConfirming] = useState(false);

  const put = useMutation({
    mutationFn: (status: VersioningStatus) => api.putBucketVersioning(profileId, bucket, status),
    // Pending until the new state has been read back, so that what shows is the server's.
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.bucketVersioning(profileId, bucket) }),
  });

  let body;
  if (versioning.isPending) body = <Spinner label={t("common.loading")} />;
  else if (versioning.error) body = <ErrorMessage error={versioning.error} />;
  else {
    const state: VersioningState = versioning.data?.status ?? "off";
    const mfaDelete = versioning.data?.mfaDelete;
    body = (
      <>
        <dl className="settings-facts">
          <div>
            <dt>{t("versioning.status")}</dt>
            <dd data-testid="versioning-status" data-state={state} className={`state state-${state}`}>
              {t(STATE_LABEL[state])}
            </dd>
          </div>
          {mfaDelete && (
            <div>
              <dt>{t("versioning.mfaDelete")}</dt>
              <dd data-testid="versioning-mfa-delete">{mfaDelete}</dd>
            </div>
          )}
        </dl>
        <p className="field-hint">{t(STATE_HINT[state])}</p>
        <div className="settings-actions">
          {state === "Enabled" ? (
            <button
              type="button"
              className="button"
              data-testid="versioning-suspend"
              disabled={put.isPending}
              onClick={() => put.mutate("Suspended")}
            >
              {put.isPending ? t("versioning.suspending") : t("versioning.suspend")}
            </button>
          ) : (
            <button
              type="button"
              className="button primary"
              data-testid="versioning-enable"
              disabled={put.isPending}
              onClick={() => {
                put.reset();
                setConfirming(true);
              }}
            >
              {put.isPending ? t("versioning.enabling") : t("versioning.enable")}
            </button>
          )}
        </div>
        {put.error && <ErrorMessage error={put.error} />}
      </>
    );
  }

  return (
    <div className="settings-section">
      <p className="settings-intro">{t("versioning.intro")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("versioning.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("versioning.confirm.body")}</p>
              <p className="muted">{t("versioning.confirm.storage")}</p>
            </>
          }
          okLabel={t("versioning.confirm.ok")}
          onConfirm={() => {
            setConfirming(false);
            put.mutate("Enabled");
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
