import { useId, useState } from "react";
import { api, type ImportCandidate, type Profile } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import "./exchange.css";
import { PROBLEM_MESSAGES } from "../profiles/profileForm";
import { nameClashes, type ImportRow } from "./model";
import { ImportFooter, useImportRun } from "./useImportRun";

interface Props {
  /** What Rust read from the chosen file, each with the profile form's verdict. */
  candidates: ImportCandidate[];
  /** The profiles there already (to say when a name is taken). */
  existing: Profile[];
  onClose: () => void;
}

/**
 * The profiles of an export file: each may be imported with a secret key typed here (to the
 * keyring) or none (entered later by editing the profile), under the name in the file or another.
 * One import call per profile: a refusal is said beside it, the others are imported, and a second
 * Import does not import one twice.
 */
export function ImportProfilesDialog({ candidates, existing, onClose }: Props) {
  const { t } = useT();
  const ids = useId();
  // Secrets stay out of the rows (and out of anything kept once the dialog closes).
  const [secrets, setSecrets] = useState<string[]>(() => candidates.map(() => ""));
  const { rows, set, busy, tried, pending, imported, run, closeButton } = useImportRun<ImportRow>(
    () => candidates.map((c) => ({ pick: c.problems.length === 0, name: c.profile.name, result: null })),
    async (i, row) => {
      await api.importProfile({ ...candidates[i].profile, name: row.name.trim() }, secrets[i] === "" ? null : secrets[i]);
      setSecrets((ss) => ss.map((s, j) => (j === i ? "" : s)));
    },
  );

  return (
    <Modal
      title={t("exchange.import.title")}
      onClose={onClose}
      testId="import-profiles-dialog"
      footer={
        <ImportFooter
          testIds={{ done: "import-done", close: "import-close", submit: "import-submit" }}
          imported={imported}
          busy={busy}
          canImport={pending.length > 0 || imported === 0}
          closeButton={closeButton}
          onClose={onClose}
          onImport={() => void run()}
        />
      }
    >
      <div className="form">
        <p className="field-hint">{t("exchange.import.intro")}</p>
        {tried && pending.length === 0 && imported === 0 && <p className="field-error">{t("exchange.import.nothing")}</p>}
        {candidates.map((c, i) => {
          const row = rows[i];
          const done = row.result?.kind === "done";
          const blocked = c.problems.length > 0;
          return (
            <fieldset key={i} className="exchange-item" data-testid={`import-candidate-${i}`} disabled={busy || done}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid={`import-pick-${i}`}
                  checked={row.pick}
                  disabled={blocked}
                  aria-label={t("exchange.import.pick", { name: c.profile.name })}
                  onChange={(e) => set(i, { pick: e.target.checked })}
                />
                <span className="exchange-label">
                  <span className="exchange-name">{c.profile.name}</span>
                  <small className="exchange-detail">
                    {c.profile.endpoint} · {c.profile.accessKeyId}
                  </small>
                  <NetworkNote candidate={c} index={i} />
                </span>
              </label>
              {blocked && (
                <div className="field-error" data-testid={`import-problems-${i}`}>
                  {t("exchange.import.cannot")}{" "}
                  {c.problems.map((p) => (
                    <span key={`${p.field}-${p.reason}`} className="field-problem">
                      {t(PROBLEM_MESSAGES[p.reason], { part: p.part ?? "" })}
                    </span>
                  ))}
                </div>
              )}
              {row.pick && !done && (
                <div className="form-row">
                  <Field
                    label={t("exchange.import.name")}
                    htmlFor={`${ids}-name-${i}`}
                    hint={
                      nameClashes(row.name, existing) && (
                        <span className="hint-warn" data-testid={`import-clash-${i}`}>
                          {t("exchange.import.clash", { name: row.name.trim() })}
                        </span>
                      )
                    }
                  >
                    <input
                      id={`${ids}-name-${i}`}
                      data-testid={`import-name-${i}`}
                      value={row.name}
                      onChange={(e) => set(i, { name: e.target.value, result: null })}
                      autoComplete="off"
                    />
                  </Field>
                  <Field label={t("exchange.import.secret")} htmlFor={`${ids}-secret-${i}`} hint={t("exchange.import.secretHint")}>
                    <input
                      id={`${ids}-secret-${i}`}
                      type="password"
                      data-testid={`import-secret-${i}`}
                      value={secrets[i]}
                      onChange={(e) => setSecrets((ss) => ss.map((s, j) => (j === i ? e.target.value : s)))}
                      autoComplete="new-password"
                    />
                  </Field>
                </div>
              )}
              {done && (
                <p className="test-ok" data-testid={`import-imported-${i}`}>
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

/** What the entry brings besides its endpoint: its own CA and its proxy, when it has them. */
function NetworkNote({ candidate, index }: { candidate: ImportCandidate; index: number }) {
  const { t } = useT();
  const { profile, ca } = candidate;
  const proxy = profile.proxy;
  const lines: string[] = [];
  if (profile.caPem) {
    lines.push(ca ? t("exchange.import.ca", { subject: ca.subject, until: ca.notAfter.slice(0, 10) }) : t("exchange.import.caInvalid"));
  }
  if (proxy?.mode === "custom" && proxy.url) lines.push(t("exchange.import.proxy", { url: proxy.url }));
  if (proxy?.mode === "direct") lines.push(t("exchange.import.direct"));
  if (lines.length === 0) return null;
  return (
    <small className="exchange-detail" data-testid={`import-network-${index}`}>
      {lines.join(" · ")}
    </small>
  );
}
