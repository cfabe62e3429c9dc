// Sentences for what Rust reports about a pipeline and a result: every ParseErrorKind and every
// Note has one (exhaustive switches: a kind Rust adds fails `tsc` here).
import type { Fallback, Note, ParseError } from "../../backend";
import type { Translator } from "../../i18n";

type T = Translator["t"];

/** The problem of a pipeline, naming the token at fault, in the UI's language. */
export function problemSentence(t: T, p: ParseError): string {
  const token = p.token;
  const k = p.kind;
  switch (k.type) {
    case "empty":
      return t("images.problem.empty");
    case "missingPrefix":
      return t("images.problem.missingPrefix", { token });
    case "unknownOperation":
      return t("images.problem.unknownOperation", { token });
    case "unknownParameter":
      return t("images.problem.unknownParameter", { token, op: k.op });
    case "missingValue":
      return t("images.problem.missingValue", { token });
    case "badNumber":
      return t("images.problem.badNumber", { token });
    case "outOfRange":
      return t("images.problem.outOfRange", { token, min: k.min, max: k.max });
    case "badColor":
      return t("images.problem.badColor", { token });
    case "badBase64":
      return t("images.problem.badBase64", { token });
    case "badText":
      return t("images.problem.badText", { token });
    case "badChoice":
      return t("images.problem.badChoice", { token, allowed: k.allowed.join(", ") });
    case "duplicate":
      return t("images.problem.duplicate", { token });
    case "conflict":
      return t("images.problem.conflict", { token, with: k.with });
    case "missingRequired":
      return t("images.problem.missingRequired", { token, oneOf: k.one_of.join(", ") });
    case "infoNotAlone":
      return t("images.problem.infoNotAlone", { token });
    case "notAllowedInWatermark":
      return t("images.problem.notAllowedInWatermark", { token });
    case "nested":
      return t("images.problem.nested", { inner: problemSentence(t, k.error) });
    case "notCanonical":
      return t("images.problem.notCanonical", { token });
    default:
      return unreachable(k);
  }
}

/** What the local engine said about its work. */
export function noteSentence(t: T, n: Note): string {
  switch (n.type) {
    case "fontUsed":
      return t("images.note.fontUsed", { used: n.used });
    case "fontSubstituted":
      return t("images.note.fontSubstituted", { requested: n.requested, used: n.used });
    case "noCjkFont":
      return t("images.note.noCjkFont");
    case "missingGlyphs":
      return t("images.note.missingGlyphs", { chars: n.chars });
    case "notEnlarged":
      return t("images.note.notEnlarged");
    case "watermarkClipped":
      return t("images.note.watermarkClipped");
    default:
      return unreachable(n);
  }
}

/** Why a result asked of the server came from this computer (serverFailed adds its error). */
export function fallbackSentence(t: T, f: Fallback): string {
  switch (f.kind) {
    case "serverIgnored":
      return t("images.fallback.serverIgnored");
    case "serverFailed":
      return t("images.fallback.serverFailed");
    case "knownUnsupported":
      return t("images.fallback.knownUnsupported");
    default:
      return unreachable(f);
  }
}

function unreachable(x: never): never {
  throw new Error(`unknown variant ${JSON.stringify(x)}`);
}
