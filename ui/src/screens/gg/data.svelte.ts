// The active Gaming Goods profile's data, shared by its tabs (one instance per profile).

import { getContext, setContext } from "svelte";
import { toCommandError, type IpcError } from "../../lib/errors";
import { t } from "../../lib/i18n/index.svelte";
import * as ipc from "../../lib/ipc";
import { operations } from "../../lib/stores/operations.svelte";
import type { GgOffer, GgProduct } from "../../lib/types";

export class GgData {
  // Raw (not deeply reactive): big lists as plain objects; every change assigns a new array.
  products = $state.raw<GgProduct[]>([]);
  productsLoaded = $state(false);
  productsLoading = $state(false);
  productsError = $state<IpcError | null>(null);
  offers = $state.raw<GgOffer[]>([]);
  offersLoaded = $state(false);
  offersLoading = $state(false);
  offersError = $state<IpcError | null>(null);

  constructor(readonly profileId: string) {}

  /** Every page of the seller's products, with progress and Cancel. */
  async loadProducts(): Promise<void> {
    if (this.productsLoading) return;
    this.productsLoading = true;
    this.productsError = null;
    try {
      this.products = await operations.run("gg-products", t("Loading products"), (op) => ipc.ggAllProducts(this.profileId, op));
      this.productsLoaded = true;
    } catch (e) {
      this.productsError = toCommandError(e);
    } finally {
      this.productsLoading = false;
    }
  }

  async loadOffers(): Promise<void> {
    if (this.offersLoading) return;
    this.offersLoading = true;
    this.offersError = null;
    try {
      this.offers = await operations.run("gg-offers", t("Loading offers"), (op) => ipc.ggAllOffers(this.profileId, op));
      this.offersLoaded = true;
    } catch (e) {
      this.offersError = toCommandError(e);
    } finally {
      this.offersLoading = false;
    }
  }

  /** Puts a product as the marketplace answered into the list (answers may be partial). */
  mergeProduct(p: GgProduct): void {
    const i = this.products.findIndex((x) => x.id === p.id);
    if (i < 0) this.products = [p, ...this.products];
    else {
      const next = this.products.slice();
      next[i] = { ...next[i], ...definedOnly(p) };
      this.products = next;
    }
  }

  titleOf(productId: string): string | null {
    return this.products.find((p) => p.id === productId)?.title ?? null;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

const KEY = Symbol("gg-data");
export const provideGgData = (d: GgData) => setContext(KEY, d);
export const ggData = () => getContext<GgData>(KEY);
