import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type NotificationRule } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import type { SettingsTabProps } from "../tabs";
import { DeliveryPanel } from "./DeliveryPanel";
import { FilterWords } from "./FilterWords";
import { notificationsKey, topicName } from "./model";
import { RuleEditor } from "./RuleEditor";
import "./notifications.css";

/** What the form is doing: nothing, adding a rule, or editing one. */
type Editing = null | { rule: NotificationRule | null };
/** What the confirmation asks to delete: one rule, or all (null). */
type Deleting = null | { id: string | null };

/**
 * The bucket's notification rules: which events go to which topic, with filters in words. Each
 * rule can be edited, deleted, or tested end to end ("Send a test event"). After every change the
 * list is read back from the server.
 */
export function NotificationsTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const rules = useQuery({
    queryKey: notificationsKey(profileId, bucket),
    queryFn: () => api.getBucketNotifications(profileId, bucket),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [testing, setTesting] = useState<NotificationRule | null>(null);
  const [done, setDone] = useState<null | "saved" | "deleted">(null);

  const reread = () => qc.invalidateQueries({ queryKey: notificationsKey(profileId, bucket) });
  const del = useMutation({
    mutationFn: (id: string | null) => api.deleteBucketNotification(profileId, bucket, id),
    onSuccess: async () => {
      setDeleting(null);
      await reread();
      setDone("deleted");
    },
  });

  const list = rules.data ?? [];
  const busy = del.isPending;
  const startEdit = (rule: NotificationRule | null) => {
    setDone(null);
    setEditing({ rule });
  };
  const askDelete = (id: string | null) => {
    del.reset();
    setDone(null);
    setDeleting({ id });
  };

  let body;
  if (rules.isPending) body = <Spinner label={t("notifications.loading")} />;
  else if (rules.error && isUnsupported(rules.error)) body = <UnsupportedNotice error={rules.error} />;
  else if (rules.error) body = <ErrorMessage error={rules.error} />;
  else {
    body = (
      <>
        {done && (
          <p className="notice notice-success" role="status" data-testid="notification-saved">
            {t(done === "saved" ? "notifications.saved" : "notifications.deleted")}
          </p>
        )}
        {editing ? (
          <RuleEditor
            key={editing.rule?.id ?? "new"}
            profileId={profileId}
            bucket={bucket}
            initial={editing.rule}
            existingIds={list.map((r) => r.id)}
            onSaved={async () => {
              await reread();
              setEditing(null);
              setDone("saved");
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div className="settings-actions notif-toolbar">
            <button type="button" className="button primary" data-testid="notification-add" disabled={busy} onClick={() => startEdit(null)}>
              <Icon name="plus" size={14} />
              {t("notifications.add")}
            </button>
            {list.length > 0 && (
              <button type="button" className="button danger-outline" data-testid="notifications-delete-all" disabled={busy} onClick={() => askDelete(null)}>
                {t("notifications.deleteAll")}
              </button>
            )}
          </div>
        )}
        {list.length === 0 ? (
          <p className="notice notice-info" data-testid="notifications-empty">
            {t("notifications.empty")}
          </p>
        ) : (
          <ul className="notif-rules">
            {list.map((rule) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                disabled={busy || editing !== null}
                onEdit={() => startEdit(rule)}
                onDelete={() => askDelete(rule.id)}
                onTest={() => setTesting(rule)}
              />
            ))}
          </ul>
        )}
      </>
    );
  }

  const target = deleting?.id != null ? list.find((r) => r.id === deleting.id) : undefined;
  return (
    <div className="settings-section notif-tab" data-testid="settings-notifications">
      <p className="settings-intro">{t("notifications.intro")}</p>
      {body}
      {deleting && (
        <ConfirmDialog
          title={t(deleting.id === null ? "notifications.confirm.all.title" : "notifications.confirm.one.title")}
          message={
            <>
              <p className="confirm-question">
                {deleting.id === null
                  ? t("notifications.confirm.all.body", { bucket, count: list.length })
                  : t("notifications.confirm.one.body", { id: deleting.id, bucket, topic: topicName(target?.topicArn ?? "") })}
              </p>
              {del.error && <ErrorMessage error={del.error} />}
            </>
          }
          okLabel={del.isPending ? t("config.deleting") : t(deleting.id === null ? "notifications.deleteAll" : "notifications.delete")}
          danger
          busy={del.isPending}
          onConfirm={() => del.mutate(deleting.id)}
          onCancel={() => setDeleting(null)}
        />
      )}
      {testing && <DeliveryPanel profileId={profileId} bucket={bucket} rule={testing} onClose={() => setTesting(null)} />}
    </div>
  );
}

interface RowProps {
  rule: NotificationRule;
  disabled: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onTest: () => void;
}

function RuleRow({ rule, disabled, onEdit, onDelete, onTest }: RowProps) {
  const { t } = useT();
  const base = `notification-rule-${rule.id}`;
  return (
    <li className="notif-rule" data-testid={base}>
      <div className="notif-rule-head">
        <strong className="notif-rule-id">{rule.id}</strong>
        <div className="notif-rule-actions">
          <button type="button" className="button small" data-testid={`${base}-test`} aria-label={t("notifications.testLabel", { id: rule.id })} disabled={disabled} onClick={onTest}>
            <Icon name="plug" size={14} />
            {t("notifications.test")}
          </button>
          <button type="button" className="button small" data-testid={`${base}-edit`} aria-label={t("notifications.editLabel", { id: rule.id })} disabled={disabled} onClick={onEdit}>
            <Icon name="edit" size={14} />
            {t("notifications.edit")}
          </button>
          <button type="button" className="button small danger-outline" data-testid={`${base}-delete`} aria-label={t("notifications.deleteLabel", { id: rule.id })} disabled={disabled} onClick={onDelete}>
            <Icon name="trash" size={14} />
            {t("notifications.delete")}
          </button>
        </div>
      </div>
      <dl className="notif-rule-fields">
        <dt>{t("notifications.col.topic")}</dt>
        <dd>
          <span className="notif-topic" title={rule.topicArn} data-testid={`${base}-topic`}>
            {topicName(rule.topicArn)}
          </span>
        </dd>
        <dt>{t("notifications.col.events")}</dt>
        <dd className="notif-events-list" data-testid={`${base}-events`}>
          {rule.events.map((e) => (
            <code key={e}>{e}</code>
          ))}
        </dd>
        <dt>{t("notifications.col.filters")}</dt>
        <dd data-testid={`${base}-filters`}>
          <FilterWords rule={rule} />
        </dd>
      </dl>
    </li>
  );
}
