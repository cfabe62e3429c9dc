import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { api, type BucketPolicy, type PolicyDocument, type PolicyTemplate, type Problem, type Statement } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT, type MessageKey } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, FieldProblems, ProblemList } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import type { SettingsTabProps } from "../tabs";
import { emptyStatement, hasContent, newDocument, placeholdersIn, publicStatements, TEMPLATES, toFormFields } from "./model";
import { StatementEditor } from "./StatementEditor";
import "./policy.css";

const policyKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "policy"] as const;
const actionsKey = ["bucketConfig", "policyActions"] as const;

/** How long the form (or the JSON text) rests before Rust checks it. */
const CHECK_DELAY_MS = 200;

const TEMPLATE_LABEL: Record<PolicyTemplate, MessageKey> = {
  publicRead: "policy.template.publicRead",
  readOnlyForUser: "policy.template.readOnlyForUser",
  refererAllowList: "policy.template.refererAllowList",
  denyInsecureTransport: "policy.template.denyInsecureTransport",
};

/**
 * The bucket policy: statements as cards (or the JSON text, kept in sync through Rust's parse and
 * print), checked by Rust as they change, sent only without blocking problems, and read back
 * after a save or a delete so that what shows is what the server holds.
 */
export function PolicyTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const policy = useQuery({
    queryKey: policyKey(profileId, bucket),
    queryFn: () => api.getBucketPolicy(profileId, bucket),
  });
  const actions = useQuery({ queryKey: actionsKey, queryFn: () => api.bucketPolicyActions(), staleTime: Infinity });
  // Bumped once the server's answer has been read back: the editor starts again from it.
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirming, setConfirming] = useState(false);

  const reread = async () => {
    await qc.invalidateQueries({ queryKey: policyKey(profileId, bucket) });
    setGeneration((g) => g + 1);
    setSaved(true);
  };
  const put = useMutation({
    mutationFn: (text: string) => api.putBucketPolicy(profileId, bucket, text),
    onSuccess: reread,
  });
  const del = useMutation({
    mutationFn: () => api.deleteBucketPolicy(profileId, bucket),
    onSuccess: async () => {
      setConfirming(false);
      await reread();
    },
  });

  const edited = () => {
    setSaved(false);
    if (put.error) put.reset();
  };
  const known = actions.data ?? [];

  let body: ReactNode;
  if (policy.data !== undefined) {
    const current = policy.data;
    body = (
      <>
        {current === null && (
          <p className="notice notice-info" data-testid="policy-empty">
            {t("policy.empty")}
          </p>
        )}
        {policy.error && <ErrorMessage error={policy.error} />}
        <PolicyEditor
          key={generation}
          initial={current}
          bucket={bucket}
          actions={known}
          startView={view}
          onView={setView}
          onEdit={edited}
          onSave={(text) => {
            setSaved(false);
            put.mutate(text);
          }}
          busy={put.isPending || del.isPending}
          saving={put.isPending}
          onDelete={
            current
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
          <p className="notice notice-success" role="status" data-testid="policy-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  } else if (isUnsupported(policy.error)) {
    body = (
      <>
        <UnsupportedNotice error={policy.error} />
        <fieldset className="policy-disabled" disabled>
          <PolicyEditor initial={null} bucket={bucket} actions={known} startView="form" onView={() => {}} onEdit={() => {}} onSave={() => {}} busy />
        </fieldset>
      </>
    );
  } else if (policy.error) body = <ErrorMessage error={policy.error} />;
  else body = <Spinner label={t("common.loading")} />;

  return (
    <div className="settings-section policy-tab" data-testid="settings-policy">
      <p className="settings-intro">{t("policy.intro")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("policy.confirmDelete.title")}
          message={
            <>
              <p className="confirm-question">{t("policy.confirmDelete.body", { bucket })}</p>
              {del.error && <ErrorMessage error={del.error} />}
            </>
          }
          okLabel={del.isPending ? t("config.deleting") : t("config.delete")}
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
  /** What the server holds (null: no policy). */
  initial: BucketPolicy | null;
  bucket: string;
  actions: readonly string[];
  /** The view the user was in before the read-back. */
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  /** The exact text to send. */
  onSave: (text: string) => void;
  busy: boolean;
  saving?: boolean;
  onDelete?: () => void;
  deleting?: boolean;
}

/** Rust's last answer about one JSON text. */
interface Parsed {
  of: string;
  problems: Problem[];
  document: PolicyDocument | null;
}

let statementKeys = 0;
const freshKeys = (doc: PolicyDocument | null) => (doc?.statements ?? []).map(() => ++statementKeys);

function PolicyEditor({ initial, bucket, actions, startView, onView, onEdit, onSave, busy, saving, onDelete, deleting }: EditorProps) {
  const { t, tn } = useT();
  const id = useId();
  const placeholderHint = `${id}-placeholders`;
  const fromServer = initial?.parsed.document ?? null;
  const [doc, setDoc] = useState<PolicyDocument | null>(fromServer);
  const [keys, setKeys] = useState<number[]>(() => freshKeys(fromServer));
  // The server's text cannot be a form: the JSON view alone, with the problems.
  const jsonOnly = initial !== null && fromServer === null;
  const [view, setView] = useState<EditorView>(jsonOnly || (initial && startView === "json") ? "json" : "form");
  const [text, setText] = useState(initial?.text ?? "");
  // The document `text` shows (printed from or parsed into): the form has not changed it since.
  const textDoc = useRef<PolicyDocument | null>(fromServer);
  const [parsed, setParsed] = useState<Parsed>({ of: initial?.text ?? "", problems: initial?.parsed.problems ?? [], document: fromServer });
  const [checked, setChecked] = useState<Problem[]>(fromServer ? (initial?.parsed.problems ?? []) : []);
  const [jsonBlocked, setJsonBlocked] = useState(false);
  const [template, setTemplate] = useState<PolicyTemplate>("publicRead");
  const [replacing, setReplacing] = useState<PolicyDocument | null>(null);

  const docKey = doc ? JSON.stringify(doc) : "";

  /** Rust's problems of the form's model, in the printed text that would be sent, on the form's rows. */
  const checkForm = async (model: PolicyDocument) => {
    const printed = await api.printBucketPolicy(model);
    const r = await api.parseBucketPolicy(printed);
    return { printed, document: r.document, problems: toFormFields(r.problems, model, r.document) };
  };

  // Problems of the form, from Rust, once the user has paused.
  useEffect(() => {
    if (view !== "form" || docKey === "") return;
    let live = true;
    const timer = setTimeout(() => {
      void checkForm(JSON.parse(docKey) as PolicyDocument).then((r) => {
        if (live) setChecked(r.problems);
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [docKey, view]);

  const parse = async (source: string): Promise<Parsed> => ({ of: source, ...(await api.parseBucketPolicy(source)) });

  const follow = (next: PolicyDocument) => {
    textDoc.current = next;
    setDoc(next);
    setKeys(freshKeys(next));
  };

  // The JSON view: Rust parses the text once the user has paused; the form follows readable text.
  useEffect(() => {
    if (view !== "json") return;
    let live = true;
    const timer = setTimeout(() => {
      void parse(text).then((next) => {
        if (!live) return;
        setParsed(next);
        if (next.document) {
          follow(next.document);
          setJsonBlocked(false);
        }
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, view]);

  const switchTo = (next: EditorView) => {
    setView(next);
    onView(next);
  };

  const showJson = async () => {
    if (doc && doc !== textDoc.current) {
      const printed = await api.printBucketPolicy(doc);
      textDoc.current = doc;
      setText(printed);
    }
    switchTo("json");
  };

  const showForm = async () => {
    if (text.trim() === "") {
      setJsonBlocked(false);
      switchTo("form");
      return;
    }
    const now = parsed.of === text ? parsed : await parse(text);
    setParsed(now);
    if (!now.document) {
      setJsonBlocked(true);
      return;
    }
    follow(now.document);
    // The text's problems stand for the form's until Rust has checked the form itself.
    setChecked(now.problems);
    setJsonBlocked(false);
    switchTo("form");
  };

  const change = (next: PolicyDocument, nextKeys = keys) => {
    setDoc(next);
    setKeys(nextKeys);
    onEdit();
  };
  const setStatement = (i: number, s: Statement) =>
    doc && change({ ...doc, statements: doc.statements.map((x, k) => (k === i ? s : x)) });

  const applyTemplate = async (next: PolicyDocument) => {
    setReplacing(null);
    setDoc(next);
    setKeys(freshKeys(next));
    onEdit();
    if (view === "json") {
      const printed = await api.printBucketPolicy(next);
      textDoc.current = next;
      setText(printed);
    }
  };

  const askTemplate = async () => {
    const next = await api.bucketPolicyTemplate(template, bucket);
    const occupied = view === "json" ? text.trim() !== "" : hasContent(doc);
    if (occupied) setReplacing(next);
    else await applyTemplate(next);
  };

  const save = async () => {
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    if (view === "json") {
      const now = await parse(text);
      setParsed(now);
      if (!now.document || blocking(now.problems).length > 0) return;
      onSave(text);
    } else if (doc) {
      const r = await checkForm(doc);
      setChecked(r.problems);
      if (!r.document || blocking(r.problems).length > 0) return;
      onSave(r.printed);
    }
  };

  const shown = view === "json" ? parsed.problems : doc ? checked : [];
  const stopping = blocking(shown);
  const nothing = view === "json" ? text.trim() === "" : doc === null;
  const placeholders = placeholdersIn(doc);
  const open = publicStatements(view === "json" ? parsed.document : doc);

  return (
    <>
      <div className="policy-toolbar">
        <div className="policy-templates">
          <label htmlFor={`${id}-template`}>{t("policy.template")}</label>
          <select
            id={`${id}-template`}
            value={template}
            data-testid="policy-template"
            onChange={(e) => setTemplate(e.target.value as PolicyTemplate)}
          >
            {TEMPLATES.map((k) => (
              <option key={k} value={k}>
                {t(TEMPLATE_LABEL[k])}
              </option>
            ))}
          </select>
          <button type="button" className="button small" data-testid="policy-template-apply" onClick={() => void askTemplate()}>
            {t("policy.templateApply")}
          </button>
        </div>
        <ViewToggle view={view} onView={(v) => void (v === "json" ? showJson() : showForm())} />
      </div>

      {placeholders.length > 0 && (
        <div className="notice notice-info policy-placeholders" id={placeholderHint} data-testid="policy-placeholders">
          <Icon name="edit" size={16} />
          <div className="notice-body">
            {placeholders.includes("USER-ID") && (
              <p>
                {t("policy.placeholder.userBefore")} <mark className="mono">USER-ID</mark> {t("policy.placeholder.userAfter")}
              </p>
            )}
            {placeholders.includes("example.com") && (
              <p>
                {t("policy.placeholder.siteBefore")} <mark className="mono">example.com</mark> {t("policy.placeholder.siteAfter")}
              </p>
            )}
          </div>
        </div>
      )}

      {view === "json" ? (
        <>
          {jsonOnly && doc === null && (
            <p className="notice notice-warning" data-testid="policy-json-only">
              {t("policy.jsonOnly")}
            </p>
          )}
          <p className="field-hint">{t("config.jsonHint")}</p>
          <JsonEditor
            value={text}
            onChange={(next) => {
              setText(next);
              onEdit();
            }}
            problems={parsed.problems}
            label={t("policy.jsonLabel")}
            testId="policy-json"
          />
          {jsonBlocked && (
            <p className="notice notice-warning" data-testid="policy-json-blocked">
              {t("policy.jsonBlocked")}
            </p>
          )}
        </>
      ) : doc === null ? (
        <div className="policy-start">
          <p className="muted">{t("policy.startHint")}</p>
          <div>
            <button
              type="button"
              className="button"
              data-testid="policy-new"
              onClick={() => {
                const next = newDocument();
                change(next, freshKeys(next));
              }}
            >
              <Icon name="plus" size={14} />
              {t("policy.new")}
            </button>
          </div>
        </div>
      ) : (
        <div className="policy-form">
          {doc.statements.map((s, i) => (
            <StatementEditor
              key={keys[i] ?? `i${i}`}
              index={i}
              statement={s}
              bucket={bucket}
              actions={actions}
              problems={shown}
              placeholderHint={placeholderHint}
              onChange={(next) => setStatement(i, next)}
              onRemove={() =>
                change(
                  { ...doc, statements: doc.statements.filter((_, k) => k !== i) },
                  keys.filter((_, k) => k !== i),
                )
              }
            />
          ))}
          <FieldProblems problems={shown} field="Statement" />
          <FieldProblems problems={shown} field="Version" />
          <div>
            <button
              type="button"
              className="button small"
              data-testid="policy-add-statement"
              onClick={() => change({ ...doc, statements: [...doc.statements, emptyStatement()] }, [...keys, ++statementKeys])}
            >
              <Icon name="plus" size={14} />
              {t("policy.addStatement")}
            </button>
          </div>
        </div>
      )}

      {open.length > 0 && (
        <div className="notice notice-warning policy-public" data-testid="policy-public" role="note">
          <Icon name="warning" size={16} />
          <div className="notice-body">
            {open.map(({ index, statement: s }) => (
              <p key={index}>{publicLine(t, index, s)}</p>
            ))}
          </div>
        </div>
      )}
      {stopping.length > 0 && <p className="policy-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      <div className="settings-actions">
        <button
          type="button"
          className="button primary"
          data-testid="policy-save"
          disabled={busy || nothing || stopping.length > 0}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
        {onDelete && (
          <button type="button" className="button danger-outline" data-testid="policy-delete" disabled={busy} onClick={onDelete}>
            {deleting ? t("config.deleting") : t("policy.delete")}
          </button>
        )}
      </div>

      {replacing && (
        <ConfirmDialog
          title={t("policy.confirmTemplate.title")}
          message={<p className="confirm-question">{t("policy.confirmTemplate.body", { template: t(TEMPLATE_LABEL[template]) })}</p>}
          okLabel={t("policy.confirmTemplate.ok")}
          onConfirm={() => void applyTemplate(replacing)}
          onCancel={() => setReplacing(null)}
        />
      )}
    </>
  );
}

/** "Anyone on the internet can …": what a statement that allows anyone gives away. */
function publicLine(t: (key: MessageKey, vars?: Record<string, string | number>) => string, index: number, s: Statement): string {
  const list = (items: readonly string[]) => (items.length ? items.join(", ") : "…");
  const actions = s.notAction ? t("policy.public.allExcept", { list: list(s.actions) }) : list(s.actions);
  const resources = s.notResource ? t("policy.public.allExcept", { list: list(s.resources) }) : list(s.resources);
  const key: MessageKey = s.conditions.length ? "policy.public.conditional" : "policy.public";
  return t(key, { n: index + 1, actions, resources });
}
