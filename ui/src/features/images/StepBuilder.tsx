import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { STEP_KINDS, STEP_LABEL } from "./model";
import { problemSentence } from "./sentences";
import { StepCard } from "./StepCard";
import type { Pipeline } from "./usePipeline";

/** The steps as forms, in order, with "Add step" (a menu of every kind of step). */
export function StepBuilder({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useT();
  /** The step just added from the menu: its first field gets the focus when the menu closes. */
  const added = useRef<number | null>(null);
  const p = pipeline;
  // A problem the builder's own text has belongs to one card; one of typed text is under the text.
  const problemStep = p.problem && p.problemIsCurrent && p.problemFromBuilder ? p.problem.step : -1;
  return (
    <div className="img-builder" data-testid="image-builder">
      <div className="img-builder-head">
        <h3 className="pane-title">{t("images.steps")}</h3>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="button small" data-testid="image-add-step">
            <Icon name="plus" size={16} />
            {t("images.addStep")}
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              className="menu"
              align="end"
              sideOffset={4}
              collisionPadding={8}
              onCloseAutoFocus={(e) => {
                const field = document.querySelector<HTMLElement>(`[data-step-id="${added.current}"] :is(input, select)`);
                added.current = null;
                if (field) {
                  e.preventDefault();
                  field.focus();
                }
              }}
            >
              {STEP_KINDS.map((kind) => (
                <DropdownMenu.Item key={kind} className="menu-item" data-testid={`image-add-${kind}`} onSelect={() => (added.current = p.add(kind))}>
                  {t(STEP_LABEL[kind])}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      {p.steps.length === 0 ? (
        <p className="muted img-builder-empty">{t("images.noSteps")}</p>
      ) : (
        p.steps.map((step, i) => (
          <StepCard
            key={p.ids[i]}
            step={step}
            index={i}
            count={p.steps.length}
            problem={i === problemStep && p.problem ? problemSentence(t, p.problem) : null}
            id={p.ids[i]}
            onChange={(s) => p.update(i, s)}
            onMove={(by) => p.move(i, by)}
            onRemove={() => p.remove(i)}
          />
        ))
      )}
    </div>
  );
}
