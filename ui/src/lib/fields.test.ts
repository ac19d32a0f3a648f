import { describe, expect, it } from "vitest";
import { toCommandError } from "./errors";
import { fieldTestId, normalizeField } from "./fields";

describe("field names of both APIs", () => {
  it("come to one form", () => {
    expect(normalizeField("price")).toBe("price");
    expect(normalizeField("accounts[2].password")).toBe("accounts[2].password");
    expect(normalizeField("accounts[2][password]")).toBe("accounts[2].password");
    expect(normalizeField("[filters][offer_type]")).toBe("filters.offer_type");
    expect(normalizeField("filters[offer_type]")).toBe("filters.offer_type");
    expect(normalizeField("items.3.delivery_info")).toBe("items[3].delivery_info");
    expect(normalizeField("attributes[0].option_id")).toBe("attributes[0].option_id");
  });
  it("and to data-testid fragments", () => {
    expect(fieldTestId("accounts[2].password")).toBe("accounts-2-password");
    expect(fieldTestId("[filters][offer_type]")).toBe("filters-offer-type");
    expect(fieldTestId("qty_total")).toBe("qty-total");
  });
});

describe("toCommandError", () => {
  it("keeps a CommandError as the shell sent it", () => {
    const e = toCommandError({ code: "validation", message: "bad", fields: [{ field: "price", message: "no" }] });
    expect(e.code).toBe("validation");
    expect(e.fields).toEqual([{ field: "price", message: "no" }]);
    expect(e).toBeInstanceOf(Error);
  });
  it("wraps anything else", () => {
    expect(toCommandError("boom").code).toBe("internal");
    expect(toCommandError("boom").message).toBe("boom");
    expect(toCommandError(new Error("x")).message).toBe("x");
    expect(toCommandError({ code: "x", message: "y" }).fields).toEqual([]);
  });
});
