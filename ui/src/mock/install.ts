// The mock build (`vite build --mode mock`): answers the shell's commands from memory (./handlers.ts, one handler per command), so the UI
// can be looked at in a plain browser. Never part of the production bundle.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { CommandName } from "../lib/commands";
import { nav } from "../lib/stores/nav.svelte";
import { wizardDraft } from "../screens/ggchest/wizard/draft.svelte";
import { mockHandlers, type Args } from "./handlers";

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
  const handlers = mockHandlers(empty);
  mockIPC(
    async (cmd, raw) => {
      const handler = Object.hasOwn(handlers, cmd) ? handlers[cmd as CommandName] : undefined;
      if (!handler) throw { code: "internal", message: `mock: ${cmd} is not mocked`, fields: [] };
      return handler((raw ?? {}) as Args);
    },
    { shouldMockEvents: true },
  );
}
