// Copy, move and rename on the server (the engine's copyObjects): what to send, and the checks
// the dialogs make before sending (pure: no React, no backend).
import type { CopyTarget, Place, Selection } from "../../backend";
import { lastSegment, parentPrefix, splitKey } from "../../lib/path";
import type { Row } from "./rows";

/** One copyObjects call: what is taken (under the shown folder) and where it goes. */
export interface CopyRequest {
  selection: Selection;
  target: CopyTarget;
}

/** The selected rows, taken from the folder they are shown in (`prefix`), to `to`. */
export function copyRequest(prefix: string, rows: readonly Pick<Row, "kind" | "key">[], to: Place, move: boolean): CopyRequest {
  return {
    selection: {
      prefix,
      keys: rows.filter((r) => r.kind === "object").map((r) => r.key),
      folders: rows.filter((r) => r.kind === "folder").map((r) => r.key),
    },
    target: { bucket: to.bucket, prefix: to.prefix, deleteSource: move },
  };
}

/** Why a destination folder cannot take the selection. */
export type TargetProblem =
  /** Not empty (the bucket's root) and not ending in "/". */
  | { kind: "notFolder" }
  /** The folder the selection is in already. */
  | { kind: "samePlace" }
  /** Inside one of the selected folders (or that folder itself). */
  | { kind: "intoItself"; folder: string };

/**
 * Checks a destination for rows selected in `from` (the shown bucket and folder): the engine
 * keeps the structure below `from.prefix`, so the same folder would copy everything onto itself,
 * and a folder inside itself would copy its own copies (Rust refuses that too).
 */
export function checkTarget(from: Place, folders: readonly string[], to: Place): TargetProblem | null {
  if (to.prefix !== "" && !to.prefix.endsWith("/")) return { kind: "notFolder" };
  if (to.bucket !== from.bucket) return null;
  if (to.prefix === from.prefix) return { kind: "samePlace" };
  const inside = folders.find((f) => to.prefix.startsWith(f));
  return inside === undefined ? null : { kind: "intoItself", folder: inside };
}

/** The name a row shows and a rename edits: the last segment, without a folder's "/". */
export function nameOf(row: Pick<Row, "kind" | "key">): string {
  return row.kind === "folder" ? lastSegment(row.key) : splitKey(row.key).name;
}

/** Why a new name cannot be used. */
export type NameProblem = "empty" | "slash" | "same";

export function checkNewName(oldName: string, name: string): NameProblem | null {
  if (name === "") return "empty";
  if (name.includes("/")) return "slash";
  if (name === oldName) return "same";
  return null;
}

/** The key a row gets under a new name, in the same folder. */
export function renamedKey(row: Pick<Row, "kind" | "key">, name: string): string {
  return row.kind === "folder" ? `${parentPrefix(row.key)}${name}/` : `${splitKey(row.key).parent}${name}`;
}

/**
 * A rename is a move of one key in its bucket. An object: the selection's prefix is the key
 * itself and the target's prefix the new key (the key minus the prefix is empty). A folder
 * "a/old/" → "a/new/": everything under the old prefix lands under the new one.
 */
export function renameRequest(bucket: string, row: Pick<Row, "kind" | "key">, name: string): CopyRequest {
  const to = renamedKey(row, name);
  return {
    selection: { prefix: row.key, keys: row.kind === "object" ? [row.key] : [], folders: row.kind === "folder" ? [row.key] : [] },
    target: { bucket, prefix: to, deleteSource: true },
  };
}
