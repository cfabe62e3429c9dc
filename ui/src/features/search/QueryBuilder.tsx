import { useState } from "react";
import type { SearchOp } from "../../backend";
import { useT, type MessageKey } from "../../i18n";
import {
  FIELD_KEYS,
  kindOf,
  newCondition,
  newGroup,
  OPS,
  removeNode,
  SIZE_UNITS,
  updateNode,
  type BuilderNode,
  type CondNode,
  type FieldKey,
  type GroupNode,
  type RowProblem,
  type SizeUnit,
} from "./model";

interface Props {
  tree: GroupNode;
  onChange: (tree: GroupNode) => void;
  /** Why rows cannot be written yet, by row id. */
  problems: Map<string, RowProblem>;
}

/** Rows of conditions joined by and/or, with nested groups: the query's tree, editable. */
export function QueryBuilder({ tree, onChange, problems }: Props) {
  const { t } = useT();
  // The row or group just added takes the focus (keyboard users go on typing there).
  const [added, setAdded] = useState<string | null>(null);
  const ctx: Ctx = {
    problems,
    added,
    update: (id, f) => onChange(updateNode(tree, id, f)),
    remove: (id, groupId) => {
      onChange(removeNode(tree, id));
      // The focus was on the removed row's button: move it to its group's "Add condition" (the
      // root's when the group went too).
      setTimeout(() => (document.getElementById(addId(groupId)) ?? document.getElementById(addId(tree.id)))?.focus(), 0);
    },
    add: (groupId, node) => {
      setAdded(node.kind === "group" ? node.items[0].id : node.id);
      onChange(updateNode(tree, groupId, (g) => (g.kind === "group" ? { ...g, items: [...g.items, node] } : g)));
    },
  };
  return (
    <div className="search-builder" data-testid="search-builder" role="group" aria-label={t("search.builder")}>
      {problems.size > 0 && (
        <p className="field-hint hint-warn" data-testid="search-builder-incomplete">
          {t("search.builder.incomplete")}
        </p>
      )}
      <GroupView group={tree} parentId={tree.id} depth={0} ctx={ctx} />
    </div>
  );
}

const addId = (groupId: string) => `search-add-${groupId}`;

interface Ctx {
  problems: Map<string, RowProblem>;
  added: string | null;
  update: (id: string, f: (n: BuilderNode) => BuilderNode) => void;
  /** Removes a row or group of the group `groupId`. */
  remove: (id: string, groupId: string) => void;
  add: (groupId: string, node: BuilderNode) => void;
}

function GroupView({ group, parentId, depth, ctx }: { group: GroupNode; parentId: string; depth: number; ctx: Ctx }) {
  const { t } = useT();
  const joinId = `search-join-${group.id}`;
  return (
    <fieldset className={`search-group depth-${Math.min(depth, 3)}`} data-testid="search-group" data-join={group.join}>
      <legend className="visually-hidden">{depth === 0 ? t("search.builder") : t("search.builder.group")}</legend>
      <div className="search-group-head">
        <label htmlFor={joinId} className="search-join-label">
          {depth === 0 ? t("search.builder.join") : `( ${t("search.builder.group")} )`}
        </label>
        <select
          id={joinId}
          className="search-join"
          data-testid="search-join"
          value={group.join}
          aria-label={t("search.builder.join")}
          onChange={(e) => ctx.update(group.id, (g) => ({ ...(g as GroupNode), join: e.target.value as "and" | "or" }))}
        >
          <option value="and">{t("search.builder.and")}</option>
          <option value="or">{t("search.builder.or")}</option>
        </select>
        <span className="spacer" />
        {depth > 0 && (
          <button
            type="button"
            className="button small subtle"
            data-testid="search-remove-group"
            onClick={() => ctx.remove(group.id, parentId)}
          >
            {t("search.builder.removeGroup")}
          </button>
        )}
      </div>
      <ul className="search-items">
        {group.items.map((item, i) => (
          <li key={item.id} className="search-item">
            {i > 0 && (
              <span className="search-join-word" aria-hidden="true">
                {group.join}
              </span>
            )}
            {item.kind === "cond" ? (
              <ConditionRow node={item} groupId={group.id} ctx={ctx} />
            ) : (
              <GroupView group={item} parentId={group.id} depth={depth + 1} ctx={ctx} />
            )}
          </li>
        ))}
      </ul>
      <div className="button-row search-group-actions">
        <button
          type="button"
          id={addId(group.id)}
          className="button small"
          data-testid="search-add-condition"
          onClick={() => ctx.add(group.id, newCondition())}
        >
          {t("search.builder.addCondition")}
        </button>
        {depth < 3 && (
          <button
            type="button"
            className="button small"
            data-testid="search-add-group"
            onClick={() => ctx.add(group.id, newGroup(group.join === "and" ? "or" : "and", [newCondition()]))}
          >
            {t("search.builder.addGroup")}
          </button>
        )}
      </div>
    </fieldset>
  );
}

