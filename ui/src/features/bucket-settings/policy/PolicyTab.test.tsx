import { forEachDiagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type BucketPolicy, type PolicyDocument, type PolicyParse, type Problem, type Statement } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { PolicyTab } from "./PolicyTab";

vi.mock("../../../backend");

/** Rust's explanation of the guide's `"Principal": {"*"}` (crates/core/src/buckets/config/policy.rs). */
const STAR_DETAIL =
  '{"*"} is not JSON (an object needs "key": value). For anyone write "Principal": "*"; for users write "Principal": {"AWS": ["arn:aws:iam:::user/ID"]}';

const statement = (patch: Partial<Statement> = {}): Statement => ({
  sid: null,
  effect: "Allow",
  principal: { kind: "anyone" },
  notPrincipal: false,
  actions: ["s3:GetObject"],
  notAction: false,
  resources: ["arn:aws:s3:::photos/*"],
  notResource: false,
  conditions: [],
  ...patch,
});

const doc = (...statements: Statement[]): PolicyDocument => ({ version: "2012-10-17", id: null, statements });

/** A stand-in for Rust's print: the boto3-shaped JSON (the real one is Rust's). */
function print(d: PolicyDocument): string {
  return JSON.stringify(
    {
      Version: d.version,
      Statement: d.statements.map((s) => ({
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect,
        Principal: s.principal.kind === "anyone" ? "*" : { AWS: s.principal.users },
        Action: s.actions,
        Resource: s.resources,
        ...(s.conditions.length ? { Condition: Object.fromEntries(s.conditions.map((c) => [c.operator, { [c.key]: c.values }])) } : {}),
      })),
    },
    null,
    2,
  );
}

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({ field, code, limit: null, line: null, column: null, detail });

/** A stand-in for Rust's parse that knows one rule: an action is `s3:…`. */
function parse(text: string): PolicyParse {
  let value: { Version: string; Statement: Record<string, unknown>[] };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    const detail = text.replace(/\s/g, "").includes('{"*"}') ? STAR_DETAIL : "expected value";
    return { document: null, problems: [{ ...problem("", "JsonSyntax", detail), line: 1, column: 60 }] };
  }
  const problems: Problem[] = [];
  const statements = value.Statement.map((s, i): Statement => {
    const actions = s.Action as string[];
    actions.forEach((a, j) => {
      if (!a.startsWith("s3:")) problems.push(problem(`Statement[${i}].Action[${j}]`, "Malformed", a));
    });
    const principal = s.Principal === "*" ? { kind: "anyone" as const } : { kind: "users" as const, users: (s.Principal as { AWS: string[] }).AWS };
    return statement({
      sid: (s.Sid as string | undefined) ?? null,
      effect: s.Effect as Statement["effect"],
      principal,
      actions,
      resources: s.Resource as string[],
      conditions: Object.entries((s.Condition ?? {}) as Record<string, Record<string, string[]>>).flatMap(([operator, keys]) =>
        Object.entries(keys).map(([key, values]) => ({ operator, key, values })),
      ),
    });
  });
  return { document: { version: value.Version, id: null, statements }, problems };
}

const TEMPLATE = doc(
  statement({
    sid: "ReadOnlyForUser",
    principal: { kind: "users", users: ["arn:aws:iam:::user/USER-ID"] },
    actions: ["s3:ListBucket", "s3:GetObject"],
    resources: ["arn:aws:s3:::photos", "arn:aws:s3:::photos/*"],
  }),
);

