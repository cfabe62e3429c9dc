import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type FieldProblem, type Profile, type ProfileCheck, type ProfileInput, type ProfileProblem } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { ProfileDialog } from "./ProfileDialog";

vi.mock("../../backend");

const existing: Profile = {
  id: "p1",
  name: "Dev",
  endpoint: "http://127.0.0.1:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AKIA1",
};

const OK: ProfileCheck = { problems: [], plainHttp: false };

/** What Rust's checkProfile answers: the rules live in Rust only, each test says the verdict. */
function rustSays(verdict: ProfileCheck | ((input: ProfileInput) => ProfileCheck)) {
  vi.mocked(api.checkProfile).mockImplementation(async (input) => (typeof verdict === "function" ? verdict(input) : verdict));
}

const problem = (field: FieldProblem["field"], reason: ProfileProblem, part: string | null = null): FieldProblem => ({
  field,
  reason,
  part,
  detail: "English detail the UI does not show",
});

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillValid() {
  type("profile-name", "ZOS Beijing");
  type("profile-endpoint", "https://zos.example.com:7480");
  type("profile-access-key", "AKIAEXAMPLE");
  type("profile-secret-key", "s3cr3t");
}

const VALID_INPUT: ProfileInput = {
  id: null,
  name: "ZOS Beijing",
  endpoint: "https://zos.example.com:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AKIAEXAMPLE",
  secretAccessKey: "s3cr3t",
  searchEndpoint: null,
};

