import { Icon } from "../../components/Icon";
import { Menu } from "../../components/Menu";
import { useT } from "../../i18n";
import { displayName } from "../../lib/exactName";
import { prefixSegments } from "../../lib/path";
import { NameText } from "./NameText";

/** More folder levels than this: all but the last two go into the "…" menu. */
const MAX_SHOWN = 3;

interface Props {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}

/**
 * The bucket, then one crumb per level of the exact prefix (empty names included: "a//b/" has
 * three levels), each opening exactly its own prefix. Deep prefixes show the last two levels; the
 * ones above are in a "…" menu right after the bucket, whose name is always shown.
 */
export function Breadcrumb({ bucket, prefix, onNavigate }: Props) {
  const { t } = useT();
  const segments = prefixSegments(prefix);
  const collapse = segments.length > MAX_SHOWN;
  const hidden = collapse ? segments.slice(0, segments.length - 2) : [];
  const shown = collapse ? segments.slice(segments.length - 2) : segments;

  const crumb = (s: { label: string; prefix: string }) => {
    const current = s.prefix === prefix;
    return (
      <span key={s.prefix} className="crumb-wrap">
        <Icon name="chevron" size={16} className="crumb-sep" />
        <button
          type="button"
          className={`crumb ${current ? "current" : ""}`}
          data-testid={`breadcrumb-${s.prefix}`}
          aria-current={current ? "location" : undefined}
          title={displayName(s.prefix)}
          onClick={() => onNavigate(s.prefix)}
        >
          <NameText name={s.label} />
        </button>
      </span>
    );
  };

  return (
    <nav className="breadcrumb" data-testid="breadcrumb" aria-label={t("path.input")}>
      <button
        type="button"
        className="crumb crumb-root"
        data-testid="breadcrumb-root"
        title={bucket}
        onClick={() => onNavigate("")}
      >
        <Icon name="bucket" size={16} />
        <span className="crumb-root-name">{bucket}</span>
      </button>
      {collapse && (
        <span className="crumb-wrap">
          <Icon name="chevron" size={16} className="crumb-sep" />
          <Menu
            label={t("path.more", { count: hidden.length })}
            testId="breadcrumb-more"
            triggerClassName="crumb crumb-more"
            trigger="…"
            items={hidden.map((s) => ({
              label: s.label === "" ? t("path.emptySegment") : displayName(s.label),
              icon: "folder",
              testId: `breadcrumb-${s.prefix}`,
              onSelect: () => onNavigate(s.prefix),
            }))}
          />
        </span>
      )}
      {shown.map(crumb)}
    </nav>
  );
}
