import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import * as backend from "./backend";
import { BackendError } from "./errors";
import { renderWithProviders } from "./test/render";

vi.mock("./backend");

const profile: backend.Profile = {
  id: "p1",
  name: "ZOS Dev",
  endpoint: "http://127.0.0.1:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AK",
  hasSecret: true,
};

describe("App", () => {
  beforeEach(() => {
    vi.mocked(backend.listProfiles).mockResolvedValue([profile]);
    vi.mocked(backend.listBuckets).mockResolvedValue([
      { name: "alpha", creationDate: "2024-03-12T08:21:00Z" },
      { name: "beta", creationDate: null },
    ]);
    vi.mocked(backend.bucketUsage).mockResolvedValue({ objectCount: 1234, bytesUsed: 1.5 * 1024 ** 3 });
    vi.mocked(backend.listObjects).mockResolvedValue({ bucket: "alpha", prefix: "", folders: [], objects: [], nextToken: null });
  });

  it("greets with the title and asks for a profile when there is none", async () => {
    vi.mocked(backend.listProfiles).mockResolvedValue([]);
    renderWithProviders(<App />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("ZOS Browser");
    expect(await screen.findByText("Connect to ZOS")).toBeTruthy();
    expect(backend.listBuckets).not.toHaveBeenCalled();
  });

  it("lists the buckets of the profile and shows the usage of the selected one", async () => {
    renderWithProviders(<App />);
    fireEvent.click(await screen.findByTestId("bucket-item-alpha"));
    expect(screen.getByTestId("bucket-item-alpha").getAttribute("aria-current")).toBe("true");
    await waitFor(() => expect(screen.getByTestId("bucket-usage").textContent).toContain("1,234"));
    expect(screen.getByTestId("bucket-usage").textContent).toContain("1.5 GiB");
    expect(backend.bucketUsage).toHaveBeenCalledWith("p1", "alpha");
    expect(await screen.findByText("This folder is empty.")).toBeTruthy();
  });

  it("explains BucketNotEmpty after a confirmed bucket delete", async () => {
    vi.mocked(backend.deleteBucket).mockRejectedValue(
      new BackendError({ code: "BucketNotEmpty", status: 409, requestId: "tx7", detail: "The bucket you tried to delete is not empty" }),
    );
    renderWithProviders(<App />);
    fireEvent.click(await screen.findByTestId("bucket-item-beta"));
    fireEvent.click(screen.getByTestId("bucket-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Delete the bucket “beta”?");
    expect(backend.deleteBucket).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("confirm-ok"));
    const error = await screen.findByTestId("error-message");
    expect(error.textContent).toContain("The bucket is not empty. Delete all of its objects first");
    expect(screen.getByTestId("error-code").textContent).toBe("BucketNotEmpty");
    expect(backend.deleteBucket).toHaveBeenCalledWith("p1", "beta");
    // Retrying cannot empty the bucket: OK is disabled, Cancel is the way out.
    expect((screen.getByTestId("confirm-ok") as HTMLButtonElement).disabled).toBe(true);
  });
});
