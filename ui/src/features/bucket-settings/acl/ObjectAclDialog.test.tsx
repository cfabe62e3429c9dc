import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { ObjectAclDialog } from "./ObjectAclDialog";
import { ALL_USERS } from "./model";
import { OWNER, POLICY, server } from "./testing";

vi.mock("../../../backend");

describe("ObjectAclDialog", () => {
  beforeEach(() => server());

  it("reads and writes the ACL of one version of the object", async () => {
    const onClose = vi.fn();
    renderWithProviders(
      <ObjectAclDialog profileId="p1" bucket="b1" objectKey="docs/a.txt" versionId="v2" onClose={onClose} />,
    );
    const dialog = screen.getByTestId("object-acl-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("ACL of “a.txt”");
    expect(screen.getByTestId("object-acl-key").textContent).toBe("b1/docs/a.txt");
    expect(screen.getByTestId("object-acl-version").textContent).toBe("v2");
    const target = { bucket: "b1", key: "docs/a.txt", versionId: "v2" };
    await within(dialog).findByTestId("acl-owner");
    expect(api.getAcl).toHaveBeenCalledWith("p1", target);
    // An object's permissions are explained for objects.
    expect(screen.getByTestId("acl-editor").textContent).toContain("The object's access control list");

    fireEvent.click(screen.getByTestId("acl-grant-1-READ"));
    fireEvent.click(screen.getByTestId("acl-save"));
    await waitFor(() =>
      expect(api.putAcl).toHaveBeenCalledWith("p1", target, {
        kind: "policy",
        value: { Owner: OWNER, Grants: [POLICY.Grants[0]] },
      }),
    );
    expect(await screen.findByTestId("acl-saved")).toBeTruthy();

    fireEvent.click(screen.getByTestId("object-acl-close"));
    expect(onClose).toHaveBeenCalled();
  });

  it("edits the current version when no version is given, and names the object when asking", async () => {
    renderWithProviders(
      <ObjectAclDialog profileId="p1" bucket="b1" objectKey="a.txt" versionId={null} onClose={() => {}} />,
    );
    await screen.findByTestId("acl-owner");
    expect(api.getAcl).toHaveBeenCalledWith("p1", { bucket: "b1", key: "a.txt", versionId: null });
    expect(screen.queryByTestId("object-acl-version")).toBeNull();
    fireEvent.click(screen.getByTestId("acl-grant-1-WRITE"));
    fireEvent.click(screen.getByTestId("acl-save"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(confirm.textContent).toContain("object “a.txt”");
    expect(api.putAcl).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByTestId("confirm-ok"));
    await waitFor(() =>
      expect(api.putAcl).toHaveBeenCalledWith(
        "p1",
        { bucket: "b1", key: "a.txt", versionId: null },
        {
          kind: "policy",
          value: {
            Owner: OWNER,
            Grants: [
              POLICY.Grants[0],
              { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "WRITE" },
              { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" },
            ],
          },
        },
      ),
    );
  });
});
