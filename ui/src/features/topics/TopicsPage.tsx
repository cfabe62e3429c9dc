import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { useTopics } from "./queries";

/** /p/$profileId/topics: the account's topics, read-only. */
export function TopicsPage({ profileId }: { profileId: string }) {
  const { t } = useT();
  const topics = useTopics(profileId);
  return (
    <section className="page">
      <header className="page-header">
        <h2>{t("topics.title")}</h2>
        <p className="muted">{t("topics.intro")}</p>
      </header>
      {topics.isPending ? (
        <Spinner label={t("topics.loading")} />
      ) : topics.error ? (
        <ErrorMessage error={topics.error} />
      ) : topics.data.length === 0 ? (
        <p className="page-empty muted" data-testid="topics-empty">
          {t("topics.empty")}
        </p>
      ) : (
        <table className="data-table" data-testid="topics-list">
          <thead>
            <tr>
              <th>{t("topics.col.name")}</th>
              <th>{t("topics.col.arn")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.data.map((topic) => (
              <tr key={topic.arn} data-testid={`topic-${topic.name}`}>
                <td>{topic.name}</td>
                <td className="mono">{topic.arn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
