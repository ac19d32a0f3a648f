import { describe, expect, it } from "vitest";
import { clickSelect, compareValues, filterRows, nextSort, sortRows, toggleAll, visibleRange, type ColumnDef } from "./table";

interface Row {
  id: string;
  title: string;
  price: number | null;
  game?: string;
}
const rows: Row[] = [
  { id: "a", title: "Item 10", price: 5, game: "Fortnite" },
  { id: "b", title: "item 2", price: null, game: "FIFA" },
  { id: "c", title: "Item 1", price: 20 },
  { id: "d", title: "Bundle", price: 5, game: "Fortnite" },
];
const cols: ColumnDef<Row>[] = [
  { key: "title", label: "Title", value: (r) => r.title },
  { key: "price", label: "Price", value: (r) => r.price, text: (r) => (r.price === null ? "" : `$${r.price}`) },
  { key: "game", label: "Game", value: (r) => r.game },
];

describe("sorting", () => {
  it("numbers numerically, text naturally and case-insensitively", () => {
    expect(sortRows(rows, (r) => r.title, "asc").map((r) => r.id)).toEqual(["d", "c", "b", "a"]);
    expect(sortRows(rows, (r) => r.title, "desc").map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
  });
  it("is stable and keeps empty values last in both directions", () => {
    expect(sortRows(rows, (r) => r.price, "asc").map((r) => r.id)).toEqual(["a", "d", "c", "b"]);
    expect(sortRows(rows, (r) => r.price, "desc").map((r) => r.id)).toEqual(["c", "a", "d", "b"]);
  });
  it("header clicks cycle asc → desc → none", () => {
    expect(nextSort(null, "x")).toEqual({ key: "x", dir: "asc" });
    expect(nextSort({ key: "x", dir: "asc" }, "x")).toEqual({ key: "x", dir: "desc" });
    expect(nextSort({ key: "x", dir: "desc" }, "x")).toBeNull();
    expect(nextSort({ key: "x", dir: "desc" }, "y")).toEqual({ key: "y", dir: "asc" });
  });
  it("compares booleans true first", () => {
    expect(compareValues(true, false)).toBeLessThan(0);
  });
});

describe("filtering", () => {
  it("every word must match some column, case-insensitively, on the displayed text", () => {
    expect(filterRows(rows, "fortnite", cols).map((r) => r.id)).toEqual(["a", "d"]);
    expect(filterRows(rows, "fortnite bundle", cols).map((r) => r.id)).toEqual(["d"]);
    expect(filterRows(rows, "$20", cols).map((r) => r.id)).toEqual(["c"]);
    expect(filterRows(rows, "  ", cols)).toHaveLength(4);
    expect(filterRows(rows, "nothing", cols)).toHaveLength(0);
  });
});

describe("selection", () => {
  const ids = ["a", "b", "c", "d", "e"];
  it("click toggles one row", () => {
    expect([...clickSelect(new Set(), ids, "b", null, false)]).toEqual(["b"]);
    expect([...clickSelect(new Set(["b"]), ids, "b", "b", false)]).toEqual([]);
  });
  it("shift-click selects the range from the anchor, in either direction", () => {
    expect([...clickSelect(new Set(["b"]), ids, "d", "b", true)].sort()).toEqual(["b", "c", "d"]);
    expect([...clickSelect(new Set(["d"]), ids, "a", "d", true)].sort()).toEqual(["a", "b", "c", "d"]);
  });
  it("shift-click from an unselected anchor clears the range", () => {
    expect([...clickSelect(new Set(["a", "c", "d"]), ids, "c", "b", true)].sort()).toEqual(["a", "d"]);
  });
  it("select all toggles the visible rows only", () => {
    expect([...toggleAll(new Set(["z"]), ["a", "b"])].sort()).toEqual(["a", "b", "z"]);
    expect([...toggleAll(new Set(["a", "b", "z"]), ["a", "b"])]).toEqual(["z"]);
  });
});

describe("virtualization", () => {
  it("renders the rows in view plus an overscan", () => {
    expect(visibleRange(0, 320, 32, 5000, 8)).toEqual({ start: 0, end: 18 });
    expect(visibleRange(32 * 1000, 320, 32, 5000, 8)).toEqual({ start: 992, end: 1018 });
    expect(visibleRange(32 * 4995, 320, 32, 5000, 8)).toEqual({ start: 4987, end: 5000 });
  });
});
