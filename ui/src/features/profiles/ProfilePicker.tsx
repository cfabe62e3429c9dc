import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Profile } from "../../backend";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Icon, type IconName } from "../../components/Icon";
import { Menu } from "../../components/Menu";
import { Tooltip } from "../../components/Tooltip";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { queryKeys } from "../../lib/queryKeys";
import { useProfileExchange } from "../profile-exchange/useProfileExchange";
import { forgetProfile } from "./lastProfile";
import { ProfileDialog } from "./ProfileDialog";

interface Props {
  profiles: Profile[];
  selected: Profile | null;
  /** Opens a profile (null: none, back to the start). */
  onSelect: (id: string | null) => void;
}

type Open = { kind: "none" } | { kind: "add" } | { kind: "edit"; profile: Profile } | { kind: "remove"; profile: Profile };

/** The profile dropdown with add / edit / remove, import / export, and the dialogs they open. */
export function ProfilePicker({ profiles, selected, onSelect }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const plainHttp = selected?.plainHttp ?? false;
  const close = () => setOpen({ kind: "none" });
  const exchange = useProfileExchange(profiles);

  const remove = useMutation({
    mutationFn: (p: Profile) => api.deleteProfile(p.id),
    onSuccess: async (_, p) => {
      forgetProfile(p.id);
      onSelect(null);
      close();
      await qc.invalidateQueries({ queryKey: queryKeys.profiles() });
    },
  });

  return (
    <div className="profile-picker">
      <div className="sidebar-heading">
        <label className="sidebar-label" htmlFor="profile-select">
          {t("profiles.label")}
        </label>
        <div className="heading-actions">
          <IconAction testId="profile-add" label={t("profiles.add")} icon="plus" onClick={() => setOpen({ kind: "add" })} />
          <IconAction
            testId="profile-edit"
            label={t("profiles.edit")}
            icon="edit"
            disabled={!selected}
            onClick={() => selected && setOpen({ kind: "edit", profile: selected })}
          />
          <IconAction
            testId="profile-remove"
            label={t("profiles.remove")}
            icon="trash"
            disabled={!selected}
            onClick={() => {
              remove.reset();
              if (selected) setOpen({ kind: "remove", profile: selected });
            }}
          />
          <Menu
            label={t("exchange.menu")}
            testId="profile-exchange-menu"
            trigger={<Icon name="more" size={16} />}
            items={[
              { label: t("exchange.export"), onSelect: exchange.startExport, disabled: profiles.length === 0, testId: "profile-export" },
              { label: t("exchange.import"), onSelect: exchange.startImport, disabled: exchange.reading, testId: "profile-import" },
              { label: t("exchange.importAws"), onSelect: exchange.startAwsImport, testId: "profile-import-aws" },
            ]}
          />
        </div>
      </div>
      <select
        id="profile-select"
        data-testid="profile-select"
        value={selected?.id ?? ""}
        onChange={(e) => onSelect(e.target.value || null)}
        disabled={profiles.length === 0}
      >
        {!selected && <option value="">{profiles.length === 0 ? t("profiles.none") : t("profiles.choose")}</option>}
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {selected && (
        <p className="profile-endpoint" title={selected.endpoint}>
          {plainHttp && (
            <Tooltip label={t("profiles.plainHttpNote")}>
              <span className="badge warning" data-testid="profile-plain-http-badge" tabIndex={0}>
                {t("profiles.plainHttp")}
              </span>
            </Tooltip>
          )}
          <span className="profile-endpoint-url">{selected.endpoint}</span>
        </p>
      )}

      {(open.kind === "add" || open.kind === "edit") && (
        <ProfileDialog
          profile={open.kind === "edit" ? open.profile : undefined}
          onClose={close}
          onSaved={(p) => {
            close();
            onSelect(p.id);
          }}
        />
      )}
      {exchange.dialogs}
      {open.kind === "remove" && (
        <ConfirmDialog
          title={t("profiles.remove.title")}
          message={
            <>
              <p>{t("profiles.remove.body", { name: open.profile.name })}</p>
              {remove.error && <ErrorMessage error={remove.error} />}
            </>
          }
          okLabel={t("profiles.remove.ok")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(open.profile)}
          onCancel={close}
        />
      )}
    </div>
  );
}

interface IconActionProps {
  testId: string;
  label: string;
  icon: IconName;
  disabled?: boolean;
  onClick: () => void;
}

function IconAction({ testId, label, icon, disabled, onClick }: IconActionProps) {
  return (
    <Tooltip label={label}>
      <button type="button" className="icon-button" data-testid={testId} aria-label={label} disabled={disabled} onClick={onClick}>
        <Icon name={icon} size={icon === "plus" ? 18 : 16} />
      </button>
    </Tooltip>
  );
}
