import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import type { ImportRow } from "./model";

/**
 * The rows of an import dialog and its Import: one call per chosen row (Rust stops a batch at
 * its first refusal, after saving those before it), a refusal kept beside its row, a row once in
 * never sent again; then the focus goes on to Close and the profiles are read again.
 */
export function useImportRun<R extends ImportRow>(initial: () => R[], importOne: (i: number, row: R) => Promise<void>) {
  const qc = useQueryClient();
  const [rows, setRows] = useState<R[]>(initial);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const set = (i: number, patch: Partial<R>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const pending = rows.map((_, i) => i).filter((i) => rows[i].pick && rows[i].result?.kind !== "done");
  const imported = rows.filter((r) => r.result?.kind === "done").length;

  const run = async () => {
    setTried(true);
    if (pending.length === 0) return;
    setBusy(true);
    for (const i of pending) {
      try {
        await importOne(i, rows[i]);
        set(i, { result: { kind: "done" } } as Partial<R>);
      } catch (error) {
        set(i, { result: { kind: "failed", error } } as Partial<R>);
      }
    }
    setBusy(false);
    // Import goes away once everything chosen is in: focus goes on to Close, not to the page.
    closeButton.current?.focus();
    await qc.invalidateQueries({ queryKey: queryKeys.profiles() });
  };

  return { rows, set, busy, tried, pending, imported, run, closeButton };
}

/** The footer of an import dialog: how many are in, Close (Cancel before any), Import. */
export function ImportFooter({
  testIds,
  imported,
  busy,
  canImport,
  closeButton,
  onClose,
  onImport,
}: {
  testIds: { done: string; close: string; submit: string };
  imported: number;
  busy: boolean;
  canImport: boolean;
  closeButton: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
  onImport: () => void;
}) {
  const { t, tn } = useT();
  return (
    <>
      {imported > 0 && (
        <span className="exchange-done" role="status" data-testid={testIds.done}>
          <Icon name="check" size={16} />
          {tn("exchange.import.done", imported)}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="button" onClick={onClose} data-testid={testIds.close} ref={closeButton}>
        {imported > 0 ? t("common.close") : t("common.cancel")}
      </button>
      {canImport && (
        <button
          type="button"
          className="button primary"
          data-testid={testIds.submit}
          disabled={busy}
          onClick={onImport}
        >
          {busy ? t("exchange.import.importing") : t("exchange.import.submit")}
        </button>
      )}
    </>
  );
}
