import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type TopicSpec, type TopicSummary } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { kindOfAddress } from "./model";
import { topicDetailsKey, useTopicDetails, useTopics } from "./queries";
import { TopicDetailsDialog } from "./TopicDetailsDialog";
import { TopicFormDialog } from "./TopicForm";
import "./topics.css";

/** What is open over the list. */
type Open =
  | { kind: "new" }
  | { kind: "edit"; spec: TopicSpec }
  | { kind: "view"; topic: TopicSummary }
  | { kind: "delete"; topic: TopicSummary }
  | null;

/** /p/$profileId/topics: the account's topics; create, view, edit and delete them. */
export function TopicsPage({ profileId }: { profileId: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const topics = useTopics(profileId);
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ error?: unknown; unknownKind?: string } | null>(null);

  const startEdit = useMutation({
    mutationFn: (topic: TopicSummary) =>
      qc.fetchQuery({ queryKey: topicDetailsKey(profileId, topic.arn), queryFn: () => api.getTopic(profileId, topic.arn) }),
    onSuccess: (details) => {
      if (details.spec) setOpen({ kind: "edit", spec: details.spec });
      else setNotice({ unknownKind: details.name });
    },
    onError: (error) => setNotice({ error }),
  });

  const act = (next: Open) => {
    setNotice(null);
    setSaved(null);
    setOpen(next);
  };

  let body;
  if (topics.isPending) body = <Spinner label={t("topics.loading")} />;
  else if (topics.error) body = <ErrorMessage error={topics.error} />;
  else if (topics.data.length === 0)
    body = (
      <p className="page-empty muted" data-testid="topics-empty">
        {t("topics.empty")}
      </p>
    );
  else
    body = (
      <table className="data-table topics-table" data-testid="topics-list">
        <thead>
          <tr>
            <th scope="col">{t("topics.col.name")}</th>
            <th scope="col">{t("topics.col.arn")}</th>
            <th scope="col">{t("topics.col.endpoint")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("topics.col.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {topics.data.map((topic) => (
            <TopicRow
              key={topic.arn}
              profileId={profileId}
              topic={topic}
              editing={startEdit.isPending && startEdit.variables?.arn === topic.arn}
              onView={() => act({ kind: "view", topic })}
              onEdit={() => {
                act(null);
                startEdit.mutate(topic);
              }}
              onDelete={() => act({ kind: "delete", topic })}
            />
          ))}
        </tbody>
      </table>
    );

  return (
    <section className="page topics-page" data-testid="topics-page">
      <header className="page-header row">
        <div className="page-title">
          <h2>{t("topics.title")}</h2>
          <p className="muted">{t("topics.intro")}</p>
        </div>
        <div className="button-row">
          <button type="button" className="button primary" data-testid="topic-new" onClick={() => act({ kind: "new" })}>
            {t("topics.new")}
          </button>
        </div>
      </header>
      {saved && (
        <p className="notice notice-success topic-notice" role="status" data-testid="topic-saved">
          {t("topics.saved")} <code className="mono">{saved}</code>
        </p>
      )}
      {notice?.unknownKind && (
        <p className="notice notice-info topic-notice" role="status" data-testid="topic-unknown-kind">
          {t("topics.unknownKindEdit", { name: notice.unknownKind })}
        </p>
      )}
      {notice?.error !== undefined && <ErrorMessage error={notice.error} />}
      {body}

      {(open?.kind === "new" || open?.kind === "edit") && (
        <TopicFormDialog
          profileId={profileId}
          initial={open.kind === "edit" ? open.spec : null}
          onClose={() => setOpen(null)}
          onSaved={(arn) => {
            setOpen(null);
            setSaved(arn);
          }}
        />
      )}
      {open?.kind === "view" && <TopicDetailsDialog profileId={profileId} topic={open.topic} onClose={() => setOpen(null)} />}
      {open?.kind === "delete" && (
        <DeleteTopic profileId={profileId} topic={open.topic} onDone={() => setOpen(null)} />
      )}
    </section>
  );
}

