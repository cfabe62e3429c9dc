import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, type QueryCheck, type SearchHit, type SearchLimit, type SearchRequest } from "../../backend";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey, type Translator } from "../../i18n";
import { useDebounced } from "../../lib/useDebounced";
import { useBuckets } from "../buckets/queries";
import { emptyTree, problemsOf, queryOfTree, treeFromQuery, type GroupNode } from "./model";
import { QueryBox } from "./QueryBox";
import { QueryBuilder } from "./QueryBuilder";
import { ResultsTable } from "./ResultsTable";
import { DEFAULT_OPTIONS, SearchOptionsForm, searchOptionsOf, type OptionsState } from "./SearchOptionsForm";
import { useSearchRun } from "./useSearchRun";
import "./search.css";

const CHECK_DELAY_MS = 200;
const NO_PROBLEMS = new Map<string, never>();

const checkKey = (text: string) => ["searchCheck", text] as const;

interface Props {
  profileId: string;
  /** The bucket to search ("" for none chosen yet). */
  bucket: string;
  onBucket: (bucket: string) => void;
  /** Shows a hit in the object browser (its folder, the object selected). */
  onOpen: (hit: SearchHit) => void;
}

function limitText(t: Translator["t"], limit: SearchLimit): string {
  switch (limit.kind) {
    case "cancelled":
      return t("search.limit.cancelled", { listed: limit.listed.toLocaleString() });
    case "listingCap":
      return t("search.limit.listingCap", { max: limit.max.toLocaleString() });
    case "headCap":
      return t("search.limit.headCap", { max: limit.max.toLocaleString() });
  }
}

