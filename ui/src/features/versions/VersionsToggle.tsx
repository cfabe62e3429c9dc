import { Tooltip } from "../../components/Tooltip";
import { useT } from "../../i18n";
import "./versions.css";

/**
 * "Show versions": an icon switch (aria-pressed) beside the path bar's ⋯ menu, as the toolbar has
 * no room left at 900 px. On, the browser shows the folder's versions instead of its objects.
 */
export function VersionsToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  const { t } = useT();
  // One label whatever the state: aria-pressed tells whether it is on.
  const label = t("versions.show");
  return (
    <Tooltip label={label}>
      <button
        type="button"
        className={`icon-button toggle versions-toggle ${on ? "on" : ""}`}
        data-testid="toggle-versions"
        aria-label={label}
        aria-pressed={on}
        onClick={onToggle}
      >
        {/* A clock with a turning arrow: "history". */}
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6c0-3.87 3.13-7 7-7s7 3.13 7 7-3.13 7-7 7c-1.93 0-3.68-.79-4.94-2.06l-1.42 1.42A8.95 8.95 0 0 0 13 21a9 9 0 0 0 0-18Zm-1 5v5l4.25 2.52.77-1.28-3.52-2.09V8H12Z"
          />
        </svg>
      </button>
    </Tooltip>
  );
}
