import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
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
  const { t, tn } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const [rows, setRows] = useState<AwsRow[]>(() => profiles.map(rowOf));
  const [busy, setBusy] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [tried, setTried] = useState(false);
  const set = (i: number, patch: Partial<AwsRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const pending = rows.map((_, i) => i).filter((i) => rows[i].pick && rows[i].result?.kind !== "done");
  const imported = rows.filter((r) => r.result?.kind === "done").length;

  // One call per profile: Rust stops a batch at its first refusal, after saving those before it.
  const run = async () => {
    setTried(true);
    if (pending.length === 0) return;
    setBusy(true);
    for (const i of pending) {
      const r = rows[i];
      const p = profiles[i];
      try {
        await api.importAwsProfiles([
          { awsProfile: p.name, name: r.name.trim(), endpoint: r.endpoint.trim(), region: r.region.trim(), pathStyle: p.pathStyle ?? true },
        ]);
        set(i, { result: { kind: "done" } });
      } catch (error) {
        set(i, { result: { kind: "failed", error } });
      }
    }
    setBusy(false);
    // Import goes away once everything chosen is in: focus goes on to Close, not to the page.
    closeButton.current?.focus();
    await qc.invalidateQueries({ queryKey: queryKeys.profiles() });
  };

  return (
    <Modal
      title={t("exchange.aws.title")}
      onClose={onClose}
      testId="aws-import-dialog"
      footer={
        <>
          {imported > 0 && (
            <span className="exchange-done" role="status" data-testid="aws-done">
              <Icon name="check" size={16} />
              {tn("exchange.import.done", imported)}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="aws-close" ref={closeButton}>
            {imported > 0 ? t("common.close") : t("common.cancel")}
          </button>
          {(pending.length > 0 || imported === 0) && profiles.length > 0 && (
            <button type="button" className="button primary" data-testid="aws-import-submit" disabled={busy} onClick={() => void run()}>
              {busy ? t("exchange.import.importing") : t("exchange.import.submit")}
            </button>
          )}
        </>
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