/** /p/$profileId/search: metadata search of one bucket, by text or builder, on the server or here. */
export function SearchPage({ profileId, bucket, onBucket, onOpen }: Props) {
  const { t, tn, locale } = useT();
  const qc = useQueryClient();
  const buckets = useBuckets(profileId);

  // The query: text and builder tree, kept in sync. `source` says which one the user edited last:
  // a check of text the builder printed does not rebuild the tree (the rows keep their focus).
  const [text, setText] = useState("");
  const [tree, setTree] = useState<GroupNode>(emptyTree);
  const [source, setSource] = useState<"text" | "builder">("text");
  const printSeq = useRef(0);
  const [options, setOptions] = useState<OptionsState>(DEFAULT_OPTIONS);
  const run = useSearchRun();

  // Another bucket (the picker, or a link to this page): the results were of the last one.
  const { reset } = run;
  useEffect(() => reset(), [bucket, reset]);

  const debounced = useDebounced(text, CHECK_DELAY_MS);
  const check = useQuery({
    queryKey: checkKey(debounced),
    queryFn: () => api.checkSearchQuery(debounced),
    enabled: debounced.trim() !== "",
    staleTime: Infinity,
  });
  const checked: QueryCheck | null = debounced === text && check.data ? check.data : null;

  // Text that parses replaces the builder's tree (adjusted while rendering, once per text).
  const [appliedFor, setAppliedFor] = useState<string | null>(null);
  if (checked?.query && source === "text" && appliedFor !== text) {
    setAppliedFor(text);
    setTree(treeFromQuery(checked.query));
  }

  const rowProblems = useMemo(() => problemsOf(tree), [tree]);

  const onText = (next: string) => {
    setSource("text");
    setAppliedFor(null);
    printSeq.current++;
    setText(next);
  };

  const onTree = (next: GroupNode) => {
    setSource("builder");
    setTree(next);
    const query = queryOfTree(next);
    const seq = ++printSeq.current;
    if (!query) return;
    void api.printSearchQuery(query).then((printed) => {
      // A later edit (of the text or the tree) makes this text moot.
      if (seq !== printSeq.current) return;
      setText(printed);
    });
  };

  const searchOptions = searchOptionsOf(options);
  const builderBehind = source === "builder" && rowProblems.size > 0;
  const busy = run.running !== null;
  const ready = bucket !== "" && text.trim() !== "" && !builderBehind && searchOptions !== null && !busy;

  const submit = async () => {
    if (!ready || !searchOptions) return;
    // Enter may come before the debounced check: check this text now; nothing is sent unless valid.
    const c = checked ?? (await qc.fetchQuery({ queryKey: checkKey(text), queryFn: () => api.checkSearchQuery(text), staleTime: Infinity }));
    if (!c?.query) return;
    const request: SearchRequest = { bucket, query: text, options: { ...searchOptions, marker: null } };
    run.start(profileId, request, options.engine);
  };

  // At the minimum window the answer is below the fold: bring it into view when it comes.
  const answer = useRef<HTMLDivElement>(null);
  const pageCount = run.results?.pages.length ?? 0;
  const answered = pageCount > 0 || run.noServer !== null || run.error !== null;
  useEffect(() => {
    if (answered) answer.current?.scrollIntoView?.({ block: "nearest" });
  }, [answered, pageCount]);

  const invalid = text.trim() !== "" && checked !== null && checked.query === null;
  const results = run.results;
  const hits = results?.pages.flatMap((p) => p.hits) ?? [];
  const last = results?.pages[results.pages.length - 1] ?? null;
  const limit = last?.limited ?? null;
  const scanned = results?.pages.reduce((n, p) => n + p.scanned, 0) ?? 0;
  const headed = results?.pages.reduce((n, p) => n + p.headed, 0) ?? 0;

  return (
    <section className="page search-page" data-testid="search-page">
      <header className="page-header">
        <h2>{t("search.title")}</h2>
        <p className="muted">{t("search.intro")}</p>
      </header>

      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="search-top">
          <div className="field search-bucket">
            <label htmlFor="search-bucket">{t("search.bucket")}</label>
            <select
              id="search-bucket"
              data-testid="search-bucket"
              value={bucket}
              onChange={(e) => onBucket(e.target.value)}
            >
              {bucket === "" && <option value="">{buckets.isPending ? t("search.bucketsLoading") : t("search.chooseBucket")}</option>}
              {bucket !== "" && !buckets.data?.some((b) => b.name === bucket) && <option value={bucket}>{bucket}</option>}
              {buckets.data?.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <QueryBox text={text} onText={onText} check={checked} onSubmit={() => void submit()} />
        </div>
        {buckets.error ? <ErrorMessage error={buckets.error} /> : null}

        <details className="search-section" open>
          <summary>{t("search.builder")}</summary>
          <QueryBuilder tree={tree} onChange={onTree} problems={source === "builder" ? rowProblems : NO_PROBLEMS} />
        </details>

        <details className="search-section">
          <summary data-testid="search-options-summary">
            {t("search.options")}
            <span className="search-options-summary muted">
              {t("search.optionsSummary", {
                mode: t(`search.mode.${options.mode}` as MessageKey),
                maxKeys: options.maxKeys,
                engine: t(`search.engine.${options.engine}` as MessageKey),
              })}
            </span>
          </summary>
          <SearchOptionsForm value={options} onChange={setOptions} />
        </details>

        <div className="search-actions">
          <button type="submit" className="button primary" data-testid="search-run" disabled={!ready || invalid}>
            {busy && !run.running?.more ? t("search.running") : t("search.run")}
          </button>
          {busy && (
            <>
              {run.running?.engine === "local" && (
                <span className="search-progress mono" role="status" aria-label={t("search.progressLabel")} data-testid="search-progress">
                  {run.progress
                    ? t("search.progress", {
                        listed: run.progress.listed.toLocaleString(locale),
                        headed: run.progress.headed.toLocaleString(locale),
                        matched: run.progress.matched.toLocaleString(locale),
                      })
                    : t("search.running")}
                </span>
              )}
              {run.running?.engine === "server" && <Spinner label={t("search.running")} />}
              {run.running?.engine === "local" && (
                <button
                  type="button"
                  className="button"
                  data-testid="search-cancel"
                  disabled={run.running.cancelling}
                  onClick={run.cancel}
                >
                  {run.running.cancelling ? t("search.cancelling") : t("search.cancel")}
                </button>
              )}
            </>
          )}
          {invalid && !busy && (
            <span className="field-hint" data-testid="search-fix-query">
              {t("search.fixQuery")}
            </span>
          )}
        </div>
      </form>

      <div ref={answer} className="search-answer">
        {run.noServer && (
          <div className="notice notice-warning search-notice" role="status" data-testid="search-no-server">
            <div className="notice-body">
              <p>{t("search.noServer")}</p>
              <p className="search-notice-note">{t("search.runLocalNote")}</p>
            </div>
            <button
              type="button"
              className="button"
              data-testid="search-run-local"
              onClick={() => run.noServer && run.start(profileId, run.noServer, "local")}
            >
              {t("search.runLocal")}
            </button>
          </div>
        )}

        {run.error !== null && <ErrorMessage error={run.error} context={t("search.failed")} />}

        {results && (
          <div className="search-results" data-testid="search-results-area">
            <p className="search-summary muted" role="status" data-testid="search-summary">
              {tn("search.resultCount", hits.length)} · {t(results.engine === "local" ? "search.resultEngine.local" : "search.resultEngine.server")}
              {results.engine === "local" && (
                <> · {t("search.scanned", { scanned: scanned.toLocaleString(locale), headed: headed.toLocaleString(locale) })}</>
              )}
            </p>
            {limit && (
              <p className="notice notice-warning search-notice" role="status" data-testid="search-limited">
                {limitText(t, limit)}
              </p>
            )}
            {hits.length === 0 ? (
              <p className="page-empty muted" data-testid="search-none">
                {t("search.none")}
              </p>
            ) : (
              <>
                <p className="field-hint">{t("search.openHint")}</p>
                <ResultsTable hits={hits} engine={results.engine} headed={headed > 0} onOpen={onOpen} />
              </>
            )}
            {last?.isTruncated && last.nextMarker && (
              <div className="search-more">
                <button
                  type="button"
                  className="button"
                  data-testid="search-more"
                  disabled={busy}
                  onClick={() => run.more(profileId)}
                >
                  {busy && run.running?.more ? t("search.loadingMore") : t("search.more")}
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
