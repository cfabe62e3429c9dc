import { useId, type ReactNode } from "react";
import type { Problem, RuleStatus } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import {
  newNoncurrentTransition,
  newTransition,
  ruleToConfig,
  STORAGE_CLASSES,
  type ExpirationKind,
  type FilterKind,
  type RuleForm,
  type TransitionWhen,
} from "./model";
import { describeRule } from "./sentence";

interface Props {
  /** The rule's place in the configuration: its problems are under `Rules[index]`. */
  index: number;
  isNew: boolean;
  form: RuleForm;
  problems: readonly Problem[];
  onChange: (patch: Partial<RuleForm>) => void;
  onDone: () => void;
  onCancel: () => void;
}

/** Every part of one lifecycle rule; Rust's problems under each field as the user edits. */
export function RuleEditor({ index, isNew, form, problems, onChange, onDone, onCancel }: Props) {
  const { t, tn } = useT();
  const id = useId();
  const at = `Rules[${index}]`;
  const needsAction = problemsAt(problems, at, true).some((p) => p.code === "Required");
  const otherRuleProblems = problemsAt(problems, at, true).filter((p) => p.code !== "Required");

  const setTag = (j: number, patch: Partial<RuleForm["tags"][number]>) =>
    onChange({ tags: form.tags.map((tag, k) => (k === j ? { ...tag, ...patch } : tag)) });
  const setTransition = (j: number, patch: Partial<RuleForm["transitions"][number]>) =>
    onChange({ transitions: form.transitions.map((tr, k) => (k === j ? { ...tr, ...patch } : tr)) });
  const setNoncurrent = (j: number, patch: Partial<RuleForm["noncurrentTransitions"][number]>) =>
    onChange({ noncurrentTransitions: form.noncurrentTransitions.map((tr, k) => (k === j ? { ...tr, ...patch } : tr)) });

  return (
    <section
      className="lifecycle-form"
      data-testid="lifecycle-form"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`} className="lifecycle-form-title">
        {isNew ? t("lifecycle.form.new") : t("lifecycle.form.edit", { id: form.id || t("lifecycle.noId") })}
      </h3>
      <p className="lifecycle-preview" aria-live="polite">
        <span className="muted">{t("lifecycle.form.reads")} </span>
        {describeRule(ruleToConfig(form), { t, tn })}
      </p>
      {needsAction && (
        <div className="field-error" role="alert" data-testid={`problem-${at}`}>
          {t("lifecycle.needsAction")}
        </div>
      )}
      {otherRuleProblems.length > 0 && <FieldProblems problems={otherRuleProblems} field={at} testId={`problem-${at}-other`} />}

      <div className="lifecycle-row">
        <TextInput
          id={`${id}-id`}
          label={t("lifecycle.form.id")}
          hint={t("lifecycle.form.idHint")}
          value={form.id}
          testId="lifecycle-id"
          field={`${at}.ID`}
          problems={problems}
          onChange={(v) => onChange({ id: v })}
          autoFocus
        />
        <div className="field lifecycle-narrow">
          <label htmlFor={`${id}-status`}>{t("lifecycle.form.status")}</label>
          <select
            id={`${id}-status`}
            value={form.status}
            data-testid="lifecycle-status"
            onChange={(e) => onChange({ status: e.target.value as RuleStatus })}
          >
            <option value="Enabled">{t("lifecycle.enabled")}</option>
            <option value="Disabled">{t("lifecycle.disabled")}</option>
          </select>
          <FieldProblems problems={problems} field={`${at}.Status`} />
        </div>
      </div>

      <fieldset className="lifecycle-group">
        <legend>{t("lifecycle.form.filter")}</legend>
        <div className="lifecycle-row">
          <div className="field lifecycle-narrow">
            <label htmlFor={`${id}-filter`}>{t("lifecycle.form.filter")}</label>
            <select
              id={`${id}-filter`}
              value={form.filterKind}
              data-testid="lifecycle-filter-kind"
              onChange={(e) => {
                const filterKind = e.target.value as FilterKind;
                const tags = filterKind === "and" && form.tags.length === 0 ? [{ key: "", value: "" }] : form.tags;
                onChange({ filterKind, tags });
              }}
            >
              {(["none", "prefix", "tag", "and"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`lifecycle.form.filter.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {(form.filterKind === "prefix" || form.filterKind === "and") && (
            <TextInput
              id={`${id}-prefix`}
              label={form.filterKind === "and" ? t("lifecycle.form.prefixOptional") : t("lifecycle.form.prefix")}
              hint={t("lifecycle.form.prefixHint")}
              value={form.prefix}
              testId="lifecycle-filter-prefix"
              field={form.filterKind === "and" ? `${at}.Filter.And.Prefix` : `${at}.Filter.Prefix`}
              problems={problems}
              onChange={(v) => onChange({ prefix: v })}
            />
          )}
        </div>
        <FieldProblems problems={problems} field={`${at}.Filter`} />
        {form.filterKind === "tag" && (
          <div className="lifecycle-row">
            <TextInput
              id={`${id}-tag-key`}
              label={t("lifecycle.form.tagKey")}
              value={form.tagKey}
              testId="lifecycle-filter-tag-key"
              field={`${at}.Filter.Tag.Key`}
              problems={problems}
              onChange={(v) => onChange({ tagKey: v })}
            />
            <TextInput
              id={`${id}-tag-value`}
              label={t("lifecycle.form.tagValue")}
              value={form.tagValue}
              testId="lifecycle-filter-tag-value"
              field={`${at}.Filter.Tag.Value`}
              problems={problems}
              onChange={(v) => onChange({ tagValue: v })}
            />
          </div>
        )}
        {form.filterKind === "and" && (
          <div className="lifecycle-list" role="group" aria-label={t("lifecycle.form.tags")}>
            <span className="lifecycle-label">{t("lifecycle.form.tags")}</span>
            <FieldProblems problems={problems} field={`${at}.Filter.And.Tags`} />
            {form.tags.map((tag, j) => (
              <div key={j} className="lifecycle-row lifecycle-pair">
                <TextInput
                  id={`${id}-tags-${j}-key`}
                  label={t("lifecycle.form.tagKeyN", { n: j + 1 })}
                  value={tag.key}
                  testId={`lifecycle-filter-tags-${j}-key`}
                  field={`${at}.Filter.And.Tags[${j}].Key`}
                  problems={problems}
                  onChange={(v) => setTag(j, { key: v })}
                />
                <TextInput
                  id={`${id}-tags-${j}-value`}
                  label={t("lifecycle.form.tagValueN", { n: j + 1 })}
                  value={tag.value}
                  testId={`lifecycle-filter-tags-${j}-value`}
                  field={`${at}.Filter.And.Tags[${j}].Value`}
                  problems={problems}
                  onChange={(v) => setTag(j, { value: v })}
                />
                <RemoveButton
                  label={t("lifecycle.form.removeTag", { n: j + 1 })}
                  testId={`lifecycle-filter-tags-${j}-remove`}
                  onClick={() => onChange({ tags: form.tags.filter((_, k) => k !== j) })}
                />
              </div>
            ))}
            <AddButton testId="lifecycle-filter-tags-add" onClick={() => onChange({ tags: [...form.tags, { key: "", value: "" }] })}>
              {t("lifecycle.form.addTag")}
            </AddButton>
          </div>
        )}
      </fieldset>

      <fieldset className="lifecycle-group">
        <legend>{t("lifecycle.form.current")}</legend>
        <div className="lifecycle-row">
          <div className="field lifecycle-wide-select">
            <label htmlFor={`${id}-expiration`}>{t("lifecycle.form.expiration")}</label>
            <select
              id={`${id}-expiration`}
              value={form.expirationKind}
              data-testid="lifecycle-expiration-kind"
              onChange={(e) => onChange({ expirationKind: e.target.value as ExpirationKind })}
            >
              {(["none", "days", "date", "markers"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`lifecycle.form.expiration.${k}`)}
                </option>
              ))}
            </select>
            {form.expirationKind === "markers" && <p className="field-hint">{t("lifecycle.form.markersHint")}</p>}
            <FieldProblems problems={problems} field={`${at}.Expiration`} />
            <FieldProblems problems={problems} field={`${at}.Expiration.ExpiredObjectDeleteMarker`} />
          </div>
          {form.expirationKind === "days" && (
            <TextInput
              id={`${id}-expiration-days`}
              type="number"
              label={t("lifecycle.form.days")}
              value={form.expirationDays}
              testId="lifecycle-expiration-days"
              field={`${at}.Expiration.Days`}
              problems={problems}
              onChange={(v) => onChange({ expirationDays: v })}
              narrow
            />
          )}
          {form.expirationKind === "date" && (
            <TextInput
              id={`${id}-expiration-date`}
              type="date"
              label={t("lifecycle.form.date")}
              hint={t("lifecycle.form.dateHint")}
              value={form.expirationDate}
              testId="lifecycle-expiration-date"
              field={`${at}.Expiration.Date`}
              problems={problems}
              onChange={(v) => onChange({ expirationDate: v })}
              narrow
            />
          )}
        </div>

        <div className="lifecycle-list" role="group" aria-labelledby={`${id}-transitions`}>
          <span id={`${id}-transitions`} className="lifecycle-label">
            {t("lifecycle.form.transitions")}
          </span>
          <p className="field-hint">{t("lifecycle.form.transitionsHint")}</p>
          <FieldProblems problems={problems} field={`${at}.Transitions`} />
          {form.transitions.length === 0 && <p className="muted lifecycle-none">{t("lifecycle.form.transitionsNone")}</p>}
          {form.transitions.map((tr, j) => {
            const tf = `${at}.Transitions[${j}]`;
            return (
              <div key={j} className="lifecycle-row lifecycle-step" role="group" aria-label={t("lifecycle.form.transition", { n: j + 1 })}>
                <div className="field lifecycle-narrow">
                  <label htmlFor={`${id}-tr-${j}-when`}>{t("lifecycle.form.when")}</label>
                  <select
                    id={`${id}-tr-${j}-when`}
                    value={tr.when}
                    data-testid={`lifecycle-transition-${j}-when`}
                    onChange={(e) => setTransition(j, { when: e.target.value as TransitionWhen })}
                  >
                    <option value="days">{t("lifecycle.form.when.days")}</option>
                    <option value="date">{t("lifecycle.form.when.date")}</option>
                  </select>
                  <FieldProblems problems={problems} field={tf} />
                </div>
                {tr.when === "days" ? (
                  <TextInput
                    id={`${id}-tr-${j}-days`}
                    type="number"
                    label={t("lifecycle.form.days")}
                    value={tr.days}
                    testId={`lifecycle-transition-${j}-days`}
                    field={`${tf}.Days`}
                    problems={problems}
                    onChange={(v) => setTransition(j, { days: v })}
                    narrow
                  />
                ) : (
                  <TextInput
                    id={`${id}-tr-${j}-date`}
                    type="date"
                    label={t("lifecycle.form.date")}
                    value={tr.date}
                    testId={`lifecycle-transition-${j}-date`}
                    field={`${tf}.Date`}
                    extraField={`${tf}.Days`}
                    problems={problems}
                    onChange={(v) => setTransition(j, { date: v })}
                    narrow
                  />
                )}
                <ClassSelect
                  id={`${id}-tr-${j}-class`}
                  value={tr.storageClass}
                  testId={`lifecycle-transition-${j}-class`}
                  field={`${tf}.StorageClass`}
                  problems={problems}
                  onChange={(v) => setTransition(j, { storageClass: v })}
                />
                <RemoveButton
                  label={t("lifecycle.form.removeTransition", { n: j + 1 })}
                  testId={`lifecycle-transition-${j}-remove`}
                  onClick={() => onChange({ transitions: form.transitions.filter((_, k) => k !== j) })}
                />
              </div>
            );
          })}
          <AddButton testId="lifecycle-transition-add" onClick={() => onChange({ transitions: [...form.transitions, newTransition()] })}>
            {t("lifecycle.form.addTransition")}
          </AddButton>
        </div>
      </fieldset>

      <fieldset className="lifecycle-group">
        <legend>{t("lifecycle.form.noncurrent")}</legend>
        <p className="field-hint">{t("lifecycle.form.noncurrentHint")}</p>
        <FieldProblems problems={problems} field={`${at}.NoncurrentVersionTransitions`} />
        {form.noncurrentTransitions.map((tr, j) => {
          const tf = `${at}.NoncurrentVersionTransitions[${j}]`;
          return (
            <div
              key={j}
              className="lifecycle-row lifecycle-step"
              role="group"
              aria-label={t("lifecycle.form.noncurrentTransition", { n: j + 1 })}
            >
              <TextInput
                id={`${id}-nc-${j}-days`}
                type="number"
                label={t("lifecycle.form.noncurrentTransitionDays")}
                value={tr.days}
                testId={`lifecycle-noncurrent-transition-${j}-days`}
                field={`${tf}.NoncurrentDays`}
                problems={problems}
                onChange={(v) => setNoncurrent(j, { days: v })}
              />
              <ClassSelect
                id={`${id}-nc-${j}-class`}
                value={tr.storageClass}
                testId={`lifecycle-noncurrent-transition-${j}-class`}
                field={`${tf}.StorageClass`}
                problems={problems}
                onChange={(v) => setNoncurrent(j, { storageClass: v })}
              />
              <RemoveButton
                label={t("lifecycle.form.removeNoncurrentTransition", { n: j + 1 })}
                testId={`lifecycle-noncurrent-transition-${j}-remove`}
                onClick={() => onChange({ noncurrentTransitions: form.noncurrentTransitions.filter((_, k) => k !== j) })}
              />
            </div>
          );
        })}
        <AddButton
          testId="lifecycle-noncurrent-transition-add"
          onClick={() => onChange({ noncurrentTransitions: [...form.noncurrentTransitions, newNoncurrentTransition()] })}
        >
          {t("lifecycle.form.addNoncurrentTransition")}
        </AddButton>
        <div className="lifecycle-row">
          <TextInput
            id={`${id}-noncurrent-days`}
            type="number"
            label={t("lifecycle.form.noncurrentDays")}
            hint={t("lifecycle.form.noncurrentDaysHint")}
            value={form.noncurrentDays}
            testId="lifecycle-noncurrent-days"
            field={`${at}.NoncurrentVersionExpiration.NoncurrentDays`}
            extraField={`${at}.NoncurrentVersionExpiration`}
            problems={problems}
            onChange={(v) => onChange({ noncurrentDays: v })}
          />
        </div>
      </fieldset>

      <fieldset className="lifecycle-group">
        <legend>{t("lifecycle.form.uploads")}</legend>
        <div className="lifecycle-row">
          <TextInput
            id={`${id}-abort-days`}
            type="number"
            label={t("lifecycle.form.abortDays")}
            hint={t("lifecycle.form.abortHint")}
            value={form.abortDays}
            testId="lifecycle-abort-days"
            field={`${at}.AbortIncompleteMultipartUpload.DaysAfterInitiation`}
            extraField={`${at}.AbortIncompleteMultipartUpload`}
            problems={problems}
            onChange={(v) => onChange({ abortDays: v })}
          />
        </div>
      </fieldset>

      <p className="field-hint">{t("lifecycle.form.doneHint")}</p>
      <div className="settings-actions">
        <button type="button" className="button primary" data-testid="lifecycle-form-done" onClick={onDone}>
          <Icon name="check" size={14} />
          {t("lifecycle.form.done")}
        </button>
        <button type="button" className="button" data-testid="lifecycle-form-cancel" onClick={onCancel}>
          {t("lifecycle.form.cancel")}
        </button>
      </div>
    </section>
  );
}

