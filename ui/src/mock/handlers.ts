// The mock's answer to every shell command, by name: one entry per command of the generated
// command list (COMMAND_NAMES in ../lib/commands.ts, from src-tauri/src/ipc.rs). The type makes a
// command without an entry a type error, and handlers.test.ts fails on one too, so a new command
// gets its mock answer (or an explicit `notMocked`) when it is added.

import { emit } from "@tauri-apps/api/event";
import type { CommandName } from "../lib/commands";
import * as D from "./data";

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A command the demo data cannot answer: it fails as the shell would with an internal error. */
export const notMocked =
  (cmd: CommandName): Handler =>
  () => {
    throw { code: "internal", message: `mock: ${cmd} is not mocked`, fields: [] };
  };

function state(empty: boolean) {
  return { profiles: empty ? [] : D.profiles, active_profile_id: empty ? null : (localStorage.getItem("mock-active") ?? "p-gg"), file: "~/.config/sellerdesk/profiles.json" };
}

async function paged<T>(items: T[], args: Args, label: string): Promise<T[]> {
  const id = String(args.operationId);
  for (let done = 0; done < items.length; done += 100) {
    await emit("progress", { operation_id: id, done, total: items.length, label });
    await wait(20);
  }
  await emit("progress", { operation_id: id, done: items.length, total: items.length, label });
  return items;
}

const profile = (args: Args) => D.profiles.find((p) => p.id === args.profileId) ?? D.profiles[0];
const product = (args: Args) => D.products.find((p) => p.id === args.productId) ?? D.products[0];
const ggcOffer = (args: Args) => D.ggcOffers.find((o) => o.id === args.offerId) ?? D.ggcOffers[0];
const codesParsed = (fileName: string | null, codes: string[]) => ({ file_name: fileName, codes, duplicates: [], dropped_repeats: 0, blank_lines: 0, header_skipped: false });

/** Every command's handler; `empty` starts with no profile (the `?empty` URL parameter). */
export function mockHandlers(empty: boolean): Record<CommandName, Handler> {
  return {
    list_profiles: () => state(empty),
    add_profile: (args) => {
      const p = args.profile as { name: string; market: string; base_url: string | null };
      return { ...D.profiles[0], id: "p-new", name: p.name, market: p.market, base_url: p.base_url ?? D.profiles[0].base_url, sandbox: false, active: false, masked_key: "new_…_key" };
    },
    rename_profile: (args) => ({ ...profile(args), name: String(args.name) }),
    set_profile_base_url: (args) => ({ ...profile(args), base_url: args.baseUrl ?? profile(args).base_url }),
    replace_key: (args) => profile(args),
    delete_profile: () => null,
    set_active_profile: (args) => {
      localStorage.setItem("mock-active", String(args.profileId));
      return D.profiles.find((p) => p.id === args.profileId);
    },
    test_connection: () => ({ ok: true, code: null, message: "Connected." }),
    get_settings: () => JSON.parse(localStorage.getItem("mock-settings") ?? "{}"),
    set_settings: (args) => {
      localStorage.setItem("mock-settings", JSON.stringify(args.settings));
      return args.settings;
    },
    open_logs_folder: () => null,
    sandbox_start_demo: () => state(false),
    sandbox_status: () => ({ running: true, base_url: "http://127.0.0.1:41234" }),
    cancel_operation: () => true,
    pick_open_file: (args) => ({ handle: "mock-file-1", name: args.kind === "icon" ? "icon.png" : "codes.txt" }),
    pick_save_file: (args) => ({ handle: "mock-save-1", name: String(args.suggestedName ?? "export.csv") }),
    read_codes_file: () => codesParsed("codes.txt", ["CODE-0001", "CODE-0002"]),
    parse_codes: (args) => codesParsed(null, [...new Set(String(args.text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean))]),
    read_accounts_csv: () => ({ file_name: "accounts.csv", accounts: [{ login: "player123", password: "SecurePass1!", email_login: null, email_password: null, description: null }], problems: [], ignored_columns: [] }),
    check_icon: notMocked("check_icon"),
    gg_dashboard: () => D.dashboard,
    gg_all_products: (args) => paged(D.products, args, "products"),
    gg_product: (args) => D.products.find((p) => p.id === args.productId),
    gg_create_product: (args) => ({ ...D.products[0], ...(args.product as object), id: "a1b2c3d4-0000-4000-8000-new000000000" }),
    gg_update_product: (args) => ({ ...product(args), ...(args.update as object) }),
    gg_deactivate_product: (args) => ({ ...product(args), is_active: false }),
    gg_reactivate_product: (args) => ({ ...product(args), is_active: true }),
    gg_upload_codes: (args) => ({ uploaded: (args.codes as string[]).length, stock_available: null, rejected_duplicates: [], refusal: null, not_sent: [], cancelled: false }),
    gg_all_offers: (args) => paged(D.ggOffers, args, "offers"),
    gg_add_offers: () => ({ added: 1, rejected_duplicates: [], refusal: null }),
    gg_reprice_offers: () => ({ updated: 1 }),
    gg_offers_deletion: (args) => ({ product_id: args.productId, tiers: [{ price_cents: 150, available: 3, sold: 1 }], unsold: 3, sold: 1 }),
    gg_delete_offers: () => ({ deleted: 1 }),
    ggc_games: () => D.games,
    ggc_game_currencies: () => D.currencies,
    ggc_attributes: () => D.attributes,
    ggc_all_offers: (args) => {
      const f = args.filter as { status: string | null; offer_type: string | null; game_id: string | null };
      const list = D.ggcOffers.filter((o) => (!f.status || o.status === f.status) && (!f.offer_type || o.offer_type === f.offer_type) && (!f.game_id || o.game_id === f.game_id));
      return paged(list, args, "offers");
    },
    ggc_offer: (args) => D.ggcOffers.find((o) => o.id === args.offerId),
    ggc_create_accounts_offer: () => {
      throw {
        code: "validation",
        message: "the marketplace rejected the request: Bad request; accounts[0].password: This value is too short.",
        fields: [{ field: "accounts[0].password", message: "This value is too short." }],
      };
    },
    ggc_create_currency_offer: () => ({ id: D.ggcOffers[2].id }),
    ggc_create_items_offer: () => ({ id: D.ggcOffers[1].id }),
    ggc_edit_offer: (args) => ({ ...ggcOffer(args), ...(args.edit as object) }),
    ggc_update_price: (args) => {
      if (!/^[0-9]{1,16}(\.[0-9]{1,2})?$/.test(String(args.price))) throw { code: "invalid_input", message: "price: bad", fields: [{ field: "price", message: "bad" }] };
      return null;
    },
    ggc_toggle: () => null,
    ggc_delete_offer: () => null,
    ggc_batch: (args) => ({ action: args.action, done: args.ids, not_done: [], error: null }),
    ggc_attach_icon: () => ({ id: "icon-1", path: null }),
    ggc_delete_icon: () => null,
    ggc_all_orders: (args) => paged(D.orders, args, "orders"),
    job_preview: notMocked("job_preview"),
    job_create: notMocked("job_create"),
    jobs_list: () => [],
    job_run: notMocked("job_run"),
    job_cancel: () => true,
    job_results: notMocked("job_results"),
    job_results_csv: () => 0,
    job_retry_failed: notMocked("job_retry_failed"),
    audit_list: () => ({ entries: [], matched: 0, total: 0 }),
    audit_export: () => 0,
    export_csv: () => 0,
  };
}
