// The Russian catalog against the code: every text the code passes to t()/tp() has a Russian
// entry, every entry is used, placeholders agree; and no English is left in .svelte markup
// outside t(). The sources are read as text (Vite's ?raw import, in node under vitest).

import { describe, expect, it } from "vitest";
import { _catalogs } from "./index.svelte";
import { ERROR_TEMPLATES } from "../bindings/errorTemplates";

const sources = import.meta.glob(["../../**/*.ts", "../../**/*.svelte", "!../../**/*.test.ts", "!../../mock/**", "!../../lib/bindings/**", "!./ru/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Unit tests use some entries too (i18n.test.ts: "Save"); they count as uses, but the texts they
 * make up to test the fallback need no entry. */
const tests = import.meta.glob(["../../**/*.test.ts", "!./catalog.test.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Reading string literals out of source text

/** The JS string literal starting at `i` (", ' or ` without ${}): its value and end, or null. */
function literalAt(src: string, i: number): { value: string; end: number } | null {
  const q = src[i];
  if (q !== '"' && q !== "'" && q !== "`") return null;
  let j = i + 1;
  let value = "";
  while (j < src.length && src[j] !== q) {
    if (src[j] === "\\") {
      const c = src[j + 1];
      value += c === "n" ? "\n" : c === "t" ? "\t" : c === "u" ? String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)) : c;
      j += c === "u" ? 6 : 2;
      continue;
    }
    if (q === "`" && src[j] === "$" && src[j + 1] === "{") return null;
    value += src[j];
    j++;
  }
  return j < src.length ? { value, end: j + 1 } : null;
}

function skipSpace(src: string, i: number): number {
  while (i < src.length && /\s/.test(src[i])) i++;
  return i;
}

/** From `i` (inside a call's parentheses) to the next top-level comma or closing parenthesis. */
function skipExpression(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      const lit = literalAt(src, i);
      if (lit) {
        i = lit.end;
        continue;
      }
      // A template literal with ${}: skip to its closing backtick.
      i = src.indexOf(c, i + 1) + 1 || src.length;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (c === "," && depth === 0) return i;
    i++;
  }
  return i;
}

interface Use {
  key: string;
  where: string;
}

function lineOf(src: string, i: number): number {
  return src.slice(0, i).split("\n").length;
}

/** The keys passed to t() and tp() in one file, and the calls whose text is not a literal. */
function extract(file: string, src: string): { uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  const call = /(?<![\w$.])(tp?)\(/g;
  for (let m = call.exec(src); m; m = call.exec(src)) {
    const where = `${file}:${lineOf(src, m.index)}`;
    let i = skipSpace(src, m.index + m[0].length);
    if (m[1] === "tp") {
      i = skipSpace(src, skipExpression(src, i) + 1);
      const one = literalAt(src, i);
      const other = one && literalAt(src, skipSpace(src, skipSpace(src, one.end) + 1));
      if (one && other && src[skipSpace(src, one.end)] === ",") uses.push({ key: `${one.value}|${other.value}`, where });
      else dynamic.push(where);
    } else {
      const lit = literalAt(src, i);
      const after = lit ? src[skipSpace(src, lit.end)] : "";
      if (lit && (after === "," || after === ")")) uses.push({ key: lit.value, where });
      else dynamic.push(where);
    }
  }
  return { uses, dynamic };
}

/** The files that define t/tp themselves (their own mentions are not uses). */
const DEFINITIONS = ["./index.svelte.ts"];

function allUses(): { uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  for (const [file, src] of Object.entries(sources)) {
    if (DEFINITIONS.includes(file)) continue;
    const r = extract(file, src);
    uses.push(...r.uses);
    dynamic.push(...r.dynamic);
  }
  return { uses, dynamic };
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(",");
}

/** Entries whose {placeholders} differ from their English key's, or plurals without 3 forms. */
function placeholderProblems(catalog: Record<string, string>): string[] {
  const wrong: string[] = [];
  for (const [key, text] of Object.entries(catalog)) {
    const forms = text.split("|");
    if (key.includes("|") && forms.length !== 3) wrong.push(`${JSON.stringify(key)}: ${forms.length} forms, not 3`);
    const want = placeholders(key);
    for (const f of forms) {
      if (placeholders(f) !== want) wrong.push(`${JSON.stringify(key)} → ${JSON.stringify(f)}: {${placeholders(f)}} ≠ {${want}}`);
    }
  }
  return wrong;
}

describe("the Russian catalog", () => {
  const ru = _catalogs.ru;
  const { uses, dynamic } = allUses();

  it("finds the texts in the code", () => {
    expect(uses.length).toBeGreaterThan(100);
    expect(Object.keys(sources).some((f) => f.endsWith("Welcome.svelte"))).toBe(true);
  });

  it("gets literal texts only (a catalog test cannot see a computed one)", () => {
    expect(dynamic, "t()/tp() called with something other than string literals").toEqual([]);
  });

  it("has a Russian entry for every text the code uses", () => {
    const missing = [...new Map(uses.filter((u) => !(u.key in ru)).map((u) => [u.key, u.where])).entries()].map(
      ([key, where]) => `${JSON.stringify(key)} (${where})`,
    );
    expect(missing, "texts with no Russian entry").toEqual([]);
  });

  it("has a Russian entry for every template of the marketplace errors' messages", () => {
    expect(ERROR_TEMPLATES.length).toBeGreaterThan(10);
    expect(ERROR_TEMPLATES.filter((tpl) => !(tpl in ru)), "error templates with no Russian entry").toEqual([]);
  });

  it("has no entry the code does not use", () => {
    // The error templates are used by the shell's errors (translateMessage), not by t() calls.
    const used = new Set([...uses.map((u) => u.key), ...ERROR_TEMPLATES]);
    for (const [file, src] of Object.entries(tests)) for (const u of extract(file, src).uses) used.add(u.key);
    expect(Object.keys(ru).filter((k) => !used.has(k)), "Russian entries no code uses").toEqual([]);
  });

  it("keeps the placeholders of the English text, and three forms for plurals", () => {
    expect(placeholderProblems({ "{n} row|{n} rows": "{n} строка|{n} строки", "Hi {name}": "Привет, {nam}" })).toHaveLength(2);
    expect(placeholderProblems(ru), "Russian entries whose placeholders differ from the English").toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// English left in markup

/** Words that stay as they are in every language. */
const ALLOWED = new Set(["GGChest", "Gaming", "Goods", "CSV", "JSON", "USD", "EUR", "API", "Seller", "Desk", "AUTO", "MANUAL"]);

/** Markup with {…} expressions removed (strings inside them may hold braces). */
function withoutExpressions(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    if (src[i] !== "{") {
      out += src[i++];
      continue;
    }
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '"' || c === "'" || c === "`") {
        const lit = literalAt(src, i);
        i = lit ? lit.end : src.indexOf(c, i + 1) + 1 || src.length;
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        i++;
        break;
      }
      i++;
    }
    out += " ";
  }
  return out;
}

const VISIBLE_ATTRIBUTES = /\s(placeholder|title|aria-label|alt|label)="([^"]*)"/g;

function englishWords(text: string): string[] {
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !ALLOWED.has(w));
}

