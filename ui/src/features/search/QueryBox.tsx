import type { QueryCheck, SearchParseError } from "../../backend";
import { useT, type Translator } from "../../i18n";
import { byteRangeToChars } from "./model";

/** The problem of a query in the user's language, by its kind (Rust's English is not shown). */
export function problemText(t: Translator["t"], p: SearchParseError): string {
  const token = p.token;
  const expected = (list: string[]) =>
    list.map((e) => (e === "a field name" ? t("search.expected.field") : `“${e}”`)).join(t("search.expected.or"));
  switch (p.kind.type) {
    case "empty":
      return t("search.problem.empty");
    case "unexpectedEnd":
      return t("search.problem.unexpectedEnd", { expected: expected(p.kind.expected) });
    case "unexpectedToken":
      return t("search.problem.unexpectedToken", { token, expected: expected(p.kind.expected) });
    case "unknownField":
      return t("search.problem.unknownField", { token });
    case "badOperator":
      return token === "!=" ? t("search.problem.notEqual") : t("search.problem.badOperator", { token });
    case "badNumber":
      return t("search.problem.badNumber", { token });
    case "badDate":
      return t("search.problem.badDate", { token });
    case "unbalancedParen":
      return token === "(" ? t("search.problem.unclosed") : t("search.problem.unopened");
    case "emptyValue":
      return t("search.problem.emptyValue", { token });
    case "quotedValue":
      return t("search.problem.quotedValue", { token });
    case "tooDeep":
      return t("search.problem.tooDeep", { max: p.kind.max });
    case "tooLong":
      return t("search.problem.tooLong", { max: p.kind.max });
    case "notCanonical":
      return t("search.problem.notCanonical", { token });
  }
}

interface Props {
  text: string;
  onText: (text: string) => void;
  /** The check of `text` (null while it is being checked). */
  check: QueryCheck | null;
  onSubmit: () => void;
}

/**
 * The query as text, checked as it is typed: a problem is said under it in the user's language,
 * with the text shown again and the bad token marked.
 */
export function QueryBox({ text, onText, check, onSubmit }: Props) {
  const { t } = useT();
  const problem = text.trim() === "" ? null : (check?.problem ?? null);
  const [from, to] = problem ? byteRangeToChars(text, problem.start, problem.end) : [0, 0];
  const describedBy = problem ? "search-query-problem" : "search-query-hint";

  return (
    <div className={`field search-query ${problem ? "field-invalid" : ""}`}>
      <label htmlFor="search-query">{t("search.query")}</label>
      <textarea
        id="search-query"
        className="mono search-query-input"
        rows={2}
        data-testid="search-query"
        value={text}
        placeholder={t("search.queryPlaceholder")}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        // A query is one line: line breaks typed or pasted are spaces.
        onChange={(e) => onText(e.target.value.replace(/\r?\n/g, " "))}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {problem ? (
        <div className="field-error search-problem" id="search-query-problem" role="alert" data-testid="search-problem">
          <p className="search-problem-text mono" aria-hidden="true" data-testid="search-problem-source">
            {text.slice(0, from)}
            <mark className={`search-bad-token ${from === to ? "at-end" : ""}`} data-testid="search-bad-token">
              {from === to ? " " : text.slice(from, to)}
            </mark>
            {text.slice(to)}
          </p>
          <p data-testid="search-problem-message">{problemText(t, problem)}</p>
        </div>
      ) : (
        <p className="field-hint" id="search-query-hint" data-testid="search-query-hint">
          {check?.canonical && text.trim() !== "" ? (
            <span className="hint-ok" data-testid="search-valid">
              {t("search.valid", { canonical: check.canonical })}
            </span>
          ) : (
            t("search.queryHint")
          )}
        </p>
      )}
    </div>
  );
}
