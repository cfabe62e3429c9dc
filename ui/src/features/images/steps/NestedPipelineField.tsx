import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { api, type ParseError, type Pipeline } from "../../../backend";
import { useT } from "../../../i18n";
import { queryKeys } from "../../../lib/queryKeys";
import { problemSentence } from "../sentences";
import { CHECK_DELAY_MS } from "../usePipeline";

/**
 * An image watermark's own pipeline, as text: checked by Rust after a pause; a valid one is
 * passed on, a problem is said under the field (the outer pipeline keeps the last valid one).
 */
export function NestedPipelineField({
  label,
  hint,
  testId,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  testId: string;
  value: Pipeline | null;
  onChange: (p: Pipeline | null) => void;
}) {
  const { t } = useT();
  const id = useId();
  const printed = useQuery({
    queryKey: queryKeys.imagePrint(value),
    queryFn: () => (value ? api.printImagePipeline(value) : ""),
    staleTime: Infinity,
  });
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<ParseError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const type = (text: string) => {
    setDraft(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      if (text.trim() === "") {
        setProblem(null);
        onChange(null);
        return;
      }
      const check = await api.checkImagePipeline(text);
      setProblem(check.problem);
      if (check.pipeline) onChange(check.pipeline);
    }, CHECK_DELAY_MS);
  };

  return (
    <div className={`img-field wide ${problem ? "field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="mono"
        spellCheck={false}
        placeholder="image/resize,p_50"
        data-testid={testId}
        aria-invalid={problem !== null || undefined}
        aria-describedby={`${id}-note`}
        value={draft ?? printed.data ?? ""}
        onChange={(e) => type(e.target.value)}
        // A valid text is shown again in canonical form once left.
        onBlur={() => problem === null && setDraft(null)}
      />
      <p id={`${id}-note`} className={problem ? "field-error" : "field-hint"} role={problem ? "alert" : undefined}>
        {problem ? problemSentence(t, problem) : hint}
      </p>
    </div>
  );
}
