import { useId, useState } from "react";
import type { Effect, PolicyCondition, Problem, Statement } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import {
  bucketArn,
  CONDITION_KEYS,
  hasPlaceholder,
  newCondition,
  objectsArnPrefix,
  OPERATORS,
  partFields,
  shadowedConditions,
} from "./model";

interface Props {
  index: number;
  statement: Statement;
  bucket: string;
  /** The actions the server knows, for the "add an action" list. */
  actions: readonly string[];
  problems: readonly Problem[];
  /** The id of the hint that explains the highlighted template placeholders. */
  placeholderHint: string;
  onChange: (statement: Statement) => void;
  onRemove: () => void;
}

const invalid = (problems: readonly Problem[], field: string) => problemsAt(problems, field, true).length > 0;

/** One statement as a card: who (principal), may or may not (effect) do what (actions) on what (resources), when (conditions). */
export function StatementEditor({ index, statement: s, bucket, actions, problems, placeholderHint, onChange, onRemove }: Props) {
  const { t } = useT();
  const id = useId();
  const at = `Statement[${index}]`;
  const tid = `policy-statement-${index}`;
  const fields = partFields(s);
  const set = (patch: Partial<Statement>) => onChange({ ...s, ...patch });
  const users = s.principal.kind === "users" ? s.principal.users : [];
  const n = index + 1;

  return (
    <fieldset className="policy-statement" data-testid={tid}>
      <legend className="policy-statement-title">
        {t("policy.statement", { n })}
        <button
          type="button"
          className="icon-button"
          aria-label={t("policy.removeStatement", { n })}
          title={t("policy.removeStatement", { n })}
          data-testid={`${tid}-remove`}
          onClick={onRemove}
        >
          <Icon name="trash" size={16} />
        </button>
      </legend>

      <div className="policy-row">
        <div className={`field ${invalid(problems, `${at}.Sid`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-sid`}>{t("policy.sid")}</label>
          <input
            id={`${id}-sid`}
            value={s.sid ?? ""}
            placeholder={t("policy.sidPlaceholder")}
            data-testid={`${tid}-sid`}
            onChange={(e) => set({ sid: e.target.value === "" ? null : e.target.value })}
          />
          <FieldProblems problems={problems} field={`${at}.Sid`} />
        </div>
        <div className={`field policy-narrow ${invalid(problems, `${at}.Effect`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-effect`}>{t("policy.effect")}</label>
          <select
            id={`${id}-effect`}
            value={s.effect}
            data-testid={`${tid}-effect`}
            onChange={(e) => set({ effect: e.target.value as Effect })}
          >
            <option value="Allow">{t("policy.effect.Allow")}</option>
            <option value="Deny">{t("policy.effect.Deny")}</option>
          </select>
          <FieldProblems problems={problems} field={`${at}.Effect`} />
        </div>
      </div>

      <section className="policy-part" aria-labelledby={`${id}-principal`}>
        <div className="policy-part-head">
          <h4 id={`${id}-principal`}>{t("policy.principal")}</h4>
          <label className="checkbox policy-not">
            <input
              type="checkbox"
              checked={s.notPrincipal}
              data-testid={`${tid}-not-principal`}
              onChange={(e) => set({ notPrincipal: e.target.checked })}
            />
            <span>{t("policy.notPrincipal")}</span>
          </label>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={s.principal.kind === "anyone"}
            data-testid={`${tid}-anyone`}
            onChange={(e) => set({ principal: e.target.checked ? { kind: "anyone" } : { kind: "users", users: [] } })}
          />
          <span>{t("policy.anyone")}</span>
        </label>
        {s.principal.kind === "users" && (
          <>
            <ListInput
              values={users}
              field={`${at}.${fields.principal}`}
              problems={problems}
              label={t("policy.user")}
              addLabel={t("policy.addUser")}
              placeholder="arn:aws:iam:::user/ID"
              placeholderHint={placeholderHint}
              testId={`${tid}-user`}
              onChange={(next) => set({ principal: { kind: "users", users: next } })}
            />
            <p className="field-hint">{t("policy.userHint")}</p>
          </>
        )}
        <FieldProblems problems={problems} field={`${at}.${fields.principal}`} />
      </section>

      <section className="policy-part" aria-labelledby={`${id}-actions`}>
        <div className="policy-part-head">
          <h4 id={`${id}-actions`}>{t("policy.actions")}</h4>
          <label className="checkbox policy-not">
            <input
              type="checkbox"
              checked={s.notAction}
              data-testid={`${tid}-not-action`}
              onChange={(e) => set({ notAction: e.target.checked })}
            />
            <span>{t("policy.notAction")}</span>
          </label>
        </div>
        <ListInput
          values={s.actions}
          field={`${at}.${fields.action}`}
          problems={problems}
          label={t("policy.action")}
          placeholder="s3:Get*"
          placeholderHint={placeholderHint}
          testId={`${tid}-action`}
          onChange={(next) => set({ actions: next })}
        />
        <AddAction known={actions} present={s.actions} testId={`${tid}-action`} onAdd={(a) => set({ actions: [...s.actions, a] })} />
        <p className="field-hint">{t("policy.actionHint")}</p>
        <FieldProblems problems={problems} field={`${at}.${fields.action}`} />
      </section>

      <section className="policy-part" aria-labelledby={`${id}-resources`}>
        <div className="policy-part-head">
          <h4 id={`${id}-resources`}>{t("policy.resources")}</h4>
          <label className="checkbox policy-not">
            <input
              type="checkbox"
              checked={s.notResource}
              data-testid={`${tid}-not-resource`}
              onChange={(e) => set({ notResource: e.target.checked })}
            />
            <span>{t("policy.notResource")}</span>
          </label>
        </div>
        <Resources
          resources={s.resources}
          bucket={bucket}
          field={`${at}.${fields.resource}`}
          problems={problems}
          placeholderHint={placeholderHint}
          testId={`${tid}-resource`}
          onChange={(next) => set({ resources: next })}
        />
        <FieldProblems problems={problems} field={`${at}.${fields.resource}`} />
      </section>

      <section className="policy-part" aria-labelledby={`${id}-conditions`}>
        <div className="policy-part-head">
          <h4 id={`${id}-conditions`}>{t("policy.conditions")}</h4>
        </div>
        {s.conditions.length === 0 && <p className="field-hint">{t("policy.conditionsNone")}</p>}
        {s.conditions.map((c, j) => (
          <ConditionRow
            key={j}
            condition={c}
            field={`${at}.Condition[${j}]`}
            n={j + 1}
            shadowed={shadowedConditions(s.conditions).has(j)}
            problems={problems}
            placeholderHint={placeholderHint}
            testId={`${tid}-condition-${j}`}
            onChange={(next) => set({ conditions: s.conditions.map((x, k) => (k === j ? next : x)) })}
            onRemove={() => set({ conditions: s.conditions.filter((_, k) => k !== j) })}
          />
        ))}
        <FieldProblems problems={problems} field={`${at}.Condition`} />
        <div>
          <button
            type="button"
            className="button small"
            data-testid={`${tid}-add-condition`}
            onClick={() => set({ conditions: [...s.conditions, newCondition()] })}
          >
            <Icon name="plus" size={14} />
            {t("policy.addCondition")}
          </button>
        </div>
      </section>
    </fieldset>
  );
}

