import { describe, expect, it } from "vitest";
import { resolveTheme } from "./theme";
import { DEFAULT_SETTINGS, parseSettings } from "./stores/settings.svelte";

describe("theme", () => {
  it("follows the OS unless a theme is chosen", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
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
