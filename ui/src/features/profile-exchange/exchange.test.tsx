import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type AwsProfile, type ImportCandidate, type Profile } from "../../backend";
import { BackendError } from "../../errors";
import { renderApp, renderWithProviders } from "../../test/render";
import { ProfilePicker } from "../profiles/ProfilePicker";

vi.mock("../../backend");

const profile = (id: string, name: string): Profile => ({
  id,
  name,
  endpoint: `https://${id}.example.com`,
  region: "default",
  pathStyle: true,
  accessKeyId: `AK-${id}`,
});
const PROFILES = [profile("p1", "Team ZOS"), profile("p2", "Lab")];

const FILE: ImportCandidate[] = [
  {
    profile: { name: "Team ZOS", endpoint: "https://zos-team.example.com", region: "default", pathStyle: true, accessKeyId: "AKTEAM" },
    problems: [],
    ca: null,
  },
  {
    profile: { name: "Broken", endpoint: "zos-old.example.com/s3", region: "default", pathStyle: true, accessKeyId: "AKOLD" },
    problems: [{ field: "endpoint", reason: "EndpointNotUrl", part: null, detail: "relative URL" }],
    ca: null,
  },
  {
    profile: { name: "Other", endpoint: "https://other.example.com", region: "cn", pathStyle: false, accessKeyId: "AKOTHER" },
    problems: [],
    ca: null,
  },
];

const AWS: AwsProfile[] = [
  { name: "default", accessKeyId: "AKAWS1", hasSecret: true, region: "us-east-1", endpoint: null, pathStyle: null },
  { name: "zos", accessKeyId: "AKAWS2", hasSecret: false, region: null, endpoint: "https://zos-aws.example.com", pathStyle: true },
];

function Picker() {
  return <ProfilePicker profiles={PROFILES} selected={PROFILES[0]} onSelect={() => {}} />;
}

/** Opens the sidebar's import/export menu and picks an item (its keyboard use: components/Menu's test). */
async function pick(user: ReturnType<typeof userEvent.setup>, testId: string) {
  await user.click(screen.getByTestId("profile-exchange-menu"));
  await user.click(await screen.findByTestId(testId));
}

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(api.listProfiles).mockResolvedValue(PROFILES);
  vi.mocked(api.importProfile).mockImplementation(async (p) => ({ ...profile("new", p.name), endpoint: p.endpoint }));
  vi.mocked(api.importAwsProfiles).mockImplementation(async (choices) => choices.map((c) => profile(`aws-${c.awsProfile}`, c.name)));
});

// A dialog left open when a test ends leaves Radix's layers behind for the next test's menu:
// close it as a user would.
afterEach(async () => {
  for (const id of ["export-close", "import-close", "aws-close"]) {
    const close = screen.queryByTestId(id);
    if (close) fireEvent.click(close);
  }
  await act(async () => {});
});

