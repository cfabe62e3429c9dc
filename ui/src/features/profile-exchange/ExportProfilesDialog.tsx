import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Profile } from "../../backend";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import "./exchange.css";

interface Props {
  profiles: Profile[];
  onClose: () => void;
}

/**
 * "Export profiles…": which profiles go to the file (all at first); Rust opens the native save
 * dialog and writes them without any secret. A cancelled save dialog leaves this one open.
 */
export function ExportProfilesDialog({ profiles, onClose }: Props) {
  const { t, tn } = useT();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(profiles.map((p) => p.id)));
  const save = useMutation({ mutationFn: (ids: string[]) => api.exportProfiles(ids) });
  const saved = save.data === true ? save.variables.length : null;
  const ids = profiles.filter((p) => chosen.has(p.id)).map((p) => p.id);

  const toggle = (id: string, on: boolean) => {
    save.reset();
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  return (
    <Modal
      title={t("exchange.export.title")}
      onClose={onClose}
      testId="export-profiles-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="export-close">
            {saved !== null ? t("common.close") : t("common.cancel")}
          </button>
          {saved === null && (
            <button
              type="button"
              className="button primary"
              data-testid="export-save"
              disabled={ids.length === 0 || save.isPending}
              onClick={() => save.mutate(ids)}
            >
              {t("exchange.export.save")}
            </button>
          )}
        </>
      }
    >
      <div className="form">
        <p className="field-hint" data-testid="export-no-secrets">
          {t("exchange.export.intro")}
        </p>
        <ul className="exchange-list">
          {profiles.map((p) => (
            <li key={p.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid={`export-pick-${p.id}`}
                  checked={chosen.has(p.id)}
                  disabled={saved !== null}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <span className="exchange-label">
                  <span className="exchange-name">{p.name}</span>
                  <small className="exchange-detail">{p.endpoint}</small>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {ids.length === 0 && <p className="field-hint">{t("exchange.export.none")}</p>}
        {saved !== null && (
          <p className="test-ok" role="status" data-testid="export-done">
            {tn("exchange.export.done", saved)}
          </p>
        )}
        {save.error && <ErrorMessage error={save.error} />}
      </div>
    </Modal>
  );
}