interface TextInputProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  testId: string;
  /** The configuration path whose problems show under the input. */
  field: string;
  /** Another path shown here too (e.g. the object holding this one). */
  extraField?: string;
  problems: readonly Problem[];
  onChange: (value: string) => void;
  type?: "text" | "number" | "date";
  narrow?: boolean;
  autoFocus?: boolean;
}

function TextInput({ id, label, hint, value, testId, field, extraField, problems, onChange, type = "text", narrow, autoFocus }: TextInputProps) {
  const invalid =
    problemsAt(problems, field, true).length > 0 || (extraField !== undefined && problemsAt(problems, extraField, true).length > 0);
  return (
    <div className={`field ${narrow ? "lifecycle-narrow" : ""} ${invalid ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        data-testid={testId}
        aria-invalid={invalid}
        autoFocus={autoFocus}
        {...(type === "number" ? { min: 0, step: 1, inputMode: "numeric" as const } : {})}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <p className="field-hint">{hint}</p>}
      <FieldProblems problems={problems} field={field} />
      {extraField && <FieldProblems problems={problems} field={extraField} />}
    </div>
  );
}

interface ClassSelectProps {
  id: string;
  value: string;
  testId: string;
  field: string;
  problems: readonly Problem[];
  onChange: (value: string) => void;
}

/** The storage class choices; a class the server answered that is not one of them stays shown. */
function ClassSelect({ id, value, testId, field, problems, onChange }: ClassSelectProps) {
  const { t } = useT();
  const known = (STORAGE_CLASSES as readonly string[]).includes(value);
  const invalid = problemsAt(problems, field, true).length > 0;
  return (
    <div className={`field lifecycle-class ${invalid ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{t("lifecycle.form.class")}</label>
      <select id={id} value={value} data-testid={testId} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {STORAGE_CLASSES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <FieldProblems problems={problems} field={field} />
    </div>
  );
}

function RemoveButton({ label, testId, onClick }: { label: string; testId: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button lifecycle-remove" aria-label={label} title={label} data-testid={testId} onClick={onClick}>
      <Icon name="trash" size={15} />
    </button>
  );
}

function AddButton({ testId, onClick, children }: { testId: string; onClick: () => void; children: ReactNode }) {
  return (
    <div>
      <button type="button" className="button small" data-testid={testId} onClick={onClick}>
        <Icon name="plus" size={14} />
        {children}
      </button>
    </div>
  );
}
