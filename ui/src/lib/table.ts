// Sorting, filtering and selection of table rows: pure functions, unit tested.

export type SortValue = string | number | boolean | null | undefined;
export type SortDir = "asc" | "desc";

export interface ColumnDef<T> {
  /** Stable id; also the data-testid suffix of the column's header and cells. */
  key: string;
  label: string;
  /** The value sorted on and searched by the filter box. */
  value: (row: T) => SortValue;
  /** Text shown in the cell when no custom cell snippet is given (defaults to value). */
  text?: (row: T) => string;
  /** CSS grid track, e.g. "1fr", "120px", "minmax(160px, 2fr)". */
  width?: string;
  align?: "left" | "right" | "center";
  sortable?: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Compares two cell values: empty values last whatever the direction, numbers numerically. */
export function compareValues(a: SortValue, b: SortValue): number {
  const ae = a === null || a === undefined || a === "";
  const be = b === null || b === undefined || b === "";
  if (ae || be) return ae === be ? 0 : ae ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/**
 * The indices of `rows` in the order of a stable sort by one column, empty values last in both
 * directions: the table sorts once per rows array and sort, then filters in that order.
 */
export function sortOrder<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): number[] {
  const n = rows.length;
  const vs: SortValue[] = new Array(n);
  for (let i = 0; i < n; i++) vs[i] = value(rows[i]);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const empty = (v: SortValue) => v === null || v === undefined || v === "";
  order.sort((x, y) => {
    const a = vs[x];
    const b = vs[y];
    const xe = empty(a);
    const ye = empty(b);
    if (xe || ye) return xe === ye ? x - y : xe ? 1 : -1;
    const c = compareValues(a, b);
    return (dir === "asc" ? c : -c) || x - y;
  });
  return order;
}

/** Next sort state when a header is clicked: asc → desc → none. */
export function nextSort(current: { key: string; dir: SortDir } | null, key: string): { key: string; dir: SortDir } | null {
  if (!current || current.key !== key) return { key, dir: "asc" };
  if (current.dir === "asc") return { key, dir: "desc" };
  return null;
}

function cellText<T>(row: T, col: ColumnDef<T>): string {
  if (col.text) return col.text(row);
  const v = col.value(row);
  return v === null || v === undefined ? "" : String(v);
}

/** The words of a filter query: lower-cased, split on white space, empty ones dropped. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The text the filter box searches, per row (index-aligned with `rows`): every column's text,
 * lower-cased, joined by NUL (so a word never matches across two columns). Built once per rows
 * array and columns, so each keystroke only runs `includes` over ready strings.
 */
export function searchIndex<T>(rows: readonly T[], columns: readonly ColumnDef<T>[]): string[] {
  const n = rows.length;
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    let hay = "";
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) hay += "\u0000";
      hay += cellText(row, columns[c]);
    }
    out[i] = hay.toLowerCase();
  }
  return out;
}

/**
 * Rows whose search text (`index`, from `searchIndex(rows, …)`) contains every word, in the
 * order `order` gives (positions in `rows`, from `sortOrder`), or in `rows`' order without one.
 */
export function filterIndexed<T>(
  rows: readonly T[],
  index: readonly string[],
  words: readonly string[],
  order: readonly number[] | null = null,
): T[] {
  const out: T[] = [];
  const n = order ? order.length : rows.length;
  const m = words.length;
  outer: for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    const hay = index[i];
    for (let w = 0; w < m; w++) if (!hay.includes(words[w])) continue outer;
    out.push(rows[i]);
  }
  return out;
}

/** Selection after a click on `id`: plain toggles, shift selects the range from the anchor. */
export function clickSelect(
  selected: ReadonlySet<string>,
  orderedIds: readonly string[],
  id: string,
  anchor: string | null,
  shift: boolean,
): Set<string> {
  const next = new Set(selected);
  if (shift && anchor !== null) {
    const a = orderedIds.indexOf(anchor);
    const b = orderedIds.indexOf(id);
    if (a >= 0 && b >= 0) {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const on = selected.has(anchor);
      for (let i = from; i <= to; i++) {
        if (on) next.add(orderedIds[i]);
        else next.delete(orderedIds[i]);
      }
      return next;
    }
  }
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Select every visible row, or clear when all visible rows are already selected. */
export function toggleAll(selected: ReadonlySet<string>, visibleIds: readonly string[]): Set<string> {
  const all = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));
  const next = new Set(selected);
  for (const id of visibleIds) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** The slice of rows to render for a scroll position (virtualization with a fixed row height). */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + count + overscan);
  return { start, end: Math.max(start, end) };
}
