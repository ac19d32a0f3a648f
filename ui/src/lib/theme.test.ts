import { describe, expect, it } from "vitest";
import { applyTheme, rememberedTheme, resolveTheme, REMEMBERED_THEME_KEY } from "./theme";
import { DEFAULT_SETTINGS, parseSettings } from "./stores/settings.svelte";

describe("theme", () => {
  it("follows the OS unless a theme is chosen", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});

describe("the theme the first frame uses", () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
  }

  it("is the one last applied, when it was chosen rather than the OS's", () => {
    const storage = memoryStorage();
    const doc = { documentElement: { dataset: {} as Record<string, string> } } as unknown as Document;
    expect(rememberedTheme(storage)).toBeNull();
    applyTheme("dark", doc, storage);
    expect(doc.documentElement.dataset.theme).toBe("dark");
    expect(rememberedTheme(storage)).toBe("dark");
    applyTheme("light", doc, storage);
    expect(rememberedTheme(storage)).toBe("light");
    applyTheme("system", doc, storage);
    expect(storage.items.get(REMEMBERED_THEME_KEY)).toBe("system");
    expect(rememberedTheme(storage), "system: the first frame follows the OS").toBeNull();
  });

  it("follows the OS when the stored value is unknown or storage refuses", () => {
    expect(rememberedTheme({ getItem: () => "purple" })).toBeNull();
    expect(rememberedTheme({ getItem: () => { throw new Error("denied"); } })).toBeNull();
    expect(rememberedTheme(null)).toBeNull();
  });
});

describe("parseSettings", () => {
  it("reads stored settings and defaults what is missing or wrong", () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ theme: "dark", language: "ru", notify_jobs: false, notify_orders: false })).toEqual({
      theme: "dark",
      language: "ru",
      notify_jobs: false,
      notify_orders: false,
    });
    expect(parseSettings({ theme: "purple", language: "de", notify_jobs: "yes" })).toEqual(DEFAULT_SETTINGS);
  });
});
