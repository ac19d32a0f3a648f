//! The IPC surface, listed once: each entry of the `app_commands!` list below becomes a
//! `#[tauri::command]` wrapper over the plain command body, an entry of the invoke handler, and
//! (through [`catalog`]) everything generated from the list: the TypeScript of `ui/src/lib`
//! (`commands.ts`, the typed wrappers of `ipc.ts`), the permissions of
//! `capabilities/default.json` and the command reference of docs/APP.md
//! (`SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract` rewrites them, the
//! same test without the variable fails when one is stale). `build.rs` reads the same list from
//! this file's text (`crate::command_list`) to generate an `allow-<name>` permission per command,
//! so keep one entry per command in the form `module::name(arg: Type, …) -> Result;`.
//! A wrapper only builds the [`Ctx`] and calls the body, so the signature the UI sees is exactly
//! the body's.
//!
//! Arguments cross IPC under Tauri's default camelCase names (`profile_id` → `profileId`);
//! payloads (structs) keep their snake_case field names.

use tauri::Emitter;

use crate::{
    bindings::{CommandSig, TsType},
    commands::Ctx,
    error::CommandError,
    picked_files::{Access, FileKind, PickedFile},
    progress::{Events, Progress, PROGRESS_EVENT},
    state::AppState,
};

#[allow(unused_imports)] // the types named in the list below
use crate::commands::{
    audit::{AuditPage, ExportKind},
    files::{AccountsFile, CodesParsed, IconCheck},
    gg_codes::{CodesUploadReport, OffersAddReport},
    ggchest::{OfferEdit, OffersFilter, OrdersFilter},
    ggchest_batch::{BatchAction, BatchResult},
    job_views::{JobPlan, JobProgress, JobResults, JobSummary, JOB_PROGRESS_EVENT},
    jobs_plan::JobSpec,
    profiles::{ConnectionTest, NewProfile, ProfileView, ProfilesState},
    sandbox::SandboxStatus,
    settings::Settings,
};
#[allow(unused_imports)]
use desk::gg_offers::OffersDeletion;
#[allow(unused_imports)]
use markets::{
    gg::{Dashboard, NewOffers, NewProduct, Offer as GgOffer, OffersDeleted, Product, ProductUpdate, Repriced},
    ggchest::{
        AttachedIcon, Attribute, Created, Game, GameCurrency, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer,
        Offer as GgcOffer, OfferType, Order,
    },
    Cents,
};
#[allow(unused_imports)]
use serde_json::Value;

/// Progress goes to the webview as `progress` events.
struct AppEvents(tauri::AppHandle);

impl Events for AppEvents {
    fn progress(&self, progress: Progress) {
        // No window to tell (closing) is not a failure of the operation.
        let _ = self.0.emit(PROGRESS_EVENT, progress);
    }

    fn job_progress(&self, progress: JobProgress) {
        let _ = self.0.emit(JOB_PROGRESS_EVENT, progress);
    }

    fn notify(&self, notice: jobs::notices::Notice) {
        crate::notify::show(notice);
    }
}

/// The event that hands the webview the files dropped on the window: handles and names, and
/// where they were dropped (physical pixels, as Tauri's own drag-drop events give it).
pub const FILES_DROPPED_EVENT: &str = "files-dropped";

#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct FilesDropped {
    pub files: Vec<PickedFile>,
    pub x: f64,
    pub y: f64,
}

/// A drop on the window (`WindowEvent::DragDrop`): each dropped path becomes readable by handle,
/// and the webview is told the handles.
pub fn files_dropped(window: &tauri::Window, paths: &[std::path::PathBuf], position: tauri::PhysicalPosition<f64>) {
    use tauri::Manager;
    let state = window.state::<AppState>();
    let files = paths.iter().map(|p| state.files.register(p.clone(), Access::Read)).collect();
    let _ = window.emit(FILES_DROPPED_EVENT, FilesDropped { files, x: position.x, y: position.y });
}

macro_rules! app_commands {
    ($( $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        mod wrappers {
            use super::*;
            $(
                #[tauri::command]
                async fn $name(
                    state: tauri::State<'_, AppState>,
                    app: tauri::AppHandle,
                    $($arg: $ty),*
                ) -> Result<$ret, CommandError> {
                    let events = AppEvents(app.clone());
                    let ctx = Ctx { state: &state, events: &events, app: Some(&app) };
                    crate::commands::$module::$name(&ctx, $($arg),*).await
                }
            )*

            pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
                tauri::generate_handler![$($name),*]
            }
        }

        pub use wrappers::handler;

        /// Every command with its TypeScript signature, in the order listed.
        pub fn catalog() -> Vec<CommandSig> {
            vec![$(
                CommandSig::new(
                    stringify!($module),
                    stringify!($name),
                    vec![$((stringify!($arg), TsType::of::<$ty>())),*],
                    TsType::of::<$ret>(),
                )
            ),*]
        }
    };
}

