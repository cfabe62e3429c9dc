import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { api, type NotificationRule, type Problem } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { queryKeys } from "../../../lib/queryKeys";
import { blocking, FieldProblems, ProblemList } from "../kit/problems";
import {
  covers,
  emptyForm,
  formOf,
  groupEvents,
  keyFilters,
  KEY_FILTERS,
  newPair,
  ruleOf,
  topicName,
  type KeyFilterName,
  type Pair,
  type RuleForm,
} from "./model";

/** How long the form waits after a keystroke before asking Rust for problems. */
const CHECK_DELAY_MS = 200;

interface Props {
  profileId: string;
  bucket: string;
  /** The rule being edited, or null for a new one. */
  initial: NotificationRule | null;
  /** The ids of the rules the bucket holds (a new rule with one of them replaces it). */
  existingIds: readonly string[];
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
}

interface Checked {
  of: string;
  problems: Problem[];
  error?: unknown;
}

/**
 * One rule as a form: id, topic, events, key/metadata/tag filters. Rust checks it as the user
 * types (debounced) and again on Save; nothing is sent while a problem blocks.
 */
export function RuleEditor({ profileId, bucket, initial, existingIds, onSaved, onCancel }: Props) {
  const { t, tn } = useT();
  const uid = useId();
  const [form, setForm] = useState<RuleForm>(() => (initial ? formOf(initial) : emptyForm()));
  // A new, untouched form says nothing; an edited one (or a refused Save) shows its problems.
  const [touched, setTouched] = useState(initial !== null);
  const [checked, setChecked] = useState<Checked>({ of: "", problems: [] });

  // Opening the form takes the keyboard there: the id of a new rule, or the title of an edited one.
  const idInput = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = initial ? title.current : idInput.current;
    target?.focus();
    target?.scrollIntoView?.({ block: "nearest" });
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const topics = useQuery({ queryKey: queryKeys.topics(profileId), queryFn: () => api.listTopics(profileId) });
  const events = useQuery({ queryKey: ["notificationEvents"], queryFn: () => api.notificationEvents(), staleTime: Infinity });

  const rule = ruleOf(form);
  const ruleText = JSON.stringify(rule);

  const check = async (value: NotificationRule, of: string): Promise<Checked> => {
    try {
      return { of, problems: await api.checkNotification(value) };
    } catch (error) {
      return { of, problems: [], error };
    }
  };

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void check(JSON.parse(ruleText) as NotificationRule, ruleText).then((next) => {
        if (live) setChecked(next);
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ruleText]);

  const put = useMutation({
    mutationFn: (value: NotificationRule) => api.putBucketNotification(profileId, bucket, value),
    onSuccess: () => onSaved(),
  });

  const edit = (next: RuleForm) => {
    setForm(next);
    setTouched(true);
    if (put.error) put.reset();
  };

  const save = async () => {
    setTouched(true);
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    const now = await check(rule, ruleText);
    setChecked(now);
    if (now.error || blocking(now.problems).length > 0) return;
    put.mutate(rule);
  };

  const shown = touched ? checked.problems : [];
  const stopping = blocking(shown);
  const keyIndex = (input: KeyFilterName) => keyFilters(form).findIndex((k) => k.input === input);

  // The events to offer: the server's list, and any the rule has that the list lacks.
  const known = events.data ?? [];
  const offered = [...known, ...form.ticked.filter((e) => !known.includes(e))];
  const groups = groupEvents(offered);
  const coveredBy = (event: string) => form.ticked.find((w) => covers(w, event));
  const toggle = (event: string, on: boolean) =>
    edit({ ...form, ticked: on ? [...form.ticked, event] : form.ticked.filter((e) => e !== event) });

  const topicList = topics.data ?? [];
  const topicMissing = form.topicArn !== "" && !topicList.some((tp) => tp.arn === form.topicArn);
  const idTaken = initial === null && existingIds.includes(form.id.trim());

  const eventGroup = (label: string, list: string[]) =>
    list.length > 0 && (
      <fieldset className="notif-event-group">
        <legend>{label}</legend>
        {list.map((event) => {
          const by = coveredBy(event);
          return (
            <label key={event} className="notif-check" title={by ? t("notifications.form.covered", { by }) : undefined}>
              <input
                type="checkbox"
                data-testid={`notification-event-${event}`}
                checked={by !== undefined || form.ticked.includes(event)}
                disabled={by !== undefined}
                onChange={(e) => toggle(event, e.target.checked)}
              />
              <code>{event}</code>
            </label>
          );
        })}
        {list.some((e) => coveredBy(e) !== undefined) && (
          <span className="field-hint notif-covered">
            {t("notifications.form.covered", { by: form.ticked.filter((w) => list.some((e) => covers(w, e))).join(", ") })}
          </span>
        )}
      </fieldset>
    );

  const pairRows = (kind: "meta" | "tag", rows: Pair[], field: "metadata" | "tags") => (
    <>
      {rows.map((row, i) => {
        const set = (next: Partial<Pair>) => edit({ ...form, [field]: rows.map((r) => (r.key === row.key ? { ...r, ...next } : r)) });
        return (
          <div key={row.key} className="notif-pair">
            <div className="notif-pair-inputs">
              <input
                aria-label={t(kind === "meta" ? "notifications.form.metaName" : "notifications.form.tagName", { n: i + 1 })}
                placeholder={kind === "meta" ? "x-amz-meta-kind" : t("notifications.form.name")}
                value={row.name}
                spellCheck={false}
                autoCapitalize="off"
                data-testid={`notification-${kind}-${i}-name`}
                onChange={(e) => set({ name: e.target.value })}
              />
              <input
                aria-label={t(kind === "meta" ? "notifications.form.metaValue" : "notifications.form.tagValue", { n: i + 1 })}
                placeholder={t("notifications.form.value")}
                value={row.value}
                spellCheck={false}
                autoCapitalize="off"
                data-testid={`notification-${kind}-${i}-value`}
                onChange={(e) => set({ value: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t("notifications.form.removeRow", { n: i + 1 })}
                title={t("notifications.form.removeRow", { n: i + 1 })}
                data-testid={`notification-${kind}-${i}-remove`}
                onClick={() => edit({ ...form, [field]: rows.filter((r) => r.key !== row.key) })}
              >
                <Icon name="remove" size={16} />
              </button>
            </div>
            <FieldProblems problems={shown} field={`filter.${field}[${i}]`} />
            <FieldProblems problems={shown} field={`filter.${field}[${i}].name`} />
            <FieldProblems problems={shown} field={`filter.${field}[${i}].value`} />
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button small"
          data-testid={`notification-${kind}-add`}
          onClick={() => edit({ ...form, [field]: [...rows, newPair()] })}
        >
          <Icon name="plus" size={14} />
          {t(kind === "meta" ? "notifications.form.metaAdd" : "notifications.form.tagAdd")}
        </button>
      </div>
    </>
  );

  return (
    <form
      className="notif-form"
      data-testid="notification-form"
      aria-labelledby={`${uid}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${uid}-title`} className="notif-subtitle" ref={title} tabIndex={-1}>
        {initial ? t("notifications.form.edit", { id: initial.id }) : t("notifications.form.add")}
      </h3>

      <div className="notif-row">
        <div className="field">
          <label htmlFor={`${uid}-id`}>{t("notifications.form.id")}</label>
          <input
            id={`${uid}-id`}
            ref={idInput}
            value={form.id}
            readOnly={initial !== null}
            spellCheck={false}
            autoCapitalize="off"
            data-testid="notification-id"
            onChange={(e) => edit({ ...form, id: e.target.value })}
          />
          <span className="field-hint">
            {initial ? t("notifications.form.idFixed") : idTaken ? t("notifications.form.idTaken") : t("notifications.form.idHint")}
          </span>
          <FieldProblems problems={shown} field="id" />
        </div>

        <div className="field">
          <label htmlFor={`${uid}-topic`}>{t("notifications.form.topic")}</label>
          {topics.isPending ? (
            <Spinner label={t("notifications.form.topicsLoading")} />
          ) : topics.error ? (
            <ErrorMessage error={topics.error} />
          ) : (
            <>
              <select
                id={`${uid}-topic`}
                value={form.topicArn}
                data-testid="notification-topic"
                onChange={(e) => edit({ ...form, topicArn: e.target.value })}
              >
                <option value="">{t("notifications.form.topicPick")}</option>
                {topicList.map((tp) => (
                  <option key={tp.arn} value={tp.arn} title={tp.arn}>
                    {tp.name}
                  </option>
                ))}
                {topicMissing && (
                  <option value={form.topicArn} title={form.topicArn}>
                    {topicName(form.topicArn)}
                  </option>
                )}
              </select>
              {topicList.length === 0 && (
                <p className="notice notice-info" data-testid="notifications-no-topics">
                  {t("notifications.form.noTopics")}
                </p>
              )}
            </>
          )}
          <FieldProblems problems={shown} field="topicArn" />
        </div>
      </div>

      <div className="notif-block">
        <span className="notif-label">{t("notifications.form.events")}</span>
        {events.error ? (
          <ErrorMessage error={events.error} />
        ) : (
          <div className="notif-events">
            {eventGroup(t("notifications.form.created"), groups.created)}
            {eventGroup(t("notifications.form.removed"), groups.removed)}
            {eventGroup(t("notifications.form.other"), groups.other)}
          </div>
        )}
        <FieldProblems problems={shown} field="events" exact={false} />
      </div>

      <div className="notif-block">
        <span className="notif-label">{t("notifications.form.keyFilters")}</span>
        <span className="field-hint">{t("notifications.form.keyHint")}</span>
        <div className="notif-row">
          {KEY_FILTERS.map((name) => (
            <div key={name} className="field">
              <label htmlFor={`${uid}-${name}`}>{t(`notifications.form.${name}`)}</label>
              <input
                id={`${uid}-${name}`}
                value={form.keys[name]}
                placeholder={name === "prefix" ? "logs/" : name === "suffix" ? ".jpg" : ""}
                spellCheck={false}
                autoCapitalize="off"
                data-testid={`notification-${name}`}
                onChange={(e) => edit({ ...form, keys: { ...form.keys, [name]: e.target.value } })}
              />
              {keyIndex(name) >= 0 && <FieldProblems problems={shown} field={`filter.key[${keyIndex(name)}]`} exact={false} />}
            </div>
          ))}
        </div>
      </div>

      <div className="notif-block">
        <span className="notif-label">{t("notifications.form.metadata")}</span>
        <span className="field-hint">{t("notifications.form.metaHint")}</span>
        <FieldProblems problems={shown} field="filter.metadata" />
        {pairRows("meta", form.metadata, "metadata")}
      </div>

      <div className="notif-block">
        <span className="notif-label">{t("notifications.form.tags")}</span>
        <span className="field-hint">{t("notifications.form.tagHint")}</span>
        <FieldProblems problems={shown} field="filter.tags" />
        {pairRows("tag", form.tags, "tags")}
      </div>

      {touched && checked.error !== undefined && <ErrorMessage error={checked.error} />}
      {stopping.length > 0 && <p className="notif-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      {put.error && <ErrorMessage error={put.error} />}
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="notification-save" disabled={put.isPending || stopping.length > 0}>
          {put.isPending ? t("config.saving") : t("config.save")}
        </button>
        <button type="button" className="button" data-testid="notification-cancel" onClick={onCancel}>
          {t("notifications.form.cancel")}
        </button>
      </div>
    </form>
  );
}
