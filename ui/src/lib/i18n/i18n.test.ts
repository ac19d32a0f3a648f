import { describe, expect, it } from "vitest";
import { detectLocale, formatNumber, i18n, t, tp } from "./index.svelte";

describe("i18n", () => {
  it("follows the OS language, English otherwise", () => {
    expect(detectLocale(["ru-RU", "en-US"])).toBe("ru");
    expect(detectLocale(["ru"])).toBe("ru");
    expect(detectLocale(["en-GB", "ru"])).toBe("en");
    expect(detectLocale(["de-DE", "ru-RU"])).toBe("ru");
    expect(detectLocale(["de-DE"])).toBe("en");
    expect(detectLocale([])).toBe("en");
  });

  it("translates, falls back to English, fills placeholders and plurals", () => {
    i18n.setting = "ru";
    expect(t("Save")).toBe("Сохранить");
    expect(t("No such text {x}", { x: "y" })).toBe("No such text y");
    expect(tp(1, "{n} row", "{n} rows")).toBe("1 строка");
    expect(tp(3, "{n} row", "{n} rows")).toBe("3 строки");
    expect(tp(11, "{n} row", "{n} rows")).toBe("11 строк");
    expect(tp(21, "{n} row", "{n} rows")).toBe("21 строка");
    expect(formatNumber(10000)).toBe("10\u00a0000");
    i18n.setting = "en";
    expect(t("Save")).toBe("Save");
    expect(tp(1, "{n} row", "{n} rows")).toBe("1 row");
    expect(tp(10000, "{n} row", "{n} rows")).toBe("10,000 rows");
  });
});
