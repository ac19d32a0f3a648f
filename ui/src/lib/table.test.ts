import { describe, expect, it } from "vitest";
import {
  clickSelect,
  compareValues,
  filterIndexed,
  nextSort,
  queryWords,
  searchIndex,
  sortOrder,
  toggleAll,
  visibleRange,
  type ColumnDef,
} from "./table";

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

/** The rows the filter box shows for `query`, in the rows' order (as the table does). */
const filterQuery = (query: string) => filterIndexed(rows, searchIndex(rows, cols), queryWords(query));

describe("sorting", () => {
  it("numbers numerically, text naturally and case-insensitively", () => {
    expect(sortOrder(rows, (r) => r.title, "asc").map((i) => rows[i].id)).toEqual(["d", "c", "b", "a"]);
    expect(sortOrder(rows, (r) => r.title, "desc").map((i) => rows[i].id)).toEqual(["a", "b", "c", "d"]);
  });
  it("is stable and keeps empty values last in both directions", () => {
    expect(sortOrder(rows, (r) => r.price, "asc").map((i) => rows[i].id)).toEqual(["a", "d", "c", "b"]);
    expect(sortOrder(rows, (r) => r.price, "desc").map((i) => rows[i].id)).toEqual(["c", "a", "d", "b"]);
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
    expect(filterQuery("fortnite").map((r) => r.id)).toEqual(["a", "d"]);
    expect(filterQuery("fortnite bundle").map((r) => r.id)).toEqual(["d"]);
    expect(filterQuery("$20").map((r) => r.id)).toEqual(["c"]);
    expect(filterQuery("  ")).toHaveLength(4);
    expect(filterQuery("nothing")).toHaveLength(0);
  });
});

describe("search index", () => {
  it("is each row's column texts, lower-cased, NUL-joined, aligned with the rows", () => {
    expect(searchIndex(rows, cols)).toEqual(["item 10\u0000$5\u0000fortnite", "item 2\u0000\u0000fifa", "item 1\u0000$20\u0000", "bundle\u0000$5\u0000fortnite"]);
  });
  it("a word never matches across two columns", () => {
    expect(filterQuery("10$5")).toHaveLength(0);
    expect(filterQuery("item 10 $5").map((r) => r.id)).toEqual(["a"]);
  });
  it("query words are lower-cased and split on any white space", () => {
    expect(queryWords("  Fort\tNITE  ")).toEqual(["fort", "nite"]);
    expect(queryWords("")).toEqual([]);
  });
  it("filters in the sort order it is given", () => {
    const index = searchIndex(rows, cols);
    const order = sortOrder(rows, (r) => r.title, "desc");
    expect(order).toEqual([0, 1, 2, 3]);
    expect(filterIndexed(rows, index, ["item"], order).map((r) => r.id)).toEqual(["a", "b", "c"]);
    const byPrice = sortOrder(rows, (r) => r.price, "desc");
    expect(byPrice).toEqual([2, 0, 3, 1]);
    expect(filterIndexed(rows, index, ["$"], byPrice).map((r) => r.id)).toEqual(["c", "a", "d"]);
    expect(filterIndexed(rows, index, ["fortnite", "item"]).map((r) => r.id)).toEqual(["a"]);
    expect(filterIndexed(rows, index, ["zzz"], byPrice)).toEqual([]);
  });
  it("sorts 2,000 rows stably, empty values last", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), title: `Offer ${(i * 7919) % 2000}`, price: i % 3 ? (i * 31) % 97 : null }));
    const order = sortOrder(many, (r) => r.price, "asc");
    // Stable: rows of equal price keep their original order.
    for (let k = 1; k < order.length; k++) {
      if (many[order[k]].price === many[order[k - 1]].price) expect(order[k]).toBeGreaterThan(order[k - 1]);
    }
    expect(new Set(order).size).toBe(2000);
    const prices = order.map((i) => many[i].price).filter((p) => p !== null) as number[];
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(many[order[1999]].price).toBeNull();
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
