import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type BucketNameCheck } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { CreateBucketDialog } from "./CreateBucketDialog";

vi.mock("../../backend");

/**
 * What Rust's checkBucketName answers, per name: the rule lives in Rust only, so each test says
 * what Rust answers for its names instead of re-implementing the rule here.
 */
function rustSays(answers: Record<string, BucketNameCheck>) {
  vi.mocked(api.checkBucketName).mockImplementation(
    async (name) => answers[name] ?? { verdict: "Valid", problem: null, part: null },
  );
}

describe("CreateBucketDialog", () => {
  beforeEach(() => {
    rustSays({});
    vi.mocked(api.createBucket).mockResolvedValue(null);
  });

  const create = () => screen.getByTestId("bucket-create") as HTMLButtonElement;

  it("explains an invalid name under the field and keeps Create disabled", async () => {
    rustSays({ "a..b": { verdict: "Invalid", problem: "DoubleDot", part: null } });
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    expect(create().disabled).toBe(true);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "a..b" } });
    const message = await screen.findByTestId("bucket-name-error", {}, { timeout: 2000 });
    expect(message.textContent).toBe("A bucket name cannot have two dots in a row.");
    expect(screen.queryByText("This name can be used.")).toBeNull();
    expect(api.checkBucketName).toHaveBeenLastCalledWith("a..b");
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
    expect(api.checkBucketName).toHaveBeenCalledTimes(1);
    expect(api.checkBucketName).toHaveBeenCalledWith("my-bucket");
  });

  it("names the character at fault", async () => {
    rustSays({ "a/b": { verdict: "Invalid", problem: "BadCharacter", part: "/" } });
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "a/b" } });
    const message = await screen.findByTestId("bucket-name-error", {}, { timeout: 2000 });
    expect(message.textContent).toContain("“/” cannot be in a bucket name");
  });

  it("offers a relaxed-only name with a warning, not as valid, and lets the server decide", async () => {
    rustSays({ ux_lower: { verdict: "RelaxedOnly", problem: "Underscore", part: null } });
    vi.mocked(api.createBucket).mockRejectedValue(
      new BackendError({ code: "InvalidBucketName", status: 400, requestId: "tx7", detail: "" }),
    );
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "ux_lower" } });
    const warning = await screen.findByTestId("bucket-name-warning", {}, { timeout: 2000 });
    expect(warning.textContent).toContain("“_” is not in the S3 naming rules.");
    expect(warning.textContent).toContain("this one may refuse it");
    expect(screen.queryByText("This name can be used.")).toBeNull();
    expect(create().disabled).toBe(false);
    fireEvent.click(create());
    // The server's refusal replaces the warning: no optimistic line stays above the red error.
    const refused = await screen.findByTestId("bucket-name-error");
    expect(refused.textContent).toBe("The server refused this name. Choose another one.");
    expect(screen.queryByTestId("bucket-name-warning")).toBeNull();
    expect(create().disabled).toBe(true);
    expect(screen.getByTestId("error-request-id").textContent).toBe("tx7");
  });

  it("says so when the bucket is already yours", async () => {
    vi.mocked(api.createBucket).mockRejectedValue(
      new BackendError({ code: "BucketAlreadyOwnedByYou", status: null, requestId: null, detail: "mine" }),
    );
    const onCreated = vi.fn();
    renderWithProviders(<CreateBucketDialog profileId="p1" onClose={() => {}} onCreated={onCreated} />);
    fireEvent.change(screen.getByTestId("bucket-name"), { target: { value: "mine" } });
    await waitFor(() => expect(create().disabled).toBe(false), { timeout: 2000 });
    fireEvent.click(create());
    expect((await screen.findByTestId("error-message")).textContent).toMatch(/already|yours|own/i);
    expect(onCreated).not.toHaveBeenCalled();
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
