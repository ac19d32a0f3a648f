// The mock build (`vite build --mode mock`): answers the shell's commands from memory, so the UI
// can be looked at in a plain browser. Never part of the production bundle.

import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { nav } from "../lib/stores/nav.svelte";
import { wizardDraft } from "../screens/ggchest/wizard/draft.svelte";
import * as D from "./data";

type Args = Record<string, unknown>;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

export function installMock(): void {
  const params = new URLSearchParams(location.search);
  const empty = params.has("empty");
  if (params.has("profile")) localStorage.setItem("mock-active", params.get("profile")!);
  // Deep links for screenshots: ?profile=p-ggc&tab=new-offer&offer=<id>&view=profiles
  const tab = params.get("tab");
  if (tab === "dashboard" || tab === "products" || tab === "new-listing" || tab === "offers") nav.ggTab = tab;
  if (tab === "offers" || tab === "new-offer" || tab === "orders") nav.ggcTab = tab;
  if (params.get("offer")) nav.ggcOfferId = params.get("offer");
  if (params.get("product")) nav.ggProductId = params.get("product");
  if (params.get("view") === "profiles") nav.view = "profiles";
  const overlay = params.get("overlay");
  if (overlay === "settings" || overlay === "shortcuts") nav.overlay = overlay;
  const wiz = params.get("wizard");
  if (wiz) {
    const d = wizardDraft("p-ggc");
    d.f.offerType = wiz === "items" || wiz === "currency" ? wiz : "accounts";
    d.f.gameId = "g-fn";
    d.f.attributes = { "at-platform": "o-pc", "at-region": "" };
    d.f.title = "Level 85 account with rare skins";
    d.f.description = "Full access, original email included.";
    d.f.price = "49.99";
    d.f.oldPrice = "12,5";
    d.f.deliveryMethod = wiz === "items" ? "auto" : "manual";
    d.f.itemsText = "CODE-0001\nCODE-0002\nCODE-0003\n";
    d.f.accounts = [
      { key: 1, login: "player123", password: "SecurePass1!", email_login: "player123@example.com", email_password: "mailpw", description: "Level 85" },
      { key: 2, login: "gamer456", password: "", email_login: "", email_password: "", description: "Level 92" },
    ];
    d.step = d.f.offerType === "currency" ? 3 : 2;
  }
  mockWindows("main");
  mockIPC(
    async (cmd, raw) => {
      const args = (raw ?? {}) as Args;
      switch (cmd) {
        case "list_profiles":
          return state(empty);
        case "set_active_profile":
          localStorage.setItem("mock-active", String(args.profileId));
          return D.profiles.find((p) => p.id === args.profileId);
        case "get_settings":
          return JSON.parse(localStorage.getItem("mock-settings") ?? "{}");
        case "set_settings":
          localStorage.setItem("mock-settings", JSON.stringify(args.settings));
          return args.settings;
        case "open_logs_folder":
          return null;
        case "test_connection":
          return { ok: true, code: null, message: "Connected." };
        case "sandbox_start_demo":
          return state(false);
        case "cancel_operation":
          return true;
        case "gg_dashboard":
          return D.dashboard;
        case "gg_all_products":
          return paged(D.products, args, "products");
        case "gg_product":
          return D.products.find((p) => p.id === args.productId);
        case "gg_all_offers":
          return paged(D.ggOffers, args, "offers");
        case "ggc_games":
          return D.games;
        case "ggc_attributes":
          return D.attributes;
        case "ggc_game_currencies":
          return D.currencies;
        case "ggc_all_offers": {
          const f = args.filter as { status: string | null; offer_type: string | null; game_id: string | null };
          const list = D.ggcOffers.filter((o) => (!f.status || o.status === f.status) && (!f.offer_type || o.offer_type === f.offer_type) && (!f.game_id || o.game_id === f.game_id));
          return paged(list, args, "offers");
        }
        case "ggc_offer":
          return D.ggcOffers.find((o) => o.id === args.offerId);
        case "ggc_all_orders":
          return paged(D.orders, args, "orders");
        case "ggc_update_price":
          if (!/^[0-9]{1,16}(\.[0-9]{1,2})?$/.test(String(args.price))) throw { code: "invalid_input", message: "price: bad", fields: [{ field: "price", message: "bad" }] };
          return null;
        case "ggc_create_accounts_offer":
          throw {
            code: "validation",
            message: "the marketplace rejected the request: Bad request; accounts[0].password: This value is too short.",
            fields: [{ field: "accounts[0].password", message: "This value is too short." }],
          };
        case "pick_open_file":
          return { handle: "mock-file-1", name: args.kind === "icon" ? "icon.png" : "codes.txt" };
        case "pick_save_file":
          return { handle: "mock-save-1", name: String(args.suggestedName ?? "export.csv") };
        case "read_codes_file":
          return { file_name: "codes.txt", codes: ["CODE-0001", "CODE-0002"], duplicates: [], dropped_repeats: 0, blank_lines: 0, header_skipped: false };
        case "job_results_csv":
        case "audit_export":
        case "export_csv":
          return 0;
        case "jobs_list":
          return [];
        case "audit_list":
          return { entries: [], matched: 0, total: 0 };
        default:
          throw { code: "internal", message: `mock: ${cmd} is not mocked`, fields: [] };
      }
    },
    { shouldMockEvents: true },
  );
}
