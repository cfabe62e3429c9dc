import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { api, type CorsConfiguration, type PreflightRequest, type Problem } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, FieldProblems, ProblemList } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import type { SettingsTabProps } from "../tabs";
import { duplicateRule, formCanShow, fromConfig, newRule, sameConfig, toConfig, type RuleForm } from "./model";
import { Preflight } from "./Preflight";
import { RuleCard } from "./RuleCard";
import "./cors.css";

const corsKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "cors"] as const;

/** How long the form waits after a keystroke before asking Rust for problems. */
const CHECK_DELAY_MS = 200;

/**
 * The bucket's CORS rules: which other websites' pages may call it from a browser. Problems come
 * from Rust as the user types; Save sends nothing while any blocks; after a save or delete the
 * form shows what the server reads back. Under the rules, a live preflight asks the server.
 */
export function CorsTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const cors = useQuery({
    queryKey: corsKey(profileId, bucket),
    queryFn: () => api.getBucketCors(profileId, bucket),
  });
  // Bumped once the server's answer has been read back: the editor starts again from it.
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirming, setConfirming] = useState(false);
  const [dirty, setDirty] = useState(false);

  const preflight = useMutation({
    mutationFn: (request: PreflightRequest) => api.corsPreflight(profileId, request),
  });
  const reread = async () => {
    await qc.invalidateQueries({ queryKey: corsKey(profileId, bucket) });
    setGeneration((g) => g + 1);
    setSaved(true);
    // The last answer was about the rules before: it would mislead now.
    preflight.reset();
  };
  const put = useMutation({
    mutationFn: (config: CorsConfiguration) => api.putBucketCors(profileId, bucket, config),
    onSuccess: reread,
  });
  const del = useMutation({
    mutationFn: () => api.deleteBucketCors(profileId, bucket),
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
  if (cors.isPending) body = <Spinner label={t("common.loading")} />;
  else if (cors.error && isUnsupported(cors.error)) {
    body = (
      <>
        <UnsupportedNotice error={cors.error} />
        <fieldset className="cors-disabled" disabled>
          <CorsEditor initial={null} startView="form" onView={() => {}} onEdit={() => {}} onDirty={() => {}} onSave={() => {}} busy matched={null} />
        </fieldset>
      </>
    );
  } else if (cors.error) body = <ErrorMessage error={cors.error} />;
  else {
    const current = cors.data ?? null;
    const answer = preflight.data;
    body = (
      <>
        {current === null && (
          <p className="notice notice-info" data-testid="cors-empty">
            {t("cors.empty")}
          </p>
        )}
        <CorsEditor
          key={generation}
          initial={current}
          startView={view}
          onView={setView}
          onEdit={edited}
          onDirty={setDirty}
          onSave={(config) => {
            setSaved(false);
            put.mutate(config);
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
          matched={answer && !dirty && !preflight.isPending ? answer.matchedRule : null}
        />
        {put.error && <ErrorMessage error={put.error} />}
        {saved && (
          <p className="notice notice-success" role="status" data-testid="cors-saved">
            {t("config.saved")}
          </p>
        )}
        <Preflight bucket={bucket} savedRules={current?.CORSRules ?? []} dirty={dirty} preflight={preflight} />
      </>
    );
  }

  return (
    <div className="settings-section cors-tab" data-testid="settings-cors">
      <p className="settings-intro">{t("cors.intro")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("cors.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("cors.confirm.body", { bucket })}</p>
              <p className="muted">{t("cors.confirm.effect")}</p>
              {del.error && <ErrorMessage error={del.error} />}
            </>
          }
          okLabel={del.isPending ? t("config.deleting") : t("cors.deleteAll")}
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
  initial: CorsConfiguration | null;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  /** Whether the editor holds something other than what the server has. */
  onDirty: (dirty: boolean) => void;
  onSave: (config: CorsConfiguration) => void;
  busy: boolean;
  saving?: boolean;
  onDelete?: () => void;
  deleting?: boolean;
  /** The rule the last preflight matched (index in the saved rules), highlighted. */
  matched: number | null;
}

/** The last answer of Rust about one text or one configuration (`of` says which). */
interface Checked {
  of: string;
  problems: Problem[];
  document: CorsConfiguration | null;
  /** Rust could not even take the value (e.g. a max age that is not a whole number). */
  error?: unknown;
}

const NONE: Checked = { of: "", problems: [], document: null };

function CorsEditor({ initial, startView, onView, onEdit, onDirty, onSave, busy, saving, onDelete, deleting, matched }: EditorProps) {
  const { t, tn } = useT();
  const id = useId();
  const [rules, setRules] = useState<RuleForm[]>(() => fromConfig(initial));
  const [view, setView] = useState<EditorView>("form");
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<Checked>(NONE);
  const [checked, setChecked] = useState<Checked>(NONE);
  const [jsonBlocked, setJsonBlocked] = useState(false);

  const config = toConfig(rules);
  const configText = JSON.stringify(config);

  const check = async (value: CorsConfiguration, of: string): Promise<Checked> => {
    try {
      return { of, problems: await api.checkConfig({ kind: "cors", value }), document: value };
    } catch (error) {
      return { of, problems: [], document: null, error };
    }
  };

  // Problems of the form, from Rust, once the user has paused.
  useEffect(() => {
    if (view !== "form") return;
    let live = true;
    const timer = setTimeout(() => {
      void check(JSON.parse(configText) as CorsConfiguration, configText).then((next) => {
        if (live) setChecked(next);
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [configText, view]);

  const parse = async (source: string): Promise<Checked> => {
    try {
      const r = await api.parseConfig("cors", source);
      const document = r.document?.kind === "cors" ? r.document.value : null;
      return { of: source, problems: r.problems, document };
    } catch (error) {
      return { of: source, problems: [], document: null, error };
    }
  };

  // The JSON view: Rust parses the text once the user has paused; the form follows valid text.
  useEffect(() => {
    if (view !== "json") return;
    let live = true;
    const timer = setTimeout(() => {
      void parse(text).then((next) => {
        if (!live) return;
        setParsed(next);
        if (next.document && formCanShow(next.document)) {
          setRules(fromConfig(next.document));
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
    const printed = await api.printConfig({ kind: "cors", value: toConfig(rules) });
    setText(printed);
    setParsed(NONE);
    setView("json");
    onView("json");
  };

  const showForm = async () => {
    const now = parsed.of === text ? parsed : await parse(text);
    setParsed(now);
    if (!now.document || !formCanShow(now.document)) {
      setJsonBlocked(true);
      return;
    }
    setRules(fromConfig(now.document));
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
    void api.printConfig({ kind: "cors", value: toConfig(rules) }).then((printed) => {
      setText(printed);
      setView("json");
    });
    // Once, on mount: the view the user was in before the read-back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const jsonUnshown = view === "json" && parsed.of === text && (parsed.document === null || !formCanShow(parsed.document));
  const dirty = !sameConfig(config, initial) || jsonUnshown;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const edit = (next: RuleForm[]) => {
    setRules(next);
    onEdit();
  };

  const save = async () => {
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    if (view === "json") {
      const now = await parse(text);
      setParsed(now);
      if (!now.document || now.error || blocking(now.problems).length > 0) return;
      onSave(now.document);
    } else {
      const now = await check(config, configText);
      setChecked(now);
      if (now.error || blocking(now.problems).length > 0) return;
      onSave(config);
    }
  };

  const current = view === "json" ? parsed : checked;
  // Nothing to say about an empty form on a bucket without CORS: there is nothing to save.
  const quiet = view === "form" && !dirty && initial === null;
  const shown = quiet ? [] : current.problems;
  const stopping = blocking(shown);
  const refused = !quiet && current.error !== undefined;

  return (
    <>
      <div className="cors-toolbar">
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
            label={t("settings.tab.cors")}
            testId="cors-json"
          />
          {jsonBlocked && (
            <p className="notice notice-warning" data-testid="cors-json-blocked">
              {t("cors.jsonBlocked")}
            </p>
          )}
        </>
      ) : (
        <section className="cors-rules" aria-labelledby={`${id}-rules`}>
          <h3 id={`${id}-rules`} className="cors-subtitle">
            {t("cors.rules")}
          </h3>
          <p className="field-hint">{t("cors.rulesHint")}</p>
          <FieldProblems problems={shown} field="CORSRules" />
          {rules.map((rule, i) => (
            <RuleCard
              key={rule.key}
              index={i}
              rule={rule}
              problems={shown}
              matched={matched === i}
              onChange={(next) => edit(rules.map((r) => (r.key === next.key ? next : r)))}
              onDuplicate={() => edit([...rules.slice(0, i + 1), duplicateRule(rule), ...rules.slice(i + 1)])}
              onRemove={() => edit(rules.filter((r) => r.key !== rule.key))}
            />
          ))}
          <div>
            <button type="button" className="button small" data-testid="cors-add-rule" onClick={() => edit([...rules, newRule()])}>
              <Icon name="plus" size={14} />
              {t("cors.addRule")}
            </button>
          </div>
        </section>
      )}

      {refused && <ErrorMessage error={current.error} />}
      {stopping.length > 0 && <p className="cors-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      <div className="settings-actions">
        <button
          type="button"
          className="button primary"
          data-testid="cors-save"
          disabled={busy || !dirty || refused || stopping.length > 0}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
        {onDelete && (
          <button type="button" className="button danger-outline" data-testid="cors-delete" disabled={busy} onClick={onDelete}>
            {deleting ? t("config.deleting") : t("cors.deleteAll")}
          </button>
        )}
      </div>
    </>
  );
}
