import type { ReactNode } from "react";
import { Icon } from "../../components/Icon";
import { Tooltip } from "../../components/Tooltip";
import { useT } from "../../i18n";

interface Props {
  /** Something is selected (objects, folders or both). */
  canDownload: boolean;
  /** Why Download cannot work although something is selected (e.g. the user may not read it). */
  downloadBlocked?: string | null;
  deleteCount: number;
  busy: boolean;
  refreshing: boolean;
  detailsOpen: boolean;
  onUploadFiles: () => void;
  onUploadFolder: () => void;
  onDownload: () => void;
  onDelete: () => void;
  onRefresh: () => void;
  onToggleDetails: () => void;
  /** The quick filter box (FilterBox), after the actions. */
  filter?: ReactNode;
  /** "Search…": the bucket's metadata search (features/search), after the filter. */
  search?: ReactNode;
}

export function Toolbar(p: Props) {
  const { canDownload, downloadBlocked, deleteCount, busy, refreshing, detailsOpen } = p;
  const { t } = useT();
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" className="button primary" data-testid="object-upload" onClick={p.onUploadFiles}>
        <Icon name="upload" size={18} />
        {t("objects.upload")}
      </button>
      <button type="button" className="button" data-testid="object-upload-folder" title={t("objects.uploadFolder")} onClick={p.onUploadFolder}>
        <Icon name="folder" size={18} />
        <span className="toolbar-label">{t("objects.uploadFolder")}</span>
      </button>
      <span title={downloadBlocked ?? t("objects.download")} data-testid="object-download-reason">
        <button type="button" className="button" data-testid="object-download" onClick={p.onDownload} disabled={!canDownload || !!downloadBlocked}>
          <Icon name="download" size={18} />
          <span className="toolbar-label">{t("objects.download")}</span>
        </button>
      </span>
      <button type="button" className="button danger-outline" data-testid="object-delete" title={t("objects.delete")} onClick={p.onDelete} disabled={deleteCount === 0 || busy}>
        <Icon name="trash" size={18} />
        <span className="toolbar-label">{t("objects.delete")}</span>
      </button>
      <span className="spacer" />
      {p.filter}
      {p.search}
      <Tooltip label={t("objects.refresh")}>
        <button type="button" className="icon-button" data-testid="object-refresh" aria-label={t("objects.refresh")} onClick={p.onRefresh}>
          <Icon name="refresh" size={18} className={refreshing ? "spin" : undefined} />
        </button>
      </Tooltip>
      <Tooltip label={detailsOpen ? t("details.hide") : t("details.show")}>
        <button
          type="button"
          className={`icon-button toggle ${detailsOpen ? "on" : ""}`}
          data-testid="details-toggle"
          aria-label={detailsOpen ? t("details.hide") : t("details.show")}
          aria-pressed={detailsOpen}
          onClick={p.onToggleDetails}
        >
          <Icon name="panel" />
        </button>
      </Tooltip>
    </div>
  );
}