app_commands! {
    profiles::list_profiles() -> ProfilesState;
    profiles::add_profile(profile: NewProfile) -> ProfileView;
    profiles::rename_profile(profile_id: String, name: String) -> ProfileView;
    profiles::set_profile_base_url(profile_id: String, base_url: Option<String>) -> ProfileView;
    profiles::replace_key(profile_id: String, api_key: String) -> ProfileView;
    profiles::delete_profile(profile_id: String) -> ();
    profiles::set_active_profile(profile_id: String) -> ProfileView;
    profiles::test_connection(profile_id: String) -> ConnectionTest;
    settings::get_settings() -> Settings;
    settings::set_settings(settings: Settings) -> Settings;
    logs::open_logs_folder() -> ();
    sandbox::sandbox_start_demo() -> ProfilesState;
    sandbox::sandbox_status() -> SandboxStatus;
    operations::cancel_operation(operation_id: String) -> bool;
    files::pick_open_file(kind: FileKind) -> Option<PickedFile>;
    files::pick_save_file(kind: FileKind, suggested_name: String) -> Option<PickedFile>;
    files::read_codes_file(file: String) -> CodesParsed;
    files::parse_codes(text: String) -> CodesParsed;
    files::read_accounts_csv(file: String) -> AccountsFile;
    files::check_icon(file: String) -> IconCheck;
    gg::gg_dashboard(profile_id: String) -> Dashboard;
    gg::gg_all_products(profile_id: String, operation_id: String) -> Vec<Product>;
    gg::gg_product(profile_id: String, product_id: String) -> Product;
    gg::gg_create_product(profile_id: String, product: NewProduct) -> Product;
    gg::gg_update_product(profile_id: String, product_id: String, update: ProductUpdate) -> Product;
    gg::gg_deactivate_product(profile_id: String, product_id: String) -> Product;
    gg::gg_reactivate_product(profile_id: String, product_id: String) -> Product;
    gg_codes::gg_upload_codes(profile_id: String, product_id: String, codes: Vec<String>, operation_id: String) -> CodesUploadReport;
    gg::gg_all_offers(profile_id: String, operation_id: String) -> Vec<GgOffer>;
    gg_codes::gg_add_offers(profile_id: String, offers: NewOffers) -> OffersAddReport;
    gg::gg_reprice_offers(profile_id: String, product_id: String, old_price_cents: Cents, new_price_cents: Cents) -> Repriced;
    gg::gg_offers_deletion(profile_id: String, product_id: String) -> OffersDeletion;
    gg::gg_delete_offers(profile_id: String, product_id: String) -> OffersDeleted;
    ggchest::ggc_games(profile_id: String, offer_type: Option<OfferType>) -> Vec<Game>;
    ggchest::ggc_game_currencies(profile_id: String, game_id: String) -> Vec<GameCurrency>;
    ggchest::ggc_attributes(profile_id: String, game_id: String, offer_type: OfferType) -> Vec<Attribute>;
    ggchest::ggc_all_offers(profile_id: String, filter: OffersFilter, operation_id: String) -> Vec<GgcOffer>;
    ggchest::ggc_offer(profile_id: String, offer_id: String) -> GgcOffer;
    ggchest::ggc_create_accounts_offer(profile_id: String, offer: NewAccountsOffer) -> Created;
    ggchest::ggc_create_currency_offer(profile_id: String, offer: NewCurrencyOffer) -> Created;
    ggchest::ggc_create_items_offer(profile_id: String, offer: NewItemsOffer) -> Created;
    ggchest::ggc_edit_offer(profile_id: String, offer_id: String, edit: OfferEdit) -> GgcOffer;
    ggchest::ggc_update_price(profile_id: String, offer_id: String, price: String) -> ();
    ggchest::ggc_toggle(profile_id: String, offer_id: String) -> ();
    ggchest::ggc_delete_offer(profile_id: String, offer_id: String) -> ();
    ggchest_batch::ggc_batch(profile_id: String, action: BatchAction, ids: Vec<String>, operation_id: String) -> BatchResult;
    ggchest::ggc_attach_icon(profile_id: String, offer_id: String, file: String) -> AttachedIcon;
    ggchest::ggc_delete_icon(profile_id: String, offer_id: String, icon_id: String) -> ();
    ggchest::ggc_all_orders(profile_id: String, filter: OrdersFilter, operation_id: String) -> Vec<Order>;
    jobs_plan::job_preview(profile_id: String, spec: JobSpec) -> JobPlan;
    jobs_plan::job_create(profile_id: String, spec: JobSpec) -> JobSummary;
    jobs::jobs_list(profile_id: String) -> Vec<JobSummary>;
    jobs::job_run(profile_id: String, job_id: String) -> JobSummary;
    jobs::job_cancel(job_id: String) -> bool;
    jobs::job_results(job_id: String) -> JobResults;
    jobs::job_results_csv(job_id: String, file: String) -> u64;
    jobs::job_retry_failed(profile_id: String, job_id: String) -> JobSummary;
    audit::audit_list(query: Option<String>, limit: Option<u64>, profile_id: Option<String>) -> AuditPage;
    audit::audit_export(query: Option<String>, file: String, profile_id: Option<String>) -> u64;
    audit::export_csv(profile_id: String, what: ExportKind, file: String) -> u64;
}
