// A lifecycle rule read aloud: one plain sentence per kind of action, in the UI's language,
// built only from the rule's fields (what the rule says, not whether it is valid: that is Rust's).
import type { LifecycleRule, Tag } from "../../../backend";
import type { Translator } from "../../../i18n";

/** An ISO date as its calendar day in UTC (`2030-01-01`); text that is not a date, as it is. */
export function utcDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 10);
}

type Scope = { kind: "all" } | { kind: "scoped"; scope: string };

function scopeOf(rule: LifecycleRule, { t }: Pick<Translator, "t">): Scope {
  const f = rule.Filter ?? null;
  const tagList = (tags: readonly Tag[]) => tags.map((tag) => `${tag.Key}=${tag.Value}`).join(t("lifecycle.say.tagJoin"));
  let prefix = "";
  let tags: Tag[] = [];
  if (f?.And) {
    prefix = f.And.Prefix ?? "";
    tags = f.And.Tags ?? [];
  } else if (f?.Tag) {
    prefix = f.Prefix ?? "";
    tags = [f.Tag];
  } else {
    prefix = f?.Prefix ?? "";
  }
  if (prefix === "" && tags.length === 0) return { kind: "all" };
  if (tags.length === 0) return { kind: "scoped", scope: t("lifecycle.say.scope.prefix", { prefix }) };
  if (prefix === "") return { kind: "scoped", scope: t("lifecycle.say.scope.tags", { tags: tagList(tags) }) };
  return { kind: "scoped", scope: t("lifecycle.say.scope.prefixTags", { prefix, tags: tagList(tags) }) };
}

/** "a, b and c" in the UI's language. */
function joinClauses(clauses: readonly string[], { t }: Pick<Translator, "t">): string {
  if (clauses.length <= 1) return clauses.join("");
  return `${clauses.slice(0, -1).join(t("lifecycle.say.comma"))}${t("lifecycle.say.and")}${clauses[clauses.length - 1]}`;
}

/** The sentences saying what `rule` does, e.g. "Objects under logs/ are deleted 30 days after creation." */
export function describeRule(rule: LifecycleRule, tr: Pick<Translator, "t" | "tn">): string {
  const { t, tn } = tr;
  const scope = scopeOf(rule, tr);
  const days = (n: number | null | undefined) => (n == null ? "?" : tn("lifecycle.say.days", n));
  const sentence = (subject: string, actions: string[]) =>
    t("lifecycle.say.sentence", { subject, actions: joinClauses(actions, tr) });
  const subject = (all: Parameters<typeof t>[0], scoped: Parameters<typeof t>[0]) =>
    scope.kind === "all" ? t(all) : t(scoped, { scope: scope.scope });
  const sentences: string[] = [];

  // Current versions: transitions by time, then the expiration.
  const current: string[] = [];
  for (const step of rule.Transitions ?? []) {
    const cls = step.StorageClass;
    if (step.Days != null) current.push(t("lifecycle.say.moveDays", { class: cls, days: days(step.Days) }));
    else if (step.Date != null) current.push(t("lifecycle.say.moveDate", { class: cls, date: utcDay(step.Date) }));
    else current.push(t("lifecycle.say.moveMissing", { class: cls }));
  }
  const e = rule.Expiration ?? null;
  const markers = e?.ExpiredObjectDeleteMarker === true;
  if (e && e.Days != null) current.push(t("lifecycle.say.expireDays", { days: days(e.Days) }));
  else if (e && e.Date != null) current.push(t("lifecycle.say.expireDate", { date: utcDay(e.Date) }));
  else if (e && !markers) current.push(t("lifecycle.say.expireMissing"));
  if (current.length > 0) sentences.push(sentence(t("lifecycle.say.objects", { scope: scopeText(scope, tr) }), current));

  if (markers) sentences.push(sentence(subject("lifecycle.say.markers.all", "lifecycle.say.markers.scoped"), [t("lifecycle.say.markersRemoved")]));

  const noncurrent: string[] = [];
  for (const n of rule.NoncurrentVersionTransitions ?? []) {
    noncurrent.push(t("lifecycle.say.noncurrentMove", { class: n.StorageClass, days: days(n.NoncurrentDays) }));
  }
  const ne = rule.NoncurrentVersionExpiration ?? null;
  if (ne) noncurrent.push(t("lifecycle.say.noncurrentExpire", { days: days(ne.NoncurrentDays) }));
  if (noncurrent.length > 0) {
    sentences.push(sentence(subject("lifecycle.say.noncurrent.all", "lifecycle.say.noncurrent.scoped"), noncurrent));
  }

  const abort = rule.AbortIncompleteMultipartUpload ?? null;
  if (abort) {
    sentences.push(
      sentence(subject("lifecycle.say.uploads.all", "lifecycle.say.uploads.scoped"), [
        t("lifecycle.say.abort", { days: days(abort.DaysAfterInitiation) }),
      ]),
    );
  }

  if (sentences.length === 0) return t("lifecycle.say.nothing");
  // Sentences follow each other as each language writes them (a space in English, none after "。").
  return sentences.reduce((first, next) => t("lifecycle.say.join", { first, next }));
}

function scopeText(scope: Scope, { t }: Pick<Translator, "t">): string {
  return scope.kind === "all" ? t("lifecycle.say.scope.all") : scope.scope;
}
