import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, type Payer } from "../../../backend";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT, type MessageKey } from "../../../i18n";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import type { SettingsTabProps } from "../tabs";
import "./payment.css";

const paymentKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "requestPayment"] as const;

const PAYERS: readonly Payer[] = ["BucketOwner", "Requester"];

const LABEL: Record<Payer, MessageKey> = { BucketOwner: "payment.BucketOwner", Requester: "payment.Requester" };
const HINT: Record<Payer, MessageKey> = { BucketOwner: "payment.BucketOwner.hint", Requester: "payment.Requester.hint" };

/**
 * Request payment: the bucket owner pays (the usual) or the requester does. Save writes the
 * choice and reads it back, so what is shown as chosen is what the server holds.
 */
export function RequestPaymentTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const id = useId();
  const payment = useQuery({
    queryKey: paymentKey(profileId, bucket),
    queryFn: () => api.getBucketRequestPayment(profileId, bucket),
  });
  // The user's choice, until saved (null: the server's).
  const [choice, setChoice] = useState<Payer | null>(null);
  const [saved, setSaved] = useState(false);
  const put = useMutation({
    mutationFn: (payer: Payer) => api.putBucketRequestPayment(profileId, bucket, { Payer: payer }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: paymentKey(profileId, bucket) });
      setChoice(null);
      setSaved(true);
    },
  });

  let body;
  if (payment.isPending) body = <Spinner label={t("common.loading")} />;
  else if (payment.error && isUnsupported(payment.error)) body = <UnsupportedNotice error={payment.error} />;
  else if (payment.error) body = <ErrorMessage error={payment.error} />;
  else {
    const server = payment.data.Payer;
    const selected = choice ?? server;
    body = (
      <>
        <fieldset className="payment-choices">
          <legend>{t("payment.payer")}</legend>
          {PAYERS.map((payer) => (
            <label key={payer} className={`payment-choice ${selected === payer ? "selected" : ""}`}>
              <input
                type="radio"
                name={`${id}-payer`}
                value={payer}
                checked={selected === payer}
                disabled={put.isPending}
                data-testid={`payment-${payer}`}
                aria-describedby={`${id}-${payer}-hint`}
                onChange={() => {
                  setChoice(payer);
                  setSaved(false);
                  put.reset();
                }}
              />
              <span>
                <span className="payment-choice-label">{t(LABEL[payer])}</span>
                <span className="field-hint" id={`${id}-${payer}-hint`}>
                  {t(HINT[payer])}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="muted" data-testid="payment-current">
          {t("payment.current", { payer: t(LABEL[server]) })}
        </p>
        <div className="settings-actions">
          <button
            type="button"
            className="button primary"
            data-testid="payment-save"
            disabled={put.isPending || selected === server}
            onClick={() => {
              setSaved(false);
              put.mutate(selected);
            }}
          >
            {put.isPending ? t("config.saving") : t("config.save")}
          </button>
        </div>
        {put.error && <ErrorMessage error={put.error} />}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="payment-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="settings-section payment-tab" data-testid="settings-requestPayment">
      <p className="settings-intro">{t("payment.intro")}</p>
      {body}
    </div>
  );
}
