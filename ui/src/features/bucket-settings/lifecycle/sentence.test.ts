import { describe, expect, it } from "vitest";
import type { LifecycleRule } from "../../../backend";
import { makeTranslator } from "../../../i18n/translate";
import { formCanShow } from "./model";
import { describeRule, utcDay } from "./sentence";

const en = makeTranslator("en");
const zh = makeTranslator("zh-CN");

describe("describeRule", () => {
  it("says the whole bucket when there is no filter, and dates as the UTC day", () => {
    const rule: LifecycleRule = { Status: "Enabled", Expiration: { Date: "2030-01-01T00:00:00Z" } };
    expect(describeRule(rule, en)).toBe("Objects in the whole bucket are deleted on 2030-01-01.");
    expect(describeRule(rule, zh)).toBe("整个存储桶中的对象于 2030-01-01 删除。");
  });

  it("reads a tag filter, noncurrent versions, uploads and delete markers", () => {
    const tagged: LifecycleRule = { Status: "Enabled", Filter: { Tag: { Key: "tmp", Value: "1" } }, Expiration: { Days: 1 } };
    expect(describeRule(tagged, en)).toBe("Objects tagged tmp=1 are deleted 1 day after creation.");
    expect(describeRule(tagged, zh)).toBe("带有标签 tmp=1 的对象在创建 1 天后删除。");

    const cleanup: LifecycleRule = {
      Status: "Enabled",
      Expiration: { ExpiredObjectDeleteMarker: true },
      NoncurrentVersionExpiration: { NoncurrentDays: 40 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    };
    expect(describeRule(cleanup, en)).toBe(
      "Expired delete markers are removed. Noncurrent versions are deleted 40 days after they stop being current. " +
        "Incomplete multipart uploads are aborted 7 days after they start.",
    );
    expect(describeRule(cleanup, zh)).toBe(
      "过期的删除标记会被移除。非当前版本在成为非当前版本 40 天后删除。未完成的分段上传在开始 7 天后中止。",
    );
  });

  it("says when a rule does nothing yet", () => {
    expect(describeRule({ Status: "Disabled" }, en)).toBe("This rule has no action yet.");
  });

  it("shows a day of a date that is not at midnight, and text that is not a date as it is", () => {
    expect(utcDay("2030-01-01T23:30:00Z")).toBe("2030-01-01");
    expect(utcDay("soon")).toBe("soon");
  });
});

describe("formCanShow", () => {
  it("is true for what the form writes, false for combinations it cannot show", () => {
    expect(formCanShow({ ID: "a", Status: "Enabled", Filter: { Prefix: "logs/" }, Expiration: { Days: 3 } })).toBe(true);
    expect(formCanShow({ ID: "a", Status: "Enabled", Filter: { Prefix: "logs/", Tag: { Key: "k", Value: "v" } } })).toBe(false);
    expect(formCanShow({ ID: "a", Status: "Enabled", Expiration: { Days: 3, Date: "2030-01-01T00:00:00Z" } })).toBe(false);
  });
});
