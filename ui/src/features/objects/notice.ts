import type { DeleteReport } from "../../backend";
import type { StartedTransfer } from "../transfers/TransferNotice";

/** What the object browser reports after an action. */
export type Notice =
  | { kind: "success"; text: string }
  /** Done, with something the user should know. */
  | { kind: "warning"; text: string }
  /** `about`: the action and its object, e.g. "Could not download “a.txt”". */
  | { kind: "error"; error: unknown; about?: string }
  | { kind: "deleted"; report: DeleteReport }
  /** An upload or download just started: followed live until it ends. */
  | { kind: "transfer"; started: StartedTransfer };
