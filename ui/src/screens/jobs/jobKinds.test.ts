import { describe, expect, it } from "vitest";
import { idsOf, specOf, type JobForm } from "./jobKinds";

const base: JobForm = {
  kind: "ggc_reprice",
  file: null,
  rule: { adjust: "percent", value: " -5 ", floor: "", ceiling: "20" },
  source: "status",
  status: "draft",
  idsText: "",
  selectedIds: [],
  offerId: "",
};

describe("new job form → spec", () => {
  it("reprices by status with the rule trimmed and empty bounds as null", () => {
    expect(specOf(base)).toEqual({
      kind: "ggc_reprice",
      rule: { adjust: "percent", value: "-5", floor: null, ceiling: "20" },
      selection: { ids: [], filter: { status: "draft", offer_type: null, game_id: null } },
    });
  });

  it("wants a value for the price rule", () => {
    expect(specOf({ ...base, rule: { ...base.rule, value: " " } })).toBeNull();
  });

  it("acts on the selected rows, and wants some", () => {
    expect(specOf({ ...base, kind: "ggc_delete", source: "selected", selectedIds: [] })).toBeNull();
    expect(specOf({ ...base, kind: "ggc_delete", source: "selected", selectedIds: ["a"] })).toEqual({
      kind: "ggc_batch",
      action: "delete",
      selection: { ids: ["a"], filter: { status: null, offer_type: null, game_id: null } },
    });
  });

  it("needs a file for file jobs, and an offer for accounts", () => {
    expect(specOf({ ...base, kind: "gg_upload_codes" })).toBeNull();
    const file = { handle: "file-1-00ab", name: "c.csv" };
    expect(specOf({ ...base, kind: "gg_upload_codes", file })).toEqual({ kind: "gg_upload_codes", file: "file-1-00ab" });
    expect(specOf({ ...base, kind: "ggc_import_accounts", file })).toBeNull();
  });

  it("splits pasted ids on whitespace, commas and semicolons", () => {
    expect(idsOf("a, b;c\n\n d ")).toEqual(["a", "b", "c", "d"]);
  });
});
