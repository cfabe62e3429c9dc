// The default encryption form's model and its mapping to the boto3-shaped EncryptionConfiguration.
// No rule lives here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { EncryptionConfiguration, SseAlgorithm } from "../../../backend";
import { sameConfig } from "../objectLock/ConfigEditor";

/** "none": no default encryption (saving it deletes the configuration). */
export type EncryptionMode = "none" | SseAlgorithm;

export interface EncryptionForm {
  mode: EncryptionMode;
  /** For aws:kms (kept while another mode is chosen, in case the user comes back). */
  keyId: string;
  /** Not edited here: kept as the server had it. */
  bucketKey: boolean;
}

/** The form for `config` (null: not set on the bucket). */
export function fromConfig(config: EncryptionConfiguration | null): EncryptionForm {
  const rule = config?.Rules[0] ?? null;
  if (!rule) return { mode: "none", keyId: "", bucketKey: false };
  const d = rule.ApplyServerSideEncryptionByDefault;
  return { mode: d.SSEAlgorithm, keyId: d.KMSMasterKeyID ?? "", bucketKey: rule.BucketKeyEnabled ?? false };
}

/** The configuration the form describes: no rule for "none"; a key id only with aws:kms. */
export function toConfig(form: EncryptionForm): EncryptionConfiguration {
  if (form.mode === "none") return { Rules: [] };
  return {
    Rules: [
      {
        ApplyServerSideEncryptionByDefault:
          form.mode === "aws:kms" ? { SSEAlgorithm: "aws:kms", KMSMasterKeyID: form.keyId } : { SSEAlgorithm: "AES256" },
        ...(form.bucketKey ? { BucketKeyEnabled: true } : {}),
      },
    ],
  };
}

/** No rule: the user means "no default encryption" (a delete, not a put). */
export function isNone(config: EncryptionConfiguration): boolean {
  return config.Rules.length === 0;
}

/** Whether the form can show `config` without losing anything (e.g. not two rules). */
export function formCanShow(config: EncryptionConfiguration): boolean {
  // Unset and false mean the same for bucket keys.
  const plain = {
    Rules: config.Rules.map(({ BucketKeyEnabled, ...rule }) => (BucketKeyEnabled ? { ...rule, BucketKeyEnabled } : rule)),
  };
  return sameConfig(toConfig(fromConfig(config)), plain);
}
