import type { Resize, ResizeMode } from "../../../backend";
import { useT, type MessageKey } from "../../../i18n";
import { ColorField } from "../ColorField";
import { NumberField, SelectField } from "../fields";
import { DEFAULTS, RESIZE_MODES } from "../model";

const MODE: Record<ResizeMode, MessageKey> = {
  lfit: "images.mode.lfit",
  mfit: "images.mode.mfit",
  fill: "images.mode.fill",
  pad: "images.mode.pad",
  fixed: "images.mode.fixed",
};

type Limit = "yes" | "no";

export function ResizeForm({ step, onChange, testId }: { step: Resize; onChange: (s: Resize) => void; testId: string }) {
  const { t } = useT();
  const set = (patch: Partial<Resize>) => onChange({ ...step, ...patch });
  return (
    <>
      <NumberField label={t("images.resize.w")} testId={`${testId}-w`} value={step.w} min={1} max={4096} placeholder={t("images.auto")} onChange={(w) => set({ w })} />
      <NumberField label={t("images.resize.h")} testId={`${testId}-h`} value={step.h} min={1} max={4096} placeholder={t("images.auto")} onChange={(h) => set({ h })} />
      <NumberField
        label={t("images.resize.p")}
        testId={`${testId}-p`}
        value={step.percent}
        min={1}
        max={1000}
        placeholder="—"
        hint={t("images.resize.pHint")}
        onChange={(percent) => set({ percent })}
      />
      <SelectField<ResizeMode>
        label={t("images.resize.mode")}
        testId={`${testId}-mode`}
        value={step.mode}
        unset={t("images.defaultIs", { value: t(MODE[DEFAULTS.resizeMode]) })}
        options={RESIZE_MODES.map((m) => ({ value: m, label: t(MODE[m]) }))}
        onChange={(mode) => set({ mode })}
      />
      <SelectField<Limit>
        label={t("images.resize.limit")}
        testId={`${testId}-limit`}
        value={step.limit === null ? null : step.limit ? "yes" : "no"}
        unset={t("images.resize.limit.default")}
        options={[
          { value: "yes", label: t("images.resize.limit.yes") },
          { value: "no", label: t("images.resize.limit.no") },
        ]}
        onChange={(v) => set({ limit: v === null ? null : v === "yes" })}
      />
      {(step.mode === "pad" || step.color !== null) && (
        <ColorField
          label={t("images.resize.color")}
          testId={`${testId}-color`}
          value={step.color}
          defaultHex={DEFAULTS.padColor}
          onChange={(color) => set({ color })}
        />
      )}
    </>
  );
}
