import type { ImageMark, TextMark, Watermark } from "../../../backend";
import { useT } from "../../../i18n";
import { ColorField } from "../ColorField";
import { NumberField, SelectField, TextField } from "../fields";
import { GravityGrid } from "../GravityGrid";
import { DEFAULTS, KNOWN_FONTS } from "../model";
import { NestedPipelineField } from "./NestedPipelineField";

type Props = { step: Watermark; onChange: (s: Watermark) => void; testId: string };

/** A text or an image watermark: the mark's own fields, then where it goes and how opaque. */
export function WatermarkForm({ step, onChange, testId }: Props) {
  const { t } = useT();
  const set = (patch: Partial<Watermark>) => onChange({ ...step, ...patch });
  const mark = step.mark;
  return (
    <>
      {mark.kind === "text" ? (
        <TextMarkFields mark={mark} testId={testId} onChange={(m) => set({ mark: { kind: "text", ...m } })} />
      ) : (
        <ImageMarkFields mark={mark} testId={testId} onChange={(m) => set({ mark: { kind: "image", ...m } })} />
      )}
      <NumberField
        label={t("images.wm.opacity")}
        testId={`${testId}-t`}
        value={step.opacity}
        min={0}
        max={100}
        placeholder={String(DEFAULTS.opacity)}
        onChange={(opacity) => set({ opacity })}
      />
      <span className="img-field" aria-hidden="true" />
      <NumberField label={t("images.wm.x")} testId={`${testId}-x`} value={step.x} min={0} max={4096} placeholder={String(DEFAULTS.margin)} onChange={(x) => set({ x })} />
      <NumberField label={t("images.wm.y")} testId={`${testId}-y`} value={step.y} min={0} max={4096} placeholder={String(DEFAULTS.margin)} onChange={(y) => set({ y })} />
      <GravityGrid
        label={t("images.wm.gravity")}
        testId={`${testId}-gravity`}
        value={step.gravity}
        defaultValue={DEFAULTS.watermarkGravity}
        onChange={(gravity) => set({ gravity })}
      />
    </>
  );
}

function TextMarkFields({ mark, testId, onChange }: { mark: TextMark; testId: string; onChange: (m: TextMark) => void }) {
  const { t } = useT();
  const set = (patch: Partial<TextMark>) => onChange({ ...mark, ...patch });
  // A font typed into the pipeline that the list does not have is kept as a choice.
  const fonts = mark.font && !KNOWN_FONTS.includes(mark.font) ? [mark.font, ...KNOWN_FONTS] : KNOWN_FONTS;
  return (
    <>
      <TextField label={t("images.wm.text")} testId={`${testId}-text`} wide value={mark.text} onChange={(text) => set({ text })} />
      <SelectField<string>
        label={t("images.wm.font")}
        testId={`${testId}-font`}
        value={mark.font}
        unset={t("images.default")}
        options={fonts.map((f) => ({ value: f, label: f }))}
        onChange={(font) => set({ font })}
      />
      <ColorField label={t("images.wm.color")} testId={`${testId}-color`} value={mark.color} defaultHex={DEFAULTS.textColor} onChange={(color) => set({ color })} />
      <NumberField
        label={t("images.wm.size")}
        testId={`${testId}-size`}
        value={mark.size}
        min={1}
        max={1000}
        placeholder={String(DEFAULTS.textSize)}
        onChange={(size) => set({ size })}
      />
      <NumberField label={t("images.wm.rotate")} testId={`${testId}-rotate`} value={mark.rotate} min={0} max={360} placeholder="0" onChange={(rotate) => set({ rotate })} />
    </>
  );
}

function ImageMarkFields({ mark, testId, onChange }: { mark: ImageMark; testId: string; onChange: (m: ImageMark) => void }) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("images.wm.key")}
        testId={`${testId}-key`}
        wide
        mono
        placeholder="logo.png"
        value={mark.key}
        onChange={(key) => onChange({ ...mark, key })}
      />
      <NestedPipelineField
        label={t("images.wm.process")}
        hint={t("images.wm.processHint")}
        testId={`${testId}-process`}
        value={mark.process}
        onChange={(process) => onChange({ ...mark, process })}
      />
    </>
  );
}
