import { useQuery } from "@tanstack/react-query";
import type { Capability, SubResource, UnsupportedWhy } from "../../../backend";
import { api } from "../../../backend";
import { Spinner } from "../../../components/Spinner";
import { describeError, ErrorMessage } from "../../../errors";
import { useT, type MessageKey } from "../../../i18n";
import type { SettingsTabProps } from "../tabs";
import "./capabilities.css";

const capabilitiesKey = (profileId: string, bucket: string) =>
  ["bucketConfig", profileId, bucket, "capabilities"] as const;

const NAME: Record<SubResource, MessageKey> = {
  acl: "capabilities.sub.acl",
  policy: "capabilities.sub.policy",
  cors: "capabilities.sub.cors",
  website: "capabilities.sub.website",
  tagging: "capabilities.sub.tagging",
  requestPayment: "capabilities.sub.requestPayment",
  versioning: "capabilities.sub.versioning",
  lifecycle: "capabilities.sub.lifecycle",
  objectLock: "capabilities.sub.objectLock",
  encryption: "capabilities.sub.encryption",
  logging: "capabilities.sub.logging",
  notification: "capabilities.sub.notification",
};

/** The word in the request's query string (`GET /bucket?object-lock`), as Rust sends it. */
const QUERY_WORD: Record<SubResource, string> = {
  acl: "acl",
  policy: "policy",
  cors: "cors",
  website: "website",
  tagging: "tagging",
  requestPayment: "requestPayment",
  versioning: "versioning",
  lifecycle: "lifecycle",
  objectLock: "object-lock",
  encryption: "encryption",
  logging: "logging",
  notification: "notification",
};

const WHY: Record<UnsupportedWhy, MessageKey> = {
  AnswersWithListing: "capabilities.why.AnswersWithListing",
  MethodNotAllowed: "capabilities.why.MethodNotAllowed",
  NotImplemented: "capabilities.why.NotImplemented",
};

type SupportState = "supported" | "unsupported" | "unknown";

const stateOf = (c: Capability): SupportState => c.support?.kind ?? "unknown";

/**
 * What the server showed about each bucket sub-resource: supported, not supported (and how that
 * showed), or unknown (and the error). "Check again" asks the server again.
 */
export function CapabilitiesTab({ profileId, bucket }: SettingsTabProps) {
  const { t } = useT();
  const capabilities = useQuery({
    queryKey: capabilitiesKey(profileId, bucket),
    queryFn: () => api.bucketCapabilities(profileId, bucket),
  });

  let body;
  if (capabilities.isPending) body = <Spinner label={t("common.loading")} />;
  else if (capabilities.error) body = <ErrorMessage error={capabilities.error} />;
  else
    body = (
      <table className="data-table capabilities-table" data-testid="capabilities-table">
        <thead>
          <tr>
            <th scope="col">{t("capabilities.col.setting")}</th>
            <th scope="col">{t("capabilities.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {capabilities.data.map((c) => (
            <CapabilityRow key={c.subResource} capability={c} />
          ))}
        </tbody>
      </table>
    );

  return (
    <div className="settings-section capabilities-tab" data-testid="settings-capabilities">
      <p className="settings-intro">{t("capabilities.intro")}</p>
      <div className="settings-actions">
        <button
          type="button"
          className="button small"
          data-testid="capabilities-refresh"
          disabled={capabilities.isFetching}
          onClick={() => void capabilities.refetch()}
        >
          {capabilities.isFetching && !capabilities.isPending ? t("capabilities.checking") : t("capabilities.refresh")}
        </button>
      </div>
      {body}
    </div>
  );
}

function CapabilityRow({ capability: c }: { capability: Capability }) {
  const { t, locale } = useT();
  const state = stateOf(c);
  let detail = null;
  if (c.support?.kind === "unsupported") detail = <span className="capability-reason">{t(WHY[c.support.why])}</span>;
  else if (state === "unknown") {
    if (c.error) {
      const d = describeError(c.error, locale);
      detail = (
        <span className="capability-reason">
          {d.sentence}{" "}
          <span className="muted mono capability-code">
            {d.serverCode ?? d.code}
            {d.status !== null && ` · ${t("error.http", { status: d.status })}`}
          </span>
        </span>
      );
    } else detail = <span className="capability-reason">{t("capabilities.unknownHint")}</span>;
  }
  return (
    <tr data-testid={`capability-${c.subResource}`} data-support={state}>
      <th scope="row" className="capability-name">
        {t(NAME[c.subResource])}
        <span className="muted mono capability-query">?{QUERY_WORD[c.subResource]}</span>
      </th>
      <td>
        <span className={`capability-state capability-${state}`} data-testid={`capability-${c.subResource}-state`}>
          {t(
            state === "supported"
              ? "capabilities.supported"
              : state === "unsupported"
                ? "capabilities.unsupported"
                : "capabilities.unknown",
          )}
        </span>
        {detail}
      </td>
    </tr>
  );
}
