// The one-value steps: rotate, format, quality, auto-orient, info.
import type { AutoOrient, FileFormat, Format, Quality, QualityMode, Rotate } from "../../../backend";
import { useT } from "../../../i18n";
import { CheckField, NumberField, SelectField } from "../fields";
import { FORMATS } from "../model";

interface Props<S> {
  step: S;
  onChange: (s: S) => void;
  testId: string;
}

export function RotateForm({ step, onChange, testId }: Props<Rotate>) {
  const { t } = useT();
  return (
    <NumberField
      label={t("images.rotate.degrees")}
      testId={`${testId}-degrees`}
      value={step.degrees}
      min={0}
      max={360}
      required
      onChange={(d) => d !== null && onChange({ degrees: d })}
    />
  );
}

export function FormatForm({ step, onChange, testId }: Props<Format>) {
  const { t } = useT();
  return (
    <SelectField<FileFormat>
      label={t("images.format.format")}
      testId={`${testId}-format`}
      value={step.format}
      options={FORMATS.map((f) => ({ value: f, label: f }))}
      onChange={(f) => f && onChange({ format: f })}
    />
  );
}

export function QualityForm({ step, onChange, testId }: Props<Quality>) {
  const { t } = useT();
  return (
    <>
      <SelectField<QualityMode>
        label={t("images.quality.mode")}
        testId={`${testId}-mode`}
        wide
        value={step.mode}
        options={[
          { value: "absolute", label: t("images.quality.absolute") },
          { value: "relative", label: t("images.quality.relative") },
        ]}
        onChange={(mode) => mode && onChange({ ...step, mode })}
      />
      <NumberField
        label={t("images.quality.value")}
        testId={`${testId}-value`}
        value={step.value}
        min={1}
        max={100}
        required
        onChange={(value) => value !== null && onChange({ ...step, value })}
      />
    </>
  );
}

export function AutoOrientForm({ step, onChange, testId }: Props<AutoOrient>) {
  const { t } = useT();
  return <CheckField label={t("images.autoOrient.enabled")} testId={`${testId}-enabled`} value={step.enabled} onChange={(enabled) => onChange({ enabled })} />;
}

export function InfoForm() {
  const { t } = useT();
  return <p className="field-hint img-field wide">{t("images.info.hint")}</p>;
}
