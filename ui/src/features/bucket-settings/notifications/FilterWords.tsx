import type { FilterRule, NotificationRule } from "../../../backend";
import { useT } from "../../../i18n";
import { metaName } from "./model";

/** A rule's filters in words: "keys starting with logs/ and ending in .jpg; metadata kind=photo; tag env=prod". */
export function FilterWords({ rule }: { rule: NotificationRule }) {
  const { t, tn } = useT();
  const pairs = (list: FilterRule[], name: (n: string) => string = (n) => n) =>
    list.map((f) => `${name(f.name)}=${f.value}`).join(t("notifications.filter.pairSep"));
  const parts: string[] = [];
  const conditions = rule.filter.key.flatMap((f) => {
    const kind = f.name.toLowerCase();
    if (kind === "prefix") return [t("notifications.filter.prefix", { value: f.value })];
    if (kind === "suffix") return [t("notifications.filter.suffix", { value: f.value })];
    if (kind === "regex") return [t("notifications.filter.regex", { value: f.value })];
    return [`${f.name}=${f.value}`];
  });
  if (conditions.length > 0) parts.push(t("notifications.filter.keys", { conditions: conditions.join(t("notifications.filter.and")) }));
  if (rule.filter.metadata.length > 0) parts.push(t("notifications.filter.metadata", { pairs: pairs(rule.filter.metadata, metaName) }));
  if (rule.filter.tags.length > 0) parts.push(tn("notifications.filter.tags", rule.filter.tags.length, { pairs: pairs(rule.filter.tags) }));
  if (parts.length === 0) return <span className="muted">{t("notifications.filter.none")}</span>;
  return <span>{parts.join(t("notifications.filter.sep"))}</span>;
}
