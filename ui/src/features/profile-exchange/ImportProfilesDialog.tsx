import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { api, type ImportCandidate, type Profile } from "../../backend";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import "./exchange.css";
import { queryKeys } from "../../lib/queryKeys";
import { PROBLEM_MESSAGES } from "../profiles/profileForm";
import { nameClashes, type ImportRow } from "./model";

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
  const { t, tn } = useT();
  const qc = useQueryClient();
  const ids = useId();
  const [rows, setRows] = useState<ImportRow[]>(() =>
    candidates.map((c) => ({ pick: c.problems.length === 0, name: c.profile.name, result: null })),
  );
  // Secrets stay out of the rows (and out of anything kept once the dialog closes).
  const [secrets, setSecrets] = useState<string[]>(() => candidates.map(() => ""));
  const [busy, setBusy] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [tried, setTried] = useState(false);

  const set = (i: number, patch: Partial<ImportRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const pending = rows.map((_, i) => i).filter((i) => rows[i].pick && rows[i].result?.kind !== "done");
  const imported = rows.filter((r) => r.result?.kind === "done").length;

  const run = async () => {
    setTried(true);
    if (pending.length === 0) return;
    setBusy(true);
    for (const i of pending) {
      try {
        await api.importProfile({ ...candidates[i].profile, name: rows[i].name.trim() }, secrets[i] === "" ? null : secrets[i]);
        set(i, { result: { kind: "done" } });
        setSecrets((ss) => ss.map((s, j) => (j === i ? "" : s)));
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
      title={t("exchange.import.title")}
      onClose={onClose}
      testId="import-profiles-dialog"
      footer={
        <>
          {imported > 0 && (
            <span className="exchange-done" role="status" data-testid="import-done">
              <Icon name="check" size={16} />
              {tn("exchange.import.done", imported)}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="import-close" ref={closeButton}>
            {imported > 0 ? t("common.close") : t("common.cancel")}
          </button>
          {(pending.length > 0 || imported === 0) && (
            <button type="button" className="button primary" data-testid="import-submit" disabled={busy} onClick={() => void run()}>
              {busy ? t("exchange.import.importing") : t("exchange.import.submit")}
            </button>
          )}
        </>
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
