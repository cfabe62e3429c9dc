import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DICTIONARIES, DOMAINS } from "./dictionaries";
import { I18nProvider } from "./I18nProvider";
import { LanguageSwitch } from "./LanguageSwitch";
import { detectLocale, initialLocale } from "./locale";
import { interpolate, makeTranslator } from "./translate";
import { useT } from "./useT";

const en = DICTIONARIES.en;
const zhCN = DICTIONARIES["zh-CN"];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have exactly the same keys in zh-CN and en", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it("are merged from the domains' own files, each key defined by one domain only", () => {
    const owners = new Map<string, string>();
    for (const [domain, messages] of Object.entries(DOMAINS)) {
      expect(Object.keys(messages["zh-CN"]).sort(), domain).toEqual(Object.keys(messages.en).sort());
      for (const key of Object.keys(messages.en)) {
        expect(owners.get(key), `${key} is in ${domain} and ${owners.get(key)}`).toBeUndefined();
        owners.set(key, domain);
      }
    }
    expect([...owners.keys()].sort()).toEqual(Object.keys(en).sort());
    expect(owners.get("versioning.enable")).toBe("bucketSettings");
    expect(owners.get("topics.title")).toBe("topics");
  });

  it("have no empty message", () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("translate the UI into Chinese (not an English copy)", () => {
    expect(zhCN["buckets.new"]).toBe("新建存储桶");
    expect(zhCN["objects.upload"]).not.toBe(en["objects.upload"]);
  });
});

describe("t / tn", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(interpolate("Delete {count} objects in {bucket}?", { count: 3 })).toBe("Delete 3 objects in {bucket}?");
  });

  it("picks singular and plural forms", () => {
    const { tn } = makeTranslator("en");
    expect(tn("delete.question", 1)).toBe("Delete 1 object?");
    expect(tn("delete.question", 3)).toBe("Delete 3 objects?");
    expect(tn("objects.loaded", 100000)).toBe("100,000 items loaded");
    expect(makeTranslator("zh-CN").tn("delete.question", 3)).toBe("删除 3 个对象？");
  });
});

describe("locale", () => {
  it("follows the system language: any zh → zh-CN, else en", () => {
    expect(detectLocale("zh-CN")).toBe("zh-CN");
    expect(detectLocale("zh-TW")).toBe("zh-CN");
    expect(detectLocale("en-US")).toBe("en");
    expect(detectLocale("fr")).toBe("en");
    expect(detectLocale(undefined)).toBe("en");
  });

  it("follows the OS language the Rust side injects over navigator.language", () => {
    window.__ZOS_OS_LOCALE__ = "zh-CN";
    try {
      expect(initialLocale()).toBe("zh-CN");
      window.__ZOS_OS_LOCALE__ = "en-GB";
      expect(initialLocale()).toBe("en");
    } finally {
      delete window.__ZOS_OS_LOCALE__;
    }
  });

  it("prefers the language remembered in localStorage", () => {
    localStorage.setItem("zos.locale", "zh-CN");
    expect(initialLocale()).toBe("zh-CN");
  });

  it("switches language from the UI and remembers it", () => {
    function Title() {
      const { t } = useT();
      return <h1>{t("buckets.title")}</h1>;
    }
    render(
      <I18nProvider locale="en">
        <LanguageSwitch />
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("Buckets");
    fireEvent.change(screen.getByTestId("lang-switch"), { target: { value: "zh-CN" } });
    expect(screen.getByRole("heading").textContent).toBe("存储桶");
    expect(localStorage.getItem("zos.locale")).toBe("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
  });
});
