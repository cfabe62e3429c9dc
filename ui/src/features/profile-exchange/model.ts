import type { Profile } from "../../backend";

/** Whether an imported profile would share its name with one there already (Rust allows it). */
export function nameClashes(name: string, existing: readonly Profile[]): boolean {
  const wanted = name.trim().toLowerCase();
  return wanted !== "" && existing.some((p) => p.name.trim().toLowerCase() === wanted);
}

/** One entry of an import dialog, as the user set it; `result` once it was sent. */
export interface ImportRow {
  pick: boolean;
  name: string;
  result: { kind: "done" } | { kind: "failed"; error: unknown } | null;
}
