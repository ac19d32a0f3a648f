// Money without floating point: amounts travel as integer cents or as decimal strings.

import { t } from "./i18n/index.svelte";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The GGChest price pattern (README, create-offers guide), at most 19 characters. */
export const USD_PRICE_PATTERN = /^[0-9]{1,16}(\.[0-9]{1,2})?$/;
export const USD_PRICE_MAX_LEN = 19;

/**
 * Parses a decimal amount a person typed into integer cents. Accepts a point or a comma as the
 * decimal separator and at most two decimals; rejects signs, exponents and thousands separators.
 */
export function parseToCents(input: string): Parsed<number> {
  const s = input.trim();
  if (s === "") return { ok: false, error: t("Enter an amount, such as 17.99") };
  const m = /^([0-9]+)(?:[.,]([0-9]*))?$/.exec(s);
  if (!m) return { ok: false, error: t("\"{s}\" is not an amount: use digits and a point, such as 17.99", { s }) };
  const whole = m[1];
  const frac = m[2] ?? "";
  if (frac.length > 2) return { ok: false, error: t("\"{s}\" has {n} decimals; at most 2 are allowed", { s, n: frac.length }) };
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > 13) return { ok: false, error: t("\"{s}\" is too large", { s }) };
  const cents = Number(digits) * 100 + Number((frac + "00").slice(0, 2));
  return { ok: true, value: cents };
}

/** Like parseToCents, but the amount must be more than zero. */
export function parsePositiveCents(input: string): Parsed<number> {
  const p = parseToCents(input);
  if (p.ok && p.value <= 0) return { ok: false, error: t("The amount must be more than 0") };
  return p;
}

/** Integer cents as a plain decimal string: 1799 → "17.99". */
export function centsToDecimal(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}${whole}.${frac}`;
}

const SYMBOLS: Record<string, string> = { EUR: "€", USD: "$", GBP: "£", RUB: "₽" };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Integer cents for display: 24500, "EUR" → "€245.00"; unknown currencies as "245.00 XYZ". */
export function formatCents(cents: number | null | undefined, currency = "EUR"): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return "—";
  const text = centsToDecimal(cents);
  const neg = text.startsWith("-");
  const [whole, frac] = (neg ? text.slice(1) : text).split(".");
  const body = `${groupThousands(whole)}.${frac}`;
  const sym = SYMBOLS[currency.toUpperCase()];
  return `${neg ? "−" : ""}${sym ? sym + body : `${body} ${currency}`}`;
}

/**
 * A decimal amount as received (a JSON number like 19.99 or a string like "1.34") for display
 * with two decimals, without arithmetic on floats.
 */
export function formatAmount(amount: number | string | null | undefined, currency = "EUR"): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const text = typeof amount === "number" ? String(amount) : amount.trim();
  const p = parseToCents(text);
  if (!p.ok) return currency ? `${text} ${currency}` : text;
  return formatCents(p.value, currency);
}

/** Checks a GGChest price before sending; returns an error message or null. */
export function usdPriceError(input: string): string | null {
  const s = input.trim();
  if (s === "") return t("Enter a price, such as 12.99");
  if (s.length > USD_PRICE_MAX_LEN) return t("At most {n} characters", { n: USD_PRICE_MAX_LEN });
  if (!USD_PRICE_PATTERN.test(s)) {
    if (/^[0-9]+,[0-9]{1,2}$/.test(s)) return t("Use a point as the decimal separator, such as 12.99");
    if (/^[0-9]+\.[0-9]{3,}$/.test(s)) return t("At most 2 decimals");
    return t("Digits with up to 2 decimals, such as 12.99 (pattern {pattern})", { pattern: "^[0-9]{1,16}(\\.[0-9]{1,2})?$" });
  }
  return null;
}

/** Sortable number for a decimal amount given as number or string; null when not a number. */
export function amountSortKey(amount: number | string | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  const p = parseToCents(typeof amount === "number" ? String(amount) : amount);
  return p.ok ? p.value : null;
}
