// UI text in English and Russian. English is the source: code writes `t("Save")`, and each
// other language maps that English text to its own (ru/*.ts). A text missing from a catalog is
// shown in English rather than blank; the catalog test fails on missing and unused entries.

import { ru } from "./ru";

export type Locale = "en" | "ru";
/** The language setting: a fixed language, or whatever the OS says. */
export type LanguageSetting = "system" | Locale;

export const LOCALES: { id: Locale; name: string }[] = [
  { id: "en", name: "English" },
  { id: "ru", name: "Русский" },
];

type Params = Record<string, string | number>;

const catalogs: Record<Locale, Record<string, string>> = { en: {}, ru };

/** The OS language, as the webview reports it (WebKitGTK: the process locale, LC_ALL / LC_CTYPE / LANG). */
export function detectLocale(languages: readonly string[] | undefined): Locale {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === "ru") return "ru";
    if (base === "en") return "en";
  }
  return "en";
}

function systemLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

class I18n {
  setting = $state<LanguageSetting>("system");
  locale = $derived<Locale>(this.setting === "system" ? detectLocale(systemLanguages()) : this.setting);
}

export const i18n = new I18n();

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === "number" ? formatNumber(v) : v;
  });
}

/** The text in the UI's language; `{name}` placeholders are filled from `params`. */
export function t(source: string, params?: Params): string {
  return fill(catalogs[i18n.locale][source] ?? source, params);
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  ru: new Intl.PluralRules("ru"),
};

/**
 * A count with its noun: `tp(n, "{n} row", "{n} rows")`. The catalog key is "one|other"; a
 * Russian entry gives three forms "one|few|many" (1 строка, 2 строки, 5 строк).
 */
export function tp(n: number, one: string, other: string, params?: Params): string {
  const locale = i18n.locale;
  const key = `${one}|${other}`;
  const forms = (catalogs[locale][key] ?? key).split("|");
  const rule = pluralRules[locale].select(n);
  const order = locale === "ru" ? ["one", "few", "many"] : ["one", "other"];
  const form = forms[order.indexOf(rule)] ?? forms[forms.length - 1];
  return fill(form, { n, ...params });
}

/** The plain number formats, made once: `toLocaleString` builds a formatter per call, about 30 µs
 * in WebKitGTK, which a search index over 10,000 rows paid 10,000 times. */
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-US"),
  ru: new Intl.NumberFormat("ru-RU"),
};

/** A number in the UI language's grouping (10,000 / 10 000). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const locale = i18n.locale;
  if (!options) return numberFormats[locale].format(n);
  return n.toLocaleString(locale === "ru" ? "ru-RU" : "en-US", options);
}

/**
 * A message the shell sent as an English template and its values (CommandError.text), in the
 * UI's language; `english`, the shell's own filling, when there is no template or no entry.
 */
export function translateMessage(text: { template: string; params: Record<string, string> } | null | undefined, english: string): string {
  if (!text) return english;
  const entry = catalogs[i18n.locale][text.template];
  return entry === undefined ? english : fill(entry, text.params);
}

/** Catalogs by language, for the catalog test. */
export const _catalogs = catalogs;