describe("Export profiles…", () => {
  it("says no secret is written, saves the chosen profiles, and says how many", async () => {
    vi.mocked(api.exportProfiles).mockResolvedValue(true);
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    // From the keyboard: the menu button, Enter, then Enter on its first item.
    screen.getByTestId("profile-exchange-menu").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("profile-export")));
    await user.keyboard("{Enter}");
    const dialog = await screen.findByTestId("export-profiles-dialog");
    expect(within(dialog).getByTestId("export-no-secrets").textContent).toContain("No secret key is written to it");
    fireEvent.click(within(dialog).getByTestId("export-pick-p2"));
    fireEvent.click(within(dialog).getByTestId("export-save"));
    expect((await within(dialog).findByTestId("export-done")).textContent).toBe("Saved 1 profile to the file, without its secret key.");
    expect(api.exportProfiles).toHaveBeenCalledWith(["p1"]);
  });

  it("stays open, saying nothing, when the save dialog was cancelled (zh-CN)", async () => {
    vi.mocked(api.exportProfiles).mockResolvedValue(false);
    renderWithProviders(<Picker />, "zh-CN");
    const user = userEvent.setup();
    await pick(user, "profile-export");
    const dialog = await screen.findByTestId("export-profiles-dialog");
    expect(within(dialog).getByTestId("export-no-secrets").textContent).toContain("文件中不会写入任何私有密钥");
    fireEvent.click(within(dialog).getByTestId("export-save"));
    await waitFor(() => expect(api.exportProfiles).toHaveBeenCalledWith(["p1", "p2"]));
    await act(async () => {});
    expect(within(dialog).queryByTestId("export-done")).toBeNull();
    expect((within(dialog).getByTestId("export-save") as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("Import profiles…", () => {
  it("imports each chosen profile with its own secret or none, says a taken name and what cannot be imported", async () => {
    vi.mocked(api.readProfilesFile).mockResolvedValue(FILE);
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<Picker />);
    await pick(user, "profile-import");
    const dialog = await screen.findByTestId("import-profiles-dialog");
    expect(within(dialog).getByTestId("import-clash-0").textContent).toBe(
      "A profile named “Team ZOS” exists already: the import adds a second one. Change the name to tell them apart.",
    );
    expect(within(dialog).getByTestId("import-problems-1").textContent).toContain("This profile cannot be imported as it is:");
    expect((within(dialog).getByTestId("import-pick-1") as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByTestId("import-secret-0") as HTMLInputElement).type).toBe("password");

    fireEvent.change(within(dialog).getByTestId("import-name-0"), { target: { value: "Team ZOS (mine)" } });
    expect(within(dialog).queryByTestId("import-clash-0")).toBeNull();
    fireEvent.change(within(dialog).getByTestId("import-secret-0"), { target: { value: "my-secret" } });
    const refetch = vi.spyOn(queryClient, "invalidateQueries");
    fireEvent.click(within(dialog).getByTestId("import-submit"));
    expect((await within(dialog).findByTestId("import-done")).textContent).toBe("Imported 2 profiles.");
    expect(api.importProfile).toHaveBeenCalledTimes(2);
    expect(api.importProfile).toHaveBeenCalledWith({ ...FILE[0].profile, name: "Team ZOS (mine)" }, "my-secret");
    expect(api.importProfile).toHaveBeenCalledWith(FILE[2].profile, null);
    expect(refetch).toHaveBeenCalledWith({ queryKey: ["profiles"] });
    expect(within(dialog).getByTestId("import-imported-0")).toBeTruthy();
    expect(within(dialog).queryByTestId("import-submit")).toBeNull();
  });

  it("says which CA and proxy a profile brings, and sends them back as read", async () => {
    const company: ImportCandidate = {
      profile: {
        ...FILE[0].profile,
        name: "Company",
        caPem: "-----BEGIN CERTIFICATE-----…",
        proxy: { mode: "custom", url: "http://proxy.corp:3128", username: "alice", noProxy: "localhost" },
      },
      problems: [],
      ca: { subject: "CN=Corp Root CA", issuer: "CN=Corp Root CA", notBefore: "2026-01-01T00:00:00Z", notAfter: "2031-01-01T00:00:00Z", expired: false, certificates: 1 },
    };
    vi.mocked(api.readProfilesFile).mockResolvedValue([company, FILE[2]]);
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    await pick(user, "profile-import");
    const dialog = await screen.findByTestId("import-profiles-dialog");
    expect(within(dialog).getByTestId("import-network-0").textContent).toBe(
      "Trusts its own CA: CN=Corp Root CA (valid until 2031-01-01) · Through the proxy http://proxy.corp:3128",
    );
    expect(within(dialog).queryByTestId("import-network-1")).toBeNull();
    fireEvent.click(within(dialog).getByTestId("import-submit"));
    await within(dialog).findByTestId("import-done");
    expect(api.importProfile).toHaveBeenCalledWith(company.profile, null);
  });

  it("says a refusal beside its profile, and a second Import does not import the others twice", async () => {
    vi.mocked(api.readProfilesFile).mockResolvedValue([FILE[0], FILE[2]]);
    vi.mocked(api.importProfile).mockRejectedValueOnce(new BackendError({ code: "KeyringError", status: null, requestId: null, detail: "locked" }));
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    await pick(user, "profile-import");
    const dialog = await screen.findByTestId("import-profiles-dialog");
    fireEvent.click(within(dialog).getByTestId("import-submit"));
    expect((await within(dialog).findByTestId("import-done")).textContent).toBe("Imported 1 profile.");
    expect(within(within(dialog).getByTestId("import-candidate-0")).getByTestId("error-code").textContent).toBe("KeyringError");
    fireEvent.click(within(dialog).getByTestId("import-submit"));
    await waitFor(() => expect(within(dialog).getByTestId("import-done").textContent).toBe("Imported 2 profiles."));
    expect(vi.mocked(api.importProfile).mock.calls.map((c) => c[0].name)).toEqual(["Team ZOS", "Other", "Team ZOS"]);
  });

  it("opens nothing when the file dialog was cancelled, and says when the file is no profiles file (zh-CN)", async () => {
    vi.mocked(api.readProfilesFile).mockResolvedValueOnce([]);
    const user = userEvent.setup();
    renderWithProviders(<Picker />, "zh-CN");
    await pick(user, "profile-import");
    await waitFor(() => expect(api.readProfilesFile).toHaveBeenCalledTimes(1));
    await act(async () => {});
    expect(screen.queryByTestId("import-profiles-dialog")).toBeNull();

    vi.mocked(api.readProfilesFile).mockRejectedValueOnce(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "not a ZOS Browser profiles file" }),
    );
    await pick(user, "profile-import");
    const dialog = await screen.findByTestId("import-profiles-dialog");
    expect(within(dialog).getByTestId("error-context").textContent).toBe("无法将此文件作为配置文件读取。");
    expect(within(dialog).getByTestId("error-code").textContent).toBe("InvalidInput");
  });
});

describe("Import from ~/.aws…", () => {
  it("shows name, endpoint and region, asks for a missing endpoint, and imports the checked ones", async () => {
    vi.mocked(api.listAwsProfiles).mockResolvedValue(AWS);
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    await pick(user, "profile-import-aws");
    const dialog = await screen.findByTestId("aws-import-dialog");
    const first = await within(dialog).findByTestId("aws-profile-default");
    expect(first.textContent).toContain("default");
    expect(first.textContent).toContain("us-east-1");
    expect(first.textContent).toContain("Access key AKAWS1");
    expect(within(dialog).getByTestId("aws-profile-zos").textContent).toContain("https://zos-aws.example.com");
    expect(within(dialog).getByTestId("aws-no-secret-zos")).toBeTruthy();

    await user.click(within(dialog).getByTestId("aws-pick-default"));
    await user.click(within(dialog).getByTestId("aws-pick-zos"));
    expect(within(dialog).getByText("~/.aws names no endpoint for this profile: enter the ZOS endpoint URL.")).toBeTruthy();
    await user.type(within(dialog).getByTestId("aws-endpoint-default"), "https://zos.example.com");
    await user.clear(within(dialog).getByTestId("aws-name-zos"));
    await user.type(within(dialog).getByTestId("aws-name-zos"), "Lab");
    expect(within(dialog).getByTestId("aws-clash-zos").textContent).toContain("“Lab” exists already");
    await user.click(within(dialog).getByTestId("aws-import-submit"));
    expect((await within(dialog).findByTestId("aws-done")).textContent).toBe("Imported 2 profiles.");
    expect(api.importAwsProfiles).toHaveBeenCalledWith([
      { awsProfile: "default", name: "default", endpoint: "https://zos.example.com", region: "us-east-1", pathStyle: true },
    ]);
    expect(api.importAwsProfiles).toHaveBeenCalledWith([
      { awsProfile: "zos", name: "Lab", endpoint: "https://zos-aws.example.com", region: "default", pathStyle: true },
    ]);
  });

  it("says so when ~/.aws holds no profile (zh-CN)", async () => {
    vi.mocked(api.listAwsProfiles).mockResolvedValue([]);
    const user = userEvent.setup();
    renderWithProviders(<Picker />, "zh-CN");
    await pick(user, "profile-import-aws");
    expect((await screen.findByTestId("aws-empty")).textContent).toBe("在 ~/.aws/credentials 或 ~/.aws/config 中没有找到带访问密钥的配置。");
    expect(screen.queryByTestId("aws-import-submit")).toBeNull();
  });
});

describe("the start page", () => {
  it("offers both imports when there is no profile yet, and lists what was imported", async () => {
    let list: Profile[] = [];
    vi.mocked(api.listProfiles).mockImplementation(async () => list);
    vi.mocked(api.listAwsProfiles).mockResolvedValue([AWS[1]]);
    vi.mocked(api.importAwsProfiles).mockImplementation(async () => {
      list = [profile("aws-zos", "zos")];
      return list;
    });
    renderApp("/");
    expect(await screen.findByTestId("welcome-import")).toBeTruthy();
    fireEvent.click(screen.getByTestId("welcome-import-aws"));
    fireEvent.click(await screen.findByTestId("aws-pick-zos"));
    fireEvent.click(screen.getByTestId("aws-import-submit"));
    expect((await screen.findByTestId("aws-done")).textContent).toBe("Imported 1 profile.");
    fireEvent.click(screen.getByTestId("aws-close"));
    expect((await screen.findByTestId("welcome-profiles")).textContent).toContain("zos");
  });
});
