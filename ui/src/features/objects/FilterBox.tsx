import type { KeyboardEvent, RefObject } from "react";
import { useT } from "../../i18n";
import { formatCount } from "../../lib/format";
import { shortcut } from "./RowMenu";
import "./filter.css";

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Rows that match, and rows loaded (the filter sees only those). */
  shown: number;
  total: number;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Escape: the filter is cleared and the table takes the focus. */
  onEscape: () => void;
  /** Down arrow: the table takes the focus, on its first row. */
  onDown: () => void;
  /** The box took the focus: typing is likely next. */
  onFocus?: () => void;
}

/**
 * The quick filter over the loaded rows of the folder: a name part, or a glob with `*` / `?`
 * (see filter.ts). While it holds text: "N of M" and a clear button.
 */
export function FilterBox({ value, onChange, shown, total, inputRef, onEscape, onDown, onFocus }: Props) {
  const { t, locale } = useT();
  const active = value !== "";
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onEscape();
    } else if (e.key === "ArrowDown" && !e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onDown();
    }
  };
  const vars = { shown: formatCount(shown, locale), total: formatCount(total, locale) };
  return (
    <div className={`filter-box ${active ? "active" : ""}`} role="search">
      <input
        ref={inputRef}
        type="text"
        data-testid="object-filter"
        aria-label={t("filter.label")}
        placeholder={t("filter.placeholder", { key: shortcut("F") })}
        title={t("filter.hint")}
        value={value}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      />
      {active && (
        <>
          <span className="filter-count" data-testid="object-filter-count" aria-live="polite" aria-label={t("filter.countLabel", vars)}>
            {t("filter.count", vars)}
          </span>
          <button
            type="button"
            className="icon-button small filter-clear"
            data-testid="object-filter-clear"
            aria-label={t("filter.clear")}
            title={t("filter.clear")}
            onClick={() => {
              onChange("");
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        </>
      )}
    </div>
  );
}
