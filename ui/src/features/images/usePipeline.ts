import { useEffect, useRef, useState } from "react";
import { api, type ParseError, type PipelineCheck, type Step } from "../../backend";
import { moved, newStep, type StepKind } from "./model";

/** How long typing must pause before the text is checked. */
export const CHECK_DELAY_MS = 200;

const EMPTY: PipelineCheck = { pipeline: { steps: [] }, canonical: "", problem: null };

export interface Pipeline {
  steps: readonly Step[];
  /** Stable ids of the steps (React keys), same order. */
  ids: readonly number[];
  text: string;
  /** The problem of the text as last checked (highlight it only when `problemIsCurrent`). */
  problem: ParseError | null;
  problemIsCurrent: boolean;
  /** The builder printed the text that has the problem: its step index is a builder card. */
  problemFromBuilder: boolean;
  /** The canonical text when the shown text is checked and valid ("" for no steps), else null. */
  canonical: string | null;
  /** The last valid canonical text: what the preview shows. */
  lastGood: string;
  /** The check or print itself failed (IPC). */
  failure: unknown;
  add: (kind: StepKind) => number;
  update: (index: number, step: Step) => void;
  remove: (index: number) => void;
  move: (index: number, by: -1 | 1) => void;
  type: (text: string) => void;
  /** On leaving the field: the text becomes its canonical form when valid. */
  canonicalize: () => void;
}

/**
 * The pipeline as steps (the builder) and as text, in sync through Rust: a builder change is
 * printed into the text; typed text is checked after a pause and, when valid, becomes the steps
 * (the text itself is rewritten only on blur). Every answer is dropped when a newer edit exists.
 */
export function usePipeline(): Pipeline {
  const [steps, setSteps] = useState<Step[]>([]);
  const [ids, setIds] = useState<number[]>([]);
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<{ text: string; check: PipelineCheck; fromBuilder: boolean }>({
    text: "",
    check: EMPTY,
    fromBuilder: true,
  });
  const [lastGood, setLastGood] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const seq = useRef(0);
  const nextId = useRef(1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const takeSteps = (next: Step[]) => {
    setSteps(next);
    setIds((old) => next.map((_, i) => old[i] ?? nextId.current++));
  };

  /** Checks `value`; a valid text typed by the user becomes the steps (and, on blur, the text). */
  const check = async (value: string, mine: number, fromBuilder: boolean, rewrite = false) => {
    try {
      const result = value.trim() === "" ? EMPTY : await api.checkImagePipeline(value);
      if (seq.current !== mine) return;
      setFailure(null);
      setChecked({ text: value, check: result, fromBuilder });
      if (result.problem || result.canonical === null) return;
      setLastGood(result.canonical);
      if (!fromBuilder && result.pipeline) takeSteps(result.pipeline.steps);
      if (rewrite) {
        setText(result.canonical);
        setChecked({ text: result.canonical, check: result, fromBuilder });
      }
    } catch (e) {
      if (seq.current === mine) setFailure(e);
    }
  };

  const edit = (next: Step[], nextIds: number[]) => {
    clearTimeout(timer.current);
    setSteps(next);
    setIds(nextIds);
    const mine = ++seq.current;
    void (async () => {
      try {
        const printed = next.length === 0 ? "" : await api.printImagePipeline({ steps: next });
        if (seq.current !== mine) return;
        setText(printed);
        await check(printed, mine, true);
      } catch (e) {
        if (seq.current === mine) setFailure(e);
      }
    })();
  };

  const current = checked.text === text;
  return {
    steps,
    ids,
    text,
    problem: checked.check.problem,
    problemIsCurrent: current,
    problemFromBuilder: checked.fromBuilder,
    canonical: current && !checked.check.problem ? checked.check.canonical : null,
    lastGood,
    failure,
    add: (kind) => {
      const id = nextId.current++;
      edit([...steps, newStep(kind)], [...ids, id]);
      return id;
    },
    update: (index, step) => edit(steps.map((s, i) => (i === index ? step : s)), ids.slice()),
    remove: (index) => edit(steps.filter((_, i) => i !== index), ids.filter((_, i) => i !== index)),
    move: (index, by) => {
      const to = index + by;
      if (to < 0 || to >= steps.length) return;
      edit(moved(steps, index, to), moved(ids, index, to));
    },
    type: (value) => {
      setText(value);
      const mine = ++seq.current;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void check(value, mine, false), CHECK_DELAY_MS);
    },
    canonicalize: () => {
      if (checked.text === text && (checked.check.problem !== null || checked.check.canonical === text)) return;
      clearTimeout(timer.current);
      const mine = ++seq.current;
      void check(text, mine, false, true);
    },
  };
}
