import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { percentDone } from "./progress";
import { useTransfers } from "./useTransfers";

/** /transfers: every running upload and download, with its progress. */
export function TransfersPage() {
  const { t, locale } = useT();
  const transfers = useTransfers();
  return (
    <section className="page">
      <header className="page-header">
        <h2>{t("transfers.title")}</h2>
        <p className="muted">{t("transfers.intro")}</p>
      </header>
      {transfers.length === 0 ? (
        <p className="page-empty muted" data-testid="transfer-list-empty">
          {t("transfers.empty")}
        </p>
      ) : (
        <table className="data-table" data-testid="transfer-list">
          <thead>
            <tr>
              <th>{t("transfers.col.object")}</th>
              <th className="num">{t("transfers.col.bytes")}</th>
              <th>{t("transfers.col.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {transfers.map((p) => {
              const pct = percentDone(p);
              const done = humanBytes(p.bytesDone, locale);
              return (
                <tr key={p.transferId} data-testid={`transfer-${p.transferId}`}>
                  <td className="mono">{p.key}</td>
                  <td className="num">
                    {p.bytesTotal === null ? done : t("transfers.bytes", { done, total: humanBytes(p.bytesTotal, locale) })}
                  </td>
                  <td>
                    {pct !== null && (
                      <span
                        className="progress wide"
                        role="progressbar"
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(pct)}
                        aria-label={p.key}
                      >
                        <span className="progress-bar" style={{ width: `${pct}%` }} />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
