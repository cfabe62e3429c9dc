import type { Problem, ProblemCode } from "../../../backend";
import { useT, type MessageKey } from "../../../i18n";

/** One sentence per ProblemCode (generated from Rust): a code Rust adds fails `tsc` here. */
const SENTENCE: Record<ProblemCode, MessageKey> = {
  Required: "problem.Required",
  TooMany: "problem.TooMany",
  TooLong: "problem.TooLong",
  Duplicate: "problem.Duplicate",
  NotAllowed: "problem.NotAllowed",
  TooManyWildcards: "problem.TooManyWildcards",
  OutOfRange: "problem.OutOfRange",
  Exclusive: "problem.Exclusive",
  WrongStatusClass: "problem.WrongStatusClass",
  Malformed: "problem.Malformed",
  JsonSyntax: "problem.JsonSyntax",
  JsonShape: "problem.JsonShape",
  OwnerLosesFullControl: "problem.OwnerLosesFullControl",
  PublicWrite: "problem.PublicWrite",
};

/** The sentence of one problem, in the UI's language (the field is shown by its place). */
export function useProblemSentence(): (p: Problem) => string {
  const { t } = useT();
  return (p) =>
    t(SENTENCE[p.code], {
      limit: p.limit ?? "",
      line: p.line ?? "",
      column: p.column ?? "",
      detail: p.detail,
    });
}

/** Problems of `field` itself and, unless `exact`, of everything under it (`CORSRules[0]` → its fields). */
export function problemsAt(problems: readonly Problem[], field: string, exact = false): Problem[] {
  return problems.filter(
    (p) => p.field === field || (!exact && (p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`))),
  );
}

/** Problems that block saving (the others ask the user to confirm). */
export function blocking(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.code !== "OwnerLosesFullControl" && p.code !== "PublicWrite");
}

/** The inline messages of one field (nothing when it has none). */
export function FieldProblems({
  problems,
  field,
  exact = true,
  testId,
}: {
  problems: readonly Problem[];
  field: string;
  exact?: boolean;
  testId?: string;
}) {
  const sentence = useProblemSentence();
  const mine = problemsAt(problems, field, exact);
  if (mine.length === 0) return null;
  return (
    <div className="field-error" role="alert" data-testid={testId ?? `problem-${field}`}>
      {mine.map((p, i) => (
        <div key={i}>{sentence(p)}</div>
      ))}
    </div>
  );
}

/** Every problem with its field named: for the JSON view and the summary above Save. */
export function ProblemList({ problems, testId = "config-problems" }: { problems: readonly Problem[]; testId?: string }) {
  const { t } = useT();
  const sentence = useProblemSentence();
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list" data-testid={testId} role="alert">
      {problems.map((p, i) => (
        <li key={i}>{p.field ? t("problem.at", { field: p.field, sentence: sentence(p) }) : sentence(p)}</li>
      ))}
    </ul>
  );
}
