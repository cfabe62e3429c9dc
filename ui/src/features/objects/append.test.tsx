import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type LocalFile, type ObjectDetails } from "../../backend";
import { BackendError } from "../../errors";
import { obj, page, renderBrowser } from "./testing";

vi.mock("../../backend");

const notes: LocalFile = { handle: "h-notes", name: "notes.txt", size: 512, isFolder: false };

function details(size: number, objectType = "Appendable"): ObjectDetails {
  return {
    key: "logs/app.log",
    size,
    contentType: "text/plain",
    lastModified: "2025-03-04T14:05:00Z",
    etag: '"abc"',
    versionId: null,
    storageClass: "STANDARD",
    objectType,
    metadata: {},
    rawMetadata: {},
  };
}

const positionField = () => screen.getByTestId("append-position") as HTMLInputElement;
const summary = () => screen.getByTestId("append-summary").textContent;

/** Opens "More actions" and picks an item, from the keyboard. */
async function pick(item: string) {
  const user = userEvent.setup();
  screen.getByTestId("object-more").focus();
  await user.keyboard("{Enter}");
  await screen.findByRole("menu");
  fireEvent.click(screen.getByTestId(item));
}

describe("append", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("logs/", [], [obj("logs/app.log", 42), obj("logs/plain.txt", 10)]));
    vi.mocked(api.headObject).mockResolvedValue(details(42));
    // Rust's file dialog answers once the user has chosen (after the menu closed and gave its focus back).
    vi.mocked(api.pickFilesToUpload).mockImplementation(() => new Promise((r) => setTimeout(() => r([notes]), 30)));
  });

  it("prefills the position with the object's length, and says the new length after appending", async () => {
    vi.mocked(api.appendFile).mockResolvedValue({ nextPosition: 554, appended: 512 });
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    await pick("object-append");

    expect(await screen.findByTestId("append-dialog")).toBeTruthy();
    await waitFor(() => expect(positionField().value).toBe("42"));
    expect(summary()).toBe("Append notes.txt (512 B) to logs/app.log at position 42");
    expect(screen.getByTestId("append-dialog").textContent).toContain("The object’s length, read just now: 42 bytes.");
    await waitFor(() => expect(document.activeElement).toBe(positionField()));
    expect(api.headObject).toHaveBeenCalledWith("p1", "bkt", "logs/app.log");

    fireEvent.click(screen.getByTestId("append-ok"));
    await waitFor(() => expect(screen.queryByTestId("append-dialog")).toBeNull());
    expect(api.appendFile).toHaveBeenCalledWith("p1", "bkt", "logs/app.log", 42, "h-notes");
    expect(screen.getByTestId("notice").textContent).toBe(
      "Appended notes.txt (512 B) to “app.log”: it is now 554 B long (554 bytes); the next append goes at position 554.×",
    );
    // The listing is read again.
    await waitFor(() => expect(vi.mocked(api.listObjects).mock.calls.length).toBeGreaterThan(1));
  });

  it("takes another position typed by an expert", async () => {
    vi.mocked(api.appendFile).mockResolvedValue({ nextPosition: 612, appended: 512 });
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    await pick("object-append");
    await waitFor(() => expect(positionField().value).toBe("42"));
    fireEvent.change(positionField(), { target: { value: "4x" } });
    expect((screen.getByTestId("append-ok") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("append-dialog").textContent).toContain("The position is a whole number of bytes, 0 or more.");
    fireEvent.change(positionField(), { target: { value: "100" } });
    expect(summary()).toBe("Append notes.txt (512 B) to logs/app.log at position 100");
    fireEvent.click(screen.getByTestId("append-ok"));
    await waitFor(() => expect(api.appendFile).toHaveBeenCalledWith("p1", "bkt", "logs/app.log", 100, "h-notes"));
  });

  it("after PositionNotEqualToLength, reads the length again and offers it", async () => {
    vi.mocked(api.appendFile)
      .mockRejectedValueOnce(
        new BackendError({
          code: "PositionNotEqualToLength",
          status: 409,
          requestId: "tx-a1",
          // The sentence is for people: the position offered comes from HEAD, not from here.
          detail: "the object is 999 bytes long: append at position 999",
        }),
      )
      .mockResolvedValueOnce({ nextPosition: 4650, appended: 512 });
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    await pick("object-append");
    await waitFor(() => expect(positionField().value).toBe("42"));
    vi.mocked(api.headObject).mockResolvedValue(details(4138));
    fireEvent.click(screen.getByTestId("append-ok"));

    const offer = await screen.findByTestId("append-use-position");
    expect(offer.textContent).toBe("Use position 4,138");
    expect(screen.getByTestId("append-mismatch").textContent).toContain(
      "The object is 4,138 bytes long, not 42: something was appended to it, or it was replaced, after its length was read. Nothing was appended.",
    );
    fireEvent.click(offer);
    await waitFor(() => expect(screen.queryByTestId("append-dialog")).toBeNull());
    expect(vi.mocked(api.appendFile).mock.calls.map((c) => c[3])).toEqual([42, 4138]);
    expect(screen.getByTestId("notice").textContent).toContain("it is now 4.5 KiB long (4,650 bytes)");
  });

  it("does not offer to append to an object whose details say Normal", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details(10, "Normal"));
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/plain.txt"));
    expect((await screen.findByTestId("details-objectType")).textContent).toBe("Normal");
    expect(screen.queryByTestId("details-append")).toBeNull();
    const user = userEvent.setup();
    screen.getByTestId("object-more").focus();
    await user.keyboard("{Enter}");
    const item = await screen.findByTestId("object-append");
    expect(item.getAttribute("aria-disabled")).toBe("true");
    expect(item.textContent).toBe("Only appendable objects can be appended to; this one is Normal.");
  });

  it("refuses in the dialog when the fresh details say Normal", async () => {
    // The details pane's HEAD has not answered yet; the dialog's own says Normal.
    vi.mocked(api.headObject).mockReturnValueOnce(new Promise(() => {})).mockResolvedValue(details(10, "Normal"));
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/plain.txt"));
    await pick("object-append");
    expect((await screen.findByTestId("append-not-appendable")).textContent).toContain(
      "“logs/plain.txt” is not an appendable object (its type is Normal)",
    );
    expect((screen.getByTestId("append-ok") as HTMLButtonElement).disabled).toBe(true);
  });

  it("appends from the details pane of an Appendable object", async () => {
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    fireEvent.click(await screen.findByTestId("details-append"));
    expect(await screen.findByTestId("append-dialog")).toBeTruthy();
    await waitFor(() => expect(positionField().value).toBe("42"));
  });

  it("creates a new appendable object at position 0 under the shown folder", async () => {
    vi.mocked(api.appendFile).mockResolvedValue({ nextPosition: 512, appended: 512 });
    renderBrowser("logs/");
    await screen.findByTestId("object-row-logs/app.log");
    await pick("object-append-new");
    const name = (await screen.findByTestId("append-name")) as HTMLInputElement;
    expect(name.value).toBe("notes.txt");
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.change(name, { target: { value: "events.log" } });
    expect(summary()).toBe("Append notes.txt (512 B) to logs/events.log at position 0");
    expect(positionField().value).toBe("0");
    expect(api.headObject).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("append-ok"));
    await waitFor(() => expect(api.appendFile).toHaveBeenCalledWith("p1", "bkt", "logs/events.log", 0, "h-notes"));
  });

  it("does nothing when the file dialog is cancelled", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([]);
    renderBrowser("logs/");
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    await pick("object-append");
    await act(async () => {});
    expect(screen.queryByTestId("append-dialog")).toBeNull();
  });

  it("speaks Chinese", async () => {
    renderBrowser("logs/", { locale: "zh-CN" });
    fireEvent.click(await screen.findByTestId("object-row-logs/app.log"));
    await pick("object-append");
    await waitFor(() => expect(positionField().value).toBe("42"));
    expect(summary()).toBe("将 notes.txt（512 B）追加到 logs/app.log 的位置 42");
    expect(screen.getByTestId("append-ok").textContent).toBe("追加");
  });
});
