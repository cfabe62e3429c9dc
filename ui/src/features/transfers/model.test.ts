import { describe, expect, it } from "vitest";
import { filesLeft, landingPlace, percentDone, totalsOf } from "./model";
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

  it("where an upload, copy or move writes; nowhere on the server for a download", () => {
    expect(landingPlace(transfer({ direction: "upload", destination: "bkt/2024/a b/" }))).toEqual({ bucket: "bkt", prefix: "2024/a b/" });
    expect(landingPlace(transfer({ direction: "upload", destination: "bkt/" }))).toEqual({ bucket: "bkt", prefix: "" });
    expect(landingPlace(transfer({ direction: "copy", bucket: "src", destination: "other/x/" }))).toEqual({ bucket: "other", prefix: "x/" });
    expect(landingPlace(transfer({ direction: "move", destination: "bkt/new/" }))).toEqual({ bucket: "bkt", prefix: "new/" });
    expect(landingPlace(transfer({ direction: "download", destination: "/home/me/Downloads" }))).toBeNull();
  });
});
