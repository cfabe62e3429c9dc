import type { CaChange, CertificateSummary, NetworkInput, Profile, ProfileField, ProfileInput, ProfileProblem, ProxyMode } from "../../backend";
import type { MessageKey } from "../../i18n";

/** What the profile form holds; checked by Rust (checkProfile), never here. */
export interface ProfileForm {
  name: string;
  endpoint: string;
  region: string;
  pathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Empty: metadata search goes to the endpoint. */
  searchEndpoint: string;
  /** The CA trusted beside the system's: keep the saved one, remove it, or a file just chosen. */
  ca: CaChange;
  /** What the dialog shows of the CA the profile will have (null: none). */
  caSummary: CertificateSummary | null;
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUsername: string;
  /** Empty on an existing profile: keep the stored password (keyring). */
  proxyPassword: string;
  noProxy: string;
}

export const EMPTY_PROFILE_FORM: ProfileForm = {
  name: "",
  endpoint: "",
  region: "default",
  pathStyle: true,
  accessKeyId: "",
  secretAccessKey: "",
  searchEndpoint: "",
  ca: { kind: "keep" },
  caSummary: null,
  proxyMode: "system",
  proxyUrl: "",
  proxyUsername: "",
  proxyPassword: "",
  noProxy: "",
};

export function formOf(p: Profile | undefined): ProfileForm {
  if (!p) return EMPTY_PROFILE_FORM;
  return {
    ...EMPTY_PROFILE_FORM,
    name: p.name,
    endpoint: p.endpoint,
    region: p.region,
    pathStyle: p.pathStyle,
    accessKeyId: p.accessKeyId,
    secretAccessKey: "",
    searchEndpoint: p.searchEndpoint ?? "",
    caSummary: p.caCertificate ?? null,
    proxyMode: p.proxy?.mode ?? "system",
    proxyUrl: p.proxy?.url ?? "",
    proxyUsername: p.proxy?.username ?? "",
    noProxy: p.proxy?.noProxy ?? "",
  };
}

/** The network part of the input; absent when it says nothing (keep the CA, the system's proxy). */
function networkInput(form: ProfileForm): NetworkInput | undefined {
  if (form.ca.kind === "keep" && form.proxyMode === "system" && form.proxyPassword === "") return undefined;
  const custom = form.proxyMode === "custom";
  return {
    ca: form.ca,
    proxy: {
      mode: form.proxyMode,
      url: custom ? form.proxyUrl.trim() || null : null,
      username: custom ? form.proxyUsername.trim() || null : null,
      noProxy: custom ? form.noProxy.trim() || null : null,
    },
    proxyPassword: custom && form.proxyPassword !== "" ? form.proxyPassword : null,
  };
}

/** The form as the backend takes it; an empty secret on an existing profile means "keep it". */
export function toProfileInput(form: ProfileForm, id: string | null): ProfileInput {
  const network = networkInput(form);
  return {
    id,
    name: form.name.trim(),
    endpoint: form.endpoint.trim(),
    region: form.region.trim() || "default",
    pathStyle: form.pathStyle,
    accessKeyId: form.accessKeyId.trim(),
    secretAccessKey: form.secretAccessKey === "" ? null : form.secretAccessKey,
    searchEndpoint: form.searchEndpoint.trim() || null,
    ...(network ? { network } : {}),
  };
}

/** The sentence for each reason Rust can give (a reason Rust adds fails tsc until it has one). */
export const PROBLEM_MESSAGES: Record<ProfileProblem, MessageKey> = {
  NameMissing: "profileDialog.problem.NameMissing",
  EndpointNotUrl: "profileDialog.problem.EndpointNotUrl",
  EndpointScheme: "profileDialog.problem.EndpointScheme",
  EndpointNoHost: "profileDialog.problem.EndpointNoHost",
  EndpointHasPath: "profileDialog.problem.EndpointHasPath",
  AccessKeyMissing: "profileDialog.problem.AccessKeyMissing",
  SecretMissing: "profileDialog.problem.SecretMissing",
  ProxyUrlInvalid: "profileDialog.problem.ProxyUrlInvalid",
  RegionNotDnsName: "profileDialog.problem.RegionNotDnsName",
  RegionDotWithVirtualHost: "profileDialog.problem.RegionDotWithVirtualHost",
};

/** The fields Rust checks, with the testid of each one's input. */
export const CHECKED_FIELDS: Record<ProfileField, string> = {
  name: "profile-name",
  endpoint: "profile-endpoint",
  accessKeyId: "profile-access-key",
  secretAccessKey: "profile-secret-key",
  searchEndpoint: "profile-search-endpoint",
  proxyUrl: "profile-proxy-url",
  region: "profile-region",
};

export function isCheckedField(key: keyof ProfileForm): key is ProfileField {
  return Object.prototype.hasOwnProperty.call(CHECKED_FIELDS, key);
}
