import { useT } from "../../../i18n";

export type EditorView = "form" | "json";

/** "Form | JSON": which view edits the configuration (both stay in sync through Rust's parse/print). */
export function ViewToggle({ view, onView }: { view: EditorView; onView: (view: EditorView) => void }) {
  const { t } = useT();
  return (
    <div className="segmented" role="radiogroup" aria-label={t("config.view.label")}>
      {(["form", "json"] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={view === v}
          className={`segment ${view === v ? "active" : ""}`}
          data-testid={`config-view-${v}`}
          onClick={() => onView(v)}
        >
          {t(v === "form" ? "config.view.form" : "config.view.json")}
        </button>
      ))}
    </div>
  );
}
