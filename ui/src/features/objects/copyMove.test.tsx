import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { listenToTransfers, transfer, update } from "../transfers/testing";
import { TransfersProvider } from "../transfers/TransfersProvider";
import { clipboard } from "./clipboard";
import { checkNewName, checkTarget, copyRequest, renameRequest } from "./copyMove";
import { ObjectBrowser } from "./ObjectBrowser";
import { obj, page, rowOf } from "./testing";

vi.mock("../../backend");

describe("what a rename sends", () => {
  it("an object: the key itself as the selection's prefix, the new key as the target", () => {
    expect(renameRequest("bkt", { kind: "object", key: "a/old.txt" }, "new.txt")).toEqual({
      selection: { prefix: "a/old.txt", keys: ["a/old.txt"], folders: [] },
      target: { bucket: "bkt", prefix: "a/new.txt", deleteSource: true },
    });
    // At the root, and names kept exactly (spaces, a name with an empty folder above it).
    expect(renameRequest("bkt", { kind: "object", key: "x  y.txt" }, " z ")).toEqual({
      selection: { prefix: "x  y.txt", keys: ["x  y.txt"], folders: [] },
      target: { bucket: "bkt", prefix: " z ", deleteSource: true },
    });
    expect(renameRequest("bkt", { kind: "object", key: "a//b" }, "c").target.prefix).toBe("a//c");
  });

  it("a folder: its prefix, moved to the new prefix", () => {
    expect(renameRequest("bkt", { kind: "folder", key: "a/old/" }, "new")).toEqual({
      selection: { prefix: "a/old/", keys: [], folders: ["a/old/"] },
      target: { bucket: "bkt", prefix: "a/new/", deleteSource: true },
    });
    expect(renameRequest("bkt", { kind: "folder", key: "top/" }, "照片 2024").target.prefix).toBe("照片 2024/");
    // A folder with an empty name ("a//") gets a name.
    expect(renameRequest("bkt", { kind: "folder", key: "a//" }, "b").target.prefix).toBe("a/b/");
  });

  it("a new name is not empty, holds no “/” and is not the old one", () => {
    expect(checkNewName("a.txt", "")).toBe("empty");
    expect(checkNewName("a.txt", "b/c.txt")).toBe("slash");
    expect(checkNewName("a.txt", "a.txt")).toBe("same");
    expect(checkNewName("a.txt", " a.txt")).toBeNull();
    expect(checkNewName("a.txt", "b.txt")).toBeNull();
  });
});

describe("what a copy or move sends", () => {
  it("objects and folders from the shown folder, to a bucket and prefix", () => {
    const rows = [
      { kind: "folder" as const, key: "a/f/" },
      { kind: "object" as const, key: "a/x.txt" },
    ];
    expect(copyRequest("a/", rows, { bucket: "other", prefix: "b/" }, false)).toEqual({
      selection: { prefix: "a/", keys: ["a/x.txt"], folders: ["a/f/"] },
      target: { bucket: "other", prefix: "b/", deleteSource: false },
    });
    expect(copyRequest("a/", rows, { bucket: "bkt", prefix: "" }, true).target).toEqual({ bucket: "bkt", prefix: "", deleteSource: true });
  });

  it("a destination is the root or ends in “/”, is not where they are, and not inside a selected folder", () => {
    const from = { bucket: "bkt", prefix: "a/" };
    expect(checkTarget(from, [], { bucket: "bkt", prefix: "b" })).toEqual({ kind: "notFolder" });
    expect(checkTarget(from, [], { bucket: "bkt", prefix: "" })).toBeNull();
    expect(checkTarget(from, [], { bucket: "bkt", prefix: "a/" })).toEqual({ kind: "samePlace" });
    expect(checkTarget(from, [], { bucket: "other", prefix: "a/" })).toBeNull();
    expect(checkTarget(from, ["a/f/"], { bucket: "bkt", prefix: "a/f/" })).toEqual({ kind: "intoItself", folder: "a/f/" });
    expect(checkTarget(from, ["a/f/"], { bucket: "bkt", prefix: "a/f/g/" })).toEqual({ kind: "intoItself", folder: "a/f/" });
    expect(checkTarget(from, ["a/f/"], { bucket: "bkt", prefix: "a/ff/" })).toBeNull();
    expect(checkTarget(from, ["a/f/"], { bucket: "other", prefix: "a/f/" })).toBeNull();
  });
});

/** Where the harness's browser is; `rerender(prefix)` goes elsewhere (the component stays). */
let goTo: (prefix: string) => void = () => {};

