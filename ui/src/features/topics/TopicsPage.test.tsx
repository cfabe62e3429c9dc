import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Problem, type TopicDetails, type TopicSpec, type TopicSummary } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { TopicsPage } from "./TopicsPage";

vi.mock("../../backend");

const problem = (field: string, code: Problem["code"]): Problem => ({ field, code, limit: null, line: null, column: null, detail: "" });
const arnOf = (name: string) => `arn:aws:sns:default::${name}`;

const UPLOADS: TopicSpec = {
  name: "uploads",
  endpoint: { kind: "http", url: "https://hooks.example.com/zos", verifySsl: true },
  persistent: true,
  opaqueData: "team media",
  extra: [],
};
const DELETIONS: TopicSpec = {
  name: "deletions",
  endpoint: { kind: "kafka", url: "kafka://alice:***@kafka.example.com:9092", ackLevel: "broker", useSsl: true, verifySsl: false },
  persistent: false,
  opaqueData: "",
  extra: [["cloudevents", "true"]],
};

/** A server holding `specs`; createTopic adds or replaces by name, deleteTopic forgets. */
function server(specs: TopicSpec[]) {
  const held = new Map(specs.map((s) => [arnOf(s.name), s]));
  vi.mocked(api.listTopics).mockImplementation(async () =>
    [...held.values()].map((s): TopicSummary => ({ name: s.name, arn: arnOf(s.name) })),
  );
  vi.mocked(api.getTopic).mockImplementation(async (_p, arn): Promise<TopicDetails> => {
    const s = held.get(arn);
    if (!s) throw new BackendError({ code: "Unknown", status: 404, requestId: "tx", detail: "NotFound" });
    return {
      arn,
      name: s.name,
      owner: "testuser",
      endpointAddress: s.endpoint.url,
      attributes: { "push-endpoint": s.endpoint.url, persistent: String(s.persistent), "verify-ssl": "false", "kafka-ack-level": "broker" },
      persistent: s.persistent,
      opaqueData: s.opaqueData || null,
      spec: s,
    };
  });
  vi.mocked(api.checkTopic).mockResolvedValue([]);
  vi.mocked(api.createTopic).mockImplementation(async (_p, s) => {
    held.set(arnOf(s.name), s);
    return arnOf(s.name);
  });
  vi.mocked(api.deleteTopic).mockImplementation(async (_p, arn) => {
    held.delete(arn);
    return null;
  });
  vi.mocked(api.topicUsers).mockResolvedValue([]);
  return held;
}

