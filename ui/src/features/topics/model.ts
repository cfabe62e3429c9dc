// The topic form's model and its conversion to and from the TopicSpec Rust checks and sends.
import type { PushEndpoint, TopicSpec } from "../../backend";

export type EndpointKind = PushEndpoint["kind"];
export const KINDS: readonly EndpointKind[] = ["http", "amqp", "kafka"];
/** The ack levels each kind offers (radosgw's words). */
export const ACK_LEVELS: Record<"amqp" | "kafka", readonly string[]> = {
  amqp: ["none", "broker", "routable"],
  kafka: ["none", "broker"],
};
export const URL_PLACEHOLDER: Record<EndpointKind, string> = {
  http: "https://hooks.example.com/zos",
  amqp: "amqp://host:5672/vhost",
  kafka: "kafka://host:9092",
};

export interface ExtraRow {
  /** Stable React key (rows can be removed from the middle). */
  key: number;
  name: string;
  value: string;
}

export interface TopicForm {
  name: string;
  kind: EndpointKind;
  url: string;
  verifySsl: boolean;
  exchange: string;
  ackLevel: string;
  useSsl: boolean;
  persistent: boolean;
  opaqueData: string;
  extra: ExtraRow[];
}

let nextKey = 1;
export const newExtraRow = (name = "", value = ""): ExtraRow => ({ key: nextKey++, name, value });

export function emptyForm(): TopicForm {
  return {
    name: "",
    kind: "http",
    url: "",
    verifySsl: true,
    exchange: "",
    ackLevel: "broker",
    useSsl: false,
    persistent: false,
    opaqueData: "",
    extra: [],
  };
}

export function fromSpec(spec: TopicSpec): TopicForm {
  const base = { ...emptyForm(), name: spec.name, persistent: spec.persistent, opaqueData: spec.opaqueData };
  const extra = spec.extra.map(([n, v]) => newExtraRow(n, v));
  const e = spec.endpoint;
  switch (e.kind) {
    case "http":
      return { ...base, extra, kind: "http", url: e.url, verifySsl: e.verifySsl };
    case "amqp":
      return { ...base, extra, kind: "amqp", url: e.url, exchange: e.exchange, ackLevel: e.ackLevel };
    case "kafka":
      return { ...base, extra, kind: "kafka", url: e.url, ackLevel: e.ackLevel, useSsl: e.useSsl, verifySsl: e.verifySsl };
  }
}

export function toEndpoint(f: TopicForm): PushEndpoint {
  switch (f.kind) {
    case "http":
      return { kind: "http", url: f.url.trim(), verifySsl: f.verifySsl };
    case "amqp":
      return { kind: "amqp", url: f.url.trim(), exchange: f.exchange.trim(), ackLevel: f.ackLevel };
    case "kafka":
      return { kind: "kafka", url: f.url.trim(), ackLevel: f.ackLevel, useSsl: f.useSsl, verifySsl: f.verifySsl };
  }
}

export function toSpec(f: TopicForm): TopicSpec {
  return {
    name: f.name.trim(),
    endpoint: toEndpoint(f),
    persistent: f.persistent,
    opaqueData: f.opaqueData,
    extra: f.extra.map((r) => [r.name.trim(), r.value] as [string, string]),
  };
}

/** Another kind keeps the URL and the ack level when the new kind knows it. */
export function withKind(f: TopicForm, kind: EndpointKind): TopicForm {
  const ackLevel = kind === "http" || ACK_LEVELS[kind].includes(f.ackLevel) ? f.ackLevel : "broker";
  return { ...f, kind, ackLevel };
}

/** The URL shown back by the server has its password replaced by `***`. */
export const hasMaskedPassword = (url: string) => /^[a-z]+:\/\/[^/@]*:\*\*\*@/i.test(url);

/** The endpoint's kind from what the server holds (the spec, else the address's scheme). */
export function kindOfAddress(address: string | null): EndpointKind | null {
  const scheme = address?.split("://")[0]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return "http";
  if (scheme === "amqp" || scheme === "amqps") return "amqp";
  if (scheme === "kafka") return "kafka";
  return null;
}
