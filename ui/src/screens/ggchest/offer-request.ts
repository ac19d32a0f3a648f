// What the offer forms hold, checked and turned into the request bodies (pure, unit tested).
// Local checks mirror the documents; the shell and the API check again.

import { usdPriceError } from "../../lib/money";
import { nonBlankLines } from "../../lib/codes";
import type {
  AccountCredentials,
  AttributeChoice,
  DeliveryTime,
  FieldError,
  NewAccountsOffer,
  NewCurrencyOffer,
  NewItemsOffer,
  OfferEdit,
  OfferType,
} from "../../lib/types";
import { t } from "../../lib/i18n/index.svelte";

/** GGChest's documented delivery times (`DeliveryTime` also admits unknown ones it may send back). */
export const DELIVERY_TIMES: readonly DeliveryTime[] = ["5m", "20m", "1h", "5h", "12h", "1d", "2d", "3d", "7d", "14d", "28d"];

export interface AccountRow {
  key: number;
  login: string;
  password: string;
  email_login: string;
  email_password: string;
  description: string;
}

export interface OfferForm {
  offerType: OfferType;
  gameId: string;
  /** Attribute id → chosen option id. */
  attributes: Record<string, string>;
  currencyId: string;
  title: string;
  description: string;
  price: string;
  oldPrice: string;
  deliveryMethod: "manual" | "auto";
  deliveryTime: string;
  qtyTotal: string;
  qtyMin: string;
  accounts: AccountRow[];
  itemsText: string;
}

export const isBlankAccount = (a: AccountRow) =>
  [a.login, a.password, a.email_login, a.email_password, a.description].every((v) => v.trim() === "");

/** Accounts rows that hold something (empty rows are ignored). */
export function filledAccounts(rows: AccountRow[]): AccountRow[] {
  return rows.filter((a) => !isBlankAccount(a));
}

export function itemLines(form: Pick<OfferForm, "itemsText">): string[] {
  return nonBlankLines(form.itemsText);
}

/** Auto delivery (accounts or items) may leave the delivery time unset: the shell sends `5m`. */
export function deliveryTimeOptional(form: Pick<OfferForm, "offerType" | "deliveryMethod">): boolean {
  return form.offerType !== "currency" && form.deliveryMethod === "auto";
}

/** qty_total as the form implies it: accounts → row count; auto items → line count. */
export function impliedQtyTotal(form: OfferForm): number | null {
  if (form.offerType === "accounts") return filledAccounts(form.accounts).length;
  if (form.offerType === "items" && form.deliveryMethod === "auto") return itemLines(form).length;
  return null;
}

function wholeNumber(v: string): number | null {
  return /^\s*[0-9]{1,12}\s*$/.test(v) ? Number(v) : null;
}

const opt = (v: string) => (v.trim() === "" ? null : v.trim());

export function attributeChoices(attrs: Record<string, string>): AttributeChoice[] {
  return Object.entries(attrs)
    .filter(([, option]) => option !== "")
    .map(([id, option_id]) => ({ id, option_id }));
}

export function credentials(rows: AccountRow[]): AccountCredentials[] {
  return filledAccounts(rows).map((a) => ({
    login: a.login.trim(),
    password: a.password,
    email_login: opt(a.email_login),
    email_password: a.email_password === "" ? null : a.email_password,
    description: opt(a.description),
  }));
}

/**
 * Local checks, named like the API's fields so they land next to the same inputs.
 * `requiredAttributes` are the ids of the attributes the game offers (one choice each), in the
 * order shown; `mayStayUnset` those an edit may leave as they are, unset (GGChest keeps offers
 * without every attribute, and an edit should not force a choice the seller never made).
 */