describe("ProfileDialog", () => {
  beforeEach(() => {
    rustSays(OK);
    vi.mocked(api.testConnection).mockResolvedValue({
      bucketCount: 2,
      latencyMs: 4,
      serverTime: null,
      clockSkewSeconds: 0,
      clockSkewWarning: false,
      canListBuckets: true,
    });
    vi.mocked(api.saveProfile).mockImplementation(async (input) => ({
      ...existing,
      ...input,
      id: input.id ?? "new-id",
    }));
  });

  it("shows region 'default' and path-style on for a new profile", () => {
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    expect((screen.getByTestId("profile-region") as HTMLInputElement).value).toBe("default");
    expect((screen.getByTestId("profile-path-style") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("profile-secret-key") as HTMLInputElement).type).toBe("password");
  });

  it("shows Rust's problems under their fields and neither saves nor tests", async () => {
    rustSays({
      problems: [
        problem("name", "NameMissing"),
        problem("endpoint", "EndpointNotUrl"),
        problem("accessKeyId", "AccessKeyMissing"),
        problem("secretAccessKey", "SecretMissing"),
      ],
      plainHttp: false,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    await waitFor(() => expect(api.checkProfile).toHaveBeenCalledTimes(1)); // on opening
    fireEvent.click(screen.getByTestId("profile-save"));
    expect((await screen.findByTestId("profile-name-error")).textContent).toBe("Enter a name.");
    expect(screen.getByTestId("profile-endpoint-error").textContent).toContain("Enter the endpoint as a URL");
    expect(screen.getByTestId("profile-access-key-error").textContent).toBe("Enter the access key ID.");
    expect(screen.getByTestId("profile-secret-key-error").textContent).toBe("Enter the secret access key.");
    expect(api.checkProfile).toHaveBeenLastCalledWith({ ...VALID_INPUT, name: "", endpoint: "", accessKeyId: "", secretAccessKey: null });

    fireEvent.click(screen.getByTestId("profile-test"));
    await waitFor(() => expect(api.checkProfile).toHaveBeenCalledTimes(3)); // on opening, Save, Test
    await act(async () => {}); // let a refused Save or Test reach the backend if it were going to
    expect(api.saveProfile).not.toHaveBeenCalled();
    expect(api.testConnection).not.toHaveBeenCalled();
  });

  it.each<[ProfileProblem, string]>([
    ["EndpointNotUrl", "Enter the endpoint as a URL"],
    ["EndpointScheme", "must start with http:// or https://"],
    ["EndpointNoHost", "needs a host name"],
    ["EndpointHasPath", "Remove the path “/bucket”: the endpoint is the server only"],
  ])("says %s in words under the endpoint while typing", async (reason, sentence) => {
    rustSays((input) => ({
      problems: input.endpoint === "" ? [] : [problem("endpoint", reason, reason === "EndpointHasPath" ? "/bucket" : null)],
      plainHttp: false,
    }));
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    type("profile-endpoint", "whatever Rust refuses");
    const shown = (await screen.findByTestId("profile-endpoint-error")).textContent;
    expect(shown).toContain(sentence);
    expect(shown).not.toContain("English detail"); // the sentence is in the user's language only
  });

  it("says under the region why the SDK could not send it, with the region's words", async () => {
    rustSays((input) => ({
      problems: input.region.includes(" ")
        ? [problem("region", "RegionNotDnsName", input.region.trim())]
        : input.region.includes(".") && !input.pathStyle
          ? [problem("region", "RegionDotWithVirtualHost", input.region.trim())]
          : [],
      plainHttp: false,
    }));
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    type("profile-region", "My Region");
    expect((await screen.findByTestId("profile-region-error")).textContent).toBe(
      "“My Region” cannot be a region: use letters, digits and “-” (e.g. default, cn, us-east-1).",
    );
    type("profile-region", "eu.west");
    const pathStyle = screen.getByTestId("profile-path-style") as HTMLInputElement;
    if (pathStyle.checked) fireEvent.click(pathStyle);
    await waitFor(() => expect(screen.getByTestId("profile-region-error").textContent).toContain("works only with path-style addressing"));
    fireEvent.click(pathStyle);
    await waitFor(() => expect(screen.queryByTestId("profile-region-error")).toBeNull());
  });

  it("shows a field's problem only once it was edited (or after Save)", async () => {
    rustSays((input) => ({
      problems: [
        ...(input.name === "" ? [problem("name", "NameMissing")] : []),
        problem("endpoint", "EndpointHasPath"),
      ],
      plainHttp: false,
    }));
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    type("profile-endpoint", "https://zos.example.com/bucket");
    await screen.findByTestId("profile-endpoint-error");
    expect(screen.queryByTestId("profile-name-error")).toBeNull();
    fireEvent.click(screen.getByTestId("profile-save"));
    expect((await screen.findByTestId("profile-name-error")).textContent).toBe("Enter a name.");
  });

  it("asks Rust once typing pauses (debounced), not per keystroke", async () => {
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    await waitFor(() => expect(api.checkProfile).toHaveBeenCalledTimes(1)); // the empty form, on opening
    for (const v of ["h", "ht", "http", "http://zos", "http://zos:7480"]) type("profile-endpoint", v);
    await waitFor(() => expect(api.checkProfile).toHaveBeenCalledTimes(2));
    expect(api.checkProfile).toHaveBeenLastCalledWith(expect.objectContaining({ endpoint: "http://zos:7480" }));
    await act(async () => new Promise((r) => setTimeout(r, 400)));
    expect(api.checkProfile).toHaveBeenCalledTimes(2);
  });

  it("notes an unencrypted endpoint when Rust says plainHttp", async () => {
    rustSays((input) => ({ problems: [], plainHttp: input.endpoint.length > 0 }));
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    expect(screen.queryByTestId("profile-plain-http")).toBeNull();
    type("profile-endpoint", "http://zos.example.com");
    expect((await screen.findByTestId("profile-plain-http")).textContent).toContain("Not encrypted (http://)");
  });

  it("saves a valid new profile after Rust has checked that very input", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-path-style"));
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const sent = { ...VALID_INPUT, pathStyle: false };
    expect(api.checkProfile).toHaveBeenLastCalledWith(sent);
    expect(api.saveProfile).toHaveBeenCalledWith(sent);
  });

  it("sends the optional search endpoint and shows Rust's problem with it", async () => {
    rustSays((input) => ({
      problems: input.searchEndpoint === "http://es-zone/bucket" ? [problem("searchEndpoint", "EndpointHasPath", "/bucket")] : [],
      plainHttp: false,
    }));
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    type("profile-search-endpoint", "http://es-zone/bucket");
    fireEvent.click(screen.getByTestId("profile-save"));
    expect((await screen.findByTestId("profile-search-endpoint-error")).textContent).toContain("/bucket");
    expect(api.saveProfile).not.toHaveBeenCalled();
    type("profile-search-endpoint", " http://es-zone:8000 ");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.saveProfile).toHaveBeenCalledWith({ ...VALID_INPUT, searchEndpoint: "http://es-zone:8000" });
  });

  it("tests an untested profile on Save, then saves it", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.testConnection).toHaveBeenCalledWith(VALID_INPUT);
    const tested = vi.mocked(api.testConnection).mock.invocationCallOrder[0];
    expect(tested).toBeLessThan(vi.mocked(api.saveProfile).mock.invocationCallOrder[0]);
  });

  it("does not test twice: a profile just tested is saved as it is", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    await screen.findByTestId("profile-test-result");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.testConnection).toHaveBeenCalledTimes(1);
  });

  it("when the test on Save fails, says so and saves only on 'Save anyway'", async () => {
    vi.mocked(api.testConnection).mockRejectedValue(
      new BackendError({ code: "ConnectFailed", status: null, requestId: null, detail: "refused" }),
    );
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-save"));
    expect((await screen.findByTestId("profile-save-untested")).textContent).toContain("it failed");
    expect(screen.getByTestId("error-code").textContent).toBe("ConnectFailed");
    await act(async () => {});
    expect(api.saveProfile).not.toHaveBeenCalled();
    expect(screen.getByTestId("profile-save").textContent).toBe("Save anyway");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.testConnection).toHaveBeenCalledTimes(1);
    expect(api.saveProfile).toHaveBeenCalledTimes(1);
  });

  it("keeps the stored secret when editing with an empty secret field", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog profile={existing} onClose={() => {}} onSaved={onSaved} />);
    expect(screen.getByText("Leave empty to keep the stored secret key.")).toBeTruthy();
    type("profile-name", "Dev 2");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ id: "p1", name: "Dev 2", secretAccessKey: null }));
  });

  it("shows why the check itself failed, and does not save", async () => {
    vi.mocked(api.checkProfile).mockRejectedValue(new BackendError({ code: "Unknown", status: null, requestId: null, detail: "ipc down" }));
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-save"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("ipc down");
    await act(async () => {});
    expect(api.saveProfile).not.toHaveBeenCalled();
  });

  it("reports a successful connection test with the clock-skew warning Rust asks for", async () => {
    vi.mocked(api.testConnection).mockResolvedValue({
      bucketCount: 3,
      latencyMs: 12.4,
      serverTime: "2025-01-01T00:00:00Z",
      clockSkewSeconds: -420,
      clockSkewWarning: true,
      canListBuckets: true,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toContain("Connected: 3 buckets, latency 12 ms");
    expect(result.textContent).toContain("differs from this computer's by -420 s");
    expect(api.testConnection).toHaveBeenCalledWith(VALID_INPUT);
    expect(api.saveProfile).not.toHaveBeenCalled();
  });

  it("shows no skew warning when Rust does not ask for one, whatever the figure", async () => {
    vi.mocked(api.testConnection).mockResolvedValue({
      bucketCount: 1,
      latencyMs: 5,
      serverTime: null,
      clockSkewSeconds: 3600,
      clockSkewWarning: false,
      canListBuckets: true,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toBe("Connected: 1 bucket, latency 5 ms");
  });

  it("shows the error sentence when the test fails", async () => {
    vi.mocked(api.testConnection).mockRejectedValue(
      new BackendError({ code: "SignatureDoesNotMatch", status: 403, requestId: "tx9", detail: "sig" }),
    );
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />, "zh-CN");
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toContain("签名不匹配");
    expect(screen.getByTestId("error-code").textContent).toBe("SignatureDoesNotMatch");
  });

  it.each([
    ["en", "Connected, latency 7 ms", "The connection works, but this key may not list buckets. Buckets can be opened by name"],
    ["zh-CN", "连接成功，延迟 7 毫秒", "连接正常，但此密钥无权列出存储桶。可按名称打开存储桶"],
  ] as const)("says a key that may not list buckets connects, and that buckets open by name (%s)", async (locale, ok, note) => {
    vi.mocked(api.testConnection).mockResolvedValue({
      bucketCount: 0,
      latencyMs: 7,
      serverTime: null,
      clockSkewSeconds: 0,
      clockSkewWarning: false,
      canListBuckets: false,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />, locale);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toContain(ok);
    expect(result.textContent).not.toMatch(/0 buckets|0 个存储桶/);
    expect(screen.getByTestId("profile-test-no-list").textContent).toContain(note);
  });
});
