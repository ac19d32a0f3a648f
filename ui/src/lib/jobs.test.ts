import { describe, expect, it } from "vitest";
import { countOutcomes, exportName, filterResults, formatDuration, percent, priceRuleErrors, primaryAction } from "./jobs";
import type { StepResult } from "./types";

const step = (n: number, outcome: StepResult["outcome"]): StepResult => ({
  step: n,
  what: `step ${n}`,
  items: 1,
  outcome,
  code: outcome === "failed" ? "validation" : null,
  detail: "",
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
    expect(countOutcomes(steps)).toEqual({ done: 2, failed: 1, unknown: 1, pending: 0 });
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
