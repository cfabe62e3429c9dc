import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deleteProfile, type Profile } from "../backend";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Icon } from "../components/Icon";
import { ErrorMessage } from "../errors";
import { useT } from "../i18n";
import { queryKeys } from "../lib/queryKeys";
import { ProfileDialog } from "./ProfileDialog";

interface Props {
  profiles: Profile[];
  selected: Profile | null;
  onSelect: (id: string | null) => void;
}

type Open = { kind: "none" } | { kind: "add" } | { kind: "edit"; profile: Profile } | { kind: "remove"; profile: Profile };

/** The profile dropdown with add / edit / remove, and the dialogs they open. */
export function ProfilePicker({ profiles, selected, onSelect }: Props) {
  const { t } = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const close = () => setOpen({ kind: "none" });

  const remove = useMutation({
    mutationFn: (p: Profile) => deleteProfile(p.id),
    onSuccess: async () => {
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
          <button
            type="button"
            className="icon-button"
            data-testid="profile-add"
            title={t("profiles.add")}
            aria-label={t("profiles.add")}
            onClick={() => setOpen({ kind: "add" })}
          >
            <Icon name="plus" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="profile-edit"
            title={t("profiles.edit")}
            aria-label={t("profiles.edit")}
            disabled={!selected}
            onClick={() => selected && setOpen({ kind: "edit", profile: selected })}
          >
            <Icon name="edit" size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="profile-remove"
            title={t("profiles.remove")}
            aria-label={t("profiles.remove")}
            disabled={!selected}
            onClick={() => {
              remove.reset();
              if (selected) setOpen({ kind: "remove", profile: selected });
            }}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      </div>
      <select
        id="profile-select"
        data-testid="profile-select"
        value={selected?.id ?? ""}
        onChange={(e) => onSelect(e.target.value || null)}
        disabled={profiles.length === 0}
      >
        {profiles.length === 0 && <option value="">{t("profiles.none")}</option>}
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {selected && (
        <p className="profile-endpoint" title={selected.endpoint}>
          {selected.endpoint}
        </p>
      )}

      {(open.kind === "add" || open.kind === "edit") && (
        <ProfileDialog
          profile={open.kind === "edit" ? open.profile : undefined}
          onClose={close}
          onSaved={(p) => {
            onSelect(p.id);
            close();
          }}
        />
      )}
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