interface ListProps {
  values: readonly string[];
  /** The list's path: each row's problems are at `${field}[j]`. */
  field: string;
  problems: readonly Problem[];
  label: string;
  addLabel?: string;
  placeholder: string;
  placeholderHint: string;
  testId: string;
  onChange: (values: string[]) => void;
}

/** A list of text rows, each with its own problems and a remove button, and an "add" button. */
function ListInput({ values, field, problems, label, addLabel, placeholder, placeholderHint, testId, onChange }: ListProps) {
  const { t } = useT();
  return (
    <div className="policy-list">
      {values.map((v, j) => (
        <div key={j} className={`policy-list-item ${invalid(problems, `${field}[${j}]`) ? "field-invalid" : ""}`}>
          <div className="policy-list-row">
            <input
              value={v}
              className={`mono ${hasPlaceholder(v) ? "policy-placeholder" : ""}`}
              aria-label={`${label} ${j + 1}`}
              aria-describedby={hasPlaceholder(v) ? placeholderHint : undefined}
              placeholder={placeholder}
              data-testid={`${testId}-${j}`}
              onChange={(e) => onChange(values.map((x, k) => (k === j ? e.target.value : x)))}
            />
            <RemoveButton label={t("policy.removeItem", { item: `${label} ${j + 1}` })} onClick={() => onChange(values.filter((_, k) => k !== j))} />
          </div>
          <FieldProblems problems={problems} field={`${field}[${j}]`} />
        </div>
      ))}
      {addLabel && (
        <div>
          <button type="button" className="button small" data-testid={`${testId}-add`} onClick={() => onChange([...values, ""])}>
            <Icon name="plus" size={14} />
            {addLabel}
          </button>
        </div>
      )}
    </div>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} onClick={onClick}>
      <Icon name="remove" size={16} />
    </button>
  );
}