function Harness({ start }: { start: string }) {
  const [prefix, setPrefix] = useState(start);
  useEffect(() => {
    goTo = setPrefix;
  }, []);
  return (
    <TransfersProvider>
      <ObjectBrowser profileId="p1" bucket="bkt" prefix={prefix} onNavigate={setPrefix} />
    </TransfersProvider>
  );
}

function renderBrowser(prefix = "docs/") {
  const r = renderWithProviders(<Harness start={prefix} />);
  return { ...r, rerender: (next: string) => act(() => goTo(next)) };
}

/** Opens "More actions" from the keyboard and picks an item. */
async function pick(item: string) {
  const user = userEvent.setup();
  screen.getByTestId("object-more").focus();
  await user.keyboard("{Enter}");
  await screen.findByRole("menu");
  fireEvent.click(screen.getByTestId(item));
}

const table = () => screen.getByTestId("object-table");
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(table(), { key, ...init });

beforeEach(() => {
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
  vi.mocked(api.listBuckets).mockResolvedValue([
    { name: "bkt", creationDate: null },
    { name: "other", creationDate: null },
  ]);
  vi.mocked(api.listObjects).mockImplementation(async (_p, bucket, prefix) => {
    if (bucket === "other") return { ...page(prefix, prefix === "" ? ["in/", "out/"] : [], []), bucket };
    if (prefix === "docs/") return page("docs/", ["docs/sub/"], [obj("docs/a.txt"), obj("docs/b.txt")]);
    if (prefix === "") return page("", ["docs/", "else/"], []);
    return page(prefix, [], [obj(`${prefix}c.txt`)]);
  });
});

afterEach(() => clipboard.clear());

describe("rename", () => {
  it("F2 renames the selected object: a move of that one key, followed in the notice", async () => {
    const emit = listenToTransfers();
    const started = transfer({ id: 7, direction: "move", source: "bkt/docs/a.txt", destination: "bkt/docs/report.txt", state: "queued", filesDone: 0, filesTotal: 1 });
    vi.mocked(api.copyObjects).mockResolvedValue(started);
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    press("F2");
    const dialog = await screen.findByTestId("rename-dialog");
    expect(within(dialog).getByTestId("rename-note").textContent).toBe(
      "Renaming copies the object and deletes the old one; large objects take a while.",
    );
    const name = within(dialog).getByTestId<HTMLInputElement>("rename-name");
    expect(name.value).toBe("a.txt");
    // The old name is no new name: Rename waits for another.
    expect(within(dialog).getByTestId<HTMLButtonElement>("rename-submit").disabled).toBe(true);
    fireEvent.change(name, { target: { value: "report.txt" } });
    fireEvent.click(within(dialog).getByTestId("rename-submit"));
    await waitFor(() =>
      expect(api.copyObjects).toHaveBeenCalledWith(
        "p1",
        "bkt",
        { prefix: "docs/a.txt", keys: ["docs/a.txt"], folders: [] },
        { bucket: "bkt", prefix: "docs/report.txt", deleteSource: true },
        null,
      ),
    );
    await waitFor(() => expect(screen.queryByTestId("rename-dialog")).toBeNull());
    expect(screen.getByTestId("notice").textContent).toContain("Renaming a.txt…");
    emit(update([{ ...started, state: "done", filesDone: 1 }]));
    expect(screen.getByTestId("notice").textContent).toContain("Renamed a.txt to report.txt.");
  });

  it("renames a folder from the More actions menu: everything under its prefix", async () => {
    vi.mocked(api.copyObjects).mockResolvedValue(transfer({ id: 8, direction: "move" }));
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/sub/"));
    await pick("object-rename");
    const dialog = await screen.findByTestId("rename-dialog");
    expect(within(dialog).getByTestId<HTMLInputElement>("rename-name").value).toBe("sub");
    expect(within(dialog).getByTestId("rename-note").textContent).toContain("Renaming a folder copies every object in it");
    fireEvent.change(within(dialog).getByTestId("rename-name"), { target: { value: "sub 2" } });
    fireEvent.submit(within(dialog).getByTestId("rename-name"));
    await waitFor(() =>
      expect(api.copyObjects).toHaveBeenCalledWith(
        "p1",
        "bkt",
        { prefix: "docs/sub/", keys: [], folders: ["docs/sub/"] },
        { bucket: "bkt", prefix: "docs/sub 2/", deleteSource: true },
        null,
      ),
    );
  });

  it("says why a name cannot be used, and that a taken one will be asked about", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    press("F2");
    const dialog = await screen.findByTestId("rename-dialog");
    const name = within(dialog).getByTestId("rename-name");
    const submit = within(dialog).getByTestId<HTMLButtonElement>("rename-submit");
    fireEvent.change(name, { target: { value: "x/y.txt" } });
    expect(within(dialog).getByTestId("rename-name-error").textContent).toContain("A name cannot hold “/”");
    expect(submit.disabled).toBe(true);
    fireEvent.change(name, { target: { value: "" } });
    expect(within(dialog).getByTestId("rename-name-error").textContent).toBe("Give it a name.");
    fireEvent.change(name, { target: { value: "a.txt" } });
    expect(within(dialog).getByTestId("rename-name-error").textContent).toBe("That is its name now.");
    fireEvent.change(name, { target: { value: "b.txt" } });
    expect(within(dialog).queryByTestId("rename-name-error")).toBeNull();
    expect(within(dialog).getByTestId("rename-exists").textContent).toContain("“b.txt” exists in this folder");
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(api.copyObjects).toHaveBeenCalled());
    expect(api.copyObjects).toHaveBeenCalledTimes(1);
  });

  it("keeps the dialog open with the error when the move cannot start", async () => {
    vi.mocked(api.copyObjects).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx1", detail: "Access Denied" }));
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    press("F2");
    const dialog = await screen.findByTestId("rename-dialog");
    fireEvent.change(within(dialog).getByTestId("rename-name"), { target: { value: "z.txt" } });
    fireEvent.click(within(dialog).getByTestId("rename-submit"));
    expect((await within(dialog).findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(within(dialog).getByTestId("error-context").textContent).toBe("Could not rename a.txt.");
  });

  it("F2 does nothing unless exactly one row is selected", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    fireEvent.click(screen.getByTestId("object-row-docs/b.txt"), { ctrlKey: true });
    press("F2");
    await act(async () => {});
    expect(screen.queryByTestId("rename-dialog")).toBeNull();
  });
});

