import type { DeleteReport } from "../../backend";

/** What the object browser reports after an action. */
export type Notice =
  | { kind: "success"; text: string }
  /** Done, with something the user should know (e.g. dropped folders were not uploaded). */
  | { kind: "warning"; text: string }
  /** `about`: the action and its object, e.g. "Could not download “a.txt”". */
  | { kind: "error"; error: unknown; about?: string }
  | { kind: "deleted"; report: DeleteReport };
