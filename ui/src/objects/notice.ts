import type { DeleteReport } from "../backend";

/** What the object browser reports after an action. */
export type Notice =
  | { kind: "success"; text: string }
  | { kind: "error"; error: unknown }
  | { kind: "deleted"; report: DeleteReport };
