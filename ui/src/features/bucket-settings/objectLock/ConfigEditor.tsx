// The Form | JSON shell shared by the object lock, default encryption and access logging tabs
// (one owner for the three folders). The tab owns its form; this shell asks Rust for problems
// (checkConfig, debounced), keeps the JSON view in sync (printConfig / parseConfig), and
// re-checks exactly what would be sent before calling onSave. No rule lives here.
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  api,
  type BucketLogging,
  type ConfigDocument,
  type EncryptionConfiguration,
  type ObjectLockConfiguration,
  type Problem,
} from "../../../backend";
import { useT } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, ProblemList } from "../kit/problems";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import "./configEditor.css";

interface Values {
  objectLock: ObjectLockConfiguration;
  encryption: EncryptionConfiguration;
  logging: BucketLogging;
}
export type EditorKind = keyof Values;
export type ValueOf<K extends EditorKind> = Values[K];

/** How long the form waits after a keystroke before asking Rust for problems. */
export const CHECK_DELAY_MS = 200;

/** `value` without nulls and empty lists, keys sorted: two configurations that mean the same compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** Whether two configurations mean the same (nulls, absent fields and empty lists alike). */
export function sameConfig(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

interface Checked<V> {
  of: string;
  problems: Problem[];
  document: V | null;
}

export interface ConfigEditorProps<K extends EditorKind> {
  kind: K;
  /** What the form describes now (what Save sends from the form view). */
  config: ValueOf<K>;
  /** The JSON editor's accessible label. */
  label: string;
  /** `${testPrefix}-json`, `${testPrefix}-save`, `${testPrefix}-json-blocked`. */
  testPrefix: string;
  /** The view to open in (the one the user was in before a read-back). */
  startView: EditorView;
  onView: (view: EditorView) => void;
  /** The form, given the problems to show at its fields. */
  renderForm: (problems: readonly Problem[]) => ReactNode;
  /** The form follows a parsed document: false when the form cannot show it without losing something. */
  onJson: (document: ValueOf<K>) => boolean;
  /** Called with what passed Rust's check. */
  onSave: (document: ValueOf<K>) => void;
  onEdit: () => void;
  /** Problems Rust reports that do not apply to this document (e.g. "no rule" meaning "none"). */
  relevant?: (problems: Problem[], document: ValueOf<K>) => Problem[];
  busy: boolean;
  saving?: boolean;
  /** The whole editor is read-only (the server does not support the setting). */
  disabled?: boolean;
  /** Save has nothing to do (e.g. "none" on a bucket that has none). */
  nothingToSave?: boolean;
  /** Next to Save (e.g. a hint). */
  extraActions?: ReactNode;
}

export function ConfigEditor<K extends EditorKind>({
  kind,
  config,
  label,
  testPrefix,
  startView,
  onView,
  renderForm,
  onJson,
  onSave,
  onEdit,
  relevant = (p) => p,
  busy,
  saving,
  disabled,
  nothingToSave,
  extraActions,
}: ConfigEditorProps<K>) {
  const { t, tn } = useT();
  const [view, setView] = useState<EditorView>("form");
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<Checked<ValueOf<K>>>({ of: "", problems: [], document: null });
  const [checked, setChecked] = useState<Checked<ValueOf<K>>>({ of: "", problems: [], document: null });
  const [jsonBlocked, setJsonBlocked] = useState(false);
  const configText = JSON.stringify(config);

  // Latest callbacks, so that effects do not re-run when the parent re-renders.
  const onJsonRef = useRef(onJson);
  const relevantRef = useRef(relevant);
  useEffect(() => {
    onJsonRef.current = onJson;
    relevantRef.current = relevant;
  });

  const document = (value: ValueOf<K>) => ({ kind, value }) as ConfigDocument;

  const check = async (value: ValueOf<K>): Promise<Problem[]> =>
    relevantRef.current(await api.checkConfig(document(value)), value);

  const parse = async (source: string): Promise<Checked<ValueOf<K>>> => {
    const r = await api.parseConfig(kind, source);
    const value = r.document?.kind === kind ? (r.document.value as ValueOf<K>) : null;
    return { of: source, problems: value ? relevantRef.current(r.problems, value) : r.problems, document: value };
  };

  // Problems of the form, from Rust, once the user has paused.
  useEffect(() => {
    if (view !== "form" || disabled) return;
    let live = true;
    const timer = setTimeout(() => {
      const value = JSON.parse(configText) as ValueOf<K>;
      void check(value).then((problems) => {
        if (live) setChecked({ of: configText, problems, document: value });
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configText, view, disabled]);

  // The JSON view: Rust parses the text once the user has paused; the form follows valid text.
  useEffect(() => {
    if (view !== "json") return;
    let live = true;
    const timer = setTimeout(() => {
      void parse(text).then((next) => {
        if (!live) return;
        setParsed(next);
        if (next.document && onJsonRef.current(next.document)) setJsonBlocked(false);
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, view]);

  const showJson = async () => {
    const printed = await api.printConfig(document(config));
    setText(printed);
    setView("json");
    onView("json");
  };

  const showForm = async () => {
    const now = parsed.of === text ? parsed : await parse(text);
    setParsed(now);
    if (!now.document || !onJsonRef.current(now.document)) {
      setJsonBlocked(true);
      return;
    }
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
    void api.printConfig(document(config)).then((printed) => {
      setText(printed);
      setView("json");
    });
    // Once, on mount: the view the user was in before the read-back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async () => {
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    if (view === "json") {
      const now = await parse(text);
      setParsed(now);
      if (!now.document || blocking(now.problems).length > 0) return;
      onSave(now.document);
    } else {
      const problems = await check(config);
      setChecked({ of: configText, problems, document: config });
      if (blocking(problems).length > 0) return;
      onSave(config);
    }
  };

  const shown = disabled ? [] : view === "json" ? parsed.problems : checked.problems;
  const stopping = blocking(shown);

  return (
    <div className="config-editor">
      <div className="config-editor-toolbar">
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
            label={label}
            testId={`${testPrefix}-json`}
          />
          {jsonBlocked && (
            <p className="notice notice-warning" data-testid={`${testPrefix}-json-blocked`}>
              {t("lock.jsonBlocked")}
            </p>
          )}
        </>
      ) : (
        renderForm(shown)
      )}

      {stopping.length > 0 && <p className="config-editor-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      <div className="settings-actions config-editor-actions">
        <button
          type="button"
          className="button primary"
          data-testid={`${testPrefix}-save`}
          disabled={disabled || busy || nothingToSave || stopping.length > 0}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
        {extraActions}
      </div>
    </div>
  );
}
