import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { api, type ConfigParse, type Problem, type TagSet } from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Spinner } from "../../../components/Spinner";
import { ErrorMessage } from "../../../errors";
import { useT } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, ProblemList } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import { TagsEditor } from "./TagsEditor";
import "./tags.css";

/** How long the form (or the JSON text) rests before Rust checks it. */
const CHECK_DELAY_MS = 200;

const NO_TAGS: TagSet = { TagSet: [] };

export interface TagsPlace {
  /** "bucketTags" (≤ 50) or "objectTags" (≤ 10): what Rust checks, parses and prints. */
  kind: "bucketTags" | "objectTags";
  max: number;
  /** `bucket-tags` or `object-tags`: the prefix of every test id. */
  prefix: string;
  queryKey: readonly unknown[];
  read: () => Promise<TagSet>;
  write: (tags: TagSet) => Promise<unknown>;
  remove: () => Promise<unknown>;
  /** The bucket's or the object's name, for the confirmation. */
  name: string;
}

/**
 * The tags of a bucket or of an object: read from the server, edited as rows (or as JSON, kept in
 * sync through Rust's parse/print), checked by Rust as they change, saved only without problems,
 * and read back after a save or a removal so that what shows is what the server holds.
 */
export function TagsPanel({ place, intro }: { place: TagsPlace; intro?: ReactNode }) {
  const { t } = useT();
  const tags = useQuery({ queryKey: place.queryKey, queryFn: place.read });

  // Once read, the form stays (a later failed re-read is reported by the form itself).
  if (tags.data !== undefined)
    return (
      <div className="tags-panel">
        <TagsForm place={place} server={tags.data} intro={intro} />
      </div>
    );
  let body: ReactNode;
  if (isUnsupported(tags.error))
    body = (
      <>
        <UnsupportedNotice error={tags.error} />
        <TagsEditor value={NO_TAGS} onChange={() => {}} problems={[]} max={place.max} testIdPrefix={place.prefix} disabled />
      </>
    );
  else if (tags.error) body = <ErrorMessage error={tags.error} />;
  else body = <Spinner label={t("common.loading")} />;
  return (
    <div className="tags-panel">
      {intro && <div className="tags-intro">{intro}</div>}
      {body}
    </div>
  );
}

function tagsOf(parse: ConfigParse, kind: TagsPlace["kind"]): TagSet | null {
  return parse.document?.kind === kind ? parse.document.value : null;
}

