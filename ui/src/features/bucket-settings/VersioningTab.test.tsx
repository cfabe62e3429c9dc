import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type BucketVersioning, type VersioningStatus } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { VersioningTab } from "./VersioningTab";

vi.mock("../../backend");

/** A server that keeps what putBucketVersioning sets (null: never enabled). */
function server(initial: BucketVersioning | null) {
  let state = initial;
  vi.mocked(api.getBucketVersioning).mockImplementation(async () => state);
  vi.mocked(api.putBucketVersioning).mockImplementation(async (_p, _b, status: VersioningStatus) => {
    state = { status, mfaDelete: state?.mfaDelete ?? null };
    return null;
  });
}

const status = () => screen.findByTestId("versioning-status");

describe("VersioningTab", () => {
  beforeEach(() => server(null));

  it("says when versioning was never enabled, and offers to enable it", async () => {
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />);
    expect((await status()).textContent).toBe("Never enabled");
    expect(screen.getByTestId("versioning-status").dataset.state).toBe("off");
    expect(screen.getByTestId("versioning-enable")).toBeTruthy();
    expect(screen.queryByTestId("versioning-suspend")).toBeNull();
    expect(api.getBucketVersioning).toHaveBeenCalledWith("p1", "b1");
  });

  it("asks before enabling, explaining that it cannot be turned off again", async () => {
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("versioning-enable"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("can never be turned off for this bucket again: it can only be suspended");
    expect(dialog.textContent).toContain("old versions count against the bucket's storage");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));

    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    await act(async () => {});
    expect(api.putBucketVersioning).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("versioning-enable"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.getByTestId("versioning-status").textContent).toBe("Enabled"));
    expect(api.putBucketVersioning).toHaveBeenCalledWith("p1", "b1", "Enabled");
    // The state shown is the one read back from the server after the change.
    expect(api.getBucketVersioning).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId("versioning-suspend")).toBeTruthy();
    expect(screen.queryByTestId("versioning-enable")).toBeNull();
  });

  it("suspends enabled versioning, and enables it again", async () => {
    server({ status: "Enabled", mfaDelete: "Disabled" });
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />);
    expect((await status()).textContent).toBe("Enabled");
    expect(screen.getByTestId("versioning-mfa-delete").textContent).toBe("Disabled");
    fireEvent.click(screen.getByTestId("versioning-suspend"));
    await waitFor(() => expect(screen.getByTestId("versioning-status").textContent).toBe("Suspended"));
    expect(api.putBucketVersioning).toHaveBeenCalledWith("p1", "b1", "Suspended");
    fireEvent.click(screen.getByTestId("versioning-enable"));
    expect(screen.getByTestId("confirm-dialog")).toBeTruthy();
  });

  it("shows why the server refused a change", async () => {
    vi.mocked(api.putBucketVersioning).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-v1", detail: "Access Denied" }),
    );
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("versioning-enable"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(screen.getByTestId("error-request-id").textContent).toBe("tx-v1");
    expect(screen.getByTestId("versioning-status").textContent).toBe("Never enabled");
  });

  it("shows why the state could not be read", async () => {
    vi.mocked(api.getBucketVersioning).mockRejectedValue(
      new BackendError({ code: "NoSuchBucket", status: 404, requestId: "tx-v2", detail: "gone" }),
    );
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("error-message")).textContent).toContain("The bucket does not exist.");
    expect(screen.queryByTestId("versioning-enable")).toBeNull();
  });

  it("speaks Chinese", async () => {
    server({ status: "Suspended", mfaDelete: null });
    renderWithProviders(<VersioningTab profileId="p1" bucket="b1" />, "zh-CN");
    expect((await status()).textContent).toBe("已暂停");
    expect(screen.getByTestId("versioning-enable").textContent).toBe("启用版本控制");
  });
});
