import { useId } from "react";
import type { Problem, Protocol } from "../../../backend";
import { Icon } from "../../../components/Icon";
import { useT, type MessageKey } from "../../../i18n";
import { FieldProblems, problemsAt } from "../kit/problems";
import type { ConditionKind, ReplaceKind, RuleForm } from "./model";

interface Props {
  index: number;
  rule: RuleForm;
  problems: readonly Problem[];
  onChange: (rule: RuleForm) => void;
  onRemove: () => void;
}

const CONDITION_LABEL: Record<ConditionKind, MessageKey> = {
  none: "website.condition.none",
  error: "website.condition.error",
  prefix: "website.condition.prefix",
};

const REPLACE_LABEL: Record<ReplaceKind, MessageKey> = {
  keep: "website.replace.keep",
  prefix: "website.replace.prefix",
  key: "website.replace.key",
};

/** One routing rule: its one condition, and where its requests are redirected. */
export function RuleEditor({ index, rule, problems, onChange, onRemove }: Props) {
  const { t } = useT();
  const id = useId();
  const at = `RoutingRules[${index}]`;
  const tid = `website-rule-${index}`;
  const set = (patch: Partial<RuleForm>) => onChange({ ...rule, ...patch });
  const conditionField =
    rule.condition === "error" ? `${at}.Condition.HttpErrorCodeReturnedEquals` : `${at}.Condition.KeyPrefixEquals`;
  const replaceField = rule.replace === "key" ? `${at}.Redirect.ReplaceKeyWith` : `${at}.Redirect.ReplaceKeyPrefixWith`;
  const invalid = (field: string) => problemsAt(problems, field, true).length > 0;

  return (
    <fieldset className="website-rule" data-testid={tid}>
      <legend className="website-rule-title">
        {t("website.rule", { n: index + 1 })}
        <button
          type="button"
          className="icon-button"
          aria-label={t("website.removeRule", { n: index + 1 })}
          title={t("website.removeRule", { n: index + 1 })}
          data-testid={`${tid}-remove`}
          onClick={onRemove}
        >
          <Icon name="trash" size={16} />
        </button>
      </legend>

      <div className="website-row">
        <div className="field website-narrow">
          <label htmlFor={`${id}-condition`}>{t("website.condition")}</label>
          <select
            id={`${id}-condition`}
            value={rule.condition}
            data-testid={`${tid}-condition`}
            onChange={(e) => set({ condition: e.target.value as ConditionKind, conditionValue: "" })}
          >
            {(["none", "error", "prefix"] as const).map((c) => (
              <option key={c} value={c}>
                {t(CONDITION_LABEL[c])}
              </option>
            ))}
          </select>
        </div>
        {rule.condition !== "none" && (
          <div className={`field ${invalid(conditionField) ? "field-invalid" : ""}`}>
            <label htmlFor={`${id}-condition-value`}>
              {t(rule.condition === "error" ? "website.conditionValue.error" : "website.conditionValue.prefix")}
            </label>
            <input
              id={`${id}-condition-value`}
              value={rule.conditionValue}
              inputMode={rule.condition === "error" ? "numeric" : undefined}
              placeholder={rule.condition === "error" ? "404" : "docs/"}
              data-testid={`${tid}-condition-value`}
              aria-invalid={invalid(conditionField)}
              onChange={(e) => set({ conditionValue: e.target.value })}
            />
            <p className="field-hint">
              {t(rule.condition === "error" ? "website.conditionHint.error" : "website.conditionHint.prefix")}
            </p>
            <FieldProblems problems={problems} field={conditionField} />
          </div>
        )}
      </div>
      <FieldProblems problems={problems} field={`${at}.Condition`} />

      <p className="website-subtitle">{t("website.redirectTo")}</p>
      <div className="website-row">
        <div className={`field ${invalid(`${at}.Redirect.HostName`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-host`}>{t("website.ruleHost")}</label>
          <input
            id={`${id}-host`}
            value={rule.host}
            placeholder="www.example.com"
            data-testid={`${tid}-host`}
            onChange={(e) => set({ host: e.target.value })}
          />
          <p className="field-hint">{t("website.ruleHostHint")}</p>
          <FieldProblems problems={problems} field={`${at}.Redirect.HostName`} />
        </div>
        <div className="field website-narrow">
          <label htmlFor={`${id}-protocol`}>{t("website.protocol")}</label>
          <select
            id={`${id}-protocol`}
            value={rule.protocol}
            data-testid={`${tid}-protocol`}
            onChange={(e) => set({ protocol: e.target.value as Protocol | "" })}
          >
            <option value="">{t("website.protocol.same")}</option>
            <option value="http">http</option>
            <option value="https">https</option>
          </select>
          <FieldProblems problems={problems} field={`${at}.Redirect.Protocol`} />
        </div>
        <div className={`field website-code ${invalid(`${at}.Redirect.HttpRedirectCode`) ? "field-invalid" : ""}`}>
          <label htmlFor={`${id}-code`}>{t("website.ruleCode")}</label>
          <input
            id={`${id}-code`}
            value={rule.code}
            inputMode="numeric"
            placeholder="301"
            data-testid={`${tid}-code`}
            aria-invalid={invalid(`${at}.Redirect.HttpRedirectCode`)}
            onChange={(e) => set({ code: e.target.value })}
          />
          <p className="field-hint">{t("website.ruleCodeHint")}</p>
          <FieldProblems problems={problems} field={`${at}.Redirect.HttpRedirectCode`} />
        </div>
      </div>

      <div className="website-row">
        <div className="website-choices" role="radiogroup" aria-label={t("website.replace")}>
          {(["keep", "prefix", "key"] as const).map((r) => (
            <label key={r} className="website-choice">
              <input
                type="radio"
                name={`${id}-replace`}
                value={r}
                checked={rule.replace === r}
                data-testid={`${tid}-replace-${r}`}
                onChange={() => set({ replace: r })}
              />
              {t(REPLACE_LABEL[r])}
            </label>
          ))}
        </div>
        {rule.replace !== "keep" && (
          <div className={`field ${invalid(replaceField) ? "field-invalid" : ""}`}>
            <label htmlFor={`${id}-replace-value`}>{t("website.replaceValue")}</label>
            <input
              id={`${id}-replace-value`}
              value={rule.replaceValue}
              placeholder={rule.replace === "key" ? "error.html" : "documents/"}
              data-testid={`${tid}-replace-value`}
              onChange={(e) => set({ replaceValue: e.target.value })}
            />
            <FieldProblems problems={problems} field={`${at}.Redirect.ReplaceKeyPrefixWith`} />
            <FieldProblems problems={problems} field={`${at}.Redirect.ReplaceKeyWith`} />
          </div>
        )}
      </div>
      <FieldProblems problems={problems} field={`${at}.Redirect`} />
    </fieldset>
  );
}
