import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type FolderSummary } from "../../backend";
import { BackendError } from "../../errors";
import { obj, page, renderBrowser, rowOf } from "./testing";

vi.mock("../../backend");

const GIB = 1024 ** 3;

/** The question's text, with the no-break space of "3.2 GiB" read as a space. */
const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\u00a0/g, " ");

const conflict = (prefix: string) =>
  new BackendError({ code: "Conflict", status: null, requestId: null, detail: `${prefix} now holds 160 objects, not the 150 you confirmed; nothing was deleted` });

/** Three folders and two objects selected in the root of "bkt". */
async function selectAll() {
  renderBrowser();
  fireEvent.click(await screen.findByTestId("object-row-a/"));
  for (const key of ["b/", "c/", "x.txt", "y.txt"]) fireEvent.click(rowOf(key), { ctrlKey: true });
}

describe("deleting folders", () => {
  let summaries: Record<string, FolderSummary>;

  beforeEach(() => {
    vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
    vi.mocked(api.listObjects).mockResolvedValue(page("", ["a/", "b/", "c/"], [obj("x.txt", 1024), obj("y.txt", 1024)]));
    summaries = {
      "a/": { prefix: "a/", objects: 1000, bytes: 2 * GIB },
      "b/": { prefix: "b/", objects: 150, bytes: GIB },
      "c/": { prefix: "c/", objects: 52, bytes: 0.2 * GIB },
    };
    vi.mocked(api.summarizeFolder).mockImplementation(async (_p, _b, prefix) => summaries[prefix]);
    vi.mocked(api.deleteObjects).mockImplementation(async (_p, _b, keys) => ({ deleted: keys, failed: [] }));
    vi.mocked(api.deleteFolder).mockImplementation(async (_p, _b, prefix, expected) => ({
      deleted: Array.from({ length: expected }, (_, i) => `${prefix}${i}`),
      failed: [],
    }));
  });

  it("counts the folders first, then says how much goes in all, and deletes what was confirmed", async () => {
    let counted!: () => void;
    const gate = new Promise<void>((r) => (counted = r));
    vi.mocked(api.summarizeFolder).mockImplementation(async (_p, _b, prefix) => {
      await gate;
      return summaries[prefix];
    });
    await selectAll();
    fireEvent.click(screen.getByTestId("object-delete"));

    // While counting: a spinner, and nothing to confirm yet.
    expect(text("delete-counting")).toBe("Counting the objects in 3 folders…");
    expect((screen.getByTestId("confirm-ok") as HTMLButtonElement).disabled).toBe(true);
    expect(vi.mocked(api.summarizeFolder).mock.calls).toEqual([
      ["p1", "bkt", "a/"],
      ["p1", "bkt", "b/"],
      ["p1", "bkt", "c/"],
    ]);

    await act(async () => counted());
    expect(text("delete-question")).toBe("Delete 3 folders and 2 objects: 1,204 objects, 3.2 GiB in all?");
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("This cannot be undone.");
    expect(text("delete-summary")).toContain("a/1,000 objects, 2.0 GiB");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    expect(api.deleteFolder).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.deleteObjects).toHaveBeenCalledWith("p1", "bkt", ["x.txt", "y.txt"]);
    expect(vi.mocked(api.deleteFolder).mock.calls).toEqual([
      ["p1", "bkt", "a/", 1000],
      ["p1", "bkt", "b/", 150],
      ["p1", "bkt", "c/", 52],
    ]);
    expect((await screen.findByTestId("notice")).textContent).toContain("Deleted 1,204 objects.");
  });

  it("asks about one folder alone with its figures, from the keyboard too", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-b/"));
    fireEvent.keyDown(screen.getByTestId("object-table"), { key: "Delete" });
    expect(await screen.findByTestId("delete-question")).toBeTruthy();
    expect(text("delete-question")).toBe("Delete 1 folder: 150 objects, 1.0 GiB in all?");
    expect(api.deleteObjects).not.toHaveBeenCalled();
  });

  it("deletes nothing of a folder that changed since it was counted, and counts it again", async () => {
    vi.mocked(api.deleteFolder).mockImplementation(async (_p, _b, prefix, expected) => {
      if (prefix === "b/") throw conflict(prefix);
      return { deleted: Array.from({ length: expected }, (_, i) => `${prefix}${i}`), failed: [] };
    });
    await selectAll();
    fireEvent.click(screen.getByTestId("object-delete"));
    // OK is disabled until the folders are counted: click once the question is there.
    await screen.findByTestId("delete-question");
    fireEvent.click(screen.getByTestId("confirm-ok"));

    // The rest went; the changed folder is said so, with "Count again".
    expect(await screen.findByTestId("delete-changed")).toBeTruthy();
    expect(text("delete-changed")).toBe(
      "“b/” changed after it was counted: objects were added to it or removed from it, so nothing in it was deleted.",
    );
    expect(screen.getByTestId("notice").textContent).toContain("Deleted 1,054 objects.");
    expect(screen.getByTestId("confirm-ok").textContent).toBe("Count again");

    summaries["b/"] = { prefix: "b/", objects: 160, bytes: 1.1 * GIB };
    vi.mocked(api.summarizeFolder).mockClear();
    vi.mocked(api.deleteFolder).mockClear();
    vi.mocked(api.deleteObjects).mockClear();
    fireEvent.click(screen.getByTestId("confirm-ok"));
    expect(await screen.findByTestId("delete-question")).toBeTruthy();
    expect(vi.mocked(api.summarizeFolder).mock.calls).toEqual([["p1", "bkt", "b/"]]);
    expect(text("delete-question")).toBe("Delete 1 folder: 160 objects, 1.1 GiB in all?");

    vi.mocked(api.deleteFolder).mockResolvedValue({ deleted: ["b/1"], failed: [] });
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteFolder).toHaveBeenCalledWith("p1", "bkt", "b/", 160));
    expect(api.deleteObjects).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
  });

  it("lists the keys that could not be deleted, each with its sentence", async () => {
    vi.mocked(api.deleteFolder).mockResolvedValue({
      deleted: ["a/1.txt"],
      failed: [{ key: "a/held.pdf", code: "AccessDenied", serverCode: null, message: "Object is WORM protected" }],
    });
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-a/"));
    fireEvent.click(screen.getByTestId("object-delete"));
    // OK is disabled until the folders are counted: click once the question is there.
    await screen.findByTestId("delete-question");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    const failures = await screen.findByTestId("delete-failures");
    expect(within(failures).getByText("a/held.pdf")).toBeTruthy();
    expect(failures.textContent).toContain("Access denied: this profile's keys are not allowed to do this.");
    expect(failures.textContent).toContain("Object is WORM protected");
    expect(screen.getByTestId("notice").textContent).toContain("Deleted 1 object.");
  });

  it("says why the folders could not be counted, and counts again on request", async () => {
    vi.mocked(api.summarizeFolder).mockRejectedValueOnce(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-9", detail: "list denied" }),
    );
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-c/"));
    fireEvent.click(screen.getByTestId("object-delete"));
    expect((await screen.findByTestId("error-context")).textContent).toBe("Could not count the objects in “c/”.");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    expect(await screen.findByTestId("delete-question")).toBeTruthy();
    expect(text("delete-question")).toBe("Delete 1 folder: 52 objects, 204.8 MiB in all?");
    expect(api.deleteFolder).not.toHaveBeenCalled();
  });

  it("drops a count that arrives after Cancel", async () => {
    let counted!: () => void;
    const gate = new Promise<void>((r) => (counted = r));
    vi.mocked(api.summarizeFolder).mockImplementation(async (_p, _b, prefix) => {
      await gate;
      return summaries[prefix];
    });
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-a/"));
    fireEvent.click(screen.getByTestId("object-delete"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    await act(async () => counted());
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });
});
