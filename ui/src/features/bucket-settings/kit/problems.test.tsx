import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { blocking, FieldProblems, ProblemList, problemsAt } from "./problems";

const p = (field: string, code: Problem["code"], limit: number | null = null, detail = ""): Problem => ({
  field,
  code,
  limit,
  line: null,
  column: null,
  detail,
});

describe("problems", () => {
  const problems = [
    p("TagSet", "TooMany", 50),
    p("TagSet[2].Key", "TooLong", 128),
    p("TagSet[12].Value", "TooLong", 256),
    p("Grants", "OwnerLosesFullControl"),
  ];

  it("finds a field's own problems and, unless exact, those under it", () => {
    expect(problemsAt(problems, "TagSet", true).map((x) => x.field)).toEqual(["TagSet"]);
    expect(problemsAt(problems, "TagSet").map((x) => x.field)).toEqual(["TagSet", "TagSet[2].Key", "TagSet[12].Value"]);
    expect(problemsAt(problems, "TagSet[1]")).toEqual([]);
  });

  it("only problems the user cannot confirm block saving", () => {
    expect(blocking(problems).map((x) => x.code)).toEqual(["TooMany", "TooLong", "TooLong"]);
  });

  it("says each problem in the user's language, with its limit", () => {
    renderWithProviders(<FieldProblems problems={problems} field="TagSet[2].Key" />, "zh-CN");
    expect(screen.getByTestId("problem-TagSet[2].Key").textContent).toBe("过长：最多 128 字节（一个汉字占 3 字节）。");
  });

  it("lists every problem with its field in English", () => {
    renderWithProviders(<ProblemList problems={problems} />);
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items[0]).toBe("TagSet: At most 50 allowed.");
    expect(items[3]).toBe("Grants: The bucket owner would lose full control.");
  });
});
