import type { ProfileInput } from "../backend";
import type { MessageKey } from "../i18n";

export interface ProfileForm {
  name: string;
  endpoint: string;
  region: string;
  pathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

export type ProfileFormErrors = Partial<Record<"name" | "endpoint" | "accessKeyId" | "secretAccessKey", MessageKey>>;

export const EMPTY_PROFILE_FORM: ProfileForm = {
  name: "",
  endpoint: "",
  region: "default",
  pathStyle: true,
  accessKeyId: "",
  secretAccessKey: "",
};

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Problems with the form, by field; empty when it may be sent. A new profile needs a secret. */
export function validateProfileForm(form: ProfileForm, isNew: boolean): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  if (form.name.trim() === "") errors.name = "profileDialog.invalid.name";
  if (!isHttpUrl(form.endpoint)) errors.endpoint = "profileDialog.invalid.endpoint";
  if (form.accessKeyId.trim() === "") errors.accessKeyId = "profileDialog.invalid.accessKey";
  if (isNew && form.secretAccessKey === "") errors.secretAccessKey = "profileDialog.invalid.secret";
  return errors;
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
  };
}
