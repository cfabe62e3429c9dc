import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, type DeliveryReport, type NotificationRule, type ReceivedEvent } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { Modal } from "../../../components/Modal";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";

interface Props {
  profileId: string;
  bucket: string;
  rule: NotificationRule;
  onClose: () => void;
}

/**
 * "Send a test event": explains what the app does, then asks Rust to run the round trip (a
 * temporary topic pointed at a one-shot listener here, a probe object written and deleted) and
 * shows which events arrived.
 */
export function DeliveryPanel({ profileId, bucket, rule, onClose }: Props) {
  const { t } = useT();
  const id = useId();
  const [reachAt, setReachAt] = useState("");
  const run = useMutation({
    mutationFn: () => api.testNotificationDelivery(profileId, bucket, rule, reachAt.trim() || null),
  });

  return (
    <Modal
      title={t("delivery.title", { id: rule.id })}
      onClose={onClose}
      testId="delivery-panel"
      footer={
        <button type="button" className="button" data-testid="delivery-close" onClick={onClose}>
          {t("delivery.close")}
        </button>
      }
    >
      <div className="notif-delivery">
        <p>{t("delivery.what")}</p>
        <p className="notice notice-info">{t("delivery.reach")}</p>
        {rule.filter.key.some((f) => f.name.toLowerCase() === "regex") && (
          <p className="notice notice-warning" data-testid="delivery-regex">
            {t("delivery.regex")}
          </p>
        )}
        <form
          className="notif-delivery-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!run.isPending) run.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reach`}>{t("delivery.reachAt")}</label>
            <input
              id={`${id}-reach`}
              value={reachAt}
              placeholder="192.168.1.20:8080"
              spellCheck={false}
              autoCapitalize="off"
              data-testid="delivery-reach-at"
              onChange={(e) => setReachAt(e.target.value)}
            />
            <span className="field-hint">{t("delivery.reachAtHint")}</span>
          </div>
          <div>
            <button type="submit" className="button primary" data-testid="delivery-run" disabled={run.isPending}>
              {t("delivery.run")}
            </button>
          </div>
        </form>
        {run.isPending && <Spinner label={t("delivery.running")} />}
        {run.error && <ErrorMessage error={run.error} />}
        {run.data && !run.isPending && <Result report={run.data} />}
      </div>
    </Modal>
  );
}

function Result({ report }: { report: DeliveryReport }) {
  const { t } = useT();
  const nothing = report.created === null && report.removed === null;
  return (
    <div className="notif-delivery-result" data-testid="delivery-result" role="status">
      {nothing ? (
        <div className="notice notice-warning" data-testid="delivery-none">
          <p>
            <strong>{t("delivery.none")}</strong>
          </p>
          <p>{t("delivery.reasons")}</p>
          <ul>
            <li>{t("delivery.reason.reach")}</li>
            <li>{t("delivery.reason.filters")}</li>
            <li>{t("delivery.reason.persistent")}</li>
            <li>{t("delivery.reason.otherRule")}</li>
          </ul>
        </div>
      ) : (
        <>
          {report.created && <Received testId="delivery-created" title={t("delivery.created")} event={report.created} />}
          {report.removed && <Received testId="delivery-removed" title={t("delivery.removed")} event={report.removed} />}
          {report.removalExpected && !report.removed && (
            <p className="notice notice-warning" data-testid="delivery-removed-missing">
              {t("delivery.removedMissing")}
            </p>
          )}
        </>
      )}
      <p className="muted notif-probe">
        {t("delivery.probe", { key: report.probeKey })}
        <br />
        {t("delivery.listener", { address: report.listener })}
      </p>
      {report.cleanupProblems.length > 0 && (
        <div className="notice notice-warning" data-testid="delivery-cleanup">
          <p>{t("delivery.cleanup")}</p>
          <ul>
            {report.cleanupProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Received({ testId, title, event }: { testId: string; title: string; event: ReceivedEvent }) {
  const { t } = useT();
  return (
    <div className="notice notice-success notif-received" data-testid={testId}>
      <p className="notif-received-title">
        <Icon name="check" size={16} />
        <strong>{title}</strong>
      </p>
      <dl className="notif-received-fields">
        <dt>{t("delivery.eventName")}</dt>
        <dd>
          <code>{event.eventName}</code>
        </dd>
        <dt>{t("delivery.key")}</dt>
        <dd>
          <code>{event.key}</code>
        </dd>
        <dt>{t("delivery.opaque")}</dt>
        <dd>{event.opaqueData ? <code>{event.opaqueData}</code> : <span className="muted">{t("delivery.noOpaque")}</span>}</dd>
      </dl>
    </div>
  );
}
