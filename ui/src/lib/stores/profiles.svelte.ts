// The profiles of both markets and which one is active.

import * as ipc from "../ipc";
import type { Market, ProfileView, ProfilesState } from "../types";

export const MARKETS: { id: Market; name: string; productionUrl: string }[] = [
  { id: "gg", name: "Gaming Goods", productionUrl: "https://gaming-goods.ru/api/partner/v1" },
  { id: "ggchest", name: "GGChest", productionUrl: "https://sellerapi.ggchest.com" },
];

export function marketName(m: Market | string): string {
  return MARKETS.find((x) => x.id === m)?.name ?? String(m);
}

class Profiles {
  list = $state<ProfileView[]>([]);
  activeId = $state<string | null>(null);
  loaded = $state(false);
  loadError = $state<unknown>(null);

  active = $derived(this.list.find((p) => p.id === this.activeId) ?? null);

  /** Sidebar order: grouped by market, then by name; Ctrl+1..9 follows it. */
  ordered = $derived(
    MARKETS.flatMap((m) =>
      this.list.filter((p) => p.market === m.id).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" })),
    ),
  );

  apply(state: ProfilesState): void {
    this.list = state.profiles;
    // None remembered (e.g. the active one was deleted): the first of the sidebar, as `remove` does.
    this.activeId = state.active_profile_id ?? this.ordered[0]?.id ?? null;
    this.loaded = true;
  }

  async load(): Promise<void> {
    try {
      this.apply(await ipc.listProfiles());
      this.loadError = null;
    } catch (e) {
      this.loadError = e;
      this.loaded = true;
    }
  }

  /** Switches at once in the UI; the shell remembers it for the next start. */
  async switchTo(id: string): Promise<void> {
    if (id === this.activeId || !this.list.some((p) => p.id === id)) return;
    this.activeId = id;
    await ipc.setActiveProfile(id);
  }

  upsert(p: ProfileView): void {
    const i = this.list.findIndex((x) => x.id === p.id);
    this.list = i >= 0 ? this.list.map((x) => (x.id === p.id ? p : x)) : [...this.list, p];
  }

  remove(id: string): void {
    this.list = this.list.filter((p) => p.id !== id);
    if (this.activeId === id) this.activeId = this.ordered[0]?.id ?? null;
  }
}

export const profiles = new Profiles();
