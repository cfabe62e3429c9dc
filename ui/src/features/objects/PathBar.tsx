import { useState, type ReactNode } from "react";
import { Icon } from "../../components/Icon";
import { Menu, type MenuItem } from "../../components/Menu";
import { Tooltip } from "../../components/Tooltip";
import { useT } from "../../i18n";
import { parentPrefix } from "../../lib/path";
import { Breadcrumb } from "./Breadcrumb";

interface Props {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
  /** Enter in the path field: the text exactly as typed (see useGoToPath). */
  onGo: (typed: string) => void;
  busy?: boolean;
  /** Actions of the "More actions" menu at the end of the bar (none: no menu). */
  menu?: readonly MenuItem[];
  /** Controls before the menu (the versions switch). */
  extra?: ReactNode;
}

/** Up button, clickable breadcrumb of the prefix, a field to type or paste a place, and the "More actions" menu. */
export function PathBar({ bucket, prefix, onNavigate, onGo, busy, menu, extra }: Props) {
  const { t } = useT();
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
      <Breadcrumb bucket={bucket} prefix={prefix} onNavigate={onNavigate} />
      {/* Keyed by prefix: navigating elsewhere resets what was typed. */}
      <PathInput key={prefix} prefix={prefix} onGo={onGo} busy={busy} />
      {extra}
      {menu && menu.length > 0 && <Menu label={t("more.label")} trigger={<Icon name="more" />} items={menu} testId="object-more" />}
    </div>
  );
}

function PathInput({ prefix, onGo, busy }: { prefix: string; onGo: (typed: string) => void; busy?: boolean }) {
  const { t } = useT();
  const [text, setText] = useState(prefix);
  return (
    <input
      className="path-input"
      data-testid="path-input"
      aria-label={t("path.input")}
      aria-busy={busy || undefined}
      placeholder={t("path.inputPlaceholder")}
      title={t("path.inputHint")}
      value={text}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && !busy) onGo(text);
        if (e.key === "Escape") setText(prefix);
      }}
    />
  );
}
