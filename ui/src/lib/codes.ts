// Activation codes as the seller pastes or imports them: the same reading as the Rust side
// (crates/desk/src/files/codes.rs, a .txt file) so the counts shown before sending match what is sent.

import { t, tp } from "./i18n/index.svelte";

export interface CodeList {
  /** Lines in the text (a trailing newline does not start a new line). */
  lines: number;
  /** Unique codes in the order they first appear. */
  codes: string[];
  /** Codes seen more than once, with how many times. */
  duplicates: [string, number][];
  /** Extra copies dropped (a code seen 3 times counts 2). */
  dropped: number;
  blankLines: number;
  headerSkipped: boolean;
}

const HEADERS = new Set(["code", "codes", "key", "keys", "activation_code", "activation code"]);

function firstField(line: string): string {
  const field = line.split(/[,;\t]/)[0] ?? "";
  return field.trim().replace(/^"+|"+$/g, "").trim();
}

export function splitLines(text: string): string[] {
  const t = text.startsWith("\ufeff") ? text.slice(1) : text;
  if (t === "") return [];
  const lines = t.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function parseCodes(text: string): CodeList {
  const lines = splitLines(text);
  const seen = new Set<string>();
  const repeated = new Map<string, number>();
  const out: CodeList = { lines: lines.length, codes: [], duplicates: [], dropped: 0, blankLines: 0, headerSkipped: false };
  lines.forEach((line, n) => {
    const field = firstField(line);
    if (field === "") {
      out.blankLines++;
      return;
    }
    if (n === 0 && HEADERS.has(field.toLowerCase())) {
      out.headerSkipped = true;
      return;
    }
    if (seen.has(field)) repeated.set(field, (repeated.get(field) ?? 1) + 1);
    else {
      seen.add(field);
      out.codes.push(field);
    }
  });
  out.duplicates = [...repeated.entries()];
  out.dropped = out.duplicates.reduce((sum, [, n]) => sum + n - 1, 0);
  return out;
}

/** `text` with `lines` added at its end, one per line (a newline between them unless `text` is
 *  empty or already ends with one): how an imported or dropped file joins what was typed. */
export function appendLines(text: string, lines: string[]): string {
  const sep = text.trim() === "" || text.endsWith("\n") ? "" : "\n";
  return text + sep + lines.join("\n");
}

/** "1,000 lines → 998 codes, 2 duplicates removed" (plus blank lines and a header when present). */
export function describeCodes(list: CodeList): string {
  let s = `${tp(list.lines, "{n} line", "{n} lines")} → ${tp(list.codes.length, "{n} code", "{n} codes")}, ${tp(list.dropped, "{n} duplicate removed", "{n} duplicates removed")}`;
  if (list.blankLines > 0) s += ", " + tp(list.blankLines, "{n} blank line skipped", "{n} blank lines skipped");
  if (list.headerSkipped) s += ", " + t("header skipped");
  return s;
}

/** Non-blank lines, trimmed, in order (items delivery_info: one unit per line, repeats kept). */
export function nonBlankLines(text: string): string[] {
  return splitLines(text)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
