import { useId, useLayoutEffect, useRef, useState } from "react";
import type { Problem, Tag, TagSet } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import "./tags.css";

interface Props {
  value: TagSet;
  onChange: (value: TagSet) => void;
  /** Rust's problems of `value` (fields `TagSet`, `TagSet[i].Key`, `TagSet[i].Value`). */
  problems: readonly Problem[];
  /** How many tags the server takes here (50 on a bucket, 10 on an object). */
  max: number;
  /** Prefix of every test id (`bucket-tags`, `object-tags`). */
  testIdPrefix: string;
  disabled?: boolean;
  /** Shows every problem, a new row's empty key too (after a refused Save). */
  revealAll?: boolean;
}

/**
 * Key/value rows of a tag set: each row edits one tag, "Add tag" appends an empty one (until
 * `max`), the × removes it. Rust's problems show under the field they name. Whether a tag is
 * valid is Rust's answer (checkConfig): nothing is checked here.
 */
export function TagsEditor({ value, onChange, problems: all, max, testIdPrefix: prefix, disabled = false, revealAll = false }: Props) {
  const { t } = useT();
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the rows have changed (a removed row's neighbour, a new row's key). */
  const focusNext = useRef<{ row: number; part: "key" | "remove" } | "add" | null>(null);
  /** Rows just added whose key was not left yet: their empty key is not called out before its time. */
  const [fresh, setFresh] = useState<number[]>([]);
  const tags = value.TagSet;
  const full = tags.length >= max;
  const problems =
    revealAll || fresh.length === 0
      ? all
      : all.filter((p) => !(p.code === "Required" && fresh.some((i) => p.field === `TagSet[${i}].Key`)));

  // After an add or a remove made here, once the rows are drawn: keyboard users keep their place.
  useLayoutEffect(() => {
    const next = focusNext.current;
    if (next === null) return;
    focusNext.current = null;
    if (next === "add") addButton.current?.focus();
    else list.current?.querySelector<HTMLElement>(`[data-testid="${prefix}-row-${next.row}-${next.part}"]`)?.focus();
  });

  const set = (next: Tag[]) => onChange({ ...value, TagSet: next });
  const edit = (i: number, change: Partial<Tag>) => set(tags.map((tag, j) => (j === i ? { ...tag, ...change } : tag)));
  const remove = (i: number) => {
    set(tags.filter((_, j) => j !== i));
    setFresh((f) => f.filter((j) => j !== i).map((j) => (j > i ? j - 1 : j)));
    const left = tags.length - 1;
    focusNext.current = left === 0 ? "add" : { row: Math.min(i, left - 1), part: "remove" };
  };
  const add = () => {
    set([...tags, { Key: "", Value: "" }]);
    setFresh((f) => [...f, tags.length]);
    focusNext.current = { row: tags.length, part: "key" };
  };

  const problemId = (i: number, part: string) => `${id}-${i}-${part}`;
  const invalid = (field: string) => problemsAt(problems, field, true).length > 0;

  return (
    <div className="tags-editor" data-testid={`${prefix}-editor`}>
      {tags.length > 0 ? (
        <>
          <div className="tags-head" aria-hidden="true">
            <span>{t("tags.key")}</span>
            <span>{t("tags.value")}</span>
          </div>
          <ol className="tags-rows" ref={list}>
            {tags.map((tag, i) => {
              const keyField = `TagSet[${i}].Key`;
              const valueField = `TagSet[${i}].Value`;
              return (
                <li className="tags-row" key={i} data-testid={`${prefix}-row-${i}`}>
                  <div className="tags-cell">
                    <input
                      type="text"
                      value={tag.Key}
                      aria-label={t("tags.keyOf", { n: i + 1 })}
                      aria-invalid={invalid(keyField) || undefined}
                      aria-describedby={invalid(keyField) ? problemId(i, "key") : undefined}
                      className={invalid(keyField) ? "invalid" : undefined}
                      data-testid={`${prefix}-row-${i}-key`}
                      spellCheck={false}
                      autoComplete="off"
                      disabled={disabled}
                      onChange={(e) => edit(i, { Key: e.target.value })}
                      onBlur={() => setFresh((f) => f.filter((j) => j !== i))}
                    />
                    <div id={problemId(i, "key")}>
                      <FieldProblems problems={problems} field={keyField} testId={`${prefix}-row-${i}-key-problems`} />
                    </div>
                  </div>
                  <div className="tags-cell">
                    <input
                      type="text"
                      value={tag.Value}
                      aria-label={t("tags.valueOf", { n: i + 1 })}
                      aria-invalid={invalid(valueField) || undefined}
                      aria-describedby={invalid(valueField) ? problemId(i, "value") : undefined}
                      className={invalid(valueField) ? "invalid" : undefined}
                      data-testid={`${prefix}-row-${i}-value`}
                      spellCheck={false}
                      autoComplete="off"
                      disabled={disabled}
                      onChange={(e) => edit(i, { Value: e.target.value })}
                    />
                    <div id={problemId(i, "value")}>
                      <FieldProblems problems={problems} field={valueField} testId={`${prefix}-row-${i}-value-problems`} />
                    </div>
                  </div>
                  <button
                    type="button"
                    className="icon-button tags-remove"
                    aria-label={t("tags.remove", { n: i + 1 })}
                    title={t("tags.remove", { n: i + 1 })}
                    data-testid={`${prefix}-row-${i}-remove`}
                    disabled={disabled}
                    onClick={() => remove(i)}
                  >
                    ×
                  </button>
                  <div className="tags-row-problems">
                    <FieldProblems problems={problems} field={`TagSet[${i}]`} testId={`${prefix}-row-${i}-problems`} />
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p className="muted tags-empty" data-testid={`${prefix}-empty`}>
          {t("tags.empty")}
        </p>
      )}
      <FieldProblems problems={problems} field="TagSet" testId={`${prefix}-list-problems`} />
      <div className="tags-add-line">
        <button
          type="button"
          className="button small"
          ref={addButton}
          data-testid={`${prefix}-add`}
          disabled={disabled || full}
          onClick={add}
        >
          <Icon name="plus" size={16} />
          {t("tags.add")}
        </button>
        <span className={`tags-count ${full ? "full" : ""}`} data-testid={`${prefix}-count`} aria-hidden="true">
          {t("tags.count", { count: tags.length, max })}
        </span>
        <span className="visually-hidden">{t("tags.countLabel", { count: tags.length, max })}</span>
      </div>
      <p className="field-hint tags-note">
        {t("tags.note.limits")} {t("tags.note.replace")}
      </p>
    </div>
  );
}
