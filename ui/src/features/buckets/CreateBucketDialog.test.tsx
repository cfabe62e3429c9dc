import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { CreateBucketDialog } from "./CreateBucketDialog";

vi.mock("../../backend");

/**
 * What Rust's validateBucketName answers, per name: the rule lives in Rust only, so each test
 * says which names Rust refuses (and why) instead of re-implementing the rule here.
 */
function rustRefuses(refused: Record<string, string>) {
  vi.mocked(api.validateBucketName).mockImplementation(async (name) => {
    const detail = refused[name];
    if (detail === undefined) return null;
    throw new BackendError({ code: "InvalidBucketName", status: null, requestId: null, detail });
  });
}

describe("CreateBucketDialog", () => {
  beforeEach(() => {
    rustRefuses({});
    vi.mocked(api.createBucket).mockResolvedValue(null);
  });

  const create = () => screen.getByTestId("bucket-create") as HTMLButtonElement;

  it("explains an invalid name under the field and keeps Create disabled", async () => {
    rustRefuses({ Bad_Name: "bucket names may contain only lowercase letters, digits, dots and hyphens" });
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    expect(create().disabled).toBe(true);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "Bad_Name" } });
    const message = await screen.findByTestId("bucket-name-error", {}, { timeout: 2000 });
    expect(message.textContent).toContain("This bucket name is not allowed.");
    expect(message.textContent).toContain("only lowercase letters");
    expect(api.validateBucketName).toHaveBeenLastCalledWith("Bad_Name");
    expect(create().disabled).toBe(true);
    fireEvent.click(create());
    // Enter in the field submits the form: refused too.
    fireEvent.submit(screen.getByTestId("bucket-name").closest("form")!);
    await act(async () => {}); // a mutation would have started by now
    expect(api.createBucket).not.toHaveBeenCalled();
  });

  it("validates once typing pauses (debounced), not per keystroke", async () => {
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    for (const v of ["m", "my", "my-", "my-b", "my-bu", "my-bucket"]) {
      fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: v } });
    }
    await waitFor(() => expect(create().disabled).toBe(false), { timeout: 2000 });
    expect(api.validateBucketName).toHaveBeenCalledTimes(1);
    expect(api.validateBucketName).toHaveBeenCalledWith("my-bucket");
  });

  it("creates the bucket with the chosen options", async () => {
    const onCreated = vi.fn();
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={onCreated} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "team-data" } });
    fireEvent.change(screen.getByTestId("bucket-acl"), { target: { value: "public-read" } });
    fireEvent.change(screen.getByTestId("bucket-az-policy"), { target: { value: "multi-az" } });
    fireEvent.change(screen.getByTestId("bucket-storage-class"), { target: { value: "STANDARD_IA" } });
    fireEvent.click(screen.getByTestId("bucket-object-lock"));
    expect(screen.getByText("Checking…")).toBeTruthy();
    await waitFor(() => expect(create().disabled).toBe(false), { timeout: 2000 });
    expect(screen.getByText("This name can be used.")).toBeTruthy();
    fireEvent.click(create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith("team-data"));
    expect(api.createBucket).toHaveBeenCalledWith("p1", {
      name: "team-data",
      acl: "public-read",
      objectLock: true,
      azPolicy: "multi-az",
      storageClass: "STANDARD_IA",
    });
  });

  it("sends private ACL and no AZ policy or storage class by default", async () => {
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "logs" } });
    await waitFor(() => expect(create().disabled).toBe(false), { timeout: 2000 });
    fireEvent.click(create());
    await waitFor(() =>
      expect(api.createBucket).toHaveBeenCalledWith("p1", {
        name: "logs",
        acl: "private",
        objectLock: false,
        azPolicy: null,
        storageClass: null,
      }),
    );
  });

  it("shows why the server refused, e.g. BucketAlreadyExists", async () => {
    vi.mocked(api.createBucket).mockRejectedValue(
      new BackendError({ code: "BucketAlreadyExists", status: 409, requestId: "tx42", detail: "taken" }),
    );
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "taken" } });
    await waitFor(() => expect(create().disabled).toBe(false), { timeout: 2000 });
    fireEvent.click(create());
    const err = await screen.findByTestId("error-message");
    expect(err.textContent).toContain("A bucket with this name already exists.");
    expect(screen.getByTestId("error-request-id").textContent).toBe("tx42");
  });
});