beforeEach(() => {
  vi.resetAllMocks();
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("TopicsPage", () => {
  it("lists name, ARN and endpoint of each topic", async () => {
    server([DELETIONS, UPLOADS]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    const table = await screen.findByTestId("topics-list");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    const row = screen.getByTestId("topic-uploads");
    expect(row.textContent).toContain("arn:aws:sns:default::uploads");
    expect((await within(row).findByTestId("topic-uploads-kind")).textContent).toBe("HTTP/HTTPS");
    expect(row.textContent).toContain("https://hooks.example.com/zos");
    expect((await screen.findByTestId("topic-deletions-kind")).textContent).toBe("Kafka");
    expect(api.listTopics).toHaveBeenCalledWith("p1");
    expect(api.getTopic).toHaveBeenCalledWith("p1", arnOf("uploads"));
  });

  it("says when there is none", async () => {
    server([]);
    renderWithProviders(<TopicsPage profileId="p1" />, "zh-CN");
    expect((await screen.findByTestId("topics-empty")).textContent).toBe("该账户下没有主题。");
    expect(screen.queryByTestId("topics-list")).toBeNull();
  });

  it("shows why they could not be listed", async () => {
    vi.mocked(api.listTopics).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-t", detail: "no" }));
    renderWithProviders(<TopicsPage profileId="p1" />);
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
  });

  it("creates an AMQP topic with the spec the form shows, then lists it with its ARN", async () => {
    const held = server([UPLOADS]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-new"));
    const form = await screen.findByTestId("topic-form");
    type("topic-name", "orders");
    fireEvent.click(screen.getByTestId("topic-kind-amqp"));
    expect(screen.getByTestId("topic-url").getAttribute("placeholder")).toBe("amqp://host:5672/vhost");
    expect(screen.queryByTestId("topic-use-ssl")).toBeNull();
    type("topic-url", "amqp://rabbit.example.com:5672/zos");
    type("topic-exchange", "events");
    fireEvent.change(screen.getByTestId("topic-ack-level"), { target: { value: "routable" } });
    expect(form.textContent).toContain("once a queue has taken it");
    fireEvent.click(screen.getByTestId("topic-persistent"));
    type("topic-opaque", "shop");
    fireEvent.click(screen.getByTestId("topic-extra-add"));
    type("topic-extra-0-name", "cloudevents");
    type("topic-extra-0-value", "true");
    fireEvent.click(screen.getByTestId("topic-save"));

    await waitFor(() => expect(api.createTopic).toHaveBeenCalledTimes(1));
    const sent: TopicSpec = {
      name: "orders",
      endpoint: { kind: "amqp", url: "amqp://rabbit.example.com:5672/zos", exchange: "events", ackLevel: "routable" },
      persistent: true,
      opaqueData: "shop",
      extra: [["cloudevents", "true"]],
    };
    expect(api.createTopic).toHaveBeenCalledWith("p1", sent);
    expect(api.checkTopic).toHaveBeenLastCalledWith(sent);
    await waitFor(() => expect(screen.queryByTestId("topic-form")).toBeNull());
    expect((await screen.findByTestId("topic-saved")).textContent).toContain(arnOf("orders"));
    expect(await screen.findByTestId("topic-orders")).toBeTruthy();
    expect(held.has(arnOf("orders"))).toBe(true);
  });

  it("shows a problem from Rust at its field and sends nothing", async () => {
    server([]);
    vi.mocked(api.checkTopic).mockImplementation(async (spec) =>
      spec.endpoint.url.startsWith("kafka://") ? [] : [problem("endpoint.url", "Malformed"), problem("extra[0].name", "Required")],
    );
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-new"));
    type("topic-name", "t1");
    fireEvent.click(screen.getByTestId("topic-kind-kafka"));
    type("topic-url", "host:9092");
    fireEvent.click(screen.getByTestId("topic-extra-add"));
    fireEvent.click(screen.getByTestId("topic-save"));

    expect((await screen.findByTestId("problem-endpoint.url")).textContent).not.toBe("");
    expect(screen.getByTestId("problem-extra-0")).toBeTruthy();
    expect(screen.getByTestId("config-problems").textContent).toContain("endpoint.url");
    expect(screen.getByTestId("topic-url").getAttribute("aria-invalid")).toBe("true");
    await new Promise((r) => setTimeout(r, 50));
    expect(api.createTopic).not.toHaveBeenCalled();
    expect(screen.getByTestId("topic-form")).toBeTruthy();
  });

  it("shows the server's refusal inside the form", async () => {
    server([]);
    vi.mocked(api.createTopic).mockRejectedValue(
      new BackendError({ code: "InvalidArgument", status: 400, requestId: "tx-p", detail: "radosgw accepts that only when this profile talks to it over https" }),
    );
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-new"));
    type("topic-name", "t1");
    fireEvent.click(screen.getByTestId("topic-kind-kafka"));
    type("topic-url", "kafka://u:pw@host:9092");
    fireEvent.click(screen.getByTestId("topic-save"));
    const form = await screen.findByTestId("topic-form");
    expect((await within(form).findByTestId("error-message")).textContent).toContain("over https");
  });

  it("edits a topic from its details' spec: the name is read-only and saving sends the same name", async () => {
    server([DELETIONS]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-deletions-edit"));
    await screen.findByTestId("topic-form");
    const name = screen.getByTestId("topic-name") as HTMLInputElement;
    expect(name.value).toBe("deletions");
    expect(name.readOnly).toBe(true);
    expect((screen.getByTestId("topic-kind-kafka") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("topic-url") as HTMLInputElement).value).toBe("kafka://alice:***@kafka.example.com:9092");
    expect(screen.getByTestId("topic-url-masked")).toBeTruthy();
    expect((screen.getByTestId("topic-ack-level") as HTMLSelectElement).value).toBe("broker");
    expect((screen.getByTestId("topic-use-ssl") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("topic-verify-ssl") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId("topic-extra-0-name") as HTMLInputElement).value).toBe("cloudevents");
    expect((screen.getByTestId("topic-extra-0-value") as HTMLInputElement).value).toBe("true");

    type("topic-url", "kafka://alice:secret@kafka.example.com:9092");
    expect(screen.queryByTestId("topic-url-masked")).toBeNull();
    fireEvent.click(screen.getByTestId("topic-save"));
    await waitFor(() =>
      expect(api.createTopic).toHaveBeenCalledWith("p1", {
        ...DELETIONS,
        endpoint: { ...DELETIONS.endpoint, url: "kafka://alice:secret@kafka.example.com:9092" },
      }),
    );
  });

  it("shows every attribute of a topic as a table", async () => {
    server([UPLOADS]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-uploads-view"));
    const details = await screen.findByTestId("topic-details");
    const table = await within(details).findByTestId("topic-attributes");
    expect(within(table).getByTestId("topic-attribute-push-endpoint").textContent).toBe("push-endpointhttps://hooks.example.com/zos");
    expect(within(table).getByTestId("topic-attribute-persistent").textContent).toBe("persistenttrue");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(4);
    expect(within(details).getByTestId("topic-details-arn").textContent).toBe(arnOf("uploads"));
    expect(within(details).getByTestId("topic-details-owner").textContent).toBe("testuser");
    expect(within(details).getByTestId("topic-details-opaque").textContent).toBe("team media");
  });

  it("warns with the rules that still send to a topic, and deletes it anyway", async () => {
    server([UPLOADS, DELETIONS]);
    vi.mocked(api.topicUsers).mockResolvedValue([{ bucket: "photos", ruleId: "new-photos" }]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    fireEvent.click(await screen.findByTestId("topic-uploads-delete"));
    expect(document.activeElement).toBe(await screen.findByTestId("confirm-cancel"));
    expect((await screen.findByTestId("topic-users")).textContent).toBe("bucket photos, rule new-photos");
    expect(api.topicUsers).toHaveBeenCalledWith("p1", arnOf("uploads"));
    expect(screen.getByTestId("confirm-ok").textContent).toBe("Delete anyway");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteTopic).toHaveBeenCalledWith("p1", arnOf("uploads")));
    await waitFor(() => expect(screen.queryByTestId("topic-uploads")).toBeNull());
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(screen.getByTestId("topic-deletions")).toBeTruthy();
  });

  it("speaks Chinese", async () => {
    server([UPLOADS]);
    vi.mocked(api.topicUsers).mockResolvedValue([{ bucket: "photos", ruleId: "new-photos" }]);
    renderWithProviders(<TopicsPage profileId="p1" />, "zh-CN");
    expect((await screen.findByTestId("topic-new")).textContent).toBe("新建主题");
    expect((await screen.findByTestId("topic-uploads-view")).textContent).toBe("查看");
    fireEvent.click(screen.getByTestId("topic-new"));
    const form = await screen.findByTestId("topic-form");
    expect(form.textContent).toContain("事件先在服务器上排队");
    fireEvent.click(screen.getByTestId("topic-kind-amqp"));
    expect(form.textContent).toContain("交换机");
    fireEvent.click(screen.getByTestId("topic-cancel"));
    fireEvent.click(screen.getByTestId("topic-uploads-delete"));
    expect((await screen.findByTestId("topic-users")).textContent).toBe("存储桶 photos，规则 new-photos");
    expect(screen.getByTestId("confirm-ok").textContent).toBe("仍然删除");
  });
});
