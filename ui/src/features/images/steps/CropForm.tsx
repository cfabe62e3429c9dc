import type { Crop } from "../../../backend";
import { useT } from "../../../i18n";
import { NumberField } from "../fields";
import { GravityGrid } from "../GravityGrid";
import { DEFAULTS } from "../model";

export function CropForm({ step, onChange, testId }: { step: Crop; onChange: (s: Crop) => void; testId: string }) {
  const { t } = useT();
  const set = (patch: Partial<Crop>) => onChange({ ...step, ...patch });
  const edge = t("images.crop.toEdge");
  return (
    <>
      <NumberField label={t("images.crop.w")} testId={`${testId}-w`} value={step.w} min={1} max={30000} placeholder={edge} onChange={(w) => set({ w })} />
      <NumberField label={t("images.crop.h")} testId={`${testId}-h`} value={step.h} min={1} max={30000} placeholder={edge} onChange={(h) => set({ h })} />
      <NumberField label={t("images.crop.x")} testId={`${testId}-x`} value={step.x} min={0} max={30000} placeholder="0" onChange={(x) => set({ x })} />
      <NumberField label={t("images.crop.y")} testId={`${testId}-y`} value={step.y} min={0} max={30000} placeholder="0" onChange={(y) => set({ y })} />
      <GravityGrid
        label={t("images.crop.gravity")}
        testId={`${testId}-gravity`}
        value={step.gravity}
        defaultValue={DEFAULTS.cropGravity}
        onChange={(gravity) => set({ gravity })}
      />
    </>
  );
}
