import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";
import { Menu } from "./Menu";
import { Modal } from "./Modal";
import { Tabs } from "./Tabs";
import { Tooltip, TooltipProvider } from "./Tooltip";

const focused = () => document.activeElement;

function ModalHarness() {
  const [open, setOpen] = useState(false);
  return (
    <I18nProvider locale="en">
      <button type="button">Before</button>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Modal
          title="Edit"
          testId="test-modal"
          onClose={() => setOpen(false)}
          footer={
            <button type="button" onClick={() => setOpen(false)}>
              Done
            </button>
          }
        >
          <input aria-label="First" />
          <input aria-label="Second" />
        </Modal>
      )}
    </I18nProvider>
  );
}

describe("Modal", () => {
  it("traps focus while open and gives it back to the opener on Escape", async () => {
    const user = userEvent.setup();
    render(<ModalHarness />);
    await user.tab();
    await user.tab();
    expect(focused()).toBe(screen.getByText("Open"));
    await user.keyboard("{Enter}");

    const dialog = await screen.findByTestId("test-modal");
    // The testid is on the dialog element itself, which is labelled by its title.
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(screen.getByRole("dialog", { name: "Edit" })).toBe(dialog);
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText("First")));

    await user.tab();
    expect(focused()).toBe(screen.getByLabelText("Second"));
    await user.tab();
    expect(focused()).toBe(screen.getByText("Done"));
    await user.tab(); // from the last control back to the first: never out of the dialog
    expect(focused()).toBe(screen.getByLabelText("First"));
    await user.tab({ shift: true });
    expect(focused()).toBe(screen.getByText("Done"));

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("test-modal")).toBeNull());
    await waitFor(() => expect(focused()).toBe(screen.getByText("Open")));
  });

  it("gives focus back to the opener when closed from inside, after a mouse click opened it", async () => {
    const user = userEvent.setup();
    render(<ModalHarness />);
    await user.click(screen.getByText("Open"));
    await screen.findByTestId("test-modal");
    await user.click(screen.getByText("Done"));
    await waitFor(() => expect(screen.queryByTestId("test-modal")).toBeNull());
    await waitFor(() => expect(focused()).toBe(screen.getByText("Open")));
  });
});

function ConfirmHarness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <I18nProvider locale="en">
      <button type="button" onClick={() => setOpen(true)}>
        Delete
      </button>
      {open && (
        <ConfirmDialog
          title="Delete it?"
          message={<p>This cannot be undone.</p>}
          okLabel="Delete"
          danger
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        />
      )}
    </I18nProvider>
  );
}

describe("ConfirmDialog", () => {
  it("starts on Cancel, so that Enter never confirms; Escape cancels and focus returns", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<ConfirmHarness onConfirm={onConfirm} />);
    await user.tab();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.getAttribute("role")).toBe("alertdialog");
    expect(screen.getByRole("alertdialog", { name: "Delete it?" })).toBe(dialog);
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("confirm-cancel")));

    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(focused()).toBe(screen.getByText("Delete")));

    await user.keyboard("{Enter}");
    await screen.findByTestId("confirm-dialog");
    await user.tab();
    expect(focused()).toBe(screen.getByTestId("confirm-ok"));
    await user.tab();
    expect(focused()).toBe(screen.getByTestId("confirm-cancel"));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    await waitFor(() => expect(focused()).toBe(screen.getByText("Delete")));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("confirms with OK", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<ConfirmHarness onConfirm={onConfirm} />);
    await user.click(screen.getByText("Delete"));
    await user.click(await screen.findByTestId("confirm-ok"));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

describe("Tabs", () => {
  function TabsHarness() {
    const [tab, setTab] = useState<"a" | "b">("a");
    return (
      <Tabs
        label="Settings"
        items={[
          { value: "a", label: "Alpha", testId: "tab-a" },
          { value: "b", label: "Beta", testId: "tab-b" },
        ]}
        value={tab}
        onChange={setTab}
      >
        <p>Content of {tab}</p>
      </Tabs>
    );
  }

  it("moves between tabs with the arrow keys and labels the panel", async () => {
    const user = userEvent.setup();
    render(<TabsHarness />);
    expect(screen.getByRole("tablist", { name: "Settings" })).toBeTruthy();
    expect(screen.getByTestId("tab-a").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Alpha" }).textContent).toBe("Content of a");
    await user.tab();
    expect(focused()).toBe(screen.getByTestId("tab-a"));
    await user.keyboard("{ArrowRight}");
    await waitFor(() => expect(screen.getByTestId("tab-b").getAttribute("aria-selected")).toBe("true"));
    expect(screen.getByRole("tabpanel", { name: "Beta" }).textContent).toBe("Content of b");
  });
});

describe("Menu", () => {
  it("opens from the keyboard, picks with Enter and gives focus back to its button", async () => {
    const user = userEvent.setup();
    const first = vi.fn();
    const second = vi.fn();
    render(
      <Menu
        label="More actions"
        trigger="⋯"
        testId="menu"
        items={[
          { label: "Rename", onSelect: first, testId: "menu-rename" },
          { label: "Remove", onSelect: second, danger: true, testId: "menu-remove" },
        ]}
      />,
    );
    await user.tab();
    expect(focused()).toBe(screen.getByRole("button", { name: "More actions" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("menu")).toBeTruthy();
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("menu-rename")));
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("menu-remove")));
    await user.keyboard("{Enter}");
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("menu")));
  });
});

describe("Tooltip", () => {
  it("shows its label on keyboard focus and hides it on Escape", async () => {
    const user = userEvent.setup();
    render(
      <TooltipProvider>
        <Tooltip label="Add profile">
          <button type="button" aria-label="Add profile">
            +
          </button>
        </Tooltip>
      </TooltipProvider>,
    );
    await user.tab();
    expect((await screen.findByRole("tooltip")).textContent).toBe("Add profile");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("tooltip")).toBeNull());
  });
});
