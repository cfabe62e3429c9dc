import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { lastSegment } from "../../lib/path";
import { percentDone } from "./progress";
import { useTransfers } from "./useTransfers";

/** A compact progress line per running transfer, for the status bar. */
export function TransferStatus() {
  const { t, locale } = useT();
  const transfers = useTransfers();
  if (transfers.length === 0) return null;
  return (
    <div className="transfers" data-testid="transfers">
      {transfers.map((p) => {
        const name = lastSegment(p.key);
        const pct = percentDone(p);
        return (
          <div key={p.transferId} className="transfer">
            <span className="transfer-label">
              {p.bytesTotal === null
                ? t("transfer.progressUnknown", { name, done: humanBytes(p.bytesDone, locale) })
                : t("transfer.progress", {
                    name,
                    done: humanBytes(p.bytesDone, locale),
                    total: humanBytes(p.bytesTotal, locale),
                  })}
            </span>
            {pct !== null && (
              <span className="progress" aria-hidden="true">
                <span className="progress-bar" style={{ width: `${pct}%` }} />
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
