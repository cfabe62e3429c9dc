import { useRef, useState, type KeyboardEvent } from "react";
import type { SearchEngine, SearchHit } from "../../backend";
import { useT } from "../../i18n";
import { formatDateTime, humanBytes } from "../../lib/format";
import { NameText } from "../objects/NameText";

interface Props {
  hits: SearchHit[];
  engine: SearchEngine;
  /** Local search: whether content type and metadata were read (HEAD) at all. */
  headed: boolean;
  onOpen: (hit: SearchHit) => void;
}

/**
 * The hits: one focusable row at a time (arrows, Home/End move; Enter or a double click opens the
 * object in the tree). Names are shown exactly (spaces, "//", escapes for invisible characters).
 */
export function ResultsTable({ hits, engine, headed, onOpen }: Props) {
  const { t, locale } = useT();
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const at = Math.min(active, Math.max(hits.length - 1, 0));
  const unread = engine === "local" && !headed;

  const move = (to: number) => {
    const next = Math.max(0, Math.min(hits.length - 1, to));
    setActive(next);
    rows.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(hits.length - 1),
      PageDown: () => move(at + 10),
      PageUp: () => move(at - 10),
      Enter: () => hits[at] && onOpen(hits[at]),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  // A local search that made no HEAD knows no content type or metadata: no columns for them.
  const details = !unread;

  return (
    <div className="search-table-wrap">
      {unread && (
        <p className="field-hint" data-testid="search-not-read">
          {t("search.notReadNote")}
        </p>
      )}
      <table
        className="data-table search-table"
        role="grid"
        aria-readonly="true"
        data-testid="search-results"
        aria-label={t("search.results")}
      >
        <thead>
          <tr>
            <th scope="col">{t("search.col.name")}</th>
            <th scope="col" className="num">
              {t("search.col.size")}
            </th>
            <th scope="col">{t("search.col.modified")}</th>
            <th scope="col">{t("search.col.class")}</th>
            {details && <th scope="col">{t("search.col.type")}</th>}
            {details && <th scope="col">{t("search.col.meta")}</th>}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {hits.map((hit, i) => {
            const meta = Object.entries(hit.customMetadata).filter((e): e is [string, string] => e[1] !== undefined);
            return (
              <tr
                key={`${hit.key}\n${hit.instance ?? ""}\n${i}`}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === at ? 0 : -1}
                className={`search-hit ${i === at ? "active" : ""}`}
                data-testid="search-hit"
                data-key={hit.key}
                aria-selected={i === at}
                title={t("search.openRow", { key: hit.key })}
                onFocus={() => setActive(i)}
                onClick={() => setActive(i)}
                onDoubleClick={() => onOpen(hit)}
              >
                <td className="search-hit-name">
                  <NameText name={hit.key} testId="search-hit-name" />
                  {hit.instance && (
                    <span className="search-hit-version muted mono" data-testid="search-hit-version">
                      {t("search.version", { id: hit.instance })}
                    </span>
                  )}
                </td>
                <td className="num">{humanBytes(hit.size, locale)}</td>
                <td className="search-nowrap">{formatDateTime(hit.lastModified, locale)}</td>
                <td className="search-nowrap">{hit.storageClass ?? "—"}</td>
                {details && <td className="search-hit-type">{hit.contentType ?? "—"}</td>}
                {details && (
                  <td className="search-hit-meta">
                    {meta.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="search-meta-list">
                        {meta.map(([k, v]) => (
                          <li key={k}>
                            <span className="mono">{k}</span>={v}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
