// Generated from src-tauri/src/ipc.rs by `cargo test -p seller-desk`. Do not edit.
// Every command of the shell: its arguments (as passed to `invoke`, camelCase) and its result.
// A command rejects with a `CommandError`; long ones emit `Progress` as the `progress` event.

import type { AccountsFile } from "./bindings/AccountsFile";
import type { AttachedIcon } from "./bindings/AttachedIcon";
import type { Attribute } from "./bindings/Attribute";
import type { AuditPage } from "./bindings/AuditPage";
import type { BatchAction } from "./bindings/BatchAction";
import type { BatchResult } from "./bindings/BatchResult";
import type { Cents } from "./bindings/Cents";
import type { CodesParsed } from "./bindings/CodesParsed";
import type { CodesUploadReport } from "./bindings/CodesUploadReport";
import type { CommandError } from "./bindings/CommandError";
import type { ConnectionTest } from "./bindings/ConnectionTest";
import type { Created } from "./bindings/Created";
import type { ExportKind } from "./bindings/ExportKind";
import type { FileKind } from "./bindings/FileKind";
import type { FilesDropped } from "./bindings/FilesDropped";
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
import type { JobProgress } from "./bindings/JobProgress";
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
import type { Progress } from "./bindings/Progress";
import type { SandboxStatus } from "./bindings/SandboxStatus";
import type { Settings } from "./bindings/Settings";

export type { CommandError, FilesDropped, JobProgress, Progress };

export interface Commands {
  list_profiles: { args: Record<string, never>; result: ProfilesState };
  add_profile: { args: { profile: NewProfile }; result: ProfileView };
  rename_profile: { args: { profileId: string; name: string }; result: ProfileView };
  set_profile_base_url: { args: { profileId: string; baseUrl: string | null }; result: ProfileView };
  replace_key: { args: { profileId: string; apiKey: string }; result: ProfileView };
  delete_profile: { args: { profileId: string }; result: null };
  set_active_profile: { args: { profileId: string }; result: ProfileView };
  test_connection: { args: { profileId: string }; result: ConnectionTest };
  get_settings: { args: Record<string, never>; result: Settings };
  set_settings: { args: { settings: Settings }; result: Settings };
  open_logs_folder: { args: Record<string, never>; result: null };
  sandbox_start_demo: { args: Record<string, never>; result: ProfilesState };
  sandbox_status: { args: Record<string, never>; result: SandboxStatus };
  cancel_operation: { args: { operationId: string }; result: boolean };
  pick_open_file: { args: { kind: FileKind }; result: PickedFile | null };
  pick_save_file: { args: { kind: FileKind; suggestedName: string }; result: PickedFile | null };
  read_codes_file: { args: { file: string }; result: CodesParsed };
  parse_codes: { args: { text: string }; result: CodesParsed };
  read_accounts_csv: { args: { file: string }; result: AccountsFile };
  check_icon: { args: { file: string }; result: IconCheck };
  gg_dashboard: { args: { profileId: string }; result: GgDashboard };
  gg_all_products: { args: { profileId: string; operationId: string }; result: Array<GgProduct> };
  gg_product: { args: { profileId: string; productId: string }; result: GgProduct };
  gg_create_product: { args: { profileId: string; product: GgNewProduct }; result: GgProduct };
  gg_update_product: { args: { profileId: string; productId: string; update: GgProductUpdate }; result: GgProduct };
  gg_deactivate_product: { args: { profileId: string; productId: string }; result: GgProduct };
  gg_reactivate_product: { args: { profileId: string; productId: string }; result: GgProduct };
  gg_upload_codes: { args: { profileId: string; productId: string; codes: Array<string>; operationId: string }; result: CodesUploadReport };
  gg_all_offers: { args: { profileId: string; operationId: string }; result: Array<GgOffer> };
  gg_add_offers: { args: { profileId: string; offers: GgNewOffers }; result: OffersAddReport };
  gg_reprice_offers: { args: { profileId: string; productId: string; oldPriceCents: Cents; newPriceCents: Cents }; result: GgRepriced };
  gg_offers_deletion: { args: { profileId: string; productId: string }; result: OffersDeletion };
  gg_delete_offers: { args: { profileId: string; productId: string }; result: GgOffersDeleted };
  ggc_games: { args: { profileId: string; offerType: OfferType | null }; result: Array<Game> };
  ggc_game_currencies: { args: { profileId: string; gameId: string }; result: Array<GameCurrency> };
  ggc_attributes: { args: { profileId: string; gameId: string; offerType: OfferType }; result: Array<Attribute> };
  ggc_all_offers: { args: { profileId: string; filter: OffersFilter; operationId: string }; result: Array<GgcOffer> };
  ggc_offer: { args: { profileId: string; offerId: string }; result: GgcOffer };
  ggc_create_accounts_offer: { args: { profileId: string; offer: NewAccountsOffer }; result: Created };
  ggc_create_currency_offer: { args: { profileId: string; offer: NewCurrencyOffer }; result: Created };
  ggc_create_items_offer: { args: { profileId: string; offer: NewItemsOffer }; result: Created };
  ggc_edit_offer: { args: { profileId: string; offerId: string; edit: OfferEdit }; result: GgcOffer };
  ggc_update_price: { args: { profileId: string; offerId: string; price: string }; result: null };
  ggc_toggle: { args: { profileId: string; offerId: string }; result: null };
  ggc_delete_offer: { args: { profileId: string; offerId: string }; result: null };
  ggc_batch: { args: { profileId: string; action: BatchAction; ids: Array<string>; operationId: string }; result: BatchResult };
  ggc_attach_icon: { args: { profileId: string; offerId: string; file: string }; result: AttachedIcon };
  ggc_delete_icon: { args: { profileId: string; offerId: string; iconId: string }; result: null };
  ggc_all_orders: { args: { profileId: string; filter: OrdersFilter; operationId: string }; result: Array<Order> };
  job_preview: { args: { profileId: string; spec: JobSpec }; result: JobPlan };
  job_create: { args: { profileId: string; spec: JobSpec }; result: JobSummary };
  jobs_list: { args: { profileId: string }; result: Array<JobSummary> };
  job_run: { args: { profileId: string; jobId: string }; result: JobSummary };
  job_cancel: { args: { jobId: string }; result: boolean };
  job_results: { args: { jobId: string }; result: JobResults };
  job_results_csv: { args: { jobId: string; file: string }; result: number };
  job_retry_failed: { args: { profileId: string; jobId: string }; result: JobSummary };
  audit_list: { args: { query: string | null; limit: number | null; profileId: string | null }; result: AuditPage };
  audit_export: { args: { query: string | null; file: string; profileId: string | null }; result: number };
  export_csv: { args: { profileId: string; what: ExportKind; file: string }; result: number };
}

