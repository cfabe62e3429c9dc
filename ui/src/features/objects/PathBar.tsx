import { useState } from "react";
import { Icon } from "../../components/Icon";
import { Tooltip } from "../../components/Tooltip";
import { useT } from "../../i18n";
import { normalizePrefix, parentPrefix, prefixSegments } from "../../lib/path";

interface Props {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}

/** Up button, clickable breadcrumb of the prefix, and a field to type or paste a prefix. */
export function PathBar({ bucket, prefix, onNavigate }: Props) {
  const { t } = useT();
  const segments = prefixSegments(prefix);
  return (
    <div className="path-bar">
      <Tooltip label={t("path.up")}>
        <button
          type="button"
          className="icon-button"
          data-testid="path-up"
          aria-label={t("path.up")}
          disabled={prefix === ""}
          onClick={() => onNavigate(parentPrefix(prefix))}
        >
          <Icon name="up" />
        </button>
      </Tooltip>
      <nav className="breadcrumb" data-testid="breadcrumb" aria-label={t("path.input")}>
        <button type="button" className="crumb crumb-root" data-testid="breadcrumb-root" onClick={() => onNavigate("")}>
          <Icon name="bucket" size={16} />
          {bucket}
        </button>
        {segments.map((s, i) => (
          <span key={s.prefix} className="crumb-wrap">
            <Icon name="chevron" size={16} className="crumb-sep" />
            <button
              type="button"
              className={`crumb ${i === segments.length - 1 ? "current" : ""}`}
              data-testid={`breadcrumb-${s.prefix}`}
              aria-current={i === segments.length - 1 ? "location" : undefined}
              onClick={() => onNavigate(s.prefix)}
            >
              {s.label || <span className="muted">{t("path.emptySegment")}</span>}
            </button>
          </span>
        ))}
      </nav>
      {/* Keyed by prefix: navigating elsewhere resets what was typed. */}
      <PrefixInput key={prefix} prefix={prefix} onNavigate={onNavigate} />
    </div>
  );
}

function PrefixInput({ prefix, onNavigate }: { prefix: string; onNavigate: (prefix: string) => void }) {
  const { t } = useT();
  const [text, setText] = useState(prefix);
  return (
    <input
      className="path-input"
      data-testid="path-input"
      aria-label={t("path.input")}
      placeholder={t("path.inputPlaceholder")}
      value={text}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onNavigate(normalizePrefix(text));
        if (e.key === "Escape") setText(prefix);
      }}
    />
  );
}