/** Pick one of the server's actions, or add a row to type one (wildcards allowed). */
function AddAction({ known, present, testId, onAdd }: { known: readonly string[]; present: readonly string[]; testId: string; onAdd: (action: string) => void }) {
  const { t } = useT();
  const id = useId();
  const choices = known.filter((a) => !present.includes(a));
  const [choice, setChoice] = useState("");
  const picked = choices.includes(choice) ? choice : "";
  return (
    <div className="policy-list-row policy-add-action">
      <select
        id={`${id}-pick`}
        value={picked}
        aria-label={t("policy.pickAction")}
        data-testid={`${testId}-pick`}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{t("policy.pickAction")}</option>
        {choices.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        disabled={picked === ""}
        data-testid={`${testId}-add-picked`}
        onClick={() => {
          onAdd(picked);
          setChoice("");
        }}
      >
        {t("policy.add")}
      </button>
      <button type="button" className="button small" data-testid={`${testId}-add`} onClick={() => onAdd("")}>
        <Icon name="plus" size={14} />
        {t("policy.addCustomAction")}
      </button>
    </div>
  );
}

interface ResourcesProps {
  resources: readonly string[];
  bucket: string;
  field: string;
  problems: readonly Problem[];
  placeholderHint: string;
  testId: string;
  onChange: (resources: string[]) => void;
}

/**
 * Resources built from the bucket: "the bucket itself" as a checkbox, "objects matching" rows
 * that edit only the key pattern after `arn:aws:s3:::<bucket>/`, and any other ARN as free text.
 */
function Resources({ resources, bucket, field, problems, placeholderHint, testId, onChange }: ResourcesProps) {
  const { t } = useT();
  const whole = bucketArn(bucket);
  const prefix = objectsArnPrefix(bucket);
  const hasWhole = resources.includes(whole);
  const replace = (j: number, value: string) => onChange(resources.map((x, k) => (k === j ? value : x)));
  return (
    <div className="policy-list">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={hasWhole}
          data-testid={`${testId}-bucket`}
          onChange={(e) => onChange(e.target.checked ? [whole, ...resources] : resources.filter((r) => r !== whole))}
        />
        <span>
          {t("policy.wholeBucket")} <code className="mono">{whole}</code>
        </span>
      </label>
      {resources.map((r, j) => {
        if (r === whole) return <FieldProblems key={j} problems={problems} field={`${field}[${j}]`} />;
        const objects = r.startsWith(prefix);
        const label = objects ? t("policy.objectsMatching") : t("policy.otherArn");
        return (
          <div key={j} className={`policy-list-item ${invalid(problems, `${field}[${j}]`) ? "field-invalid" : ""}`}>
            <div className="policy-list-row">
              {/* The prefix takes a slot either way, so the input keeps focus when the row's kind changes. */}
              {objects ? (
                <span className="policy-arn-prefix mono" title={t("policy.objectsMatching")}>
                  {prefix}
                </span>
              ) : null}
              <input
                value={objects ? r.slice(prefix.length) : r}
                className={`mono ${hasPlaceholder(r) ? "policy-placeholder" : ""}`}
                aria-label={`${label} ${j + 1}`}
                aria-describedby={hasPlaceholder(r) ? placeholderHint : undefined}
                placeholder={objects ? "photos/*" : "arn:aws:s3:::bucket/key"}
                data-testid={`${testId}-${j}`}
                onChange={(e) => replace(j, objects ? prefix + e.target.value : e.target.value)}
              />
              <RemoveButton label={t("policy.removeItem", { item: `${label} ${j + 1}` })} onClick={() => onChange(resources.filter((_, k) => k !== j))} />
            </div>
            <FieldProblems problems={problems} field={`${field}[${j}]`} />
          </div>
        );
      })}
      <div className="policy-buttons">
        <button type="button" className="button small" data-testid={`${testId}-add-objects`} onClick={() => onChange([...resources, `${prefix}*`])}>
          <Icon name="plus" size={14} />
          {t("policy.addObjects")}
        </button>
        <button type="button" className="button small" data-testid={`${testId}-add`} onClick={() => onChange([...resources, ""])}>
          <Icon name="plus" size={14} />
          {t("policy.addArn")}
        </button>
      </div>
      <p className="field-hint">{t("policy.resourceHint")}</p>
    </div>
  );
}

interface ConditionProps {
  condition: PolicyCondition;
  field: string;
  n: number;
  shadowed: boolean;
  problems: readonly Problem[];
  placeholderHint: string;
  testId: string;
  onChange: (condition: PolicyCondition) => void;
  onRemove: () => void;
}

const OTHER_KEY = "(other)";

/** One condition: operator, key (a common one or typed), and its values (any one of them matches). */
function ConditionRow({ condition: c, field, n, shadowed, problems, placeholderHint, testId, onChange, onRemove }: ConditionProps) {
  const { t } = useT();
  const id = useId();
  const [typing, setTyping] = useState(!CONDITION_KEYS.includes(c.key));
  const custom = typing || !CONDITION_KEYS.includes(c.key);
  const operators = OPERATORS.includes(c.operator) ? OPERATORS : [c.operator, ...OPERATORS];
  const set = (patch: Partial<PolicyCondition>) => onChange({ ...c, ...patch });
  const valueHint = c.operator.includes("IpAddress")
    ? t("policy.valuesHint.ip")
    : c.operator.startsWith("Bool")
      ? t("policy.valuesHint.bool")
      : c.key === "aws:Referer"
        ? t("policy.valuesHint.referer")
        : t("policy.valuesHint");
  return (
    <div className="policy-condition" data-testid={testId} role="group" aria-label={t("policy.condition", { n })}>
      <div className="policy-row">
        <div className={`field ${invalid(problems, `${field}.Operator`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-op`}>{t("policy.operator")}</label>
          <select id={`${id}-op`} value={c.operator} data-testid={`${testId}-operator`} onChange={(e) => set({ operator: e.target.value })}>
            {operators.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          <FieldProblems problems={problems} field={`${field}.Operator`} />
        </div>
        <div className={`field ${invalid(problems, `${field}.Key`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-key`}>{t("policy.key")}</label>
          <select
            id={`${id}-key`}
            value={custom ? OTHER_KEY : c.key}
            data-testid={`${testId}-key`}
            onChange={(e) => {
              if (e.target.value === OTHER_KEY) {
                setTyping(true);
              } else {
                setTyping(false);
                set({ key: e.target.value });
              }
            }}
          >
            {CONDITION_KEYS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
            <option value={OTHER_KEY}>{t("policy.keyOther")}</option>
          </select>
          {custom && (
            <input
              value={c.key}
              className="mono"
              aria-label={t("policy.keyTyped")}
              placeholder="s3:ExistingObjectTag/team"
              data-testid={`${testId}-key-text`}
              onChange={(e) => set({ key: e.target.value })}
            />
          )}
          <FieldProblems problems={problems} field={`${field}.Key`} />
        </div>
        <div className="policy-condition-remove">
          <button
            type="button"
            className="icon-button"
            aria-label={t("policy.removeCondition", { n })}
            title={t("policy.removeCondition", { n })}
            data-testid={`${testId}-remove`}
            onClick={onRemove}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      </div>
      <div className={`field ${invalid(problems, `${field}.Values`) ? "field-invalid" : ""}`}>
        <span className="policy-label">{t("policy.values")}</span>
        <ListInput
          values={c.values}
          field={`${field}.Values`}
          problems={problems}
          label={t("policy.value")}
          addLabel={t("policy.addValue")}
          placeholder={c.operator.includes("IpAddress") ? "203.0.113.0/24" : c.operator.startsWith("Bool") ? "false" : "https://www.example.com/*"}
          placeholderHint={placeholderHint}
          testId={`${testId}-value`}
          onChange={(values) => set({ values })}
        />
        <p className="field-hint">{valueHint}</p>
        <FieldProblems problems={problems} field={`${field}.Values`} testId={`problem-${field}.Values`} />
      </div>
      {shadowed && (
        <p className="field-hint hint-warn" data-testid={`${testId}-shadowed`}>
          {t("policy.conditionShadowed")}
        </p>
      )}
    </div>
  );
}