describe("copy or move to…", () => {
  async function openDialog() {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    fireEvent.click(screen.getByTestId("object-row-docs/sub/"), { ctrlKey: true });
    await pick("object-copy-move");
    return screen.findByTestId("copy-move-dialog");
  }

  it("starts with the shown bucket and folder, which it will not copy onto", async () => {
    const dialog = await openDialog();
    expect(within(dialog).getByTestId<HTMLSelectElement>("copy-move-bucket").value).toBe("bkt");
    expect(within(dialog).getByTestId<HTMLInputElement>("copy-move-folder").value).toBe("docs/");
    expect(dialog.textContent).toContain("They are in this folder already: choose another one.");
    expect(within(dialog).getByTestId<HTMLButtonElement>("copy-move-copy").disabled).toBe(true);
    expect(within(dialog).getByTestId<HTMLButtonElement>("copy-move-move").disabled).toBe(true);
  });

  it("checks the folder: the root or ending in “/”, and not inside a selected folder", async () => {
    const dialog = await openDialog();
    const folder = within(dialog).getByTestId("copy-move-folder");
    const copy = within(dialog).getByTestId<HTMLButtonElement>("copy-move-copy");
    fireEvent.change(folder, { target: { value: "else" } });
    expect(within(dialog).getByTestId("copy-move-folder-error").textContent).toBe(
      "A folder ends in “/” (leave it empty for the bucket’s root).",
    );
    expect(copy.disabled).toBe(true);
    fireEvent.change(folder, { target: { value: "docs/sub/deeper/" } });
    expect(within(dialog).getByTestId("copy-move-folder-error").textContent).toBe(
      "“docs/sub/” cannot go inside itself: choose a folder outside it.",
    );
    fireEvent.change(folder, { target: { value: "" } });
    expect(within(dialog).queryByTestId("copy-move-folder-error")).toBeNull();
    expect(copy.disabled).toBe(false);
  });

  it("copies to a folder of another bucket picked from its list", async () => {
    vi.mocked(api.copyObjects).mockResolvedValue(transfer({ id: 4, direction: "copy", destination: "other/in/", state: "queued" }));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByTestId("copy-move-bucket"), { target: { value: "other" } });
    fireEvent.change(within(dialog).getByTestId("copy-move-folder"), { target: { value: "" } });
    fireEvent.click(await within(dialog).findByTestId("copy-move-folder-in/"));
    expect(within(dialog).getByTestId<HTMLInputElement>("copy-move-folder").value).toBe("in/");
    expect(api.listObjects).toHaveBeenCalledWith("p1", "other", "", null, 1000);
    fireEvent.click(within(dialog).getByTestId("copy-move-copy"));
    await waitFor(() =>
      expect(api.copyObjects).toHaveBeenCalledWith(
        "p1",
        "bkt",
        { prefix: "docs/", keys: ["docs/a.txt"], folders: ["docs/sub/"] },
        { bucket: "other", prefix: "in/", deleteSource: false },
        null,
      ),
    );
    await waitFor(() => expect(screen.queryByTestId("copy-move-dialog")).toBeNull());
    expect(screen.getByTestId("notice").textContent).toContain("Copying 2 items…");
  });

  it("moves, and shows Rust's refusal under the folder", async () => {
    vi.mocked(api.copyObjects).mockRejectedValueOnce(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "docs/sub/ cannot go inside itself" }),
    );
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByTestId("copy-move-folder"), { target: { value: "else/" } });
    fireEvent.click(within(dialog).getByTestId("copy-move-move"));
    expect((await within(dialog).findByTestId("copy-move-folder-error")).textContent).toBe("Not accepted: docs/sub/ cannot go inside itself");
    expect(api.copyObjects).toHaveBeenCalledWith(
      "p1",
      "bkt",
      { prefix: "docs/", keys: ["docs/a.txt"], folders: ["docs/sub/"] },
      { bucket: "bkt", prefix: "else/", deleteSource: true },
      null,
    );
  });
});

