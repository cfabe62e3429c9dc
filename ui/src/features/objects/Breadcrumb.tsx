import { useLayoutEffect, useRef, useState } from "react";
import { Icon } from "../../components/Icon";
import { Menu } from "../../components/Menu";
import { useT } from "../../i18n";
import { displayName } from "../../lib/exactName";
import { prefixSegments } from "../../lib/path";
import { NameText } from "./NameText";

/** More folder levels than this: all but the last two go into the "…" menu. */
const MAX_SHOWN = 3;

/**
 * How many more levels (beyond the MAX_SHOWN rule) must go into the "…" menu so the crumbs fit
 * the bar without squeezing one below its few letters. Measured after layout: every render that
 * still overflows hides one more level (never the current one); a change of the bar's width or of
 * the prefix starts again from none.
 */
function useFitHidden(navRef: React.RefObject<HTMLElement | null>, prefix: string, mostExtra: number) {
  const [width, setWidth] = useState(0);
  // Counted for one prefix at one width: another prefix or width starts again from none.
  const measuring = `${width}|${prefix}`;
  const [fit, setFit] = useState({ measuring, extra: 0 });
  const extra = fit.measuring === measuring ? fit.extra : 0;
  useLayoutEffect(() => {
    const nav = navRef.current;
    if (nav && extra < mostExtra && nav.scrollWidth > nav.clientWidth + 1) {
      // Measured before paint, so the squeezed crumbs are never seen.
      setFit({ measuring, extra: extra + 1 });
    }
  }, [navRef, measuring, extra, mostExtra]);
  useLayoutEffect(() => {
    const nav = navRef.current;
    if (!nav || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(nav.clientWidth));
    observer.observe(nav);
    return () => observer.disconnect();
  }, [navRef]);
  return extra;
}

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
  const navRef = useRef<HTMLElement>(null);
  const segments = prefixSegments(prefix);
  const byRule = segments.length > MAX_SHOWN ? segments.length - 2 : 0;
  const extra = useFitHidden(navRef, prefix, Math.max(segments.length - 1 - byRule, 0));
  const hiddenCount = byRule + extra;
  const collapse = hiddenCount > 0;
  const hidden = segments.slice(0, hiddenCount);
  const shown = segments.slice(hiddenCount);

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
    <nav ref={navRef} className="breadcrumb" data-testid="breadcrumb" aria-label={t("path.input")}>
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
