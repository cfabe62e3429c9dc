import { Icon } from "../../components/Icon";
import { Tooltip } from "../../components/Tooltip";
import { useT } from "../../i18n";

interface Props {
  canDownload: boolean;
  /** Why Download cannot work although one object is selected (e.g. the user may not read it). */
  downloadBlocked?: string | null;
  deleteCount: number;
  busy: boolean;
  refreshing: boolean;
  detailsOpen: boolean;
  onUpload: () => void;
  onDownload: () => void;
  onDelete: () => void;
  onRefresh: () => void;
  onToggleDetails: () => void;
}

export function Toolbar(p: Props) {
  const { canDownload, downloadBlocked, deleteCount, busy, refreshing, detailsOpen, onUpload, onDownload, onDelete, onRefresh, onToggleDetails } = p;
  const { t } = useT();
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" className="button primary" data-testid="object-upload" onClick={onUpload} disabled={busy}>
        <Icon name="upload" size={18} />
        {t("objects.upload")}
      </button>
      <span title={downloadBlocked ?? undefined} data-testid="object-download-reason">
        <button
          type="button"
          className="button"
          data-testid="object-download"
          onClick={onDownload}
          disabled={!canDownload || !!downloadBlocked || busy}
        >
          <Icon name="download" size={18} />
          {t("objects.download")}
        </button>
      </span>
      <button
        type="button"
        className="button danger-outline"
        data-testid="object-delete"
        onClick={onDelete}
        disabled={deleteCount === 0 || busy}
      >
        <Icon name="trash" size={18} />
        {t("objects.delete")}
      </button>
      <span className="spacer" />
      <button type="button" className="button" data-testid="object-refresh" onClick={onRefresh}>
        <Icon name="refresh" size={18} className={refreshing ? "spin" : undefined} />
        {t("objects.refresh")}
      </button>
      <Tooltip label={detailsOpen ? t("details.hide") : t("details.show")}>
        <button
          type="button"
          className={`icon-button toggle ${detailsOpen ? "on" : ""}`}
          data-testid="details-toggle"
          aria-label={detailsOpen ? t("details.hide") : t("details.show")}
          aria-pressed={detailsOpen}
          onClick={onToggleDetails}
        >
          <Icon name="panel" />
        </button>
      </Tooltip>
    </div>
  );
}
