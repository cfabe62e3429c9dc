// The website form's model and its mapping to the boto3-shaped WebsiteConfiguration. No rule
// lives here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { Protocol, RoutingRule, WebsiteConfiguration } from "../../../backend";

/** "Host a website" (index/error documents, routing rules) or "Redirect every request". */
export type WebsiteMode = "site" | "redirect";
/** A routing rule's one condition. */
export type ConditionKind = "none" | "error" | "prefix";
/** What a redirect does to the key: nothing, replace its prefix, or replace it whole. */
export type ReplaceKind = "keep" | "prefix" | "key";

export interface RuleForm {
  /** For React only (rules are added and removed). */
  id: number;
  condition: ConditionKind;
  conditionValue: string;
  host: string;
  protocol: Protocol | "";
  code: string;
  replace: ReplaceKind;
  replaceValue: string;
}

export interface WebsiteForm {
  mode: WebsiteMode;
  index: string;
  error: string;
  rules: RuleForm[];
  redirectHost: string;
  redirectProtocol: Protocol | "";
}

/** The server's limit, shown in the UI (Rust checks it too). */
export const MAX_ROUTING_RULES = 50;

let nextId = 1;

export function newRule(): RuleForm {
  return {
    id: nextId++,
    condition: "none",
    conditionValue: "",
    host: "",
    protocol: "",
    code: "",
    replace: "keep",
    replaceValue: "",
  };
}

/** The form for a bucket without a website: a site served from index.html. */
export function emptyForm(): WebsiteForm {
  return { mode: "site", index: "index.html", error: "", rules: [], redirectHost: "", redirectProtocol: "" };
}

function ruleFrom(rule: RoutingRule): RuleForm {
  const c = rule.Condition ?? null;
  const r = rule.Redirect;
  const condition: ConditionKind =
    c?.HttpErrorCodeReturnedEquals != null ? "error" : c?.KeyPrefixEquals != null ? "prefix" : "none";
  const replace: ReplaceKind =
    r.ReplaceKeyWith != null ? "key" : r.ReplaceKeyPrefixWith != null ? "prefix" : "keep";
  return {
    ...newRule(),
    condition,
    conditionValue:
      condition === "error" ? (c?.HttpErrorCodeReturnedEquals ?? "") : condition === "prefix" ? (c?.KeyPrefixEquals ?? "") : "",
    host: r.HostName ?? "",
    protocol: r.Protocol ?? "",
    code: r.HttpRedirectCode ?? "",
    replace,
    replaceValue: replace === "key" ? (r.ReplaceKeyWith ?? "") : replace === "prefix" ? (r.ReplaceKeyPrefixWith ?? "") : "",
  };
}

/** The form showing `config` (null: not set on the bucket). */
export function fromConfig(config: WebsiteConfiguration | null): WebsiteForm {
  if (!config) return emptyForm();
  const all = config.RedirectAllRequestsTo ?? null;
  return {
    mode: all ? "redirect" : "site",
    index: config.IndexDocument?.Suffix ?? "",
    error: config.ErrorDocument?.Key ?? "",
    rules: (config.RoutingRules ?? []).map(ruleFrom),
    redirectHost: all?.HostName ?? "",
    redirectProtocol: all?.Protocol ?? "",
  };
}

function ruleTo(rule: RuleForm): RoutingRule {
  const redirect: RoutingRule["Redirect"] = {};
  if (rule.host !== "") redirect.HostName = rule.host;
  if (rule.protocol !== "") redirect.Protocol = rule.protocol;
  if (rule.code !== "") redirect.HttpRedirectCode = rule.code;
  // One input for either replacement: never both (the radio chooses which).
  if (rule.replace === "prefix") redirect.ReplaceKeyPrefixWith = rule.replaceValue;
  if (rule.replace === "key") redirect.ReplaceKeyWith = rule.replaceValue;
  const out: RoutingRule = { Redirect: redirect };
  if (rule.condition === "error") out.Condition = { HttpErrorCodeReturnedEquals: rule.conditionValue };
  if (rule.condition === "prefix") out.Condition = { KeyPrefixEquals: rule.conditionValue };
  return out;
}

/** The configuration the form describes: only the current mode's fields are sent. */
export function toConfig(form: WebsiteForm): WebsiteConfiguration {
  if (form.mode === "redirect") {
    return {
      RedirectAllRequestsTo: {
        HostName: form.redirectHost,
        ...(form.redirectProtocol !== "" ? { Protocol: form.redirectProtocol } : {}),
      },
    };
  }
  const config: WebsiteConfiguration = { IndexDocument: { Suffix: form.index } };
  if (form.error !== "") config.ErrorDocument = { Key: form.error };
  if (form.rules.length > 0) config.RoutingRules = form.rules.map(ruleTo);
  return config;
}

/** `value` without nulls and empty lists, keys sorted: two configurations that mean the same compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/**
 * Whether the form can show `config` without losing anything (e.g. not both modes at once, not
 * two conditions in one rule): if not, the user stays in the JSON view until it is fixed.
 */
export function formCanShow(config: WebsiteConfiguration): boolean {
  return JSON.stringify(canonical(toConfig(fromConfig(config)))) === JSON.stringify(canonical(config));
}