/** The English words of one .svelte file that no t() covers: in text nodes and visible attributes. */
export function untranslatedMarkup(src: string): string[] {
  const markup = withoutExpressions(
    src
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<!--[\s\S]*?-->/g, " "),
  );
  const found: string[] = [];
  for (const m of markup.matchAll(VISIBLE_ATTRIBUTES)) {
    if (englishWords(m[2]).length) found.push(`${m[1]}="${m[2]}"`);
  }
  const text = markup.replace(/<[^>]*>/g, " ").replace(/&[#\w]+;/g, " ");
  for (const line of text.split("\n")) {
    if (englishWords(line).length) found.push(line.trim());
  }
  return found;
}

describe("markup", () => {
  it("finds raw English in text and attributes, not in expressions or tags", () => {
    expect(untranslatedMarkup(`<script>const a = "Hello";</script><p class="x">{t("Hi")}</p>`)).toEqual([]);
    expect(untranslatedMarkup(`<p title="GGChest">{n > 1 ? "}" : "{"} &nbsp; GGChest</p>`)).toEqual([]);
    expect(untranslatedMarkup(`<p>Hello {name}</p>`)).toEqual(["Hello"]);
    expect(untranslatedMarkup(`<input placeholder="Search" />`)).toEqual([`placeholder="Search"`]);
  });

  it("has no English outside t() in .svelte files", () => {
    const raw: string[] = [];
    for (const [file, src] of Object.entries(sources)) {
      if (!file.endsWith(".svelte")) continue;
      for (const w of untranslatedMarkup(src)) raw.push(`${file}: ${w}`);
    }
    expect(raw, "English in markup: wrap it in {t(…)}").toEqual([]);
  });
});
