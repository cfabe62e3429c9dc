import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type NotificationRule, type Problem } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { NotificationsTab } from "./NotificationsTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({ field, code, limit: null, line: null, column: null, detail });

const UPLOADS = "arn:aws:sns:default::uploads";
const DELETIONS = "arn:aws:sns:default::deletions";
const EVENTS = [
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:*",
];
const FIXTURE: NotificationRule = {
  id: "new-photos",
  topicArn: UPLOADS,
  events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"],
  filter: {
    key: [
      { name: "prefix", value: "logs/" },
      { name: "suffix", value: ".jpg" },
    ],
    metadata: [{ name: "x-amz-meta-kind", value: "photo" }],
    tags: [{ name: "env", value: "prod" }],
  },
};

/** A server like the fake backend: keeps the rules, checks a few things, delivers only for "photos". */
function server(initial: NotificationRule[]) {
  let rules = [...initial];
  vi.mocked(api.getBucketNotifications).mockImplementation(async () => rules);
  vi.mocked(api.putBucketNotification).mockImplementation(async (_p, _b, rule) => {
    rules = [...rules.filter((r) => r.id !== rule.id), rule];
    return null;
  });
  vi.mocked(api.deleteBucketNotification).mockImplementation(async (_p, _b, id) => {
    rules = id === null ? [] : rules.filter((r) => r.id !== id);
    return null;
  });
  vi.mocked(api.listTopics).mockResolvedValue([
    { arn: DELETIONS, name: "deletions" },
    { arn: UPLOADS, name: "uploads" },
  ]);
  vi.mocked(api.notificationEvents).mockResolvedValue(EVENTS);
  vi.mocked(api.checkNotification).mockImplementation(async (rule) => [
    ...(rule.id ? [] : [problem("id", "Required")]),
    ...(rule.topicArn ? [] : [problem("topicArn", "Required")]),
    ...(rule.events.length ? [] : [problem("events", "Required")]),
    ...rule.filter.metadata.flatMap((m, i) => (m.name.startsWith("x-amz-meta-") ? [] : [problem(`filter.metadata[${i}].name`, "Malformed", "starts with x-amz-meta-")])),
  ]);
  vi.mocked(api.testNotificationDelivery).mockImplementation(async (_p, bucket, rule) => {
    const prefix = rule.filter.key.find((f) => f.name === "prefix")?.value ?? "";
    const suffix = rule.filter.key.find((f) => f.name === "suffix")?.value ?? "";
    const probeKey = `${prefix}zos-probe-1a2b3c4d${suffix}`;
    const reached = bucket === "photos";
    const event = (eventName: string) => ({ eventName, key: probeKey, opaqueData: "zos-browser delivery check 1a2b3c4d", raw: "{}" });
    const removalExpected = rule.events.some((e) => e.startsWith("s3:ObjectRemoved") || e === "s3:*");
    return {
      probeKey,
      listener: "127.0.0.1:40123",
      created: reached ? event("ObjectCreated:Put") : null,
      removed: reached && removalExpected ? event("ObjectRemoved:Delete") : null,
      removalExpected,
      cleanupProblems: [],
    };
  });
  return { rules: () => rules };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const checkbox = (event: string) => screen.getByTestId(`notification-event-${event}`) as HTMLInputElement;

describe("NotificationsTab", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    server([FIXTURE]);
  });

  it("lists a rule with its topic name, events and filters in words", async () => {
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("notification-rule-new-photos");
    expect(api.getBucketNotifications).toHaveBeenCalledWith("p1", "photos");
    const topic = screen.getByTestId("notification-rule-new-photos-topic");
    expect(topic.textContent).toBe("uploads");
    expect(topic.getAttribute("title")).toBe(UPLOADS);
    expect(screen.getByTestId("notification-rule-new-photos-events").textContent).toContain("s3:ObjectCreated:*");
    expect(screen.getByTestId("notification-rule-new-photos-filters").textContent).toBe(
      "keys starting with logs/ and ending in .jpg; metadata kind=photo; tag env=prod",
    );
    expect(screen.queryByTestId("notifications-empty")).toBeNull();
  });

  it("adds a rule with a topic, events, a prefix, a metadata and a tag filter", async () => {
    const s = server([]);
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("notifications-empty")).textContent).toContain("sends no notifications");
    fireEvent.click(screen.getByTestId("notification-add"));
    await screen.findByTestId("notification-form");
    type("notification-id", "docs");
    const select = (await screen.findByTestId("notification-topic")) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", DELETIONS, UPLOADS]);
    type("notification-topic", UPLOADS);

    // The created wildcard covers the specific created events: they are disabled, not unticked.
    fireEvent.click(await screen.findByTestId("notification-event-s3:ObjectCreated:Put"));
    fireEvent.click(checkbox("s3:ObjectCreated:*"));
    expect(checkbox("s3:ObjectCreated:Put").disabled).toBe(true);
    expect(checkbox("s3:ObjectCreated:Put").checked).toBe(true);
    expect(checkbox("s3:ObjectCreated:Post").disabled).toBe(true);
    expect(checkbox("s3:ObjectRemoved:Delete").disabled).toBe(false);
    fireEvent.click(checkbox("s3:ObjectRemoved:Delete"));

    type("notification-prefix", "docs/");
    fireEvent.click(screen.getByTestId("notification-meta-add"));
    type("notification-meta-0-name", "x-amz-meta-kind");
    type("notification-meta-0-value", "report");
    fireEvent.click(screen.getByTestId("notification-tag-add"));
    type("notification-tag-0-name", "env");
    type("notification-tag-0-value", "prod");
    fireEvent.click(screen.getByTestId("notification-save"));

    await screen.findByTestId("notification-saved");
    expect(api.putBucketNotification).toHaveBeenCalledWith("p1", "photos", {
      id: "docs",
      topicArn: UPLOADS,
      events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"],
      filter: { key: [{ name: "prefix", value: "docs/" }], metadata: [{ name: "x-amz-meta-kind", value: "report" }], tags: [{ name: "env", value: "prod" }] },
    });
    expect(s.rules()).toHaveLength(1);
    // Read back: the list shows what the server holds.
    expect((await screen.findByTestId("notification-rule-docs-filters")).textContent).toBe("keys starting with docs/; metadata kind=report; tag env=prod");
    expect(screen.queryByTestId("notification-form")).toBeNull();
  });

  it("edits a rule with its id read-only, and a problem from Rust blocks the save", async () => {
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-rule-new-photos-edit"));
    const id = (await screen.findByTestId("notification-id")) as HTMLInputElement;
    expect(id.value).toBe("new-photos");
    expect(id.readOnly).toBe(true);
    expect(((await screen.findByTestId("notification-topic")) as HTMLSelectElement).value).toBe(UPLOADS);
    expect((screen.getByTestId("notification-prefix") as HTMLInputElement).value).toBe("logs/");
    expect((screen.getByTestId("notification-meta-0-name") as HTMLInputElement).value).toBe("x-amz-meta-kind");

    type("notification-meta-0-name", "kind");
    const inline = await screen.findByTestId("problem-filter.metadata[0].name");
    expect(inline.textContent).toContain("starts with x-amz-meta-");
    expect(screen.getByTestId("config-problems").textContent).toContain("filter.metadata[0].name");
    const save = screen.getByTestId("notification-save") as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.submit(screen.getByTestId("notification-form"));
    await new Promise((r) => setTimeout(r, 30));
    expect(api.putBucketNotification).not.toHaveBeenCalled();

    type("notification-meta-0-name", "x-amz-meta-kind");
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(screen.getByTestId("notification-save"));
    await screen.findByTestId("notification-saved");
    expect(vi.mocked(api.putBucketNotification).mock.calls[0][2].id).toBe("new-photos");
  });

  it("shows nothing wrong on a new form until Save, then every problem, and sends nothing", async () => {
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-add"));
    await screen.findByTestId("notification-topic");
    expect(screen.queryByTestId("config-problems")).toBeNull();
    fireEvent.click(screen.getByTestId("notification-save"));
    expect(await screen.findByTestId("problem-id")).toBeTruthy();
    expect(screen.getByTestId("problem-topicArn")).toBeTruthy();
    expect(screen.getByTestId("problem-events")).toBeTruthy();
    expect(api.putBucketNotification).not.toHaveBeenCalled();
  });

  it("shows a key filter's problem under its own input", async () => {
    vi.mocked(api.checkNotification).mockImplementation(async (rule) =>
      rule.filter.key.flatMap((k, i) => (k.name === "regex" && k.value.includes("[") ? [problem(`filter.key[${i}].value`, "Malformed", "not a valid pattern")] : [])),
    );
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-add"));
    expect(document.activeElement).toBe(await screen.findByTestId("notification-id"));
    type("notification-regex", "a[");
    const inline = await screen.findByTestId("problem-filter.key[0]");
    expect(inline.textContent).toContain("not a valid pattern");
    expect(screen.getByTestId("notification-regex").closest(".field")?.contains(inline)).toBe(true);
  });

  it("says when there are no topics", async () => {
    vi.mocked(api.listTopics).mockResolvedValue([]);
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-add"));
    expect((await screen.findByTestId("notifications-no-topics")).textContent).toContain("Topics page");
  });

  it("asks before deleting one rule, and before deleting all", async () => {
    server([FIXTURE, { ...FIXTURE, id: "other" }]);
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-rule-other-delete"));
    let dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("“other”");
    fireEvent.click(within(dialog).getByTestId("confirm-cancel"));
    expect(api.deleteBucketNotification).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("notification-rule-other-delete"));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.queryByTestId("notification-rule-other")).toBeNull());
    expect(api.deleteBucketNotification).toHaveBeenCalledWith("p1", "photos", "other");
    expect(screen.getByTestId("notification-rule-new-photos")).toBeTruthy();

    fireEvent.click(screen.getByTestId("notifications-delete-all"));
    dialog = await screen.findByTestId("confirm-dialog");
    expect(api.deleteBucketNotification).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await screen.findByTestId("notifications-empty");
    expect(api.deleteBucketNotification).toHaveBeenLastCalledWith("p1", "photos", null);
  });

  it("sends a test event: both events arrive for photos", async () => {
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-rule-new-photos-test"));
    const panel = await screen.findByTestId("delivery-panel");
    expect(panel.textContent).toContain("one-shot HTTP listener");
    expect(panel.textContent).toContain("can reach this computer");
    fireEvent.click(screen.getByTestId("delivery-run"));
    const result = await screen.findByTestId("delivery-result");
    expect(api.testNotificationDelivery).toHaveBeenCalledWith("p1", "photos", FIXTURE, null);
    expect(screen.getByTestId("delivery-created").textContent).toContain("ObjectCreated:Put");
    expect(screen.getByTestId("delivery-created").textContent).toContain("logs/zos-probe-1a2b3c4d.jpg");
    expect(screen.getByTestId("delivery-created").textContent).toContain("zos-browser delivery check 1a2b3c4d");
    expect(screen.getByTestId("delivery-removed").textContent).toContain("Removal event received");
    expect(screen.queryByTestId("delivery-none")).toBeNull();
    expect(result.textContent).toContain("Probe object: logs/zos-probe-1a2b3c4d.jpg");
  });

  it("sends a test event elsewhere: no event, with reasons, the address typed and the cleanup problems", async () => {
    vi.mocked(api.testNotificationDelivery).mockResolvedValueOnce({
      probeKey: "logs/zos-probe-9.jpg",
      listener: "192.168.1.20:8080",
      created: null,
      removed: null,
      removalExpected: true,
      cleanupProblems: ["the temporary topic could not be deleted"],
    });
    renderWithProviders(<NotificationsTab profileId="p1" bucket="docs" />);
    fireEvent.click(await screen.findByTestId("notification-rule-new-photos-test"));
    type("delivery-reach-at", " 192.168.1.20:8080 ");
    fireEvent.click(screen.getByTestId("delivery-run"));
    const none = await screen.findByTestId("delivery-none");
    expect(api.testNotificationDelivery).toHaveBeenCalledWith("p1", "docs", FIXTURE, "192.168.1.20:8080");
    expect(none.textContent).toContain("No event arrived within 10 s");
    expect(none.textContent).toContain("cannot reach this computer");
    expect(screen.queryByTestId("delivery-created")).toBeNull();
    expect(screen.getByTestId("delivery-cleanup").textContent).toContain("could not be deleted");
  });

  it("shows Rust's refusal of a rule that cannot be probed", async () => {
    vi.mocked(api.testNotificationDelivery).mockRejectedValueOnce(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "a rule with a regex key filter cannot be probed" }),
    );
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("notification-rule-new-photos-test"));
    fireEvent.click(screen.getByTestId("delivery-run"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("regex");
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<NotificationsTab profileId="p1" bucket="photos" />, "zh-CN");
    await screen.findByTestId("notification-rule-new-photos");
    expect(screen.getByTestId("notification-rule-new-photos-filters").textContent).toBe("键以 logs/ 开头且以 .jpg 结尾；元数据 kind=photo；标签 env=prod");
    expect(screen.getByTestId("notification-add").textContent).toBe("添加规则");
    expect(screen.getByTestId("notification-rule-new-photos-test").textContent).toBe("发送测试事件");
    fireEvent.click(screen.getByTestId("notification-rule-new-photos-test"));
    expect((await screen.findByTestId("delivery-panel")).textContent).toContain("一次性的 HTTP 监听器");
    fireEvent.click(screen.getByTestId("delivery-close"));
    fireEvent.click(screen.getByTestId("notification-add"));
    expect((await screen.findByTestId("notification-form")).textContent).toContain("新建规则");
    expect((await screen.findByTestId("notification-event-s3:ObjectCreated:*")).closest("fieldset")?.textContent).toContain("创建");
  });
});
