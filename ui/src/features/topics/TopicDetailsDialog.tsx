import type { TopicSummary } from "../../backend";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useTopicDetails } from "./queries";

/** What the server holds for one topic: its ARN, owner, endpoint and every attribute, parsed. */
export function TopicDetailsDialog({ profileId, topic, onClose }: { profileId: string; topic: TopicSummary; onClose: () => void }) {
  const { t } = useT();
  const details = useTopicDetails(profileId, topic.arn);
  const footer = (
    <button type="button" className="button" onClick={onClose} data-testid="topic-details-close">
      {t("common.close")}
    </button>
  );
  let body;
  if (details.isPending) body = <Spinner label={t("common.loading")} />;
  else if (details.error) body = <ErrorMessage error={details.error} />;
  else {
    const d = details.data;
    const attributes = Object.entries(d.attributes)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    const none = <span className="muted">{t("topics.details.none")}</span>;
    body = (
      <>
        <dl className="topic-facts">
          <dt>{t("topics.col.arn")}</dt>
          <dd className="mono" data-testid="topic-details-arn">
            {d.arn}
          </dd>
          <dt>{t("topics.details.owner")}</dt>
          <dd data-testid="topic-details-owner">{d.owner ?? none}</dd>
          <dt>{t("topics.col.endpoint")}</dt>
          <dd className="mono" data-testid="topic-details-endpoint">
            {d.endpointAddress ?? none}
          </dd>
          <dt>{t("topics.details.persistent")}</dt>
          <dd data-testid="topic-details-persistent">{d.persistent ? t("topics.details.yes") : t("topics.details.no")}</dd>
          <dt>{t("topics.form.opaque")}</dt>
          <dd data-testid="topic-details-opaque">{d.opaqueData ?? none}</dd>
        </dl>
        {d.spec === null && (
          <p className="notice notice-info topic-notice" data-testid="topic-details-unknown-kind">
            {t("topics.unknownKind")}
          </p>
        )}
        <h3 className="topic-subtitle">{t("topics.details.attributes")}</h3>
        {attributes.length === 0 ? (
          <p className="muted">{t("topics.details.noAttributes")}</p>
        ) : (
          <table className="data-table topic-attributes" data-testid="topic-attributes">
            <thead>
              <tr>
                <th scope="col">{t("topics.details.attribute")}</th>
                <th scope="col">{t("topics.details.value")}</th>
              </tr>
            </thead>
            <tbody>
              {attributes.map(([name, value]) => (
                <tr key={name} data-testid={`topic-attribute-${name}`}>
                  <td className="mono">{name}</td>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <Modal title={t("topics.details.title", { name: topic.name })} onClose={onClose} testId="topic-details" footer={footer}>
      {body}
    </Modal>
  );
}