/** A server that keeps the text it is sent. */
function server(initial: string | null) {
  let text = initial;
  vi.mocked(api.getBucketPolicy).mockImplementation(async (): Promise<BucketPolicy | null> => (text === null ? null : { text, parsed: parse(text) }));
  vi.mocked(api.putBucketPolicy).mockImplementation(async (_p, _b, sent) => {
    text = sent;
    return null;
  });
  vi.mocked(api.deleteBucketPolicy).mockImplementation(async () => {
    text = null;
    return null;
  });
  vi.mocked(api.parseBucketPolicy).mockImplementation(async (t) => parse(t));
  vi.mocked(api.printBucketPolicy).mockImplementation(async (d) => print(d));
  vi.mocked(api.bucketPolicyActions).mockResolvedValue(["s3:*", "s3:GetObject", "s3:PutObject", "s3:ListBucket"]);
  vi.mocked(api.bucketPolicyTemplate).mockImplementation(async () => TEMPLATE);
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe("PolicyTab", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    server(null);
  });

  it("shows the server's statements as cards, and warns that anyone may read", async () => {
    server(
      print(
        doc(
          statement({ sid: "PublicRead" }),
          statement({
            sid: "OnlyTls",
            effect: "Deny",
            actions: ["s3:*"],
            conditions: [{ operator: "Bool", key: "aws:SecureTransport", values: ["false"] }],
          }),
        ),
      ),
    );
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("policy-statement-0-sid") as HTMLInputElement).value).toBe("PublicRead");
    expect(input("policy-statement-0-effect").value).toBe("Allow");
    expect(input("policy-statement-0-anyone").checked).toBe(true);
    expect(input("policy-statement-1-sid").value).toBe("OnlyTls");
    expect(input("policy-statement-1-effect").value).toBe("Deny");
    const second = screen.getByTestId("policy-statement-1");
    expect((within(second).getByTestId("policy-statement-1-action-0") as HTMLInputElement).value).toBe("s3:*");
    expect(input("policy-statement-1-condition-0-operator").value).toBe("Bool");
    expect(input("policy-statement-1-condition-0-key").value).toBe("aws:SecureTransport");
    expect(input("policy-statement-1-condition-0-value-0").value).toBe("false");
    // Objects of this bucket are edited by their key pattern only.
    expect(input("policy-statement-0-resource-0").value).toBe("*");
    expect(input("policy-statement-0-resource-bucket").checked).toBe(false);
    expect(screen.getByTestId("policy-public").textContent).toBe(
      "Anyone on the internet can use s3:GetObject on arn:aws:s3:::photos/* without signing in (statement 1).",
    );
    expect(screen.queryByTestId("policy-empty")).toBeNull();
  });

  it("applies a template to an empty bucket, explains its placeholder, and saves the printed text", async () => {
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("policy-empty")).textContent).toContain("no policy");
    fireEvent.change(screen.getByTestId("policy-template"), { target: { value: "readOnlyForUser" } });
    fireEvent.click(button("policy-template-apply"));

    // Nothing to lose: no question asked.
    expect((await screen.findByTestId("policy-statement-0-user-0") as HTMLInputElement).value).toBe("arn:aws:iam:::user/USER-ID");
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(api.bucketPolicyTemplate).toHaveBeenCalledWith("readOnlyForUser", "photos");
    expect(screen.getByTestId("policy-placeholders").textContent).toContain("USER-ID");
    expect(input("policy-statement-0-user-0").className).toContain("policy-placeholder");
    expect(input("policy-statement-0-resource-bucket").checked).toBe(true);

    fireEvent.change(input("policy-statement-0-user-0"), { target: { value: "arn:aws:iam:::user/alice" } });
    expect(screen.queryByTestId("policy-placeholders")).toBeNull();
    fireEvent.click(button("policy-save"));

    await screen.findByTestId("policy-saved");
    const sent = print(doc({ ...TEMPLATE.statements[0], principal: { kind: "users", users: ["arn:aws:iam:::user/alice"] } }));
    expect(api.putBucketPolicy).toHaveBeenCalledWith("p1", "photos", sent);
    // Read back: the server now has a policy, which can be deleted.
    expect(screen.queryByTestId("policy-empty")).toBeNull();
    expect(screen.getByTestId("policy-delete")).toBeTruthy();
    expect(input("policy-statement-0-user-0").value).toBe("arn:aws:iam:::user/alice");
  });

  it("asks before a template replaces statements in the form", async () => {
    server(print(doc(statement({ sid: "Mine" }))));
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("policy-statement-0-sid");
    fireEvent.change(screen.getByTestId("policy-template"), { target: { value: "readOnlyForUser" } });
    fireEvent.click(button("policy-template-apply"));

    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Read-only for one user");
    expect(input("policy-statement-0-sid").value).toBe("Mine");
    fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await waitFor(() => expect(input("policy-statement-0-sid").value).toBe("ReadOnlyForUser"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("shows Rust's problem next to its field and sends nothing while it stands", async () => {
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("policy-new"));
    fireEvent.click(screen.getByTestId("policy-statement-0-anyone"));
    fireEvent.change(screen.getByTestId("policy-statement-0-action-pick"), { target: { value: "s3:GetObject" } });
    fireEvent.click(button("policy-statement-0-action-add-picked"));
    fireEvent.click(button("policy-statement-0-action-add"));
    fireEvent.change(input("policy-statement-0-action-1"), { target: { value: "ec2:RunInstances" } });
    fireEvent.click(button("policy-statement-0-resource-add-objects"));

    const inline = await screen.findByTestId("problem-Statement[0].Action[1]");
    expect(inline.textContent).toBe("Not valid here: ec2:RunInstances");
    expect(input("policy-statement-0-action-1").closest(".policy-list-item")?.contains(inline)).toBe(true);
    expect(screen.getByTestId("config-problems").textContent).toBe("Statement[0].Action[1]: Not valid here: ec2:RunInstances");
    expect(button("policy-save").disabled).toBe(true);
    fireEvent.click(button("policy-save"));
    expect(api.putBucketPolicy).not.toHaveBeenCalled();

    // Fixed: Save sends the printed form.
    fireEvent.change(input("policy-statement-0-action-1"), { target: { value: "s3:Get*" } });
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(button("policy-save"));
    await waitFor(() =>
      expect(api.putBucketPolicy).toHaveBeenCalledWith(
        "p1",
        "photos",
        print(doc(statement({ actions: ["s3:GetObject", "s3:Get*"], resources: ["arn:aws:s3:::photos/*"] }))),
      ),
    );
  });

  it("explains the guide's {\"*\"} mistake in the JSON view, in the editor and under it", async () => {
    const guide = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"*"}, "Action": "s3:GetObject"}]}';
    server(guide);
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);

    // The server's text cannot be a form: it opens as JSON, with a note.
    const host = await screen.findByTestId("policy-json");
    expect(screen.getByTestId("policy-json-only")).toBeTruthy();
    const view = EditorView.findFromDOM(host.querySelector(".cm-editor") as HTMLElement)!;
    expect(view.state.doc.toString()).toBe(guide);
    expect(screen.getByTestId("config-problems").textContent).toContain('For anyone write "Principal": "*"');
    const messages = () => {
      const found: string[] = [];
      forEachDiagnostic(view.state, (d) => found.push(d.message));
      return found;
    };
    await waitFor(() => expect(messages().join()).toContain('For anyone write "Principal": "*"'));

    // Back to the form is refused while the text cannot be read; nothing is lost.
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect(await screen.findByTestId("policy-json-blocked")).toBeTruthy();
    expect(button("policy-save").disabled).toBe(true);

    // Fixed as Rust says: the form follows.
    const fixed = guide.replace('{"*"}', '"*"').replace('"s3:GetObject"', '["s3:GetObject"], "Resource": ["arn:aws:s3:::photos/*"]');
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: fixed } }));
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("policy-statement-0-anyone") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(button("policy-save"));
    await waitFor(() => expect(api.putBucketPolicy).toHaveBeenCalled());
  });

  it("asks before deleting the policy, then shows that the bucket has none", async () => {
    server(print(doc(statement())));
    renderWithProviders(<PolicyTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("policy-delete"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Delete the bucket policy?");
    expect(api.deleteBucketPolicy).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.deleteBucketPolicy).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("policy-delete"));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm-ok"));
    await screen.findByTestId("policy-empty");
    expect(api.deleteBucketPolicy).toHaveBeenCalledWith("p1", "photos");
    expect(screen.getByTestId("policy-saved")).toBeTruthy();
    expect(screen.queryByTestId("policy-delete")).toBeNull();
  });
});
