// "Share link…" in the object table's context menu.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { obj, page, renderBrowser } from "../objects/testing";

vi.mock("../../backend");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
  vi.mocked(api.listObjects).mockResolvedValue(page("", ["docs/"], [obj("notes.txt")]));
});

describe("the context menu", () => {
  it("offers Share link… on one object, not on a folder, and opens the dialog", async () => {
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-docs/"), { clientX: 40, clientY: 50, button: 2 });
    expect(within(await screen.findByTestId("row-menu")).queryByTestId("row-menu-share")).toBeNull();
    await userEvent.setup().keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("row-menu")).toBeNull());

    fireEvent.contextMenu(screen.getByTestId("object-row-notes.txt"), { clientX: 40, clientY: 50, button: 2 });
    const item = within(await screen.findByTestId("row-menu")).getByTestId("row-menu-share");
    expect(item.textContent).toBe("Share link…");
    fireEvent.click(item);
    const dialog = await screen.findByTestId("share-dialog");
    expect(within(dialog).getByRole("heading", { name: "Share: notes.txt" })).toBeTruthy();
  });

  it("names it in Chinese", async () => {
    renderBrowser("", { locale: "zh-CN" });
    fireEvent.contextMenu(await screen.findByTestId("object-row-notes.txt"), { clientX: 40, clientY: 50, button: 2 });
    expect(within(await screen.findByTestId("row-menu")).getByTestId("row-menu-share").textContent).toBe("分享链接…");
  });
});
