// The active GGChest profile's data, shared by its tabs (one instance per profile).

import { getContext, setContext } from "svelte";
import { SvelteMap } from "svelte/reactivity";
import { toCommandError, type IpcError } from "../../lib/errors";
import { t } from "../../lib/i18n/index.svelte";
import * as ipc from "../../lib/ipc";
import { operations } from "../../lib/stores/operations.svelte";
import type { Game, GgcOffer, OfferStatus, OfferType, OffersFilter } from "../../lib/types";

export class GgcData {
  // Raw (not deeply reactive): 10,000 offers as plain objects rather than proxies, which is
  // lighter and faster to filter and sort; every change assigns a new array (patch, drop).
  offers = $state.raw<GgcOffer[]>([]);
  loaded = $state(false);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  status = $state<OfferStatus | "">("");
  offerType = $state<OfferType | "">("");
  gameId = $state("");
  games = $state.raw<Game[]>([]);
  gamesError = $state<IpcError | null>(null);

  /**
   * Prices being edited in the offers table, by offer id: kept here rather than in the cell, since
   * the table reuses its row elements for other offers as it scrolls and filters, and so that an
   * edit survives its row being filtered out of view and back.
   */
  readonly priceDrafts = new SvelteMap<string, PriceDraft>();
  /** The offer whose price field has the focus: its field takes it back when a scroll or a filter
   * moves the offer to another row element (the old field is removed, the focus with it). */
  priceFocus: string | null = null;

  constructor(readonly profileId: string) {}

  filter(): OffersFilter {
    return { status: this.status || null, offer_type: this.offerType || null, game_id: this.gameId || null };
  }

  /** Every page of offers matching the filters, with progress and Cancel. */
  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = null;
    try {
      this.offers = await operations.run("ggc-offers", t("Loading offers"), (op) => ipc.ggcAllOffers(this.profileId, this.filter(), op));
      this.loaded = true;
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.loading = false;
    }
  }

  async loadGames(): Promise<void> {
    if (this.games.length > 0) return;
    try {
      this.games = await ipc.ggcGames(this.profileId, null);
    } catch (e) {
      this.gamesError = toCommandError(e);
    }
  }

  patch(id: string, change: Partial<GgcOffer>): void {
    const i = this.offers.findIndex((o) => o.id === id);
    if (i < 0) return;
    const next = this.offers.slice();
    next[i] = { ...next[i], ...change };
    this.offers = next;
  }

  drop(ids: Iterable<string>): void {
    const gone = new Set(ids);
    this.offers = this.offers.filter((o) => !gone.has(o.id));
  }
}

/** A price being edited: the text typed, the last check's or save's error, a save under way. */
export interface PriceDraft {
  value: string;
  error: string | null;
  saving: boolean;
}

/** Status as one lower-case word whatever the API's casing ("ACTIVE", "paused" → "draft"). */
export function statusOf(o: { status?: string | null }): string {
  const s = (o.status ?? "").toLowerCase();
  return s === "paused" ? "draft" : s;
}

const KEY = Symbol("ggc-data");
export const provideGgcData = (d: GgcData) => setContext(KEY, d);
export const ggcData = () => getContext<GgcData>(KEY);
