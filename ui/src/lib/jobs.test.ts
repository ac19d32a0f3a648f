import { describe, expect, it } from "vitest";
import { countOutcomes, exportName, filterResults, formatDuration, itemId, jobTitle, percent, priceRuleErrors, primaryAction } from "./jobs";
import { i18n } from "./i18n/index.svelte";
import type { ItemResult, StepResult } from "./types";

const step = (n: number, outcome: StepResult["outcome"]): StepResult => ({
  step: n,
  what: `step ${n}`,
  items: 1,
  outcome,
  code: outcome === "failed" ? "validation" : null,
  detail: "",
  created_id: null,
  items_failed: outcome === "failed" ? 1 : 0,
});

const item = (s: number, n: number, outcome: ItemResult["outcome"]): ItemResult => ({
  step: s,
  item: n,
  target: "product p1",
  what: `code AB…${n}`,
  outcome,
  code: outcome === "failed" ? "duplicate" : null,
  detail: outcome === "failed" ? "duplicate: already on the marketplace" : "added",
  created_id: null,
});

describe("jobs", () => {
  it("formats durations", () => {
    expect(formatDuration(null)).toBe("–");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });

  it("counts failed steps as settled in the bar", () => {
    expect(percent(0, 0, 0)).toBe(100);
    expect(percent(1, 1, 4)).toBe(50);
    expect(percent(3, 0, 3)).toBe(100);
  });

  it("offers the action that fits the status", () => {
    expect(primaryAction("queued")).toBe("start");
    expect(primaryAction("paused")).toBe("resume");
    expect(primaryAction("interrupted")).toBe("resume");
    expect(primaryAction("running")).toBe("cancel");
    expect(primaryAction("finished")).toBeNull();
  });

  it("filters and counts results", () => {
    const steps = [step(0, "done"), step(1, "failed"), step(2, "done"), step(3, "unknown")];
    expect(filterResults(steps, "failed").map((s) => s.step)).toEqual([1]);
    expect(filterResults(steps, "all")).toHaveLength(4);
    expect(countOutcomes(steps)).toEqual({ done: 2, failed: 1, unknown: 1, pending: 0, not_sent: 0 });
  });

  it("filters and counts results per item", () => {
    const items = [item(0, 0, "done"), item(0, 1, "failed"), item(1, 0, "done"), item(1, 1, "not_sent")];
    expect(filterResults(items, "failed").map(itemId)).toEqual(["0-1"]);
    expect(filterResults(items, "not_sent").map(itemId)).toEqual(["1-1"]);
    expect(countOutcomes(items)).toEqual({ done: 2, failed: 1, unknown: 0, pending: 0, not_sent: 1 });
  });

  it("checks price rules before they are sent", () => {
    expect(priceRuleErrors({ adjust: "percent", value: "-10", floor: "1,50", ceiling: null })).toEqual({});
    expect(priceRuleErrors({ adjust: "set", value: "0", floor: null, ceiling: null })).toHaveProperty("value");
    expect(priceRuleErrors({ adjust: "amount", value: "abc", floor: null, ceiling: null })).toHaveProperty("value");
    expect(priceRuleErrors({ adjust: "amount", value: "1", floor: "5", ceiling: "4" })).toEqual({ floor: "The floor is above the ceiling" });
  });

  it("names exports by date", () => {
    expect(exportName("ggc-offers", new Date("2026-11-21T07:00:00Z"))).toBe("ggc-offers-2026-11-21.csv");
  });
});

describe("jobTitle", () => {
  it("names a job in the UI's language by its kind, the shell's title for an unknown kind", () => {
    i18n.setting = "ru";
    expect(jobTitle({ kind: "ggc-create", title: "Create offers" })).toBe("Создать предложения");
    expect(jobTitle({ kind: "retry", title: "Retry failed steps" })).toBe("Повтор неудачных шагов");
    expect(jobTitle({ kind: "ggc-something-new", title: "Something new" })).toBe("Something new");
    i18n.setting = "en";
    expect(jobTitle({ kind: "gg_upload_codes", title: "x" })).toBe("Upload codes");
  });
});
