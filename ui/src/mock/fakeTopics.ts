// DEV ONLY: the fake backend's topics (create, read, delete, users) and bucket notifications
// (fakeBackend.ts spreads these commands). Fixtures: the profile's "uploads" topic is used by a
// rule on "photos"; "deletions" by none. The delivery check answers after a second: delivered
// for rules on "photos", nothing for other buckets (as if the server could not reach the app).
// Never part of the normal app.
import type {
  AppError,
  BackendCommands,
  ErrorCode,
  NotificationRule,
  Problem,
  Result,
  TopicDetails,
  TopicSpec,
  TopicSummary,
} from "../backend";

type Commands = Pick<
  BackendCommands,
  | "checkTopic"
  | "createTopic"
  | "getTopic"
  | "deleteTopic"
  | "topicUsers"
  | "getBucketNotifications"
  | "putBucketNotification"
  | "deleteBucketNotification"
  | "checkNotification"
  | "notificationEvents"
  | "testNotificationDelivery"
>;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = (code: ErrorCode, detail: string, status: number | null = 400): Result<never, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status === null ? null : `tx-fake-${Date.now()}`, detail },
});
const delay = (ms = 60) => new Promise((r) => setTimeout(r, ms));
const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({ field, code, limit: null, line: null, column: null, detail });
const EVENTS = [
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:*",
];

function checkSpec(spec: TopicSpec): Problem[] {
  const problems: Problem[] = [];
  if (!spec.name.trim()) problems.push(problem("name", "Required"));
  else if (!/^[A-Za-z0-9_-]+$/.test(spec.name)) problems.push(problem("name", "Malformed", "letters, digits, '-' and '_'"));
  if (!spec.endpoint.url.trim()) problems.push(problem("endpoint.url", "Required"));
  else if (!/^(https?|amqps?|kafka):\/\/[^/]+/.test(spec.endpoint.url)) problems.push(problem("endpoint.url", "Malformed", "a URL with a host"));
  if (spec.endpoint.kind === "amqp" && !spec.endpoint.exchange.trim()) problems.push(problem("endpoint.exchange", "Required"));
  return problems;
}

export function fakeTopics(
  topicsOf: (profileId: string) => TopicSummary[],
  setTopics: (profileId: string, list: TopicSummary[]) => void,
  bucketExists: (profileId: string, bucket: string) => boolean,
): Commands {
  const specs = new Map<string, TopicSpec>([
    ["arn:aws:sns:default::uploads", { name: "uploads", endpoint: { kind: "http", url: "https://hooks.example.com/zos", verifySsl: true }, persistent: true, opaqueData: "team media", extra: [] }],
    ["arn:aws:sns:default::deletions", { name: "deletions", endpoint: { kind: "kafka", url: "kafka://kafka.example.com:9092", ackLevel: "broker", useSsl: false, verifySsl: true }, persistent: false, opaqueData: "", extra: [] }],
  ]);
  const rules = new Map<string, NotificationRule[]>([
    [
      "photos",
      [
        {
          id: "new-photos",
          topicArn: "arn:aws:sns:default::uploads",
          events: ["s3:ObjectCreated:*"],
          filter: { key: [{ name: "prefix", value: "2026/" }, { name: "suffix", value: ".jpg" }], metadata: [], tags: [] },
        },
      ],
    ],
  ]);
  const details = (arn: string, spec: TopicSpec): TopicDetails => ({
    arn,
    name: spec.name,
    owner: "testuser",
    endpointAddress: spec.endpoint.url,
    attributes: { "push-endpoint": spec.endpoint.url, persistent: String(spec.persistent), ...(spec.opaqueData ? { OpaqueData: spec.opaqueData } : {}) },
    persistent: spec.persistent,
    opaqueData: spec.opaqueData || null,
    spec,
  });
  const checkRule = (rule: NotificationRule): Problem[] => {
    const problems: Problem[] = [];
    if (!rule.id.trim()) problems.push(problem("id", "Required"));
    if (!rule.topicArn) problems.push(problem("topicArn", "Required"));
    if (rule.events.length === 0) problems.push(problem("events", "Required"));
    return problems;
  };

  return {
    async checkTopic(spec) {
      return checkSpec(spec);
    },
    async createTopic(profileId, spec) {
      await delay();
      const problems = checkSpec(spec);
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      const arn = `arn:aws:sns:default::${spec.name}`;
      specs.set(arn, spec);
      const list = topicsOf(profileId).filter((t) => t.arn !== arn);
      setTopics(profileId, [...list, { arn, name: spec.name }].sort((a, b) => a.name.localeCompare(b.name)));
      return ok(arn);
    },
    async getTopic(_profileId, arn) {
      await delay();
      const spec = specs.get(arn);
      return spec ? ok(details(arn, spec)) : fail("Unknown", "NotFound: the topic does not exist", 404);
    },
    async deleteTopic(profileId, arn) {
      await delay();
      specs.delete(arn);
      setTopics(profileId, topicsOf(profileId).filter((t) => t.arn !== arn));
      return ok(null);
    },
    async topicUsers(_profileId, arn) {
      await delay();
      return ok([...rules].flatMap(([bucket, list]) => list.filter((r) => r.topicArn === arn).map((r) => ({ bucket, ruleId: r.id }))));
    },
    async getBucketNotifications(profileId, bucket) {
      await delay();
      if (!bucketExists(profileId, bucket)) return fail("NoSuchBucket", "The specified bucket does not exist", 404);
      return ok(rules.get(bucket) ?? []);
    },
    async putBucketNotification(profileId, bucket, rule) {
      await delay();
      const problems = checkRule(rule);
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      if (!specs.has(rule.topicArn)) return fail("InvalidArgument", "the topic does not exist", 400);
      rules.set(bucket, [...(rules.get(bucket) ?? []).filter((r) => r.id !== rule.id), rule]);
      return bucketExists(profileId, bucket) ? ok(null) : fail("NoSuchBucket", "The specified bucket does not exist", 404);
    },
    async deleteBucketNotification(_profileId, bucket, id) {
      await delay();
      rules.set(bucket, id === null ? [] : (rules.get(bucket) ?? []).filter((r) => r.id !== id));
      return ok(null);
    },
    async checkNotification(rule) {
      return checkRule(rule);
    },
    async notificationEvents() {
      return EVENTS;
    },
    async testNotificationDelivery(_profileId, bucket, rule) {
      await delay(1000);
      const prefix = rule.filter.key.find((f) => f.name === "prefix")?.value ?? "";
      const suffix = rule.filter.key.find((f) => f.name === "suffix")?.value ?? "";
      const probeKey = `${prefix}zos-probe-1a2b3c4d${suffix}`;
      const reached = bucket === "photos";
      const event = (eventName: string) => ({ eventName, key: probeKey, opaqueData: "zos-browser delivery check 1a2b3c4d", raw: `{"eventName":"${eventName}"}` });
      const removalExpected = rule.events.some((e) => e.startsWith("s3:ObjectRemoved") || e === "s3:*");
      return ok({
        probeKey,
        listener: "127.0.0.1:40123",
        created: reached ? event("ObjectCreated:Put") : null,
        removed: reached && removalExpected ? event("ObjectRemoved:Delete") : null,
        removalExpected,
        cleanupProblems: [],
      });
    },
  };
}
