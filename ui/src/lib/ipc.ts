// The only file that calls `invoke`: one typed wrapper per shell command. Names, arguments and
// results come from the generated command map (./commands.ts, from src-tauri/src/ipc.rs), so a
// change in the shell is a type error here. Every rejection becomes an IpcError
// ({code, message, fields}); see docs/APP.md for the contract.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { JOB_PROGRESS_EVENT, PROGRESS_EVENT, type CommandName, type Commands } from "./commands";
import { toCommandError } from "./errors";
import type * as T from "./types";

type Args<K extends CommandName> = Commands[K]["args"];
type Result<K extends CommandName> = Commands[K]["result"];

/** Commands without arguments may be called without them. */
type ArgList<K extends CommandName> = Args<K> extends Record<string, never> ? [args?: Args<K>] : [args: Args<K>];

export async function call<K extends CommandName>(cmd: K, ...[args]: ArgList<K>): Promise<Result<K>> {
  try {
    return await invoke<Result<K>>(cmd, args);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

// ----- progress and cancel -----

export function onProgress(handler: (p: T.Progress) => void): Promise<UnlistenFn> {
  return listen<T.Progress>(PROGRESS_EVENT, (e) => handler(e.payload));
}

export const cancelOperation = (operationId: string) => call("cancel_operation", { operationId });

// ----- profiles -----

export const listProfiles = () => call("list_profiles");
export const addProfile = (profile: T.NewProfile) => call("add_profile", { profile });
export const renameProfile = (profileId: string, name: string) => call("rename_profile", { profileId, name });
export const setProfileBaseUrl = (profileId: string, baseUrl: string | null) =>
  call("set_profile_base_url", { profileId, baseUrl });
export const replaceKey = (profileId: string, apiKey: string) => call("replace_key", { profileId, apiKey });
export const deleteProfile = (profileId: string) => call("delete_profile", { profileId });
export const setActiveProfile = (profileId: string) => call("set_active_profile", { profileId });
export const testConnection = (profileId: string) => call("test_connection", { profileId });
export const startSandboxDemo = () => call("sandbox_start_demo");
export const sandboxStatus = () => call("sandbox_status");

// ----- settings (any JSON object, kept in profiles.json) -----

export const getSettings = () => call("get_settings");
export const setSettings = (settings: T.JsonValue) => call("set_settings", { settings });
export const openLogsFolder = () => call("open_logs_folder");

// ----- files: the shell shows the dialogs and hands back handles, never paths (native.svelte.ts) -----

export const pickOpenFile = (kind: T.FileKind) => call("pick_open_file", { kind });
export const pickSaveFile = (kind: T.FileKind, suggestedName: string) => call("pick_save_file", { kind, suggestedName });
export const readCodesFile = (file: string) => call("read_codes_file", { file });
export const parseCodes = (text: string) => call("parse_codes", { text });
export const readAccountsCsv = (file: string) => call("read_accounts_csv", { file });
export const checkIcon = (file: string) => call("check_icon", { file });

// ----- Gaming Goods -----

export const ggDashboard = (profileId: string) => call("gg_dashboard", { profileId });
export const ggAllProducts = (profileId: string, operationId: string) =>
  call("gg_all_products", { profileId, operationId });
export const ggProduct = (profileId: string, productId: string) => call("gg_product", { profileId, productId });
export const ggCreateProduct = (profileId: string, product: T.GgNewProduct) =>
  call("gg_create_product", { profileId, product });
export const ggUpdateProduct = (profileId: string, productId: string, update: T.GgProductUpdate) =>
  call("gg_update_product", { profileId, productId, update });
export const ggDeactivateProduct = (profileId: string, productId: string) =>
  call("gg_deactivate_product", { profileId, productId });
export const ggReactivateProduct = (profileId: string, productId: string) =>
  call("gg_reactivate_product", { profileId, productId });
export const ggUploadCodes = (profileId: string, productId: string, codes: string[], operationId: string) =>
  call("gg_upload_codes", { profileId, productId, codes, operationId });
export const ggAllOffers = (profileId: string, operationId: string) => call("gg_all_offers", { profileId, operationId });
export const ggAddOffers = (profileId: string, offers: T.GgNewOffers) => call("gg_add_offers", { profileId, offers });
export const ggRepriceOffers = (profileId: string, productId: string, oldPriceCents: T.Cents, newPriceCents: T.Cents) =>
  call("gg_reprice_offers", { profileId, productId, oldPriceCents, newPriceCents });
export const ggDeleteOffers = (profileId: string, productId: string) => call("gg_delete_offers", { profileId, productId });

// ----- GGChest -----

export const ggcGames = (profileId: string, offerType: T.OfferType | null) => call("ggc_games", { profileId, offerType });
export const ggcGameCurrencies = (profileId: string, gameId: string) =>
  call("ggc_game_currencies", { profileId, gameId });
export const ggcAttributes = (profileId: string, gameId: string, offerType: T.OfferType) =>
  call("ggc_attributes", { profileId, gameId, offerType });
export const ggcAllOffers = (profileId: string, filter: T.OffersFilter, operationId: string) =>
  call("ggc_all_offers", { profileId, filter, operationId });
export const ggcOffer = (profileId: string, offerId: string) => call("ggc_offer", { profileId, offerId });
export const ggcCreateAccountsOffer = (profileId: string, offer: T.NewAccountsOffer) =>
  call("ggc_create_accounts_offer", { profileId, offer });
export const ggcCreateCurrencyOffer = (profileId: string, offer: T.NewCurrencyOffer) =>
  call("ggc_create_currency_offer", { profileId, offer });
export const ggcCreateItemsOffer = (profileId: string, offer: T.NewItemsOffer) =>
  call("ggc_create_items_offer", { profileId, offer });
export const ggcEditOffer = (profileId: string, offerId: string, edit: T.OfferEdit) =>
  call("ggc_edit_offer", { profileId, offerId, edit });
export const ggcUpdatePrice = (profileId: string, offerId: string, price: string) =>
  call("ggc_update_price", { profileId, offerId, price });
export const ggcToggle = (profileId: string, offerId: string) => call("ggc_toggle", { profileId, offerId });
export const ggcDeleteOffer = (profileId: string, offerId: string) => call("ggc_delete_offer", { profileId, offerId });
export const ggcBatch = (profileId: string, action: T.BatchAction, ids: string[], operationId: string) =>
  call("ggc_batch", { profileId, action, ids, operationId });
export const ggcAttachIcon = (profileId: string, offerId: string, file: string) =>
  call("ggc_attach_icon", { profileId, offerId, file });
export const ggcDeleteIcon = (profileId: string, offerId: string, iconId: string) =>
  call("ggc_delete_icon", { profileId, offerId, iconId });
export const ggcAllOrders = (profileId: string, filter: T.OrdersFilter, operationId: string) =>
  call("ggc_all_orders", { profileId, filter, operationId });

// ----- bulk jobs (progress as `job-progress` events), audit log, CSV exports -----

export function onJobProgress(handler: (p: T.JobProgress) => void): Promise<UnlistenFn> {
  return listen<T.JobProgress>(JOB_PROGRESS_EVENT, (e) => handler(e.payload));
}

export const jobPreview = (profileId: string, spec: T.JobSpec) => call("job_preview", { profileId, spec });
export const jobCreate = (profileId: string, spec: T.JobSpec) => call("job_create", { profileId, spec });
export const jobsList = (profileId: string) => call("jobs_list", { profileId });
export const jobRun = (profileId: string, jobId: string) => call("job_run", { profileId, jobId });
export const jobCancel = (jobId: string) => call("job_cancel", { jobId });
export const jobResults = (jobId: string) => call("job_results", { jobId });
export const jobResultsCsv = (jobId: string, file: string) => call("job_results_csv", { jobId, file });
export const jobRetryFailed = (profileId: string, jobId: string) => call("job_retry_failed", { profileId, jobId });
export const auditList = (query: string | null, limit: number | null) => call("audit_list", { query, limit });
export const auditExport = (query: string | null, file: string) => call("audit_export", { query, file });
export const exportCsv = (profileId: string, what: T.ExportKind, file: string) =>
  call("export_csv", { profileId, what, file });