const ROW_PROBLEM: Record<RowProblem, MessageKey> = {
  noValue: "search.row.noValue",
  noMetaName: "search.row.noMetaName",
  badMetaName: "search.row.badMetaName",
  badSize: "search.row.badSize",
  badInteger: "search.row.badInteger",
  badDate: "search.row.badDate",
  badText: "search.row.badText",
};

function ConditionRow({ node, groupId, ctx }: { node: CondNode; groupId: string; ctx: Ctx }) {
  const { t } = useT();
  const set = (patch: Partial<CondNode>) => ctx.update(node.id, (n) => ({ ...(n as CondNode), ...patch }));
  const problem = ctx.problems.get(node.id);
  const id = (part: string) => `search-${part}-${node.id}`;
  const kind = kindOf(node.field);
  const errorId = id("problem");

  const changeField = (field: FieldKey) => {
    const sameKind = kindOf(field) === kind && field !== "size" && node.field !== "size";
    set({ field, value: sameKind ? node.value : "", unit: field === "size" ? "MiB" : "B" });
  };

  return (
    <div className={`search-row ${problem ? "invalid" : ""}`} data-testid="search-row">
      <select
        id={id("field")}
        data-testid="search-field"
        aria-label={t("search.builder.field")}
        className="search-field"
        value={node.field}
        autoFocus={ctx.added === node.id}
        onChange={(e) => changeField(e.target.value as FieldKey)}
      >
        {FIELD_KEYS.map((f) => (
          <option key={f} value={f}>
            {t(`search.field.${f}` as MessageKey)}
          </option>
        ))}
      </select>
      {node.field === "meta" && (
        <span className="search-meta">
          <span className="search-meta-prefix mono" aria-hidden="true">
            x-amz-meta-
          </span>
          <input
            id={id("meta")}
            className="mono"
            data-testid="search-meta-name"
            aria-label={t("search.builder.metaName")}
            placeholder={t("search.builder.metaPlaceholder")}
            value={node.meta}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set({ meta: e.target.value })}
          />
        </span>
      )}
      <select
        id={id("op")}
        data-testid="search-op"
        aria-label={t("search.builder.op")}
        className="search-op mono"
        value={node.op}
        onChange={(e) => set({ op: e.target.value as SearchOp })}
      >
        {OPS.map((op) => (
          <option key={op} value={op}>
            {t(`search.op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      <span className="search-value">
        {node.field === "size" ? (
          <>
            <input
              id={id("value")}
              data-testid="search-value"
              aria-label={t("search.builder.value")}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              inputMode="decimal"
              value={node.value}
              onChange={(e) => set({ value: e.target.value })}
            />
            <select
              data-testid="search-unit"
              aria-label={t("search.builder.unit")}
              className="search-unit"
              value={node.unit}
              onChange={(e) => set({ unit: e.target.value as SizeUnit })}
            >
              {SIZE_UNITS.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {u.unit}
                </option>
              ))}
            </select>
          </>
        ) : kind === "time" ? (
          <>
            <input
              id={id("value")}
              type="datetime-local"
              step={1}
              data-testid="search-value"
              aria-label={`${t("search.builder.value")} (${t("search.builder.localTime")})`}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              value={node.value}
              onChange={(e) => set({ value: e.target.value })}
            />
            <span className="search-unit-note muted">{t("search.builder.localTime")}</span>
          </>
        ) : (
          <input
            id={id("value")}
            className={kind === "text" ? "mono" : undefined}
            data-testid="search-value"
            aria-label={t("search.builder.value")}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            inputMode={kind === "integer" ? "numeric" : undefined}
            spellCheck={false}
            autoComplete="off"
            value={node.value}
            onChange={(e) => set({ value: e.target.value })}
          />
        )}
      </span>
      <button
        type="button"
        className="icon-button search-remove"
        data-testid="search-remove"
        aria-label={t("search.builder.remove")}
        title={t("search.builder.remove")}
        onClick={() => ctx.remove(node.id, groupId)}
      >
        ×
      </button>
      {problem && (
        <p className="search-row-problem" id={errorId} data-testid="search-row-problem">
          {t(ROW_PROBLEM[problem])}
        </p>
      )}
    </div>
  );
}
