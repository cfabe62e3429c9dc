import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, type ItemState, type ItemView, type TransferView } from "../../backend";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage, errorSentence } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { formatCount, humanBytes } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { isActive } from "./model";

/** Files per page of the list (a transfer may have 10,000 and more). */
export const ITEMS_PAGE = 100;

type Filter = "all" | "failed" | "conflict";

const FILTERS: readonly { filter: Filter; only: ItemState | null; label: MessageKey; count: (v: TransferView) => number }[] = [
  { filter: "all", only: null, label: "transfers.items.all", count: (v) => v.filesTotal },
  { filter: "failed", only: "failed", label: "transfers.items.failed", count: (v) => v.filesFailed },
  { filter: "conflict", only: "conflict", label: "transfers.items.conflict", count: (v) => v.filesConflict },
];

const ITEM_STATE: Record<ItemState, MessageKey> = {
  queued: "transfers.item.queued",
  running: "transfers.item.running",
  done: "transfers.item.done",
  failed: "transfers.item.failed",
  skipped: "transfers.item.skipped",
  conflict: "transfers.item.conflict",
  cancelled: "transfers.item.cancelled",
};

/** What changes the pages: they are read again when it does (and every second while running). */
function versionOf(v: TransferView): string {
  return [v.state, v.filesTotal, v.filesDone, v.filesFailed, v.filesSkipped, v.filesConflict].join("|");
}

/** The files of a transfer, a page at a time, all of them or only the failed or conflicting ones. */
export function TransferItems({ id, transfer }: { id: string; transfer: TransferView }) {
  const { t, locale } = useT();
  const [filter, setFilter] = useState<Filter>("all");
  const [offset, setOffset] = useState(0);
  const only = FILTERS.find((f) => f.filter === filter)?.only ?? null;
  const qc = useQueryClient();
  const version = versionOf(transfer);
  useEffect(() => {
    // A read in flight is not restarted: with files finishing four times a second, one at a time.
    void qc.invalidateQueries({ queryKey: queryKeys.transferItemsOf(transfer.id) }, { cancelRefetch: false });
  }, [qc, transfer.id, version]);
  const items = useQuery({
    queryKey: queryKeys.transferItems(transfer.id, only, offset),
    // The offset goes with the page: while the next one loads, the range still tells the shown one.
    queryFn: async () => ({ ...(await api.transferItems(transfer.id, only, offset, ITEMS_PAGE)), offset }),
    placeholderData: keepPreviousData,
    refetchInterval: isActive(transfer.state) ? 1000 : false,
    staleTime: 0,
  });
  const total = items.data?.total ?? 0;

  // Fewer files than the page shows (a retry emptied "failed"): back to the last page there is
  // (state adjusted while rendering, as React allows for a value derived from new data).
  if (items.data && !items.isPlaceholderData && offset > 0 && offset >= total) {
    setOffset(Math.max(0, Math.floor((total - 1) / ITEMS_PAGE) * ITEMS_PAGE));
  }

  const shownOffset = items.data?.offset ?? offset;
  const from = total === 0 ? 0 : shownOffset + 1;
  const to = Math.min(total, shownOffset + (items.data?.items.length ?? 0));
  return (
    <section id={id} className="transfer-items" aria-label={t("transfers.items.label")} data-testid="transfer-items">
      <div className="transfer-items-bar">
        <div className="segmented" role="group" aria-label={t("transfers.items.label")}>
          {FILTERS.map((f) => (
            <button
              key={f.filter}
              type="button"
              className="segment"
              aria-pressed={filter === f.filter}
              data-testid={`transfer-items-${f.filter}`}
              onClick={() => {
                setFilter(f.filter);
                setOffset(0);
              }}
            >
              {t(f.label)} <span className="muted">{formatCount(f.count(transfer), locale)}</span>
            </button>
          ))}
        </div>
        <span className="spacer" />
        <span className="muted" data-testid="transfer-items-range">
          {t("transfers.items.range", { from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(total, locale) })}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t("transfers.items.previous")}
          title={t("transfers.items.previous")}
          data-testid="transfer-items-previous"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - ITEMS_PAGE))}
        >
          ‹
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("transfers.items.next")}
          title={t("transfers.items.next")}
          data-testid="transfer-items-next"
          disabled={offset + ITEMS_PAGE >= total}
          onClick={() => setOffset(offset + ITEMS_PAGE)}
        >
          ›
        </button>
      </div>
      {items.isPending ? (
        <Spinner label={t("transfers.items.loading")} />
      ) : items.error ? (
        <ErrorMessage error={items.error} />
      ) : items.data.items.length === 0 ? (
        <p className="muted transfer-items-empty">{t("transfers.items.empty")}</p>
      ) : (
        <ul className="item-list">
          {items.data.items.map((item) => (
            <ItemRow key={item.id} item={item} direction={transfer.direction} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemRow({ item, direction }: { item: ItemView; direction: TransferView["direction"] }) {
  const { t, locale } = useT();
  // What the user recognises: the file on disk of a download, the object key otherwise.
  const [main, other] = direction === "download" ? [item.localName, item.key] : [item.key, item.localName];
  return (
    <li className={`item-row item-${item.state}`} data-testid="transfer-item" data-state={item.state}>
      <span className={`item-state item-state-${item.state}`}>{t(ITEM_STATE[item.state])}</span>
      <span className="item-name mono" title={other}>
        {main}
      </span>
      <span className="item-size">
        {item.state === "running" ? `${humanBytes(item.bytesDone, locale)} / ` : ""}
        {humanBytes(item.size, locale)}
      </span>
      {item.error && (
        <span className="item-error" title={item.error.detail}>
          {errorSentence(item.error.serverCode ?? item.error.code, locale)}{" "}
          {item.error.detail && (
            <span className="muted" lang="en">
              {item.error.detail}
            </span>
          )}
        </span>
      )}
    </li>
  );
}