export function checkOffer(
  form: OfferForm,
  requiredAttributes: string[],
  mode: "create" | "edit",
  mayStayUnset: ReadonlySet<string> = new Set(),
): FieldError[] {
  const errs: FieldError[] = [];
  const add = (field: string, message: string) => errs.push({ field, message });
  if (mode === "create" && form.gameId === "") add("game_id", t("Choose a game"));
  if (mode === "create" && form.offerType === "currency" && form.currencyId === "") add("game_currency_id", t("Choose the currency"));
  requiredAttributes.forEach((id, i) => {
    if (!form.attributes[id] && !mayStayUnset.has(id)) add(`attributes[${i}].option_id`, t("Choose an option"));
  });
  if (form.title.trim() === "") add("title", t("Enter a title"));
  if (form.description.trim() === "") add("description", t("Enter a description"));
  const pe = usdPriceError(form.price);
  if (pe) add("price", pe);
  if (form.oldPrice.trim() !== "") {
    const oe = usdPriceError(form.oldPrice);
    if (oe) add("old_price", oe);
  }
  if (!deliveryTimeOptional(form) && form.deliveryTime === "") add("delivery_time", t("Choose a delivery time"));
  if (form.deliveryTime !== "" && !DELIVERY_TIMES.includes(form.deliveryTime as DeliveryTime)) add("delivery_time", t("Not one of the documented delivery times"));
  const implied = impliedQtyTotal(form);
  const qtyTotal = implied ?? wholeNumber(form.qtyTotal);
  const qtyMin = wholeNumber(form.qtyMin);
  if (implied === null && qtyTotal === null) add("qty_total", t("A whole number"));
  if (qtyMin === null) add("qty_min", t("A whole number"));
  if (mode === "create" && form.offerType === "accounts" && implied === 0) add("accounts", t("Add at least one account"));
  if (form.offerType === "items" && form.deliveryMethod === "auto" && mode === "create" && implied === 0)
    add("items", t("Auto delivery: one line per unit to deliver (e.g. a code)"));
  if (form.offerType === "accounts") {
    form.accounts.forEach((a, i) => {
      if (isBlankAccount(a)) return;
      if (a.login.trim() === "") add(`accounts[${i}].login`, t("Login is required"));
      if (a.password === "") add(`accounts[${i}].password`, t("Password is required"));
    });
  }
  if (qtyTotal !== null && qtyMin !== null && qtyMin > qtyTotal && qtyTotal > 0) add("qty_min", t("Cannot exceed the total quantity"));
  return errs;
}

function common(form: OfferForm) {
  return {
    game_id: form.gameId,
    title: form.title.trim(),
    description: form.description.trim(),
    price: form.price.trim(),
    old_price: opt(form.oldPrice),
    qty_total: impliedQtyTotal(form) ?? Number(form.qtyTotal),
    qty_min: Number(form.qtyMin),
    attributes: attributeChoices(form.attributes),
  };
}

export function toNewAccountsOffer(form: OfferForm): NewAccountsOffer {
  return {
    ...common(form),
    delivery_method: form.deliveryMethod,
    delivery_time: form.deliveryTime === "" ? null : (form.deliveryTime as DeliveryTime),
    accounts: credentials(form.accounts),
  };
}

export function toNewCurrencyOffer(form: OfferForm): NewCurrencyOffer {
  return { ...common(form), game_currency_id: form.currencyId, delivery_time: form.deliveryTime as DeliveryTime };
}

export function toNewItemsOffer(form: OfferForm): NewItemsOffer {
  const auto = form.deliveryMethod === "auto";
  return {
    ...common(form),
    delivery_method: form.deliveryMethod,
    delivery_time: form.deliveryTime === "" ? null : (form.deliveryTime as DeliveryTime),
    items: auto ? itemLines(form).map((delivery_info) => ({ delivery_info })) : [],
  };
}

/** An edit: every field of the form (the shell merges it into the full offer). */
export function toOfferEdit(form: OfferForm, existingAccounts: number): OfferEdit {
  const added = credentials(form.accounts);
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    price: form.price.trim(),
    old_price: opt(form.oldPrice),
    clear_old_price: form.oldPrice.trim() === "",
    delivery_time: form.deliveryTime === "" ? null : (form.deliveryTime as DeliveryTime),
    qty_total: form.offerType === "accounts" ? existingAccounts + added.length : Number(form.qtyTotal),
    qty_min: Number(form.qtyMin),
    attributes: attributeChoices(form.attributes),
    add_accounts: form.offerType === "accounts" ? added : [],
  };
}

export function emptyForm(offerType: OfferType = "accounts"): OfferForm {
  return {
    offerType,
    gameId: "",
    attributes: {},
    currencyId: "",
    title: "",
    description: "",
    price: "",
    oldPrice: "",
    deliveryMethod: "manual",
    deliveryTime: "1h",
    qtyTotal: "1",
    qtyMin: "1",
    accounts: [],
    itemsText: "",
  };
}
