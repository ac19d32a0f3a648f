import { describe, expect, it } from "vitest";
import { detectLocale, formatNumber, i18n, t, tp, translateMessage } from "./index.svelte";
import { toCommandError } from "../errors";
import { PROGRESS_LABELS } from "../bindings/progressLabels";
import { progressLabel } from "../stores/operations.svelte";

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

describe("the shell's error messages", () => {
  const template = "{market} rejected the API key ({message}). Check the key in the profile, or ask {market} support for a new one.";
  const english = "GGChest rejected the API key (Invalid API key). Check the key in the profile, or ask GGChest support for a new one.";
  const raw = (text: unknown) => ({ code: "key_rejected", message: english, fields: [], text });
  const params = { market: "GGChest", message: "Invalid API key" };

  it("are shown in the UI's language when the shell sent their template", () => {
    i18n.setting = "ru";
    expect(toCommandError(raw({ template, params })).message).toBe(
      "GGChest отклонил API-ключ (Invalid API key). Проверьте ключ в профиле или запросите новый в поддержке GGChest.",
    );
    i18n.setting = "en";
    expect(toCommandError(raw({ template, params })).message).toBe(english);
  });

  it("stay as the shell wrote them without a template, with an unknown one, or a malformed one", () => {
    i18n.setting = "ru";
    expect(toCommandError(raw(undefined)).message).toBe(english);
    expect(toCommandError(raw({ template: "Something new: {x}", params: { x: "1" } })).message).toBe(english);
    expect(toCommandError(raw({ template, params: { market: 7 } })).message).toBe(english);
    expect(toCommandError(raw("not an object")).message).toBe(english);
    // A value is put in as it is, never read as a placeholder.
    expect(translateMessage({ template: "{market} refused it: {message}", params: { market: "GGChest", message: "{market}" } }, "x")).toBe(
      "GGChest отказал: {market}",
    );
    i18n.setting = "en";
  });
});

describe("progress labels", () => {
  it("has every label the shell may send in Russian", () => {
    i18n.setting = "ru";
    expect(PROGRESS_LABELS.length).toBeGreaterThan(5);
    const untranslated = PROGRESS_LABELS.filter((l) => progressLabel(l) === l);
    expect(untranslated, "labels shown in English in a Russian window").toEqual([]);
    expect(progressLabel("something new")).toBe("something new");
    i18n.setting = "en";
    expect(PROGRESS_LABELS.map(progressLabel)).toEqual(PROGRESS_LABELS);
  });
});
