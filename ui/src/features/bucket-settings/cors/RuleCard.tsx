import { useId } from "react";
import type { CorsMethod, Problem } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import { lines, METHODS, type RuleForm } from "./model";

interface Props {
  index: number;
  rule: RuleForm;
  problems: readonly Problem[];
  /** The live preflight matched this rule (as saved on the server). */
  matched: boolean;
  onChange: (rule: RuleForm) => void;
  onDuplicate: () => void;
  onRemove: () => void;
}

/** One CORS rule: who may ask (origins), how (methods, headers), and what the browser may keep. */
export function RuleCard({ index, rule, problems, matched, onChange, onDuplicate, onRemove }: Props) {
  const { t } = useT();
  const id = useId();
  const at = `CORSRules[${index}]`;
  const tid = `cors-rule-${index}`;
  const n = index + 1;
  const set = (patch: Partial<RuleForm>) => onChange({ ...rule, ...patch });
  const invalid = (field: string, exact = true) => problemsAt(problems, field, exact).length > 0;
  const toggle = (m: CorsMethod, on: boolean) =>
    set({ methods: on ? [...rule.methods, m] : rule.methods.filter((x) => x !== m) });
  const anyOrigin = lines(rule.origins).includes("*");

  return (
    <fieldset className={`cors-rule ${matched ? "cors-rule-matched" : ""}`} data-testid={tid} data-matched={matched || undefined}>
      <legend className="cors-rule-title">
        <span>{t("cors.rule", { n })}</span>
        {matched && <span className="cors-matched-badge">{t("cors.matchedBadge")}</span>}
        <button
          type="button"
          className="icon-button"
          aria-label={t("cors.duplicateRule", { n })}
          title={t("cors.duplicateRule", { n })}
          data-testid={`${tid}-duplicate`}
          onClick={onDuplicate}
        >
          <Icon name="copy" size={15} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("cors.removeRule", { n })}
          title={t("cors.removeRule", { n })}
          data-testid={`${tid}-remove`}
          onClick={onRemove}
        >
          <Icon name="trash" size={16} />
        </button>
      </legend>

      <FieldProblems problems={problems} field={at} />
      <div className="cors-row">
        <div className={`field ${invalid(`${at}.ID`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-id`}>{t("cors.id")}</label>
          <input
            id={`${id}-id`}
            value={rule.id}
            placeholder={t("cors.idPlaceholder")}
            data-testid={`${tid}-id`}
            aria-invalid={invalid(`${at}.ID`)}
            onChange={(e) => set({ id: e.target.value })}
          />
          <FieldProblems problems={problems} field={`${at}.ID`} />
        </div>
        <div className={`field cors-narrow ${invalid(`${at}.MaxAgeSeconds`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-max-age`}>{t("cors.maxAge")}</label>
          <input
            id={`${id}-max-age`}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={rule.maxAge}
            placeholder="3000"
            data-testid={`${tid}-max-age`}
            aria-invalid={invalid(`${at}.MaxAgeSeconds`)}
            aria-describedby={`${id}-max-age-hint`}
            onChange={(e) => set({ maxAge: e.target.value })}
          />
          <p className="field-hint" id={`${id}-max-age-hint`}>
            {t("cors.maxAgeHint")}
          </p>
          <FieldProblems problems={problems} field={`${at}.MaxAgeSeconds`} />
        </div>
      </div>

      <fieldset className="cors-methods" aria-invalid={invalid(`${at}.AllowedMethods`)}>
        <legend>{t("cors.methods")}</legend>
        <div className="cors-method-list">
          {METHODS.map((m) => (
            <label key={m} className="checkbox cors-method">
              <input
                type="checkbox"
                checked={rule.methods.includes(m)}
                data-testid={`${tid}-method-${m}`}
                onChange={(e) => toggle(m, e.target.checked)}
              />
              <span className="mono">{m}</span>
            </label>
          ))}
        </div>
        <FieldProblems problems={problems} field={`${at}.AllowedMethods`} />
      </fieldset>

      <ListField
        id={`${id}-origins`}
        label={t("cors.origins")}
        hint={t("cors.originsHint")}
        warning={anyOrigin ? t("cors.anyOrigin") : null}
        value={rule.origins}
        placeholder={"https://www.example.com\nhttps://*.example.com"}
        testId={`${tid}-origins`}
        field={`${at}.AllowedOrigins`}
        problems={problems}
        onChange={(origins) => set({ origins })}
      />

      <div className="cors-row">
        <ListField
          id={`${id}-allowed-headers`}
          label={t("cors.allowedHeaders")}
          hint={t("cors.allowedHeadersHint")}
          value={rule.allowedHeaders}
          placeholder={"Authorization\nx-amz-meta-*"}
          testId={`${tid}-allowed-headers`}
          field={`${at}.AllowedHeaders`}
          problems={problems}
          onChange={(allowedHeaders) => set({ allowedHeaders })}
        />
        <ListField
          id={`${id}-expose-headers`}
          label={t("cors.exposeHeaders")}
          hint={t("cors.exposeHeadersHint")}
          value={rule.exposeHeaders}
          placeholder="ETag"
          testId={`${tid}-expose-headers`}
          field={`${at}.ExposeHeaders`}
          problems={problems}
          onChange={(exposeHeaders) => set({ exposeHeaders })}
        />
      </div>
    </fieldset>
  );
}

interface ListFieldProps {
  id: string;
  label: string;
  hint: string;
  warning?: string | null;
  value: string;
  placeholder: string;
  testId: string;
  /** The list's path (`CORSRules[0].AllowedOrigins`): its own problems and each item's. */
  field: string;
  problems: readonly Problem[];
  onChange: (value: string) => void;
}

/** A one-item-a-line text area; an item's problems are shown with the item they are about. */
function ListField({ id, label, hint, warning, value, placeholder, testId, field, problems, onChange }: ListFieldProps) {
  const items = lines(value);
  const invalid = problemsAt(problems, field).length > 0;
  return (
    <div className={`field cors-list ${invalid ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="cors-textarea mono"
        rows={Math.min(Math.max(items.length + 1, 2), 6)}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        data-testid={testId}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {warning && <p className="field-hint cors-warning">{warning}</p>}
      <FieldProblems problems={problems} field={field} />
      {items.map((item, j) =>
        problemsAt(problems, `${field}[${j}]`, true).length > 0 ? (
          <div key={j} className="cors-item-problem">
            <code className="mono">{item}</code>
            <FieldProblems problems={problems} field={`${field}[${j}]`} />
          </div>
        ) : null,
      )}
    </div>
  );
}
