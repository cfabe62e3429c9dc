import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { api, type LifecycleConfiguration, type LifecycleRule, type Problem } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, problemsAt, ProblemList } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import type { SettingsTabProps } from "../tabs";
import { formCanShow, newRuleForm, ruleFromConfig, ruleToConfig, type RuleForm } from "./model";
import { RuleEditor } from "./RuleEditor";
import { describeRule } from "./sentence";
import "./lifecycle.css";

const lifecycleKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "lifecycle"] as const;

/** How long the form waits after a keystroke before asking Rust for problems. */
const CHECK_DELAY_MS = 200;

/**
 * The bucket's lifecycle rules: a list read aloud in plain sentences, a form for one rule at a
 * time, and the whole configuration as JSON. Rust's problems show as the user edits; Save sends
 * nothing while any blocks, replaces every rule, then shows what the server reads back.
 */
export function LifecycleTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const lifecycle = useQuery({
    queryKey: lifecycleKey(profileId, bucket),
    queryFn: () => api.getBucketLifecycle(profileId, bucket),
  });
  // Bumped once the server's answer has been read back: the editor starts again from it.
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirming, setConfirming] = useState(false);

  const reread = async () => {
    await qc.invalidateQueries({ queryKey: lifecycleKey(profileId, bucket) });
    setGeneration((g) => g + 1);
    setSaved(true);
  };
  const put = useMutation({
    mutationFn: (config: LifecycleConfiguration) => api.putBucketLifecycle(profileId, bucket, config),
    onSuccess: reread,
  });
  const del = useMutation({
    mutationFn: () => api.deleteBucketLifecycle(profileId, bucket),
    onSuccess: async () => {
      setConfirming(false);
      await reread();
    },
  });

  const edited = () => {
    setSaved(false);
    if (put.error) put.reset();
  };

  let body;
  if (lifecycle.isPending) body = <Spinner label={t("common.loading")} />;
  else if (lifecycle.error && isUnsupported(lifecycle.error)) {
    body = (
      <>
        <UnsupportedNotice error={lifecycle.error} />
        <fieldset className="lifecycle-disabled" disabled>
          <LifecycleEditor initial={null} startView="form" onView={() => {}} onEdit={() => {}} onSave={() => {}} busy />
        </fieldset>
      </>
    );
  } else if (lifecycle.error) body = <ErrorMessage error={lifecycle.error} />;
  else {
    const current = lifecycle.data ?? null;
    body = (
      <>
        <LifecycleEditor
          key={generation}
          initial={current}
          startView={view}
          onView={setView}
          onEdit={edited}
          onSave={(config) => {
            setSaved(false);
            put.mutate(config);
          }}
          busy={put.isPending || del.isPending}
          saving={put.isPending}
          onDelete={
            current && current.Rules.length > 0
              ? () => {
                  del.reset();
                  setConfirming(true);
                }
              : undefined
          }
          deleting={del.isPending}
        />
        {put.error && <ErrorMessage error={put.error} />}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="lifecycle-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="settings-section lifecycle-tab" data-testid="settings-lifecycle">
      <p className="settings-intro">{t("lifecycle.intro")}</p>
      <p className="field-hint">{t("lifecycle.hint")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("lifecycle.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("lifecycle.confirm.body")}</p>
              {del.error && <ErrorMessage error={del.error} />}
            </>
          }
          okLabel={del.isPending ? t("config.deleting") : t("lifecycle.deleteAll")}
          danger
          busy={del.isPending}
          onConfirm={() => del.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

interface EditorProps {
  initial: LifecycleConfiguration | null;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  onSave: (config: LifecycleConfiguration) => void;
  busy: boolean;
  saving?: boolean;
  onDelete?: () => void;
  deleting?: boolean;
}

/** The last answer of Rust about one text or one configuration (`of` says which). */
interface Checked {
  of: string;
  problems: Problem[];
  document: LifecycleConfiguration | null;
}

/** The rule being edited in the form: an existing one (`index` < rules.length) or a new one at the end. */
interface Editing {
  index: number;
  isNew: boolean;
  form: RuleForm;
}

const NONE: Checked = { of: "", problems: [], document: null };

function LifecycleEditor({ initial, startView, onView, onEdit, onSave, busy, saving, onDelete, deleting }: EditorProps) {
  const { t, tn } = useT();
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [rules, setRules] = useState<LifecycleRule[]>(() => initial?.Rules ?? []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [view, setView] = useState<EditorView>("form");
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<Checked>(NONE);
  const [checked, setChecked] = useState<Checked>(NONE);
  const [jsonBlocked, setJsonBlocked] = useState(false);
  // After the form closes, focus goes back to the control that opened it (by its test id).
  const focusAfter = useRef<string | null>(null);
  const setFocusAfter = (testId: string) => {
    focusAfter.current = testId;
  };

  // What Save would send: the list, with the rule open in the form in its place.
  const effective = editing
    ? editing.isNew
      ? [...rules, ruleToConfig(editing.form)]
      : rules.map((r, i) => (i === editing.index ? ruleToConfig(editing.form) : r))
    : rules;
  const config: LifecycleConfiguration = { Rules: effective };
  const configText = JSON.stringify(config);
  const unchanged = configText === JSON.stringify({ Rules: initial?.Rules ?? [] });

  // Problems of the form, from Rust, once the user has paused (an empty list: nothing to check).
  useEffect(() => {
    if (view !== "form") return;
    let live = true;
    const timer = setTimeout(() => {
      const value = JSON.parse(configText) as LifecycleConfiguration;
      if (value.Rules.length === 0) {
        setChecked({ of: configText, problems: [], document: value });
        return;
      }
      void api.checkConfig({ kind: "lifecycle", value }).then((problems) => {
        if (live) setChecked({ of: configText, problems, document: value });
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [configText, view]);

  useLayoutEffect(() => {
    if (!focusAfter.current) return;
    listRef.current?.querySelector<HTMLElement>(`[data-testid="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  });

  const parse = async (source: string): Promise<Checked> => {
    const r = await api.parseConfig("lifecycle", source);
    const document = r.document?.kind === "lifecycle" ? r.document.value : null;
    return { of: source, problems: r.problems, document };
  };

  // The JSON view: Rust parses the text once the user has paused; the list follows valid text.
  useEffect(() => {
    if (view !== "json") return;
    let live = true;
    const timer = setTimeout(() => {
      void parse(text).then((next) => {
        if (!live) return;
        setParsed(next);
        if (next.document) {
          setRules(next.document.Rules);
          setJsonBlocked(false);
        }
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, view]);

  const showJson = async () => {
    // The rule open in the form goes into the list first: the JSON view shows all of it.
    setRules(effective);
    setEditing(null);
    const printed = await api.printConfig({ kind: "lifecycle", value: config });
    setText(printed);
    setView("json");
    onView("json");
  };

  const showForm = async () => {
    const now = parsed.of === text ? parsed : await parse(text);
    setParsed(now);
    if (!now.document) {
      setJsonBlocked(true);
      return;
    }
    setRules(now.document.Rules);
    setJsonBlocked(false);
    setView("form");
    onView("form");
  };

  // Back from a save made in the JSON view: show the server's answer there too.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (startView !== "json") return;
    void api.printConfig({ kind: "lifecycle", value: { Rules: initial?.Rules ?? [] } }).then((printed) => {
      setText(printed);
      setView("json");
    });
    // Once, on mount: the view the user was in before the read-back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const change = (next: LifecycleRule[]) => {
    setRules(next);
    onEdit();
  };

  const openAdd = () => {
    setEditing({ index: rules.length, isNew: true, form: newRuleForm(rules.map((r) => r.ID)) });
    onEdit();
  };
  const openEdit = (i: number) => setEditing({ index: i, isNew: false, form: ruleFromConfig(rules[i]) });
  const closeForm = (apply: boolean) => {
    if (!editing) return;
    const back = editing.isNew ? (apply ? `lifecycle-rule-${editing.index}-edit` : "lifecycle-add-rule") : `lifecycle-rule-${editing.index}-edit`;
    if (apply) change(effective);
    setEditing(null);
    setFocusAfter(back);
  };

  const save = async () => {
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    if (view === "json") {
      const now = await parse(text);
      setParsed(now);
      if (!now.document || blocking(now.problems).length > 0) return;
      onSave(now.document);
    } else {
      if (effective.length === 0) return;
      const problems = await api.checkConfig({ kind: "lifecycle", value: config });
      setChecked({ of: configText, problems, document: config });
      if (blocking(problems).length > 0) return;
      onSave(config);
    }
  };

  const shown = view === "json" ? parsed.problems : checked.problems;
  const stopping = blocking(shown);
  const hadRules = (initial?.Rules.length ?? 0) > 0;

  return (
    <>
      <div className="lifecycle-toolbar">
        <ViewToggle view={view} onView={(v) => void (v === "json" ? showJson() : showForm())} />
      </div>

      {view === "json" ? (
        <>
          <p className="field-hint">{t("config.jsonHint")}</p>
          <JsonEditor
            value={text}
            onChange={(next) => {
              setText(next);
              onEdit();
            }}
            problems={parsed.problems}
            label={t("settings.tab.lifecycle")}
            testId="lifecycle-json"
          />
          {jsonBlocked && (
            <p className="notice notice-warning" data-testid="lifecycle-json-blocked">
              {t("lifecycle.jsonBlocked")}
            </p>
          )}
        </>
      ) : (
        <section className="lifecycle-rules" aria-labelledby={`${id}-rules`} ref={listRef}>
          <h3 id={`${id}-rules`} className="lifecycle-subtitle">
            {t("lifecycle.rules")}
          </h3>
          {rules.length === 0 && !editing && (
            <p className="notice notice-info" data-testid="lifecycle-empty">
              {hadRules ? t("lifecycle.noneLeft") : t("lifecycle.empty")}
            </p>
          )}
          {rules.length > 0 && (
            <ol className="lifecycle-list-rules">
              {rules.map((rule, i) =>
                editing && !editing.isNew && editing.index === i ? (
                  <li key={i} className="lifecycle-editing">
                    <RuleEditor
                      index={i}
                      isNew={false}
                      form={editing.form}
                      problems={shown}
                      onChange={(patch) => {
                        setEditing({ ...editing, form: { ...editing.form, ...patch } });
                        onEdit();
                      }}
                      onDone={() => closeForm(true)}
                      onCancel={() => closeForm(false)}
                    />
                  </li>
                ) : (
                  <RuleCard
                    key={i}
                    index={i}
                    rule={rule}
                    problems={problemsAt(shown, `Rules[${i}]`)}
                    locked={editing !== null || busy}
                    onEdit={() => openEdit(i)}
                    onToggle={() =>
                      change(rules.map((r, k) => (k === i ? { ...r, Status: r.Status === "Enabled" ? "Disabled" : "Enabled" } : r)))
                    }
                    onRemove={() => {
                      change(rules.filter((_, k) => k !== i));
                      setFocusAfter(rules.length > 1 ? `lifecycle-rule-${Math.min(i, rules.length - 2)}-edit` : "lifecycle-add-rule");
                    }}
                  />
                ),
              )}
            </ol>
          )}
          {editing?.isNew && (
            <RuleEditor
              index={editing.index}
              isNew
              form={editing.form}
              problems={shown}
              onChange={(patch) => {
                setEditing({ ...editing, form: { ...editing.form, ...patch } });
                onEdit();
              }}
              onDone={() => closeForm(true)}
              onCancel={() => closeForm(false)}
            />
          )}
          {!editing && (
            <div>
              <button type="button" className="button" data-testid="lifecycle-add-rule" disabled={busy} onClick={openAdd}>
                <Icon name="plus" size={14} />
                {t("lifecycle.addRule")}
              </button>
            </div>
          )}
        </section>
      )}

      {!unchanged && (
        <p className="notice notice-warning" data-testid="lifecycle-unsaved">
          {t("lifecycle.unsaved")}
        </p>
      )}
      {stopping.length > 0 && <p className="lifecycle-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      <div className="settings-actions lifecycle-actions">
        <button
          type="button"
          className="button primary"
          data-testid="lifecycle-save"
          disabled={busy || stopping.length > 0 || (view === "form" && (effective.length === 0 || unchanged))}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
        {onDelete && (
          <button type="button" className="button danger-outline" data-testid="lifecycle-delete" disabled={busy} onClick={onDelete}>
            <Icon name="trash" size={14} />
            {deleting ? t("config.deleting") : t("lifecycle.deleteAll")}
          </button>
        )}
      </div>
    </>
  );
}

interface CardProps {
  index: number;
  rule: LifecycleRule;
  /** Rust's problems of this rule (listed in full above Save). */
  problems: readonly Problem[];
  /** Another rule is open in the form, or a request is under way. */
  locked: boolean;
  onEdit: () => void;
  onToggle: () => void;
  onRemove: () => void;
}

/** One rule in the list: its ID, its status and what it does, in a sentence. */
function RuleCard({ index, rule, problems, locked, onEdit, onToggle, onRemove }: CardProps) {
  const { t, tn } = useT();
  const name = rule.ID ?? "";
  const label = name || t("lifecycle.noId");
  const enabled = rule.Status === "Enabled";
  const showable = formCanShow(rule);
  return (
    <li className="lifecycle-card" data-testid={`lifecycle-rule-${index}`}>
      <div className="lifecycle-card-head">
        <span className={`lifecycle-id mono ${name ? "" : "muted"}`}>{label}</span>
        <span className={`lifecycle-status ${enabled ? "is-enabled" : "is-disabled"}`} data-testid={`lifecycle-rule-${index}-status`}>
          {enabled ? t("lifecycle.enabled") : t("lifecycle.disabled")}
        </span>
        {problems.length > 0 && <span className="badge warning">{tn("lifecycle.ruleProblems", problems.length)}</span>}
        <span className="lifecycle-card-actions">
          <button
            type="button"
            className="button small"
            data-testid={`lifecycle-rule-${index}-edit`}
            aria-label={t("lifecycle.editLabel", { id: label })}
            disabled={locked || !showable}
            onClick={onEdit}
          >
            <Icon name="edit" size={14} />
            {t("lifecycle.edit")}
          </button>
          <button
            type="button"
            className="button small"
            data-testid={`lifecycle-rule-${index}-toggle`}
            aria-label={t(enabled ? "lifecycle.disableLabel" : "lifecycle.enableLabel", { id: label })}
            disabled={locked}
            onClick={onToggle}
          >
            {enabled ? t("lifecycle.disable") : t("lifecycle.enable")}
          </button>
          <button
            type="button"
            className="button small danger-outline"
            data-testid={`lifecycle-rule-${index}-remove`}
            aria-label={t("lifecycle.removeLabel", { id: label })}
            disabled={locked}
            onClick={onRemove}
          >
            <Icon name="trash" size={14} />
            {t("lifecycle.remove")}
          </button>
        </span>
      </div>
      <p className="lifecycle-sentence" data-testid={`lifecycle-rule-${index}-sentence`}>
        {describeRule(rule, { t, tn })}
      </p>
      {!showable && <p className="field-hint">{t("lifecycle.jsonOnly")}</p>}
    </li>
  );
}
