import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";

interface Props {
  canDownload: boolean;
  deleteCount: number;
  busy: boolean;
  refreshing: boolean;
  onUpload: () => void;
  onDownload: () => void;
  onDelete: () => void;
  onRefresh: () => void;
}

export function Toolbar({ canDownload, deleteCount, busy, refreshing, onUpload, onDownload, onDelete, onRefresh }: Props) {
  const { t } = useT();
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" className="button primary" data-testid="object-upload" onClick={onUpload} disabled={busy}>
        <Icon name="upload" size={18} />
        {t("objects.upload")}
      </button>
      <button
        type="button"
        className="button"
        data-testid="object-download"
        onClick={onDownload}
        disabled={!canDownload || busy}
      >
        <Icon name="download" size={18} />
        {t("objects.download")}
      </button>
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
    </div>
  );
}
