// Generated from src-tauri/src/ipc.rs by `cargo test -p seller-desk`. Do not edit.
// One typed wrapper per shell command, named after it in camelCase, its arguments in order.
// Calling, errors and event listeners are hand-written in ./invoke.ts (re-exported here).

import type { AccountsFile } from "./bindings/AccountsFile";
import type { AttachedIcon } from "./bindings/AttachedIcon";
import type { Attribute } from "./bindings/Attribute";
import type { AuditPage } from "./bindings/AuditPage";
import type { BatchAction } from "./bindings/BatchAction";
import type { BatchResult } from "./bindings/BatchResult";
import type { Cents } from "./bindings/Cents";
import type { CodesParsed } from "./bindings/CodesParsed";
import type { CodesUploadReport } from "./bindings/CodesUploadReport";
import type { ConnectionTest } from "./bindings/ConnectionTest";
import type { Created } from "./bindings/Created";
import type { ExportKind } from "./bindings/ExportKind";
import type { FileKind } from "./bindings/FileKind";
import type { Game } from "./bindings/Game";
import type { GameCurrency } from "./bindings/GameCurrency";
import type { GgDashboard } from "./bindings/GgDashboard";
import type { GgNewOffers } from "./bindings/GgNewOffers";
import type { GgNewProduct } from "./bindings/GgNewProduct";
import type { GgOffer } from "./bindings/GgOffer";
import type { GgOffersDeleted } from "./bindings/GgOffersDeleted";
import type { GgProduct } from "./bindings/GgProduct";
import type { GgProductUpdate } from "./bindings/GgProductUpdate";
import type { GgRepriced } from "./bindings/GgRepriced";
import type { GgcOffer } from "./bindings/GgcOffer";
import type { IconCheck } from "./bindings/IconCheck";
import type { JobPlan } from "./bindings/JobPlan";
import type { JobResults } from "./bindings/JobResults";
import type { JobSpec } from "./bindings/JobSpec";
import type { JobSummary } from "./bindings/JobSummary";
import type { NewAccountsOffer } from "./bindings/NewAccountsOffer";
import type { NewCurrencyOffer } from "./bindings/NewCurrencyOffer";
import type { NewItemsOffer } from "./bindings/NewItemsOffer";
import type { NewProfile } from "./bindings/NewProfile";
import type { OfferEdit } from "./bindings/OfferEdit";
import type { OfferType } from "./bindings/OfferType";
import type { OffersAddReport } from "./bindings/OffersAddReport";
import type { OffersDeletion } from "./bindings/OffersDeletion";
import type { OffersFilter } from "./bindings/OffersFilter";
import type { Order } from "./bindings/Order";
import type { OrdersFilter } from "./bindings/OrdersFilter";
import type { PickedFile } from "./bindings/PickedFile";
import type { ProfileView } from "./bindings/ProfileView";
import type { ProfilesState } from "./bindings/ProfilesState";
import type { SandboxStatus } from "./bindings/SandboxStatus";
import type { Settings } from "./bindings/Settings";
import { call } from "./invoke";

export * from "./invoke";

export const listProfiles = (): Promise<ProfilesState> =>
  call("list_profiles");
export const addProfile = (profile: NewProfile): Promise<ProfileView> =>
  call("add_profile", { profile });
export const renameProfile = (profileId: string, name: string): Promise<ProfileView> =>
  call("rename_profile", { profileId, name });
export const setProfileBaseUrl = (profileId: string, baseUrl: string | null): Promise<ProfileView> =>
  call("set_profile_base_url", { profileId, baseUrl });
export const replaceKey = (profileId: string, apiKey: string): Promise<ProfileView> =>
  call("replace_key", { profileId, apiKey });
export const deleteProfile = (profileId: string): Promise<null> =>
  call("delete_profile", { profileId });
export const setActiveProfile = (profileId: string): Promise<ProfileView> =>
  call("set_active_profile", { profileId });
export const testConnection = (profileId: string): Promise<ConnectionTest> =>
  call("test_connection", { profileId });
export const getSettings = (): Promise<Settings> =>
  call("get_settings");
export const setSettings = (settings: Settings): Promise<Settings> =>
  call("set_settings", { settings });
export const openLogsFolder = (): Promise<null> =>
  call("open_logs_folder");
export const sandboxStartDemo = (): Promise<ProfilesState> =>
  call("sandbox_start_demo");
export const sandboxStatus = (): Promise<SandboxStatus> =>
  call("sandbox_status");
export const cancelOperation = (operationId: string): Promise<boolean> =>
  call("cancel_operation", { operationId });
export const pickOpenFile = (kind: FileKind): Promise<PickedFile | null> =>
  call("pick_open_file", { kind });
export const pickSaveFile = (kind: FileKind, suggestedName: string): Promise<PickedFile | null> =>
  call("pick_save_file", { kind, suggestedName });
export const readCodesFile = (file: string): Promise<CodesParsed> =>
  call("read_codes_file", { file });
export const parseCodes = (text: string): Promise<CodesParsed> =>
  call("parse_codes", { text });
export const readAccountsCsv = (file: string): Promise<AccountsFile> =>
  call("read_accounts_csv", { file });
export const checkIcon = (file: string): Promise<IconCheck> =>
  call("check_icon", { file });
export const ggDashboard = (profileId: string): Promise<GgDashboard> =>
  call("gg_dashboard", { profileId });
export const ggAllProducts = (profileId: string, operationId: string): Promise<Array<GgProduct>> =>
  call("gg_all_products", { profileId, operationId });
export const ggProduct = (profileId: string, productId: string): Promise<GgProduct> =>
  call("gg_product", { profileId, productId });