export type CommandName = keyof Commands;

export const COMMAND_NAMES = [
  "list_profiles",
  "add_profile",
  "rename_profile",
  "set_profile_base_url",
  "replace_key",
  "delete_profile",
  "set_active_profile",
  "test_connection",
  "get_settings",
  "set_settings",
  "open_logs_folder",
  "sandbox_start_demo",
  "sandbox_status",
  "cancel_operation",
  "pick_open_file",
  "pick_save_file",
  "read_codes_file",
  "parse_codes",
  "read_accounts_csv",
  "check_icon",
  "gg_dashboard",
  "gg_all_products",
  "gg_product",
  "gg_create_product",
  "gg_update_product",
  "gg_deactivate_product",
  "gg_reactivate_product",
  "gg_upload_codes",
  "gg_all_offers",
  "gg_add_offers",
  "gg_reprice_offers",
  "gg_offers_deletion",
  "gg_delete_offers",
  "ggc_games",
  "ggc_game_currencies",
  "ggc_attributes",
  "ggc_all_offers",
  "ggc_offer",
  "ggc_create_accounts_offer",
  "ggc_create_currency_offer",
  "ggc_create_items_offer",
  "ggc_edit_offer",
  "ggc_update_price",
  "ggc_toggle",
  "ggc_delete_offer",
  "ggc_batch",
  "ggc_attach_icon",
  "ggc_delete_icon",
  "ggc_all_orders",
  "job_preview",
  "job_create",
  "jobs_list",
  "job_run",
  "job_cancel",
  "job_results",
  "job_results_csv",
  "job_retry_failed",
  "audit_list",
  "audit_export",
  "export_csv",
] as const satisfies readonly CommandName[];

export const PROGRESS_EVENT = "progress";
export const JOB_PROGRESS_EVENT = "job-progress";
export const FILES_DROPPED_EVENT = "files-dropped";
