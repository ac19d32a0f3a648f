// The only file that calls `invoke`: one typed wrapper per shell command. Every rejection
// becomes an IpcError ({code, message, fields}); see docs/APP.md for the contract.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { toCommandError } from "./errors";
import type * as T from "./types";

async function call<R>(cmd: string, args?: Record<string, unknown>): Promise<R> {
  try {
    return await invoke<R>(cmd, args);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

// ----- progress and cancel -----

export function onProgress(handler: (p: T.Progress) => void): Promise<UnlistenFn> {
  return listen<T.Progress>("progress", (e) => handler(e.payload));
}

export const cancelOperation = (operationId: string) => call<boolean>("cancel_operation", { operationId });

// ----- profiles -----

export const listProfiles = () => call<T.ProfilesState>("list_profiles");
export const addProfile = (profile: T.NewProfile) => call<T.ProfileView>("add_profile", { profile });
export const renameProfile = (profileId: string, name: string) => call<T.ProfileView>("rename_profile", { profileId, name });
export const replaceKey = (profileId: string, apiKey: string) => call<T.ProfileView>("replace_key", { profileId, apiKey });
export const deleteProfile = (profileId: string) => call<void>("delete_profile", { profileId });
export const setActiveProfile = (profileId: string) => call<T.ProfileView>("set_active_profile", { profileId });
export const testConnection = (profileId: string) => call<T.ConnectionTest>("test_connection", { profileId });
export const startSandboxDemo = () => call<T.ProfilesState>("sandbox_start_demo");

// ----- files (read by the shell from a path given by the dialog or a drop) -----

export const readCodesFile = (path: string) => call<T.CodesParsed>("read_codes_file", { path });
export const readAccountsCsv = (path: string) => call<T.AccountsFile>("read_accounts_csv", { path });
export const checkIcon = (path: string) => call<T.IconCheck>("check_icon", { path });

// ----- Gaming Goods -----

export const ggDashboard = (profileId: string) => call<T.GgDashboard>("gg_dashboard", { profileId });
export const ggAllProducts = (profileId: string, operationId: string) =>
  call<T.GgProduct[]>("gg_all_products", { profileId, operationId });
export const ggProduct = (profileId: string, productId: string) => call<T.GgProduct>("gg_product", { profileId, productId });
export const ggCreateProduct = (profileId: string, product: T.GgNewProduct) =>
  call<T.GgProduct>("gg_create_product", { profileId, product });
export const ggUpdateProduct = (profileId: string, productId: string, update: T.GgProductUpdate) =>
  call<T.GgProduct>("gg_update_product", { profileId, productId, update });
export const ggDeactivateProduct = (profileId: string, productId: string) =>
  call<T.GgProduct>("gg_deactivate_product", { profileId, productId });
export const ggReactivateProduct = (profileId: string, productId: string) =>
  call<T.GgProduct>("gg_reactivate_product", { profileId, productId });
export const ggUploadCodes = (profileId: string, productId: string, codes: string[], operationId: string) =>
  call<T.CodesUploadReport>("gg_upload_codes", { profileId, productId, codes, operationId });
export const ggAllOffers = (profileId: string, operationId: string) =>
  call<T.GgOffer[]>("gg_all_offers", { profileId, operationId });
export const ggAddOffers = (profileId: string, productId: string, priceCents: number, codes: string[]) =>
  call<T.OffersAddReport>("gg_add_offers", { profileId, offers: { product_id: productId, price_cents: priceCents, codes } });
export const ggRepriceOffers = (profileId: string, productId: string, oldCents: number, newCents: number) =>
  call<{ updated: number }>("gg_reprice_offers", { profileId, productId, oldPriceCents: oldCents, newPriceCents: newCents });
export const ggDeleteOffers = (profileId: string, productId: string) =>
  call<{ deleted: number }>("gg_delete_offers", { profileId, productId });

// ----- GGChest -----

export const ggcGames = (profileId: string, offerType: T.OfferType | null) =>
  call<T.Game[]>("ggc_games", { profileId, offerType });
export const ggcGameCurrencies = (profileId: string, gameId: string) =>
  call<T.GameCurrency[]>("ggc_game_currencies", { profileId, gameId });
export const ggcAttributes = (profileId: string, gameId: string, offerType: T.OfferType) =>
  call<T.Attribute[]>("ggc_attributes", { profileId, gameId, offerType });
export const ggcAllOffers = (profileId: string, filter: T.OffersFilter, operationId: string) =>
  call<T.GgcOffer[]>("ggc_all_offers", { profileId, filter, operationId });
export const ggcOffer = (profileId: string, offerId: string) => call<T.GgcOffer>("ggc_offer", { profileId, offerId });
export const ggcCreateAccountsOffer = (profileId: string, offer: T.NewAccountsOffer) =>
  call<{ id: string }>("ggc_create_accounts_offer", { profileId, offer });
export const ggcCreateCurrencyOffer = (profileId: string, offer: T.NewCurrencyOffer) =>
  call<{ id: string }>("ggc_create_currency_offer", { profileId, offer });
export const ggcCreateItemsOffer = (profileId: string, offer: T.NewItemsOffer) =>
  call<{ id: string }>("ggc_create_items_offer", { profileId, offer });
export const ggcEditOffer = (profileId: string, offerId: string, edit: T.OfferEdit) =>
  call<T.GgcOffer>("ggc_edit_offer", { profileId, offerId, edit });
export const ggcUpdatePrice = (profileId: string, offerId: string, price: string) =>
  call<void>("ggc_update_price", { profileId, offerId, price });
export const ggcToggle = (profileId: string, offerId: string) => call<void>("ggc_toggle", { profileId, offerId });
export const ggcDeleteOffer = (profileId: string, offerId: string) => call<void>("ggc_delete_offer", { profileId, offerId });
export const ggcBatch = (profileId: string, action: T.BatchAction, ids: string[], operationId: string) =>
  call<T.BatchResult>("ggc_batch", { profileId, action, ids, operationId });
export const ggcAttachIcon = (profileId: string, offerId: string, path: string) =>
  call<T.AttachedIcon>("ggc_attach_icon", { profileId, offerId, path });
export const ggcDeleteIcon = (profileId: string, offerId: string, iconId: string) =>
  call<void>("ggc_delete_icon", { profileId, offerId, iconId });
export const ggcAllOrders = (profileId: string, filter: T.OrdersFilter, operationId: string) =>
  call<T.Order[]>("ggc_all_orders", { profileId, filter, operationId });
