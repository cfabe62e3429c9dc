import { useId, useState } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";

/**
 * A labelled, read-only text (one line or a monospace block) with a Copy button that puts it on
 * the system clipboard and says whether that worked.
 */
export function CopyText({ label, value, testId, multiline = false }: { label: string; value: string; testId: string; multiline?: boolean }) {
  const { t } = useT();
  const id = useId();
  const [status, setStatus] = useState<{ copied: boolean; for: string } | null>(null);
  const shown = status && status.for === value ? status : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus({ copied: true, for: value });
    } catch {
      setStatus({ copied: false, for: value });
    }
  };

  return (
    <div className="share-copy" data-testid={testId}>
      <div className="share-copy-head">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="button small" data-testid={`${testId}-copy`} onClick={() => void copy()}>
          <Icon name="copy" size={14} />
          {t("share.copy")}
        </button>
        {shown && (
          <span className={shown.copied ? "hint-ok" : "hint-warn"} role="status" data-testid={`${testId}-status`}>
            {shown.copied && <Icon name="check" size={14} />}
            {shown.copied ? t("share.copied") : t("share.notCopied")}
          </span>
        )}
      </div>
      {multiline ? (
        <textarea id={id} readOnly className="mono share-copy-value" rows={4} data-testid={`${testId}-value`} value={value} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={id} type="text" readOnly className="mono share-copy-value" data-testid={`${testId}-value`} value={value} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
