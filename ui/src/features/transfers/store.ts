// The transfer list of the app: started from listTransfers(), kept current by the engine's
// transfersChanged updates, merged by id. Lives once, in the app frame (TransfersProvider), so
// nothing is lost when the user moves between pages. No React here: the provider subscribes.
import type { TransfersUpdate, TransferView } from "../../backend";
import { isActive, isWaiting, newestFirst } from "./model";

/** No more than one full reload a second when the list has to be read again. */
export const RESYNC_INTERVAL_MS = 1000;

export class TransferStore {
  private byId = new Map<number, TransferView>();
  private list: readonly TransferView[] = [];
  private listeners = new Set<() => void>();
  /** Updates that came while a full list was being read: applied on top of it. */
  private buffer: TransfersUpdate[] | null = null;
  private syncing = false;
  private syncAgain = false;
  private lastSync = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** Whether the first full list has been read. */
  ready = false;

  /** `load`: the full list (api.listTransfers); none for an empty store that only takes puts. */
  constructor(private readonly load?: () => Promise<TransferView[] | undefined>) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Newest first; the same array until something changes. */
  getSnapshot = (): readonly TransferView[] => this.list;

  get(id: number): TransferView | undefined {
    return this.byId.get(id);
  }

  /**
   * Reads the whole list (at start, and whenever the merged list disagrees with the engine's
   * totals: an update was missed). Updates arriving meanwhile are applied on top of it.
   */
  sync = async (): Promise<void> => {
    if (!this.load || this.disposed) return;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    this.buffer = [];
    this.lastSync = Date.now();
    try {
      const list = (await this.load()) ?? [];
      this.byId = new Map(list.map((v) => [v.id, v]));
    } catch {
      // No backend (a plain browser) or IPC trouble: keep what is known; updates still merge.
    }
    const buffered = this.buffer ?? [];
    this.buffer = null;
    this.syncing = false;
    let consistent = true;
    for (const update of buffered) consistent = this.merge(update);
    this.ready = true;
    this.changed();
    if (this.syncAgain || !consistent) {
      this.syncAgain = false;
      this.requestSync();
    }
  };

  /** One transfersChanged update. */
  onUpdate = (update: TransfersUpdate): void => {
    if (this.buffer) {
      this.buffer.push(update);
      return;
    }
    const consistent = this.merge(update);
    this.changed();
    if (!consistent) this.requestSync();
  };

  /** A transfer a command just returned (its update may come a moment later). */
  put = (view: TransferView): void => {
    this.byId.set(view.id, view);
    this.changed();
  };

  /** Transfers gone from the engine (Clear finished). */
  remove = (ids: readonly number[]): void => {
    for (const id of ids) this.byId.delete(id);
    this.changed();
  };

  /** Reads the list and keeps it current until stop(). */
  start(): void {
    this.disposed = false;
    void this.sync();
  }

  stop(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Applies an update; false when the result disagrees with the engine's own totals. */
  private merge(update: TransfersUpdate): boolean {
    for (const v of update.changed ?? []) this.byId.set(v.id, v);
    for (const id of update.removed ?? []) this.byId.delete(id);
    if (!update.totals) return true;
    let active = 0;
    let waiting = 0;
    for (const v of this.byId.values()) {
      if (isActive(v.state)) active++;
      else if (isWaiting(v.state)) waiting++;
    }
    return active === update.totals.active && waiting === update.totals.waiting;
  }

  private requestSync(): void {
    if (this.timer || this.disposed || !this.load) return;
    const wait = Math.max(0, this.lastSync + RESYNC_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync();
    }, wait);
  }

  private changed(): void {
    this.list = [...this.byId.values()].sort(newestFirst);
    this.listeners.forEach((l) => l());
  }
}
