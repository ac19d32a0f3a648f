import { describe, expect, it } from "vitest";
import { amountSortKey, centsToDecimal, formatAmount, formatCents, parsePositiveCents, parseToCents, usdPriceError } from "./money";

describe("parseToCents", () => {
  it("reads euros typed with a point or a comma, without floating point", () => {
    expect(parseToCents("17.99")).toEqual({ ok: true, value: 1799 });
    expect(parseToCents("17,9")).toEqual({ ok: true, value: 1790 });
    expect(parseToCents(" 17 ")).toEqual({ ok: true, value: 1700 });
    expect(parseToCents("0.07")).toEqual({ ok: true, value: 7 });
    expect(parseToCents("0.29")).toEqual({ ok: true, value: 29 }); // 0.29 * 100 = 28.999… in floats
    expect(parseToCents("1.")).toEqual({ ok: true, value: 100 });
  });
  it("refuses what is not a plain amount, saying why", () => {
    for (const bad of ["", "abc", "-1", "1e3", "1 000", "1,000.00", "+5"]) expect(parseToCents(bad).ok).toBe(false);
    const three = parseToCents("1.999");
    expect(three.ok).toBe(false);
    if (!three.ok) expect(three.error).toMatch(/at most 2/);
  });
  it("positive amounts only where a price is required", () => {
    expect(parsePositiveCents("0").ok).toBe(false);
    expect(parsePositiveCents("0.01")).toEqual({ ok: true, value: 1 });
  });
});

describe("formatting", () => {
  it("shows cents as EUR with grouping", () => {
    expect(formatCents(24500, "EUR")).toBe("€245.00");
    expect(formatCents(187600, "EUR")).toBe("€1,876.00");
    expect(formatCents(123456789, "USD")).toBe("$1,234,567.89");
    expect(formatCents(5, "EUR")).toBe("€0.05");
    expect(formatCents(-1799, "EUR")).toBe("−€17.99");
    expect(formatCents(100, "XYZ")).toBe("1.00 XYZ");
    expect(formatCents(null)).toBe("—");
  });
  it("cents to the decimal sent back", () => {
    expect(centsToDecimal(1799)).toBe("17.99");
    expect(centsToDecimal(7)).toBe("0.07");
    expect(Number(centsToDecimal(1799))).toBe(17.99);
  });
  it("formats decimal amounts received as numbers or strings", () => {
    expect(formatAmount(19.99, "EUR")).toBe("€19.99");
    expect(formatAmount("1.3", "USD")).toBe("$1.30");
    expect(formatAmount(null)).toBe("—");
    expect(amountSortKey("66.32")).toBe(6632);
    expect(amountSortKey(undefined)).toBeNull();
  });
});

describe("usdPriceError (GGChest pattern ^[0-9]{1,16}(\\.[0-9]{1,2})?$)", () => {
  it("accepts the documented forms", () => {
    for (const ok of ["66.32", "100", "0.50", "1.5", "9999999999999999.99"]) expect(usdPriceError(ok)).toBeNull();
  });
  it("refuses others with a useful message", () => {
    expect(usdPriceError("")).toMatch(/Enter a price/);
    expect(usdPriceError("12,99")).toMatch(/point/);
    expect(usdPriceError("1.999")).toMatch(/2 decimals/);
    expect(usdPriceError("-1")).not.toBeNull();
    expect(usdPriceError("1.")).not.toBeNull();
    expect(usdPriceError("12345678901234567")).not.toBeNull();
  });
});
