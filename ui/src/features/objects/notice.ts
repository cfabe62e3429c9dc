import type { DeleteReport } from "../../backend";

/** What the object browser reports after an action. */
export type Notice =
  | { kind: "success"; text: string }
  /** Done, with something the user should know (e.g. dropped folders were not uploaded). */
  | { kind: "warning"; text: string }
  | { kind: "error"; error: unknown }
  | { kind: "deleted"; report: DeleteReport };
