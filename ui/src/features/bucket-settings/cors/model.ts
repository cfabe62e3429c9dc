// The CORS form's model and its mapping to the boto3-shaped CorsConfiguration. No rule lives
// here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { CorsConfiguration, CorsMethod, CorsRule } from "../../../backend";

/** The five methods a CORS rule can allow, in the order the form shows (and Rust sorts) them. */
export const METHODS: readonly CorsMethod[] = ["GET", "PUT", "HEAD", "POST", "DELETE"];

export interface RuleForm {
  /** For React only (rules are added, duplicated and removed). */
  key: number;
  id: string;
  /** Text areas, one item a line, kept as typed. */
  origins: string;
  methods: CorsMethod[];
  allowedHeaders: string;
  exposeHeaders: string;
  /** As typed in the number input ("" when not set). */
  maxAge: string;
}

let nextKey = 1;

/** A new rule: nothing allowed yet (the user chooses the origins and methods). */
export function newRule(): RuleForm {
  return { key: nextKey++, id: "", origins: "", methods: [], allowedHeaders: "", exposeHeaders: "", maxAge: "" };
}

/** A copy of `rule` with its own key (the ID is kept: the user renames it). */
export function duplicateRule(rule: RuleForm): RuleForm {
  return { ...rule, key: nextKey++, methods: [...rule.methods] };
}

/** The items of a one-per-line text area: each line trimmed, blank lines left out. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function ruleFrom(rule: CorsRule): RuleForm {
  return {
    key: nextKey++,
    id: rule.ID ?? "",
    origins: rule.AllowedOrigins.join("\n"),
    methods: METHODS.filter((m) => rule.AllowedMethods.includes(m)),
    allowedHeaders: (rule.AllowedHeaders ?? []).join("\n"),
    exposeHeaders: (rule.ExposeHeaders ?? []).join("\n"),
    maxAge: rule.MaxAgeSeconds != null ? String(rule.MaxAgeSeconds) : "",
  };
}

/** The form's rules for `config` (null: no CORS on the bucket). */
export function fromConfig(config: CorsConfiguration | null): RuleForm[] {
  return (config?.CORSRules ?? []).map(ruleFrom);
}

function ruleTo(rule: RuleForm): CorsRule {
  const out: CorsRule = {
    AllowedMethods: METHODS.filter((m) => rule.methods.includes(m)),
    AllowedOrigins: lines(rule.origins),
  };
  if (rule.id.trim() !== "") out.ID = rule.id.trim();
  const allowed = lines(rule.allowedHeaders);
  if (allowed.length > 0) out.AllowedHeaders = allowed;
  const expose = lines(rule.exposeHeaders);
  if (expose.length > 0) out.ExposeHeaders = expose;
  // Sent as typed: Rust says whether it is a valid number of seconds.
  if (rule.maxAge.trim() !== "") out.MaxAgeSeconds = Number(rule.maxAge);
  return out;
}

/** The configuration the form describes. */
export function toConfig(rules: readonly RuleForm[]): CorsConfiguration {
  return { CORSRules: rules.map(ruleTo) };
}

/** `value` without nulls and empty lists, keys sorted, methods as a set: same meaning, same text. */
function canonical(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return key === "AllowedMethods" ? [...new Set(items as string[])].sort() : items;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = canonical(v, k);
    }
    return out;
  }
  return value;
}

/** Whether two configurations mean the same (null: none on the bucket, like no rules). */
export function sameConfig(a: CorsConfiguration | null, b: CorsConfiguration | null): boolean {
  const text = (c: CorsConfiguration | null) => JSON.stringify(canonical(c ?? { CORSRules: [] }));
  return text(a) === text(b);
}

/**
 * Whether the form can show `config` without changing it (e.g. no blank or padded item, no
 * method twice): if not, the user stays in the JSON view until the text says what the form can.
 */
export function formCanShow(config: CorsConfiguration): boolean {
  const methodsOnce = config.CORSRules.every((r) => new Set(r.AllowedMethods).size === r.AllowedMethods.length);
  return methodsOnce && sameConfig(toConfig(fromConfig(config)), config);
}
