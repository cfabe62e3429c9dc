import type { Profile, ProfileField, ProfileInput, ProfileProblem } from "../../backend";
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
}

export const EMPTY_PROFILE_FORM: ProfileForm = {
  name: "",
  endpoint: "",
  region: "default",
  pathStyle: true,
  accessKeyId: "",
  secretAccessKey: "",
  searchEndpoint: "",
};

export function formOf(p: Profile | undefined): ProfileForm {
  if (!p) return EMPTY_PROFILE_FORM;
  return { name: p.name, endpoint: p.endpoint, region: p.region, pathStyle: p.pathStyle, accessKeyId: p.accessKeyId, secretAccessKey: "", searchEndpoint: p.searchEndpoint ?? "" };
}

/** The form as the backend takes it; an empty secret on an existing profile means "keep it". */
export function toProfileInput(form: ProfileForm, id: string | null): ProfileInput {
  return {
    id,
    name: form.name.trim(),
    endpoint: form.endpoint.trim(),
    region: form.region.trim() || "default",
    pathStyle: form.pathStyle,
    accessKeyId: form.accessKeyId.trim(),
    secretAccessKey: form.secretAccessKey === "" ? null : form.secretAccessKey,
    searchEndpoint: form.searchEndpoint.trim() || null,
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
};

/** The fields Rust checks, with the testid of each one's input. */
export const CHECKED_FIELDS: Record<ProfileField, string> = {
  name: "profile-name",
  endpoint: "profile-endpoint",
  accessKeyId: "profile-access-key",
  secretAccessKey: "profile-secret-key",
  searchEndpoint: "profile-search-endpoint",
};

export function isCheckedField(key: keyof ProfileForm): key is ProfileField {
  return Object.prototype.hasOwnProperty.call(CHECKED_FIELDS, key);
}