function TagsForm({ place, server, intro }: { place: TagsPlace; server: TagSet; intro?: ReactNode }) {
  const { t, tn } = useT();
  const qc = useQueryClient();
  const { kind, prefix } = place;
  const [draft, setDraft] = useState<TagSet>(server);
  const [view, setView] = useState<EditorView>("form");
  const [jsonText, setJsonText] = useState("");
  const [jsonParse, setJsonParse] = useState<{ text: string; parse: ConfigParse } | null>(null);
  const [checked, setChecked] = useState<{ of: TagSet; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState<"save" | "delete" | null>(null);
  const [done, setDone] = useState<"saved" | "deleted" | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** A Save was refused for problems: the summary shows them until they are fixed. */
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The form is checked by Rust as it is edited (no request is sent).
  useEffect(() => {
    if (view !== "form") return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .checkConfig({ kind, value: draft })
        .then((problems) => live && setChecked({ of: draft, problems }))
        .catch((e: unknown) => live && setError(e));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, draft, view]);

  // The JSON text is parsed by Rust as it is typed; the form follows it once it has the shape.
  useEffect(() => {
    if (view !== "json" || jsonParse?.text === jsonText) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .parseConfig(kind, jsonText)
        .then((parse) => {
          if (!live) return;
          setJsonParse({ text: jsonText, parse });
          const parsed = tagsOf(parse, kind);
          if (parsed) setDraft(parsed);
        })
        .catch((e: unknown) => live && setError(e));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, view, jsonText, jsonParse]);

  const edited = () => {
    setDone(null);
    setError(null);
  };

  /** Shows `tags` in both views (after a read from the server). */
  const show = async (tags: TagSet) => {
    setDraft(tags);
    if (view === "json") {
      const text = await api.printConfig({ kind, value: tags });
      setJsonText(text);
      setJsonParse(null);
    }
  };

  /** Reads the tags again from the server (not from the cache) and shows them. */
  const reread = async () => {
    const fresh = await qc.fetchQuery({ queryKey: place.queryKey, queryFn: place.read, staleTime: 0 });
    await show(fresh);
  };

  const chooseView = async (next: EditorView) => {
    if (next === view) return;
    setError(null);
    try {
      if (next === "json") {
        const text = await api.printConfig({ kind, value: draft });
        setJsonText(text);
        setJsonParse(null);
        setView("json");
      } else {
        // Unparseable text keeps the user on JSON, with its problems shown: nothing is lost.
        const parse = jsonParse?.text === jsonText ? jsonParse.parse : await api.parseConfig(kind, jsonText);
        setJsonParse({ text: jsonText, parse });
        const parsed = tagsOf(parse, kind);
        if (!parsed) return;
        setDraft(parsed);
        setView("form");
      }
    } catch (e) {
      setError(e);
    }
  };

  const save = async () => {
    edited();
    setBusy("save");
    try {
      let tags: TagSet;
      let problems: Problem[];
      if (view === "json") {
        const parse = await api.parseConfig(kind, jsonText);
        setJsonParse({ text: jsonText, parse });
        const parsed = tagsOf(parse, kind);
        if (!parsed) {
          setRefused(true);
          return;
        }
        setDraft(parsed);
        tags = parsed;
        problems = parse.problems;
      } else {
        tags = draft;
        problems = await api.checkConfig({ kind, value: tags });
        setChecked({ of: tags, problems });
      }
      // Nothing is sent while Rust names a problem: they are shown in place and above Save.
      if (blocking(problems).length > 0) {
        setRefused(true);
        return;
      }
      await place.write(tags);
      await reread();
      setDone("saved");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const removeAll = async () => {
    setConfirming(false);
    edited();
    setBusy("delete");
    try {
      await place.remove();
      await reread();
      setDone("deleted");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const problems: readonly Problem[] =
    view === "json" ? (jsonParse?.parse.problems ?? []) : (checked?.problems ?? []);
  const blockers = blocking(problems);
  // In the form, problems show at their field as the user types; the list above Save comes with a
  // refused Save (and goes once they are fixed). The JSON view has no fields: its list always shows.
  const showSummary = blockers.length > 0 && (refused || view === "json");
  if (refused && blockers.length === 0) setRefused(false);
  const serverCount = server.TagSet.length;

  return (
    <>
      <div className="tags-top">
        <div className="tags-intro">{intro}</div>
        <ViewToggle view={view} onView={(v) => void chooseView(v)} />
      </div>
      {serverCount === 0 && (
        <p className="muted" data-testid={`${prefix}-none`}>
          {t(kind === "bucketTags" ? "tags.none.bucket" : "tags.none.object")}
        </p>
      )}
      {view === "form" ? (
        <TagsEditor
          value={draft}
          onChange={(next) => {
            setDraft(next);
            edited();
          }}
          problems={problems}
          max={place.max}
          testIdPrefix={prefix}
          revealAll={refused}
        />
      ) : (
        <div className="tags-json">
          <p className="field-hint">{t("config.jsonHint")}</p>
          <JsonEditor
            value={jsonText}
            onChange={(text) => {
              // The editor also reports the text it was given (after a read-back): not an edit.
              if (text === jsonText) return;
              setJsonText(text);
              edited();
            }}
            problems={problems}
            label={t("tags.json.label")}
            testId={`${prefix}-json`}
          />
        </div>
      )}
      {showSummary && (
        <div className="tags-summary">
          <p className="field-error">{tn("config.fixFirst", blockers.length)}</p>
          <ProblemList problems={blockers} />
        </div>
      )}
      <div className="settings-actions tags-actions">
        <button
          type="button"
          className="button primary"
          data-testid={`${prefix}-save`}
          disabled={busy !== null}
          onClick={() => void save()}
        >
          {busy === "save" ? t("config.saving") : t("config.save")}
        </button>
        <button
          type="button"
          className="button danger-outline"
          data-testid={`${prefix}-delete`}
          disabled={busy !== null || serverCount === 0}
          onClick={() => {
            edited();
            setConfirming(true);
          }}
        >
          {busy === "delete" ? t("config.deleting") : t("tags.deleteAll")}
        </button>
      </div>
      {done && (
        <p className="notice notice-success" role="status" data-testid={`${prefix}-saved`}>
          {t(done === "saved" ? "config.saved" : "tags.deleted")}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {confirming && (
        <ConfirmDialog
          title={t("tags.confirm.title", { name: place.name })}
          message={<p className="confirm-question">{tn("tags.confirm.body", serverCount)}</p>}
          okLabel={t("tags.confirm.ok")}
          danger
          onConfirm={() => void removeAll()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
