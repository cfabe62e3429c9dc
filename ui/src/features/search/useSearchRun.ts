// Runs searches for the page: one page at a time (the first, then "More results" by marker),
// the engine asked for, Auto's fallback offer when the server has no metadata search, the local
// engine's progress events, and cancel.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, onSearchProgress, type SearchEngine, type SearchPage, type SearchProgress, type SearchRequest } from "../../backend";
import { errorCode } from "../../errors";
import { useBackendEvent } from "../../lib/useBackendEvent";
import { newSearchId } from "./model";
import type { EngineChoice } from "./SearchOptionsForm";

export interface Results {
  /** The request of the first page (the next pages add only a marker). */
  request: SearchRequest;
  engine: SearchEngine;
  pages: SearchPage[];
}

export interface Running {
  searchId: string;
  engine: SearchEngine;
  /** A next page (the results so far stay on screen). */
  more: boolean;
  cancelling: boolean;
}

export interface SearchRun {
  results: Results | null;
  running: Running | null;
  progress: SearchProgress | null;
  error: unknown;
  /** Auto asked the server, which has no metadata search: the request to run here instead. */
  noServer: SearchRequest | null;
  start: (profileId: string, request: SearchRequest, choice: EngineChoice) => void;
  more: (profileId: string) => void;
  cancel: () => void;
  reset: () => void;
}

export function useSearchRun(): SearchRun {
  const [results, setResults] = useState<Results | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [noServer, setNoServer] = useState<SearchRequest | null>(null);
  // The run whose answer counts: a newer start, or leaving the page, makes older answers moot.
  const current = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // A local search left running would go on listing the bucket: stop it.
      if (current.current) void api.cancelSearch(current.current).catch(() => {});
      current.current = null;
    };
  }, []);

  useBackendEvent(onSearchProgress, (p: SearchProgress) => {
    if (p.searchId === current.current) setProgress(p);
  });

  const runPage = useCallback(
    async (profileId: string, request: SearchRequest, engine: SearchEngine, base: Results | null, fallback: boolean) => {
      const searchId = newSearchId();
      current.current = searchId;
      setRunning({ searchId, engine, more: base !== null, cancelling: false });
      setProgress(null);
      setError(null);
      setNoServer(null);
      try {
        const page = await api.searchObjects(profileId, request, engine, searchId);
        if (current.current !== searchId || !mounted.current) return;
        setResults(base ? { ...base, pages: [...base.pages, page] } : { request, engine: page.engine, pages: [page] });
      } catch (e) {
        if (current.current !== searchId || !mounted.current) return;
        if (fallback && errorCode(e) === "UnsupportedByServer") setNoServer(request);
        else setError(e);
      } finally {
        if (current.current === searchId && mounted.current) {
          current.current = null;
          setRunning(null);
        }
      }
    },
    [],
  );

  const start = useCallback(
    (profileId: string, request: SearchRequest, choice: EngineChoice) => {
      setResults(null);
      void runPage(profileId, { ...request, options: { ...request.options, marker: null } }, choice === "local" ? "local" : "server", null, choice === "auto");
    },
    [runPage],
  );

  const more = useCallback(
    (profileId: string) => {
      if (!results || current.current) return;
      const last = results.pages[results.pages.length - 1];
      if (!last?.isTruncated || !last.nextMarker) return;
      const request = { ...results.request, options: { ...results.request.options, marker: last.nextMarker } };
      void runPage(profileId, request, results.engine, results, false);
    },
    [results, runPage],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    setRunning((r) => (r ? { ...r, cancelling: true } : r));
    void api.cancelSearch(id).catch(() => {});
  }, []);

  const reset = useCallback(() => {
    if (current.current) void api.cancelSearch(current.current).catch(() => {});
    current.current = null;
    setResults(null);
    setRunning(null);
    setProgress(null);
    setError(null);
    setNoServer(null);
  }, []);

  return { results, running, progress, error, noServer, start, more, cancel, reset };
}
