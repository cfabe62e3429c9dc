import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { api, type AwsProfile, type Profile } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { QueryPlaceholder } from "../../components/QueryPlaceholder";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import "./exchange.css";
import { queryKeys } from "../../lib/queryKeys";
import { nameClashes, type ImportRow } from "./model";
import { ImportFooter, useImportRun } from "./useImportRun";

interface Props {
  existing: Profile[];
  onClose: () => void;
}

interface AwsRow extends ImportRow {
  endpoint: string;
  region: string;
}

const rowOf = (p: AwsProfile): AwsRow => ({
  pick: false,
  name: p.name,
  endpoint: p.endpoint ?? "",
  region: p.region ?? "default",
  result: null,
});

/**
 * "Import from ~/.aws…": the AWS CLI's profiles as Rust reads them (never their secrets), each
 * with a name for this app, its endpoint (to enter when the files name none) and region. Rust
 * copies each chosen one's secret from the file to the keyring.
 */
export function AwsImportDialog({ existing, onClose }: Props) {
  const { t } = useT();
  // Read each time the dialog opens: the files may have changed.
  const aws = useQuery({ queryKey: queryKeys.awsProfiles(), queryFn: () => api.listAwsProfiles(), gcTime: 0, staleTime: 0 });
  if (aws.data) return <AwsForm profiles={aws.data} existing={existing} onClose={onClose} />;
  return (
    <Modal
      title={t("exchange.aws.title")}
      onClose={onClose}
      testId="aws-import-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="aws-close">
            {t("common.close")}
          </button>
        </>
      }
    >
      <QueryPlaceholder query={aws} />
    </Modal>
  );
}

function AwsForm({ profiles, existing, onClose }: { profiles: AwsProfile[]; existing: Profile[]; onClose: () => void }) {
  const { t } = useT();
  const ids = useId();
  const { rows, set, busy, tried, pending, imported, run, closeButton } = useImportRun<AwsRow>(
    () => profiles.map(rowOf),
    async (i, r) => {
      const p = profiles[i];
      await api.importAwsProfiles([
        { awsProfile: p.name, name: r.name.trim(), endpoint: r.endpoint.trim(), region: r.region.trim(), pathStyle: p.pathStyle ?? true },
      ]);
    },
  );

  return (
    <Modal
      title={t("exchange.aws.title")}
      onClose={onClose}
      testId="aws-import-dialog"
      footer={
        <ImportFooter
          testIds={{ done: "aws-done", close: "aws-close", submit: "aws-import-submit" }}
          imported={imported}
          busy={busy}
          canImport={(pending.length > 0 || imported === 0) && profiles.length > 0}
          closeButton={closeButton}
          onClose={onClose}
          onImport={() => void run()}
        />
      }
    >
      <div className="form">
        <p className="field-hint">{t("exchange.aws.intro")}</p>
        {profiles.length === 0 && (
          <p className="muted" data-testid="aws-empty">
            {t("exchange.aws.empty")}
          </p>
        )}
        {tried && pending.length === 0 && imported === 0 && <p className="field-error">{t("exchange.import.nothing")}</p>}
        {profiles.map((p, i) => {
          const row = rows[i];
          const done = row.result?.kind === "done";
          return (
            <fieldset key={p.name} className="exchange-item" data-testid={`aws-profile-${p.name}`} disabled={busy || done}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid={`aws-pick-${p.name}`}
                  checked={row.pick}
                  aria-label={t("exchange.import.pick", { name: p.name })}
                  onChange={(e) => set(i, { pick: e.target.checked })}
                />
                <span className="exchange-label">
                  <span className="exchange-name">{p.name}</span>
                  <small className="exchange-detail">
                    {[p.endpoint ?? "—", p.region ?? "—", t("exchange.aws.key", { key: p.accessKeyId })].join(" · ")}
                  </small>
                </span>
              </label>
              {!p.hasSecret && (
                <p className="hint-warn" data-testid={`aws-no-secret-${p.name}`}>
                  {t("exchange.aws.noSecret")}
                </p>
              )}
              {row.pick && !done && (
                <>
                  <Field
                    label={t("exchange.import.name")}
                    htmlFor={`${ids}-name-${i}`}
                    hint={
                      nameClashes(row.name, existing) && (
                        <span className="hint-warn" data-testid={`aws-clash-${p.name}`}>
                          {t("exchange.import.clash", { name: row.name.trim() })}
                        </span>
                      )
                    }
                  >
                    <input
                      id={`${ids}-name-${i}`}
                      data-testid={`aws-name-${p.name}`}
                      value={row.name}
                      onChange={(e) => set(i, { name: e.target.value, result: null })}
                      autoComplete="off"
                    />
                  </Field>
                  <div className="form-row">
                    <Field
                      label={t("exchange.aws.endpoint")}
                      htmlFor={`${ids}-endpoint-${i}`}
                      hint={p.endpoint ? undefined : <span className="hint-warn">{t("exchange.aws.endpointMissing")}</span>}
                    >
                      <input
                        id={`${ids}-endpoint-${i}`}
                        data-testid={`aws-endpoint-${p.name}`}
                        value={row.endpoint}
                        placeholder="https://zos.example.com"
                        onChange={(e) => set(i, { endpoint: e.target.value, result: null })}
                        autoComplete="off"
                        spellCheck={false}
                      />
                    </Field>
                    <Field label={t("exchange.aws.region")} htmlFor={`${ids}-region-${i}`}>
                      <input
                        id={`${ids}-region-${i}`}
                        data-testid={`aws-region-${p.name}`}
                        value={row.region}
                        onChange={(e) => set(i, { region: e.target.value, result: null })}
                        autoComplete="off"
                        spellCheck={false}
                      />
                    </Field>
                  </div>
                </>
              )}
              {done && (
                <p className="test-ok" data-testid={`aws-imported-${p.name}`}>
                  <Icon name="check" size={16} />
                  {t("exchange.import.imported")}
                </p>
              )}
              {row.result?.kind === "failed" && <ErrorMessage error={row.result.error} />}
            </fieldset>
          );
        })}
      </div>
    </Modal>
  );
}