export const ggCreateProduct = (profileId: string, product: GgNewProduct): Promise<GgProduct> =>
  call("gg_create_product", { profileId, product });
export const ggUpdateProduct = (profileId: string, productId: string, update: GgProductUpdate): Promise<GgProduct> =>
  call("gg_update_product", { profileId, productId, update });
export const ggDeactivateProduct = (profileId: string, productId: string): Promise<GgProduct> =>
  call("gg_deactivate_product", { profileId, productId });
export const ggReactivateProduct = (profileId: string, productId: string): Promise<GgProduct> =>
  call("gg_reactivate_product", { profileId, productId });
export const ggUploadCodes = (profileId: string, productId: string, codes: Array<string>, operationId: string): Promise<CodesUploadReport> =>
  call("gg_upload_codes", { profileId, productId, codes, operationId });
export const ggAllOffers = (profileId: string, operationId: string): Promise<Array<GgOffer>> =>
  call("gg_all_offers", { profileId, operationId });
export const ggAddOffers = (profileId: string, offers: GgNewOffers): Promise<OffersAddReport> =>
  call("gg_add_offers", { profileId, offers });
export const ggRepriceOffers = (profileId: string, productId: string, oldPriceCents: Cents, newPriceCents: Cents): Promise<GgRepriced> =>
  call("gg_reprice_offers", { profileId, productId, oldPriceCents, newPriceCents });
export const ggOffersDeletion = (profileId: string, productId: string): Promise<OffersDeletion> =>
  call("gg_offers_deletion", { profileId, productId });
export const ggDeleteOffers = (profileId: string, productId: string): Promise<GgOffersDeleted> =>
  call("gg_delete_offers", { profileId, productId });
export const ggcGames = (profileId: string, offerType: OfferType | null): Promise<Array<Game>> =>
  call("ggc_games", { profileId, offerType });
export const ggcGameCurrencies = (profileId: string, gameId: string): Promise<Array<GameCurrency>> =>
  call("ggc_game_currencies", { profileId, gameId });
export const ggcAttributes = (profileId: string, gameId: string, offerType: OfferType): Promise<Array<Attribute>> =>
  call("ggc_attributes", { profileId, gameId, offerType });
export const ggcAllOffers = (profileId: string, filter: OffersFilter, operationId: string): Promise<Array<GgcOffer>> =>
  call("ggc_all_offers", { profileId, filter, operationId });
export const ggcOffer = (profileId: string, offerId: string): Promise<GgcOffer> =>
  call("ggc_offer", { profileId, offerId });
export const ggcCreateAccountsOffer = (profileId: string, offer: NewAccountsOffer): Promise<Created> =>
  call("ggc_create_accounts_offer", { profileId, offer });
export const ggcCreateCurrencyOffer = (profileId: string, offer: NewCurrencyOffer): Promise<Created> =>
  call("ggc_create_currency_offer", { profileId, offer });
export const ggcCreateItemsOffer = (profileId: string, offer: NewItemsOffer): Promise<Created> =>
  call("ggc_create_items_offer", { profileId, offer });
export const ggcEditOffer = (profileId: string, offerId: string, edit: OfferEdit): Promise<GgcOffer> =>
  call("ggc_edit_offer", { profileId, offerId, edit });
export const ggcUpdatePrice = (profileId: string, offerId: string, price: string): Promise<null> =>
  call("ggc_update_price", { profileId, offerId, price });
export const ggcToggle = (profileId: string, offerId: string): Promise<null> =>
  call("ggc_toggle", { profileId, offerId });
export const ggcDeleteOffer = (profileId: string, offerId: string): Promise<null> =>
  call("ggc_delete_offer", { profileId, offerId });
export const ggcBatch = (profileId: string, action: BatchAction, ids: Array<string>, operationId: string): Promise<BatchResult> =>
  call("ggc_batch", { profileId, action, ids, operationId });
export const ggcAttachIcon = (profileId: string, offerId: string, file: string): Promise<AttachedIcon> =>
  call("ggc_attach_icon", { profileId, offerId, file });
export const ggcDeleteIcon = (profileId: string, offerId: string, iconId: string): Promise<null> =>
  call("ggc_delete_icon", { profileId, offerId, iconId });
export const ggcAllOrders = (profileId: string, filter: OrdersFilter, operationId: string): Promise<Array<Order>> =>
  call("ggc_all_orders", { profileId, filter, operationId });
export const jobPreview = (profileId: string, spec: JobSpec): Promise<JobPlan> =>
  call("job_preview", { profileId, spec });
export const jobCreate = (profileId: string, spec: JobSpec): Promise<JobSummary> =>
  call("job_create", { profileId, spec });
export const jobsList = (profileId: string): Promise<Array<JobSummary>> =>
  call("jobs_list", { profileId });
export const jobRun = (profileId: string, jobId: string): Promise<JobSummary> =>
  call("job_run", { profileId, jobId });
export const jobCancel = (jobId: string): Promise<boolean> =>
  call("job_cancel", { jobId });
export const jobResults = (jobId: string): Promise<JobResults> =>
  call("job_results", { jobId });
export const jobResultsCsv = (jobId: string, file: string): Promise<number> =>
  call("job_results_csv", { jobId, file });
export const jobRetryFailed = (profileId: string, jobId: string): Promise<JobSummary> =>
  call("job_retry_failed", { profileId, jobId });
export const auditList = (query: string | null, limit: number | null, profileId: string | null): Promise<AuditPage> =>
  call("audit_list", { query, limit, profileId });
export const auditExport = (query: string | null, file: string, profileId: string | null): Promise<number> =>
  call("audit_export", { query, file, profileId });
export const exportCsv = (profileId: string, what: ExportKind, file: string): Promise<number> =>
  call("export_csv", { profileId, what, file });
