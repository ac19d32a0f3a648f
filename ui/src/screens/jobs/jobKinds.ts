// The job kinds offered per market in "New bulk job", and the form state → JobSpec mapping.

import type { BatchAction, JobSpec, Market, OfferSelection, OfferStatus, PickedFile, PriceRuleSpec } from "../../lib/types";
import { t } from "../../lib/i18n/index.svelte";
import { kindTitle } from "../../lib/jobs";

export type FormKind =
  | "gg_upload_codes"
  | "gg_add_offers"
  | "gg_reprice"
  | "ggc_reprice"
  | "ggc_activate"
  | "ggc_draft"
  | "ggc_delete"
  | "ggc_create"
  | "ggc_import_accounts";

export interface KindInfo {
  kind: FormKind;
  label: string;
  hint: string;
}

/** A kind whose texts are read in the UI's language each time they are shown. */
function info(kind: FormKind, hint: () => string): KindInfo {
  return {
    kind,
    get label() {
      return kindTitle(kind) ?? kind;
    },
    get hint() {
      return hint();
    },
  };
}

export const KINDS: Record<Market, KindInfo[]> = {
  gg: [
    info("gg_upload_codes", () => t("CSV {columns}: codes to many of your listings, 500 a request.", { columns: "product_id,code" })),
    info("gg_add_offers", () => t("CSV {columns}: C2C offers on many products.", { columns: "product_id,price_cents,code" })),
    info("gg_reprice", () => t("Move the price of your unsold offers (EUR).")),
  ],
  ggchest: [
    info("ggc_reprice", () => t("Set or move prices (USD), within a floor and a ceiling.")),
    info("ggc_activate", () => t("100 offers a request.")),
    info("ggc_draft", () => t("100 offers a request.")),
    info("ggc_delete", () => t("100 offers a request. Cannot be undone.")),
    info("ggc_create", () => t("A JSON array of create bodies with {field}, or a CSV with a header.", { field: "offer_type" })),
    info("ggc_import_accounts", () => t("CSV {columns} into one accounts offer.", { columns: "login,password[,email_login,email_password,description]" })),
  ],
};

export const NEEDS_FILE: FormKind[] = ["gg_upload_codes", "gg_add_offers", "ggc_create", "ggc_import_accounts"];
export const NEEDS_RULE: FormKind[] = ["gg_reprice", "ggc_reprice"];
export const NEEDS_SELECTION: FormKind[] = ["ggc_reprice", "ggc_activate", "ggc_draft", "ggc_delete"];

export type SelectionSource = "selected" | "status" | "all" | "ids";

export interface JobForm {
  kind: FormKind;
  /** The file chosen in the shell's open dialog or dropped: a handle and its name. */
  file: PickedFile | null;
  rule: PriceRuleSpec;
  source: SelectionSource;
  status: OfferStatus;
  /** Pasted ids (one a line) or product ids (GG reprice). */
  idsText: string;
  /** Rows selected in the offers table, when opened from there. */
  selectedIds: string[];
  offerId: string;
}

export function idsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function selection(f: JobForm): OfferSelection {
  const none = { status: null, offer_type: null, game_id: null };
  switch (f.source) {
    case "selected":
      return { ids: f.selectedIds, filter: none };
    case "ids":
      return { ids: idsOf(f.idsText), filter: none };
    case "status":
      return { ids: [], filter: { ...none, status: f.status } };
    default:
      return { ids: [], filter: none, all: true };
  }
}

const ACTION: Partial<Record<FormKind, BatchAction>> = { ggc_activate: "activate", ggc_draft: "draft", ggc_delete: "delete" };

/** The spec the shell plans; null while the form misses something required. */
export function specOf(f: JobForm): JobSpec | null {
  const rule: PriceRuleSpec = {
    adjust: f.rule.adjust,
    value: f.rule.value.trim(),
    floor: f.rule.floor?.trim() || null,
    ceiling: f.rule.ceiling?.trim() || null,
  };
  if (NEEDS_FILE.includes(f.kind) && !f.file) return null;
  if (NEEDS_RULE.includes(f.kind) && rule.value === "") return null;
  if (NEEDS_SELECTION.includes(f.kind)) {
    const sel = selection(f);
    if ((f.source === "selected" || f.source === "ids") && sel.ids.length === 0) return null;
  }
  switch (f.kind) {
    case "gg_upload_codes":
    case "gg_add_offers":
    case "ggc_create":
      return { kind: f.kind, file: f.file!.handle };
    case "ggc_import_accounts":
      return f.offerId.trim() ? { kind: "ggc_import_accounts", file: f.file!.handle, offer_id: f.offerId.trim() } : null;
    case "gg_reprice":
      return { kind: "gg_reprice", rule, product_ids: idsOf(f.idsText) };
    case "ggc_reprice":
      return { kind: "ggc_reprice", rule, selection: selection(f) };
    default:
      return { kind: "ggc_batch", action: ACTION[f.kind]!, selection: selection(f) };
  }
}
