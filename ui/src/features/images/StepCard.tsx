import type { Step } from "../../backend";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { kindOf, STEP_LABEL } from "./model";
import { CropForm } from "./steps/CropForm";
import { ResizeForm } from "./steps/ResizeForm";
import { AutoOrientForm, FormatForm, InfoForm, QualityForm, RotateForm } from "./steps/SimpleForms";
import { WatermarkForm } from "./steps/WatermarkForm";

interface Props {
  step: Step;
  index: number;
  count: number;
  /** The sentence of the pipeline's problem when it is in this step. */
  problem: string | null;
  /** Stable across moves (the builder finds a new card by it). */
  id: number;
  onChange: (step: Step) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of the builder: its name, move up/down and remove, and a compact form of its parameters. */
export function StepCard({ step, index, count, problem, id, onChange, onMove, onRemove }: Props) {
  const { t } = useT();
  const n = index + 1;
  const testId = `image-step-${index}`;
  const op = t(STEP_LABEL[kindOf(step)]);

  return (
    <section data-step-id={id} className={`img-step ${problem ? "has-problem" : ""}`} data-testid={testId} data-op={kindOf(step)} aria-label={t("images.step.heading", { n, op })}>
      <header className="img-step-head">
        <h4>{t("images.step.heading", { n, op })}</h4>
        <button type="button" className="icon-button small" aria-label={t("images.step.moveUp", { n })} title={t("images.step.moveUp", { n })} data-testid={`${testId}-up`} disabled={index === 0} onClick={() => onMove(-1)}>
          <Icon name="up" size={16} />
        </button>
        <button
          type="button"
          className="icon-button small flip"
          aria-label={t("images.step.moveDown", { n })}
          title={t("images.step.moveDown", { n })}
          data-testid={`${testId}-down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <Icon name="up" size={16} />
        </button>
        <button type="button" className="icon-button small" aria-label={t("images.step.remove", { n })} title={t("images.step.remove", { n })} data-testid={`${testId}-remove`} onClick={onRemove}>
          <Icon name="trash" size={16} />
        </button>
      </header>
      <div className="img-step-form">
        <StepForm step={step} onChange={onChange} testId={testId} />
      </div>
      {problem && (
        <p className="field-error img-step-problem" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      )}
    </section>
  );
}

function StepForm({ step, onChange, testId }: { step: Step; onChange: (s: Step) => void; testId: string }) {
  switch (step.op) {
    case "resize":
      return <ResizeForm step={step} testId={testId} onChange={(s) => onChange({ op: "resize", ...s })} />;
    case "crop":
      return <CropForm step={step} testId={testId} onChange={(s) => onChange({ op: "crop", ...s })} />;
    case "rotate":
      return <RotateForm step={step} testId={testId} onChange={(s) => onChange({ op: "rotate", ...s })} />;
    case "watermark":
      return <WatermarkForm step={step} testId={testId} onChange={(s) => onChange({ op: "watermark", ...s })} />;
    case "format":
      return <FormatForm step={step} testId={testId} onChange={(s) => onChange({ op: "format", ...s })} />;
    case "quality":
      return <QualityForm step={step} testId={testId} onChange={(s) => onChange({ op: "quality", ...s })} />;
    case "autoOrient":
      return <AutoOrientForm step={step} testId={testId} onChange={(s) => onChange({ op: "autoOrient", ...s })} />;
    case "info":
      return <InfoForm />;
  }
}
