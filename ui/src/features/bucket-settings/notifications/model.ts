// The rule form's model and its conversion to and from the server's NotificationRule. No
// validation here: Rust's checkNotification says what is wrong.
import type { FilterRule, NotificationRule } from "../../../backend";

export const notificationsKey = (profileId: string, bucket: string) => ["bucketConfig", profileId, bucket, "notification"] as const;

/** The key filters, in the order they are sent (an empty input sends nothing). */
export const KEY_FILTERS = ["prefix", "suffix", "regex"] as const;
export type KeyFilterName = (typeof KEY_FILTERS)[number];

export interface Pair {
  /** Stable React key of the row. */
  key: number;
  name: string;
  value: string;
}

export interface RuleForm {
  id: string;
  topicArn: string;
  /** What the user ticked (a specific event stays ticked while a wildcard covers it). */
  ticked: string[];
  keys: Record<KeyFilterName, string>;
  metadata: Pair[];
  tags: Pair[];
}

let nextKey = 1;
export const newPair = (name = "", value = ""): Pair => ({ key: nextKey++, name, value });

export function emptyForm(): RuleForm {
  return { id: "", topicArn: "", ticked: [], keys: { prefix: "", suffix: "", regex: "" }, metadata: [], tags: [] };
}

export function formOf(rule: NotificationRule): RuleForm {
  const keyValue = (name: KeyFilterName) => rule.filter.key.find((f) => f.name.toLowerCase() === name)?.value ?? "";
  return {
    id: rule.id,
    topicArn: rule.topicArn,
    ticked: [...rule.events],
    keys: { prefix: keyValue("prefix"), suffix: keyValue("suffix"), regex: keyValue("regex") },
    metadata: rule.filter.metadata.map((f) => newPair(f.name, f.value)),
    tags: rule.filter.tags.map((f) => newPair(f.name, f.value)),
  };
}

/** The topic's name: the last part of its ARN. */
export function topicName(arn: string): string {
  const parts = arn.split(":");
  return parts[parts.length - 1] || arn;
}

/** Whether `event` is included in the wildcard `by` (`s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`). */
export function covers(by: string, event: string): boolean {
  return by !== event && by.endsWith("*") && event.startsWith(by.slice(0, -1));
}

/** The events ticked and not already covered by another ticked wildcard. */
export function effectiveEvents(ticked: readonly string[]): string[] {
  return ticked.filter((e) => !ticked.some((w) => covers(w, e)));
}

/** The key filters sent, each with its input (problems of `filter.key[i]` go back to that input). */
export function keyFilters(form: RuleForm): { rule: FilterRule; input: KeyFilterName }[] {
  return KEY_FILTERS.filter((name) => form.keys[name] !== "").map((name) => ({ rule: { name, value: form.keys[name] }, input: name }));
}

export function ruleOf(form: RuleForm): NotificationRule {
  return {
    id: form.id.trim(),
    topicArn: form.topicArn,
    events: effectiveEvents(form.ticked),
    filter: {
      key: keyFilters(form).map((k) => k.rule),
      metadata: form.metadata.map(({ name, value }) => ({ name: name.trim(), value })),
      tags: form.tags.map(({ name, value }) => ({ name: name.trim(), value })),
    },
  };
}

/** The name of a metadata filter as a person says it: without `x-amz-meta-`. */
export function metaName(name: string): string {
  return name.replace(/^x-amz-meta-/i, "");
}

/** The event groups of the form: created, removed, and anything else (e.g. `s3:*`). */
export function groupEvents(events: readonly string[]): { created: string[]; removed: string[]; other: string[] } {
  return {
    created: events.filter((e) => e.startsWith("s3:ObjectCreated")),
    removed: events.filter((e) => e.startsWith("s3:ObjectRemoved")),
    other: events.filter((e) => !e.startsWith("s3:ObjectCreated") && !e.startsWith("s3:ObjectRemoved")),
  };
}
