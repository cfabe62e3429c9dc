import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { EditorView } from "@codemirror/view";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { AclTab } from "./AclTab";
import { ALL_USERS } from "./model";
import { OWNER, POLICY, server } from "./testing";

vi.mock("../../../backend");

const TARGET = { bucket: "b1", key: null, versionId: null };
const box = (row: number, permission: string) => screen.getByTestId(`acl-grant-${row}-${permission}`) as HTMLInputElement;

async function open() {
  renderWithProviders(<AclTab profileId="p1" bucket="b1" />);
  await screen.findByTestId("acl-owner");
}

describe("AclTab", () => {
  beforeEach(() => server());

  it("loads the bucket's ACL and shows the owner with full control", async () => {
    await open();
    expect(api.getAcl).toHaveBeenCalledWith("p1", TARGET);
    expect(screen.getByTestId("settings-acl")).toBeTruthy();
    expect(screen.getByTestId("acl-owner").textContent).toBe("Aliceowner-id");
    expect(screen.getByTestId("acl-grantee-0").textContent).toContain("Owner");
    expect(screen.getByTestId("acl-grantee-0").textContent).toContain("Alice");
    expect(box(0, "FULL_CONTROL").checked).toBe(true);
    expect(box(0, "READ").checked).toBe(false);
    expect(screen.getByTestId("acl-grantee-1").textContent).toContain("Everyone (AllUsers)");
    expect(box(1, "READ").checked).toBe(true);
    expect(box(1, "WRITE").checked).toBe(false);
    expect(screen.getByTestId("acl-grantee-2").textContent).toContain("Authenticated users");
    expect((screen.getByTestId("acl-mode-grants") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("acl-replaces").textContent).toContain("replaces the whole ACL");
    expect(screen.queryByTestId("config-problems")).toBeNull();
  });

  it("asks before saving canned public-read-write, then sends it and shows what the server holds", async () => {
    await open();
    fireEvent.click(screen.getByTestId("acl-mode-canned"));
    fireEvent.change(screen.getByTestId("acl-canned"), { target: { value: "public-read-write" } });
    fireEvent.click(screen.getByTestId("acl-save"));

    const dialog = await screen.findByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("acl-risks").textContent).toContain("anyone on the internet");
    expect(dialog.textContent).toContain("bucket “b1”");
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId("confirm-cancel")));
    expect(api.putAcl).not.toHaveBeenCalled();

    const after = { ...POLICY, Grants: [...POLICY.Grants, { Grantee: { Type: "Group" as const, URI: ALL_USERS }, Permission: "WRITE" as const }] };
    vi.mocked(api.getAcl).mockResolvedValue(after);
    fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await waitFor(() => expect(api.putAcl).toHaveBeenCalledWith("p1", TARGET, { kind: "canned", value: "public-read-write" }));
    expect((await screen.findByTestId("acl-saved")).textContent).toBe("Saved. Shown as read back from the server.");
    expect(api.getAcl).toHaveBeenCalledTimes(2);
    // Read back: the grants the server made of it.
    expect((screen.getByTestId("acl-mode-grants") as HTMLInputElement).checked).toBe(true);
    expect(box(1, "WRITE").checked).toBe(true);
  });

  it("asks before taking full control from the owner; Cancel sends nothing", async () => {
    await open();
    fireEvent.click(box(0, "FULL_CONTROL"));
    fireEvent.click(box(0, "READ"));
    fireEvent.click(screen.getByTestId("acl-save"));

    let dialog = await screen.findByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("acl-risks").textContent).toContain("The owner, Alice, would lose full control");
    fireEvent.click(within(dialog).getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.putAcl).not.toHaveBeenCalled();
    // The risk is also shown on the owner's row.
    expect((await screen.findByTestId("acl-problems-0")).textContent).toContain("owner would lose full control");

    fireEvent.click(screen.getByTestId("acl-save"));
    dialog = await screen.findByTestId("confirm-dialog");
    fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await waitFor(() =>
      expect(api.putAcl).toHaveBeenCalledWith("p1", TARGET, {
        kind: "policy",
        value: {
          Owner: OWNER,
          Grants: [
            { Grantee: { Type: "CanonicalUser", ID: "owner-id", DisplayName: "Alice" }, Permission: "READ" },
            { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" },
          ],
        },
      }),
    );
  });

  it("names each risk: public write on Everyone and the owner's loss together", async () => {
    await open();
    fireEvent.click(box(1, "WRITE"));
    fireEvent.click(box(1, "WRITE_ACP"));
    fireEvent.click(box(0, "FULL_CONTROL"));
    fireEvent.click(screen.getByTestId("acl-save"));
    const risks = within(await screen.findByTestId("confirm-dialog")).getAllByRole("listitem").map((li) => li.textContent);
    expect(risks).toEqual([
      "The owner, Alice, would lose full control (FULL_CONTROL) and might no longer be able to read or change it.",
      "Everyone (AllUsers), that is anyone on the internet without signing in, would get: Write (WRITE), Write ACL (WRITE_ACP).",
    ]);
  });

  it("refuses to save while Rust finds a malformed e-mail address, and shows it on the row", async () => {
    await open();
    fireEvent.change(screen.getByTestId("acl-add-type"), { target: { value: "AmazonCustomerByEmail" } });
    fireEvent.change(screen.getByTestId("acl-add-value"), { target: { value: "not-an-address" } });
    fireEvent.click(screen.getByTestId("acl-add"));

    expect(screen.getByTestId("acl-grantee-3").textContent).toContain("not-an-address");
    expect(box(3, "READ").checked).toBe(true);
    expect((await screen.findByTestId("acl-problems-3")).textContent).toBe("Not valid here: not-an-address");
    expect(api.checkConfig).toHaveBeenLastCalledWith({
      kind: "acl",
      value: {
        kind: "policy",
        value: {
          Owner: OWNER,
          Grants: [
            POLICY.Grants[0],
            POLICY.Grants[1],
            { Grantee: { Type: "AmazonCustomerByEmail", EmailAddress: "not-an-address" }, Permission: "READ" },
          ],
        },
      },
    });

    const checks = vi.mocked(api.checkConfig).mock.calls.length;
    fireEvent.click(screen.getByTestId("acl-save"));
    await waitFor(() => expect(api.checkConfig).toHaveBeenCalledTimes(checks + 1));
    expect(screen.getByTestId("config-problems").textContent).toContain("Grants[2].Grantee.EmailAddress: Not valid here");
    expect(screen.getByTestId("acl-fix-first").textContent).toBe("Fix 1 problem before saving.");
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(api.putAcl).not.toHaveBeenCalled();

    // Removed: nothing blocks any more, and the ACL is sent without it.
    fireEvent.click(screen.getByTestId("acl-remove-3"));
    expect(screen.queryByTestId("acl-grantee-3")).toBeNull();
    fireEvent.click(screen.getByTestId("acl-save"));
    await waitFor(() => expect(api.putAcl).toHaveBeenCalledWith("p1", TARGET, { kind: "policy", value: POLICY }));
  });

  it("adds a user by canonical ID, and does not list a grantee twice", async () => {
    await open();
    fireEvent.change(screen.getByTestId("acl-add-value"), { target: { value: "owner-id" } });
    fireEvent.click(screen.getByTestId("acl-add"));
    expect(screen.getByTestId("acl-add-exists").textContent).toBe("Already in the list (row 1).");
    expect(screen.queryByTestId("acl-grantee-3")).toBeNull();

    fireEvent.change(screen.getByTestId("acl-add-value"), { target: { value: " bob-id " } });
    fireEvent.click(screen.getByTestId("acl-add"));
    expect(screen.getByTestId("acl-grantee-3").textContent).toBe("Userbob-id");
    fireEvent.click(box(3, "READ_ACP"));
    fireEvent.click(screen.getByTestId("acl-save"));
    await waitFor(() =>
      expect(api.putAcl).toHaveBeenCalledWith("p1", TARGET, {
        kind: "policy",
        value: {
          Owner: OWNER,
          Grants: [
            ...POLICY.Grants,
            { Grantee: { Type: "CanonicalUser", ID: "bob-id" }, Permission: "READ" },
            { Grantee: { Type: "CanonicalUser", ID: "bob-id" }, Permission: "READ_ACP" },
          ],
        },
      }),
    );
  });

  it("edits the grants as JSON: the form follows valid text, invalid text keeps the user there", async () => {
    await open();
    fireEvent.click(screen.getByTestId("config-view-json"));
    const host = await screen.findByTestId("json-editor");
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "acl", value: { kind: "policy", value: POLICY } });
    const view = EditorView.findFromDOM(host.querySelector(".cm-editor") as HTMLElement)!;
    await waitFor(() => expect(view.state.doc.toString()).toBe(JSON.stringify(POLICY, null, 2)));
    const type = (text: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });

    type("{ nope");
    await waitFor(() => expect(screen.getByTestId("config-problems").textContent).toContain("Not valid JSON"));
    const parses = vi.mocked(api.parseConfig).mock.calls.length;
    fireEvent.click(screen.getByTestId("config-view-form"));
    await new Promise((r) => setTimeout(r, 50));
    expect(api.parseConfig).toHaveBeenCalledTimes(parses);
    expect(screen.getByTestId("json-editor")).toBeTruthy();
    expect(screen.queryByTestId("acl-matrix")).toBeNull();

    const edited = {
      Owner: OWNER,
      Grants: [POLICY.Grants[0], { Grantee: { Type: "AmazonCustomerByEmail", EmailAddress: "carol@example.com" }, Permission: "WRITE" }],
    };
    type(JSON.stringify(edited));
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(screen.getByTestId("config-view-form"));
    await screen.findByTestId("acl-matrix");
    expect(box(1, "READ").checked).toBe(false);
    expect(screen.getByTestId("acl-grantee-3").textContent).toContain("carol@example.com");
    expect(box(3, "WRITE").checked).toBe(true);
    fireEvent.click(screen.getByTestId("acl-save"));
    await waitFor(() => expect(api.putAcl).toHaveBeenCalledWith("p1", TARGET, { kind: "policy", value: edited }));
  });

  it("shows a load error", async () => {
    vi.mocked(api.getAcl).mockRejectedValue(
      new BackendError({ code: "AccessDenied", serverCode: null, status: 403, requestId: null, detail: "denied" }),
    );
    renderWithProviders(<AclTab profileId="p1" bucket="b1" />);
    expect(await screen.findByTestId("error-message")).toBeTruthy();
    expect(screen.queryByTestId("acl-save")).toBeNull();
  });

  it("says when the server does not support ACLs", async () => {
    vi.mocked(api.getAcl).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", serverCode: null, status: 501, requestId: null, detail: "no acl" }),
    );
    renderWithProviders(<AclTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("no acl");
    expect(screen.queryByTestId("acl-save")).toBeNull();
  });
});
