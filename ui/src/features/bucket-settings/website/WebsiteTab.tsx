import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { api, type Problem, type Protocol, type WebsiteConfiguration } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, FieldProblems, problemsAt, ProblemList } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import type { SettingsTabProps } from "../tabs";
import { formCanShow, fromConfig, MAX_ROUTING_RULES, newRule, toConfig, type WebsiteForm, type WebsiteMode } from "./model";
import { RuleEditor } from "./RuleEditor";
import "./website.css";

const websiteKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "website"] as const;
const websiteUrlKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "websiteUrl"] as const;

/** How long the form waits after a keystroke before asking Rust for problems. */
const CHECK_DELAY_MS = 200;

/**
 * The bucket's static website: host a site (index and error documents, routing rules) or redirect
 * every request. Problems come from Rust as the user types; Save sends nothing while any blocks;
 * after a save or delete the form shows what the server reads back.
 */
export function WebsiteTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const qc = useQueryClient();
  const website = useQuery({
    queryKey: websiteKey(profileId, bucket),
    queryFn: () => api.getBucketWebsite(profileId, bucket),
  });
  // Bumped once the server's answer has been read back: the editor starts again from it.
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [view, setView] = useState<EditorView>("form");
  const [confirming, setConfirming] = useState(false);

  const reread = async () => {
    await qc.invalidateQueries({ queryKey: websiteKey(profileId, bucket) });
    setGeneration((g) => g + 1);
    setSaved(true);
  };
  const put = useMutation({
    mutationFn: (config: WebsiteConfiguration) => api.putBucketWebsite(profileId, bucket, config),
    onSuccess: reread,
  });
  const del = useMutation({
    mutationFn: () => api.deleteBucketWebsite(profileId, bucket),
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
  if (website.isPending) body = <Spinner label={t("common.loading")} />;
  else if (website.error && isUnsupported(website.error)) {
    body = (
      <>
        <UnsupportedNotice error={website.error} />
        <fieldset className="website-disabled" disabled>
          <WebsiteEditor initial={null} startView="form" onView={() => {}} onEdit={() => {}} onSave={() => {}} busy />
        </fieldset>
      </>
    );
  } else if (website.error) body = <ErrorMessage error={website.error} />;
  else {
    const current = website.data ?? null;
    body = (
      <>
        {current === null && (
          <p className="notice notice-info" data-testid="website-empty">
            {t("website.empty")}
          </p>
        )}
        <WebsiteAddress profileId={profileId} bucket={bucket} />
        <WebsiteEditor
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
          <p className="notice notice-success" role="status" data-testid="website-saved">
            {t("config.saved")}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="settings-section website-tab" data-testid="settings-website">
      <p className="settings-intro">{t("website.intro")}</p>
      {body}
      {confirming && (
        <ConfirmDialog
          title={t("website.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("website.confirm.body")}</p>
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

/** The address the website is served at, with a copy button and why it may differ. */
function WebsiteAddress({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const url = useQuery({
    queryKey: websiteUrlKey(profileId, bucket),
    queryFn: () => api.bucketWebsiteUrl(profileId, bucket),
  });
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(id);
  }, [copied]);
  if (!url.data) return url.error ? <ErrorMessage error={url.error} /> : null;
  const address = url.data;
  return (
    <div className="website-address">
      <span className="website-address-label">{t("website.address")}</span>
      <div className="website-address-row">
        <code className="mono website-url" data-testid="website-url">
          {address}
        </code>
        <button
          type="button"
          className="button small"
          aria-label={t("website.copyLabel")}
          data-testid="website-copy-url"
          onClick={() => {
            void navigator.clipboard?.writeText(address).then(() => setCopied(true));
          }}
        >
          <Icon name={copied ? "check" : "copy"} size={14} />
          {copied ? t("website.copied") : t("website.copy")}
        </button>
      </div>
      <p className="field-hint">{t("website.addressHint")}</p>
    </div>
  );
}

interface EditorProps {
  initial: WebsiteConfiguration | null;
  startView: EditorView;
  onView: (view: EditorView) => void;
  onEdit: () => void;
  onSave: (config: WebsiteConfiguration) => void;
  busy: boolean;
  saving?: boolean;
  onDelete?: () => void;
  deleting?: boolean;
}

/** The last answer of Rust about one text or one configuration (`of` says which). */
interface Checked {
  of: string;
  problems: Problem[];
  document: WebsiteConfiguration | null;
}

function WebsiteEditor({ initial, startView, onView, onEdit, onSave, busy, saving, onDelete, deleting }: EditorProps) {
  const { t, tn } = useT();
  const id = useId();
  const [form, setForm] = useState<WebsiteForm>(() => fromConfig(initial));
  const [view, setView] = useState<EditorView>("form");
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<Checked>({ of: "", problems: [], document: null });
  const [checked, setChecked] = useState<Checked>({ of: "", problems: [], document: null });
  const [jsonBlocked, setJsonBlocked] = useState(false);

  const config = toConfig(form);
  const configText = JSON.stringify(config);

  // Problems of the form, from Rust, once the user has paused.
  useEffect(() => {
    if (view !== "form") return;
    let live = true;
    const timer = setTimeout(() => {
      const value = JSON.parse(configText) as WebsiteConfiguration;
      void api.checkConfig({ kind: "website", value }).then((problems) => {
        if (live) setChecked({ of: configText, problems, document: value });
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [configText, view]);

  const parse = async (source: string): Promise<Checked> => {
    const r = await api.parseConfig("website", source);
    const document = r.document?.kind === "website" ? r.document.value : null;
    return { of: source, problems: r.problems, document };
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
          setForm(fromConfig(next.document));
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
    const printed = await api.printConfig({ kind: "website", value: toConfig(form) });
    setText(printed);
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
    setForm(fromConfig(now.document));
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
    void api.printConfig({ kind: "website", value: toConfig(form) }).then((printed) => {
      setText(printed);
      setView("json");
    });
    // Once, on mount: the view the user was in before the read-back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edit = (patch: Partial<WebsiteForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    onEdit();
  };

  const save = async () => {
    // Ask Rust about exactly what would be sent, whatever the debounced state shows.
    if (view === "json") {
      const now = await parse(text);
      setParsed(now);
      if (!now.document || blocking(now.problems).length > 0) return;
      onSave(now.document);
    } else {
      const problems = await api.checkConfig({ kind: "website", value: config });
      setChecked({ of: configText, problems, document: config });
      if (blocking(problems).length > 0) return;
      onSave(config);
    }
  };

  const shown = view === "json" ? parsed.problems : checked.problems;
  const stopping = blocking(shown);
  const mode = form.mode;

  return (
    <>
      <div className="website-toolbar">
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
            label={t("settings.tab.website")}
            testId="website-json"
          />
          {jsonBlocked && (
            <p className="notice notice-warning" data-testid="website-json-blocked">
              {t("website.jsonBlocked")}
            </p>
          )}
        </>
      ) : (
        <div className="website-form">
          <fieldset className="website-modes">
            <legend>{t("website.mode")}</legend>
            {(["site", "redirect"] as const satisfies readonly WebsiteMode[]).map((m) => (
              <label key={m} className="website-choice website-mode">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={m}
                  checked={mode === m}
                  data-testid={`website-mode-${m}`}
                  onChange={() => edit({ mode: m })}
                />
                <span>
                  <span className="website-choice-label">{t(m === "site" ? "website.mode.site" : "website.mode.redirect")}</span>
                  <span className="field-hint">{t(m === "site" ? "website.mode.siteHint" : "website.mode.redirectHint")}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <FieldProblems problems={shown} field="IndexDocument" />
          <FieldProblems problems={shown} field="ErrorDocument" />
          <FieldProblems problems={shown} field="RoutingRules" />

          {mode === "site" ? (
            <>
              <div className="website-row">
                <TextField
                  id={`${id}-index`}
                  label={t("website.index")}
                  hint={t("website.indexHint")}
                  value={form.index}
                  placeholder="index.html"
                  testId="website-index"
                  field="IndexDocument.Suffix"
                  problems={shown}
                  onChange={(index) => edit({ index })}
                />
                <TextField
                  id={`${id}-error`}
                  label={t("website.error")}
                  hint={t("website.errorHint")}
                  value={form.error}
                  placeholder="error.html"
                  testId="website-error"
                  field="ErrorDocument.Key"
                  problems={shown}
                  onChange={(error) => edit({ error })}
                />
              </div>

              <section className="website-rules" aria-labelledby={`${id}-rules`}>
                <h3 id={`${id}-rules`} className="website-subtitle">
                  {t("website.rules")}
                </h3>
                <p className="field-hint">{t("website.rulesHint", { limit: MAX_ROUTING_RULES })}</p>
                {form.rules.length === 0 && <p className="muted">{t("website.rulesNone")}</p>}
                {form.rules.map((rule, i) => (
                  <RuleEditor
                    key={rule.id}
                    index={i}
                    rule={rule}
                    problems={shown}
                    onChange={(next) => edit({ rules: form.rules.map((r) => (r.id === next.id ? next : r)) })}
                    onRemove={() => edit({ rules: form.rules.filter((r) => r.id !== rule.id) })}
                  />
                ))}
                <div>
                  <button
                    type="button"
                    className="button small"
                    data-testid="website-add-rule"
                    disabled={form.rules.length >= MAX_ROUTING_RULES}
                    onClick={() => edit({ rules: [...form.rules, newRule()] })}
                  >
                    <Icon name="plus" size={14} />
                    {t("website.addRule")}
                  </button>
                </div>
              </section>
            </>
          ) : (
            <div className="website-row">
              <TextField
                id={`${id}-redirect-host`}
                label={t("website.redirectHost")}
                hint={t("website.redirectHostHint")}
                value={form.redirectHost}
                placeholder="www.example.com"
                testId="website-redirect-host"
                field="RedirectAllRequestsTo.HostName"
                problems={shown}
                onChange={(redirectHost) => edit({ redirectHost })}
              />
              <div className="field website-narrow">
                <label htmlFor={`${id}-redirect-protocol`}>{t("website.protocol")}</label>
                <select
                  id={`${id}-redirect-protocol`}
                  value={form.redirectProtocol}
                  data-testid="website-redirect-protocol"
                  onChange={(e) => edit({ redirectProtocol: e.target.value as Protocol | "" })}
                >
                  <option value="">{t("website.protocol.same")}</option>
                  <option value="http">http</option>
                  <option value="https">https</option>
                </select>
                <FieldProblems problems={shown} field="RedirectAllRequestsTo.Protocol" />
              </div>
            </div>
          )}
        </div>
      )}

      {stopping.length > 0 && <p className="website-fix-first">{tn("config.fixFirst", stopping.length)}</p>}
      <ProblemList problems={shown} />
      <div className="settings-actions">
        <button
          type="button"
          className="button primary"
          data-testid="website-save"
          disabled={busy || stopping.length > 0}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
        {onDelete && (
          <button
            type="button"
            className="button danger-outline"
            data-testid="website-delete"
            disabled={busy}
            onClick={onDelete}
          >
            {deleting ? t("config.deleting") : t("config.delete")}
          </button>
        )}
      </div>
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  placeholder: string;
  testId: string;
  /** The configuration path whose problems show under the input. */
  field: string;
  problems: readonly Problem[];
  onChange: (value: string) => void;
}

function TextField({ id, label, hint, value, placeholder, testId, field, problems, onChange }: TextFieldProps) {
  const invalid = problemsAt(problems, field, true).length > 0;
  return (
    <div className={`field ${invalid ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        data-testid={testId}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="field-hint">{hint}</p>
      <FieldProblems problems={problems} field={field} />
    </div>
  );
}
