import { Fragment } from "react";
import type { TransferView } from "../../backend";
import { useT } from "../../i18n";
import { formatCount, formatDuration, formatSpeed, humanBytes } from "../../lib/format";
import { percentDone } from "./model";

/** The progress bar of a transfer (indeterminate while no file has been found yet). */
export function ProgressBar({ transfer, label }: { transfer: TransferView; label: string }) {
  const { t, locale } = useT();
  const pct = percentDone(transfer);
  const bytes = t("transfers.bytes", { done: humanBytes(transfer.bytesDone, locale), total: humanBytes(transfer.bytesTotal, locale) });
  return (
    <span
      className={`progress wide state-${transfer.state} ${pct === null ? "indeterminate" : ""}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      aria-valuetext={pct === null ? t("transfers.discovering") : `${pct} %, ${bytes}`}
      aria-label={label}
    >
      <span className="progress-bar" style={{ width: `${pct ?? 100}%` }} />
    </span>
  );
}

/**
 * One line of figures: "12.3 MiB of 1.0 GiB · 37 of 10,000 files · 3.2 MiB/s · 5 min 00 s left",
 * then retries, skipped and failed files when there are any.
 */
export function TransferFigures({ transfer: v }: { transfer: TransferView }) {
  const { t, tn, locale } = useT();
  const parts: { key: string; text: string; className?: string }[] = [];
  if (v.discovering) parts.push({ key: "discovering", text: t("transfers.discovering") });
  parts.push({
    key: "bytes",
    text: t("transfers.bytes", { done: humanBytes(v.bytesDone, locale), total: humanBytes(v.bytesTotal, locale) }),
  });
  parts.push({ key: "files", text: tn("transfers.files", v.filesTotal, { done: formatCount(v.filesDone, locale) }) });
  if (v.state === "running") {
    parts.push({ key: "speed", text: formatSpeed(v.bytesPerSecond, locale) });
    if (v.etaSeconds !== null) parts.push({ key: "eta", text: t("transfers.eta", { time: formatDuration(v.etaSeconds, locale) }) });
  }
  if (v.filesSkipped > 0) parts.push({ key: "skipped", text: tn("transfers.skippedCount", v.filesSkipped) });
  if (v.filesFailed > 0) parts.push({ key: "failed", text: tn("transfers.failedCount", v.filesFailed), className: "figure-failed" });
  if (v.retries > 0) parts.push({ key: "retries", text: tn("transfers.retries", v.retries) });
  return (
    <p className="transfer-figures" data-testid="transfer-figures">
      {parts.map((p, i) => (
        <Fragment key={p.key}>
          {i > 0 && <span className="figure-sep"> · </span>}
          <span className={p.className} data-testid={`transfer-${p.key}`}>
            {p.text}
          </span>
        </Fragment>
      ))}
    </p>
  );
}