describe("cut, copy and paste", () => {
  it("Ctrl+X then Ctrl+V in another folder moves there, once", async () => {
    vi.mocked(api.copyObjects).mockResolvedValue(transfer({ id: 5, direction: "move", state: "queued" }));
    const { rerender } = renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    press("x", { ctrlKey: true });
    expect(screen.getByTestId("notice").textContent).toContain("a.txt ready to move");
    expect(screen.getByTestId("clipboard-status").textContent).toContain("To move: a.txt");
    // Pasting where they are is refused before anything is sent.
    press("v", { ctrlKey: true });
    expect(screen.getByTestId("notice").textContent).toBe("They are in this folder already: paste them in another folder.×");
    expect(api.copyObjects).not.toHaveBeenCalled();

    rerender("else/");
    await screen.findByTestId("object-row-else/c.txt");
    press("v", { metaKey: true });
    await waitFor(() =>
      expect(api.copyObjects).toHaveBeenCalledWith(
        "p1",
        "bkt",
        { prefix: "docs/", keys: ["docs/a.txt"], folders: [] },
        { bucket: "bkt", prefix: "else/", deleteSource: true },
        null,
      ),
    );
    // A move empties the clipboard: a second paste sends nothing.
    await waitFor(() => expect(screen.queryByTestId("clipboard-status")).toBeNull());
    press("v", { ctrlKey: true });
    await act(async () => {});
    expect(api.copyObjects).toHaveBeenCalledTimes(1);
  });

  it("Ctrl+C copies from the context menu's Paste, and stays to paste again", async () => {
    vi.mocked(api.copyObjects).mockResolvedValue(transfer({ id: 6, direction: "copy", state: "queued" }));
    const { rerender } = renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/sub/"));
    press("c", { ctrlKey: true });
    rerender("else/");
    fireEvent.contextMenu(await screen.findByTestId("object-row-else/c.txt"), { clientX: 40, clientY: 50, button: 2 });
    const menu = await screen.findByTestId("row-menu");
    fireEvent.click(within(menu).getByTestId("row-menu-paste"));
    await waitFor(() =>
      expect(api.copyObjects).toHaveBeenCalledWith(
        "p1",
        "bkt",
        { prefix: "docs/", keys: [], folders: ["docs/sub/"] },
        { bucket: "bkt", prefix: "else/", deleteSource: false },
        null,
      ),
    );
    expect(screen.getByTestId("clipboard-status").textContent).toContain("To paste: sub");
  });

  it("a folder is not pasted inside itself", async () => {
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/sub/"));
    // "docs/" cut at the bucket's root, pasted in "docs/" itself.
    act(() => clipboard.put({ profileId: "p1", bucket: "bkt", prefix: "", keys: [], folders: ["docs/"], cut: true, what: "docs" }));
    press("v", { ctrlKey: true });
    expect(screen.getByTestId("notice").textContent).toContain("“docs/” cannot go inside itself");
    expect(api.copyObjects).not.toHaveBeenCalled();
  });
});

describe("context menu", () => {
  it("a right click selects the row and offers rename, copy or move, and the rest", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-docs/a.txt"));
    fireEvent.contextMenu(screen.getByTestId("object-row-docs/b.txt"), { clientX: 40, clientY: 50, button: 2 });
    const menu = await screen.findByTestId("row-menu");
    expect(rowOf("docs/b.txt").getAttribute("aria-selected")).toBe("true");
    expect(rowOf("docs/a.txt").getAttribute("aria-selected")).toBe("false");
    expect(within(menu).getByTestId("row-menu-paste").getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(within(menu).getByTestId("row-menu-rename"));
    const dialog = await screen.findByTestId("rename-dialog");
    expect(within(dialog).getByTestId<HTMLInputElement>("rename-name").value).toBe("b.txt");
  });
});
