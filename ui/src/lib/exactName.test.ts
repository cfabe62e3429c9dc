import { describe, expect, it } from "vitest";
import { displayName, displayUnits, hasInvisible, middleEllipsis, nameParts, type NamePart } from "./exactName";

const text = (parts: readonly NamePart[]) => parts.map((p) => p.text).join("");

describe("nameParts / displayName", () => {
  it("keeps every space: leading, trailing, runs", () => {
    expect(nameParts("  two leading spaces.txt")).toEqual([{ kind: "text", text: "  two leading spaces.txt" }]);
    expect(displayName(" a  b ")).toBe(" a  b ");
    expect(hasInvisible("  plain  ")).toBe(false);
  });

  it("shows bidi and control characters as escapes, never as themselves", () => {
    expect(nameParts("evil\u202Etxt.exe")).toEqual([
      { kind: "text", text: "evil" },
      { kind: "escape", text: "\\u202E" },
      { kind: "text", text: "txt.exe" },
    ]);
    const all = "\u0000\u0009\u001F\u007F\u0085\u009F\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    const shown = displayName(all);
    expect(shown).toBe(
      "\\u0000\\u0009\\u001F\\u007F\\u0085\\u009F\\u200E\\u200F\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069",
    );
    expect(nameParts(all).every((p) => p.kind === "escape")).toBe(true);
    expect(hasInvisible("a\u2066b")).toBe(true);
  });

  it("leaves ordinary Unicode alone (CJK, emoji, zero-width joiner-free text)", () => {
    expect(displayName("照片 2024/📷.jpg")).toBe("照片 2024/📷.jpg");
    expect(displayName("\u00A0nbsp")).toBe("\u00A0nbsp");
  });
});

describe("middleEllipsis", () => {
  it("keeps the start and the extension", () => {
    const cut = middleEllipsis("very-long-name-of-a-file.tar.gz", 22);
    expect(cut && `${text(cut.head)}…${text(cut.tail)}`).toBe("very-long-na…le.tar.gz");
  });

  it("leaves a name that fits alone", () => {
    expect(middleEllipsis("short.txt", 20)).toBeNull();
    expect(middleEllipsis("exactly-ten", 11)).toBeNull();
  });

  it("never cuts an escape or a surrogate pair in half, and counts wide characters twice", () => {
    const name = `${"a".repeat(20)}\u202E${"b".repeat(20)}.txt`;
    const cut = middleEllipsis(name, 30);
    expect(cut).not.toBeNull();
    for (const p of [...cut!.head, ...cut!.tail]) if (p.kind === "escape") expect(p.text).toBe("\\u202E");
    expect(displayUnits("照片")).toBe(4);
    const emoji = middleEllipsis("📷📷📷📷📷📷📷📷📷📷.jpg", 12);
    expect(text(emoji!.head).length % 2).toBe(0); // whole pairs only
    expect(text(emoji!.tail).endsWith(".jpg")).toBe(true);
  });

  it("stays within the room it is given", () => {
    for (let room = 6; room < 40; room++) {
      const cut = middleEllipsis("quarterly-report-final-version-2025-03-04.pdf", room);
      if (cut) expect(displayUnits(text(cut.head)) + 1 + displayUnits(text(cut.tail))).toBeLessThanOrEqual(room);
    }
  });
});
