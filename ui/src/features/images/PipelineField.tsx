import { useId } from "react";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { utf16Index } from "./model";
import { problemSentence } from "./sentences";
import type { Pipeline } from "./usePipeline";

/**
 * The pipeline as text (monospace), typed or pasted; the builder's changes appear here in
 * canonical form. A problem is said under it with the token at fault marked in the text.
 */
export function PipelineField({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useT();
  const id = useId();
  const p = pipeline;
  const problem = p.problem && p.problemIsCurrent ? p.problem : null;
  return (
    <div className={`img-pipeline ${problem ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{t("images.pipeline")}</label>
      <textarea
        id={id}
        className="mono img-pipeline-text"
        rows={2}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={t("images.pipeline.placeholder")}
        data-testid="image-pipeline"
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        value={p.text}
        onChange={(e) => p.type(e.target.value.replace(/\n/g, ""))}
        onBlur={p.canonicalize}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            p.canonicalize();
          }
        }}
      />
      {problem && (
        <div id={`${id}-problem`} className="img-problem" role="alert" data-testid="image-pipeline-problem">
          <p className="mono img-problem-text" aria-hidden="true">
            <Marked text={p.text} start={problem.start} end={problem.end} />
          </p>
          <p className="field-error">
            {problem.kind.type !== "missingPrefix" && <span className="img-problem-step">{t("images.problem.step", { n: problem.step + 1 })} · </span>}
            {problemSentence(t, problem)}
          </p>
        </div>
      )}
      {p.failure !== null && <ErrorMessage error={p.failure} />}
    </div>
  );
}

/** `text` with the bytes start..end (Rust's offsets) marked; an empty range as a gap marker. */
function Marked({ text, start, end }: { text: string; start: number; end: number }) {
  const a = utf16Index(text, start);
  const b = Math.max(a, utf16Index(text, end));
  return (
    <>
      {text.slice(0, a)}
      <mark className={`img-token ${a === b ? "gap" : ""}`} data-testid="image-pipeline-token">
        {text.slice(a, b)}
      </mark>
      {text.slice(b)}
    </>
  );
}
