import { describe, expect, it } from "vitest";
import { checkOffer, emptyForm, impliedQtyTotal, toNewAccountsOffer, toNewCurrencyOffer, toNewItemsOffer, toOfferEdit, type AccountRow, type OfferForm } from "./offer-request";

const acc = (key: number, login: string, password: string, extra: Partial<AccountRow> = {}): AccountRow => ({
  key,
  login,
  password,
  email_login: "",
  email_password: "",
  description: "",
  ...extra,
});

function base(t: OfferForm["offerType"]): OfferForm {
  return { ...emptyForm(t), gameId: "g1", attributes: { a1: "o1" }, title: "T", description: "D", price: "12.50", qtyTotal: "10", qtyMin: "1" };
}

describe("accounts offers", () => {
  it("qty_total follows the number of filled rows; blank rows are ignored", () => {
    const f = { ...base("accounts"), accounts: [acc(1, "u1", "p1", { email_login: "a@b.c" }), acc(2, "", ""), acc(3, "u2", "p2")] };
    expect(impliedQtyTotal(f)).toBe(2);
    const body = toNewAccountsOffer(f);
    expect(body.qty_total).toBe(2);
    expect(body.accounts).toEqual([
      { login: "u1", password: "p1", email_login: "a@b.c", email_password: null, description: null },
      { login: "u2", password: "p2", email_login: null, email_password: null, description: null },
    ]);
    expect(body.old_price).toBeNull();
    expect(body.attributes).toEqual([{ id: "a1", option_id: "o1" }]);
  });
  it("names missing credentials like the API does", () => {
    const f = { ...base("accounts"), accounts: [acc(1, "u1", ""), acc(2, "", "p")] };
    const fields = checkOffer(f, ["a1"], "create").map((e) => e.field);
    expect(fields).toContain("accounts[0].password");
    expect(fields).toContain("accounts[1].login");
  });
  it("needs at least one account", () => {
    expect(checkOffer(base("accounts"), [], "create").map((e) => e.field)).toContain("accounts");
  });
  it("auto delivery may leave the delivery time unset (the shell sends 5m); manual may not", () => {
    const auto = { ...base("accounts"), deliveryMethod: "auto" as const, deliveryTime: "", accounts: [acc(1, "u1", "p1")] };
    expect(checkOffer(auto, [], "create")).toEqual([]);
    expect(toNewAccountsOffer(auto).delivery_time).toBeNull();
    expect(checkOffer({ ...auto, deliveryMethod: "manual" }, [], "create").map((e) => e.field)).toEqual(["delivery_time"]);
  });
});

describe("attributes", () => {
  it("a new offer needs every attribute; an edit may leave unset the ones the offer never had", () => {
    const f = { ...base("currency"), currencyId: "c1", attributes: { a1: "o1" } };
    expect(checkOffer(f, ["a1", "a2"], "create").map((e) => e.field)).toEqual(["attributes[1].option_id"]);
    expect(checkOffer(f, ["a1", "a2"], "edit", new Set(["a2"]))).toEqual([]);
    expect(checkOffer({ ...f, attributes: {} }, ["a1", "a2"], "edit", new Set(["a2"])).map((e) => e.field)).toEqual(["attributes[0].option_id"]);
  });
});

describe("items offers", () => {
  it("auto delivery: one unit per line, delivery time optional", () => {
    const f = { ...base("items"), deliveryMethod: "auto" as const, deliveryTime: "", itemsText: "K-1\n\nK-2\nK-1\n" };
    expect(checkOffer(f, ["a1"], "create")).toEqual([]);
    const body = toNewItemsOffer(f);
    expect(body.qty_total).toBe(3);
    expect(body.items).toEqual([{ delivery_info: "K-1" }, { delivery_info: "K-2" }, { delivery_info: "K-1" }]);
    expect(body.delivery_time).toBeNull();
  });
  it("manual delivery: stock typed, delivery time required, no items sent", () => {
    const f = { ...base("items"), deliveryTime: "" };
    expect(checkOffer(f, [], "create").map((e) => e.field)).toEqual(["delivery_time"]);
    const body = toNewItemsOffer({ ...f, deliveryTime: "1d", itemsText: "ignored" });
    expect(body.items).toEqual([]);
    expect(body.qty_total).toBe(10);
  });
});

describe("currency offers and checks", () => {
  it("needs the currency; sends no delivery_method", () => {
    const f = base("currency");
    expect(checkOffer(f, [], "create").map((e) => e.field)).toEqual(["game_currency_id"]);
    const body = toNewCurrencyOffer({ ...f, currencyId: "c1", oldPrice: "15" });
    expect(body).not.toHaveProperty("delivery_method");
    expect(body.old_price).toBe("15");
    expect(body.game_currency_id).toBe("c1");
  });
  it("checks prices against the documented pattern and every attribute", () => {
    const f = { ...base("currency"), currencyId: "c", price: "12.345", oldPrice: "x", attributes: {} };
    const fields = checkOffer(f, ["a1", "a2"], "create").map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["price", "old_price", "attributes[0].option_id", "attributes[1].option_id"]));
  });
  it("quantities are whole numbers and the minimum fits the total", () => {
    const f = { ...base("currency"), currencyId: "c", qtyTotal: "1.5", qtyMin: "" };
    expect(checkOffer(f, [], "create").map((e) => e.field)).toEqual(["qty_total", "qty_min"]);
    expect(checkOffer({ ...base("currency"), currencyId: "c", qtyMin: "11" }, [], "create").map((e) => e.field)).toEqual(["qty_min"]);
  });
});

describe("edits", () => {
  it("carry every field; an accounts edit adds accounts and counts them", () => {
    const f = { ...base("accounts"), oldPrice: "", accounts: [acc(1, "new", "pw")] };
    const e = toOfferEdit(f, 4);
    expect(e.qty_total).toBe(5);
    expect(e.clear_old_price).toBe(true);
    expect(e.add_accounts).toHaveLength(1);
    expect(toOfferEdit(base("items"), 0).add_accounts).toEqual([]);
  });
});
