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

/** `limit_1` (never enlarge) or `limit_0`. */
type Limit = "1" | "0";

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
        onChange={(percent) => set({ percent })}
      />
      <SelectField<Limit>
        label={t("images.resize.limit")}
        testId={`${testId}-limit`}
        value={step.limit === null ? null : step.limit ? "1" : "0"}
        unset={t("images.resize.limit.default")}
        options={[
          { value: "1", label: t("images.resize.limit.yes") },
          { value: "0", label: t("images.resize.limit.no") },
        ]}
        onChange={(v) => set({ limit: v === null ? null : v === "1" })}
      />
      <SelectField<ResizeMode>
        label={t("images.resize.mode")}
        testId={`${testId}-mode`}
        wide
        value={step.mode}
        unset={t("images.defaultIs", { value: t(MODE[DEFAULTS.resizeMode]) })}
        options={RESIZE_MODES.map((m) => ({ value: m, label: t(MODE[m]) }))}
        onChange={(mode) => set({ mode })}
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
