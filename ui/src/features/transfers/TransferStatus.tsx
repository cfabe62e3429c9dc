import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { formatSpeed } from "../../lib/format";
import { totalsOf } from "./model";
import { useTransfers } from "./useTransfers";

/**
 * The status bar's summary of every transfer: how many run, the overall percent and speed, and
 * how many wait for the user. A button that opens the panel when `onOpen` is given.
 */
export function TransferStatus({ onOpen }: { onOpen?: () => void }) {
  const { t, tn, locale } = useT();
  const totals = totalsOf(useTransfers());
  if (totals.active === 0 && totals.waiting === 0) return null;
  const pct = totals.bytesTotal > 0 ? Math.min(100, Math.floor((totals.bytesDone / totals.bytesTotal) * 100)) : null;
  const body = (
    <>
      <Icon name="transfers" size={16} />
      {totals.active > 0 && (
        <>
          <span data-testid="transfers-active">{tn("transfers.status.active", totals.active)}</span>
          {pct !== null && (
            <>
              <span className="progress" aria-hidden="true">
                <span className="progress-bar" style={{ width: `${pct}%` }} />
              </span>
              <span data-testid="transfers-percent">{pct} %</span>
            </>
          )}
          <span data-testid="transfers-speed">{formatSpeed(totals.bytesPerSecond, locale)}</span>
        </>
      )}
      {totals.waiting > 0 && (
        <span className="transfers-waiting" data-testid="transfers-waiting">
          {tn("transfers.status.waiting", totals.waiting)}
        </span>
      )}
    </>
  );
  return onOpen ? (
    <button type="button" className="status-transfers" data-testid="transfers" title={t("transfers.status.open")} onClick={onOpen}>
      {body}
    </button>
  ) : (
    <span className="status-transfers" data-testid="transfers">
      {body}
    </span>
  );
}