function TopicRow({
  profileId,
  topic,
  editing,
  onView,
  onEdit,
  onDelete,
}: {
  profileId: string;
  topic: TopicSummary;
  editing: boolean;
  onView: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useT();
  const details = useTopicDetails(profileId, topic.arn);
  const kind = details.data ? (details.data.spec?.endpoint.kind ?? kindOfAddress(details.data.endpointAddress)) : null;
  let endpoint;
  if (details.isPending) endpoint = <span className="muted">{t("common.loading")}</span>;
  else if (details.error || !details.data) endpoint = <span className="muted">{t("topics.endpointUnknown")}</span>;
  else
    endpoint = (
      <>
        <span className="badge topic-kind-badge" data-testid={`topic-${topic.name}-kind`}>
          {kind ? t(`topics.kind.${kind}` as MessageKey) : t("topics.kind.other")}
        </span>{" "}
        <span className="mono">{details.data.endpointAddress ?? "—"}</span>
      </>
    );
  return (
    <tr data-testid={`topic-${topic.name}`}>
      <td className="topic-name">{topic.name}</td>
      <td className="mono topic-arn">{topic.arn}</td>
      <td className="topic-endpoint">{endpoint}</td>
      <td>
        <div className="topic-actions">
        <button
          type="button"
          className="button small"
          data-testid={`topic-${topic.name}-view`}
          aria-label={t("topics.viewLabel", { name: topic.name })}
          onClick={onView}
        >
          {t("topics.view")}
        </button>
        <button
          type="button"
          className="button small"
          data-testid={`topic-${topic.name}-edit`}
          aria-label={t("topics.editLabel", { name: topic.name })}
          disabled={editing}
          onClick={onEdit}
        >
          {t("topics.edit")}
        </button>
        <button
          type="button"
          className="button small danger"
          data-testid={`topic-${topic.name}-delete`}
          aria-label={t("topics.deleteLabel", { name: topic.name })}
          onClick={onDelete}
        >
          {t("common.delete")}
        </button>
        </div>
      </td>
    </tr>
  );
}

/** Confirmation that first reads which rules still send to the topic; deleting anyway is allowed. */
function DeleteTopic({ profileId, topic, onDone }: { profileId: string; topic: TopicSummary; onDone: () => void }) {
  const { t, tn } = useT();
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: [...queryKeys.topics(profileId), "users", topic.arn],
    queryFn: () => api.topicUsers(profileId, topic.arn),
    staleTime: 0,
  });
  const del = useMutation({
    mutationFn: () => api.deleteTopic(profileId, topic.arn),
    onSuccess: async () => {
      // Idempotent: a topic already gone simply leaves the list.
      qc.setQueryData<TopicSummary[]>(queryKeys.topics(profileId), (list) => list?.filter((x) => x.arn !== topic.arn));
      qc.removeQueries({ queryKey: topicDetailsKey(profileId, topic.arn) });
      onDone();
      await qc.invalidateQueries({ queryKey: queryKeys.topics(profileId), exact: true });
    },
  });
  const list = users.data ?? [];
  return (
    <ConfirmDialog
      title={t("topics.delete.title", { name: topic.name })}
      message={
        <>
          <p className="confirm-question">{t("topics.delete.body", { name: topic.name })}</p>
          {users.isPending && <Spinner label={t("topics.delete.checking")} />}
          {users.error && <ErrorMessage error={users.error} context={t("topics.delete.usersFailed")} />}
          {list.length > 0 && (
            <div className="notice notice-warning topic-notice topic-users-warning">
              <p>{tn("topics.delete.inUse", list.length)}</p>
              <ul className="topic-users" data-testid="topic-users">
                {list.map((u) => (
                  <li key={`${u.bucket}\n${u.ruleId}`}>{t("topics.delete.use", { bucket: u.bucket, rule: u.ruleId })}</li>
                ))}
              </ul>
            </div>
          )}
          {del.error && <ErrorMessage error={del.error} />}
        </>
      }
      okLabel={del.isPending ? t("topics.delete.deleting") : list.length > 0 ? t("topics.delete.anyway") : t("common.delete")}
      danger
      busy={del.isPending || users.isPending}
      onConfirm={() => del.mutate()}
      onCancel={onDone}
    />
  );
}
