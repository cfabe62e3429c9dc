import { describe, expect, it } from "vitest";
import { changedPlaces, filesLeft, percentDone, totalsOf } from "./model";
import { transfer } from "./testing";

describe("transfer figures", () => {
  it("percent of bytes, 100 once done (skipped files stay in the total), unknown while nothing is found", () => {
    expect(percentDone(transfer({ bytesDone: 512, bytesTotal: 1024 }))).toBe(50);
    expect(percentDone(transfer({ bytesDone: 1023, bytesTotal: 1024 }))).toBe(99);
    expect(percentDone(transfer({ state: "done", bytesDone: 10, bytesTotal: 1024 }))).toBe(100);
    expect(percentDone(transfer({ discovering: true, bytesDone: 0, bytesTotal: 0 }))).toBeNull();
    expect(percentDone(transfer({ discovering: false, bytesDone: 0, bytesTotal: 0 }))).toBe(0);
  });

  it("files left are those neither done nor skipped", () => {
    expect(filesLeft(transfer({ filesTotal: 10, filesDone: 4, filesSkipped: 1 }))).toBe(5);
  });

  it("totals count the active ones' bytes and the ones waiting for the user", () => {
    const totals = totalsOf([
      transfer({ id: 1, state: "running", bytesDone: 10, bytesTotal: 100, bytesPerSecond: 5 }),
      transfer({ id: 2, state: "queued", bytesDone: 0, bytesTotal: 100, bytesPerSecond: 0 }),
      transfer({ id: 3, state: "needsDecision" }),
      transfer({ id: 4, state: "interrupted" }),
      transfer({ id: 5, state: "done" }),
    ]);
    expect(totals).toEqual({ active: 2, waiting: 2, bytesDone: 10, bytesTotal: 200, bytesPerSecond: 5 });
  });

  it("the places a transfer changes: where it writes, and where a move takes from; none for a download", () => {
    const here = { bucket: "bkt", prefix: "2024/a b/" };
    const there = { bucket: "other", prefix: "x/" };
    expect(changedPlaces(transfer({ direction: "upload", takenFrom: null, storedIn: here }))).toEqual([here]);
    expect(changedPlaces(transfer({ direction: "copy", takenFrom: here, storedIn: there }))).toEqual([there]);
    expect(changedPlaces(transfer({ direction: "move", takenFrom: here, storedIn: there }))).toEqual([there, here]);
    expect(changedPlaces(transfer({ direction: "download", takenFrom: here, storedIn: null }))).toEqual([]);
    // The display string is never parsed: a bucket/prefix that disagrees with storedIn is ignored.
    expect(changedPlaces(transfer({ direction: "upload", destination: "elsewhere/y/", storedIn: here }))).toEqual([here]);
  });
});
