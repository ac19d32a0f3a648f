// The one place screens import data types from. Everything here should come from the generated
// bindings (ui/src/lib/bindings/, ts-rs); the shapes below are PROVISIONAL stand-ins written
// from the Rust types and docs/APP.md, to be replaced by re-exports as the bindings land.

export type Market = "gg" | "ggchest";

export interface FieldError {
  field: string;
  message: string;
}

export interface CommandError {
  code: string;
  message: string;
  fields: FieldError[];
}

export interface Progress {
  operation_id: string;
  done: number;
  total: number | null;
  label: string;
}

export interface ProfileView {
  id: string;
  name: string;
  market: Market;
  base_url: string;
  uses_production_url: boolean;
  created_at: string;
  sandbox: boolean;
  active: boolean;
  masked_key: string | null;
  key_problem: string | null;
}

export interface ProfilesState {
  profiles: ProfileView[];
  active_profile_id: string | null;
  file: string;
}

export interface NewProfile {
  name: string;
  market: Market;
  base_url: string | null;
  api_key: string;
}

export interface ConnectionTest {
  ok: boolean;
  code: string | null;
  message: string;
}

export interface DuplicateCode {
  code: string;
  count: number;
}

/** Codes from a file or pasted text, read by the shell. */
export interface CodesParsed {
  file_name: string | null;
  codes: string[];
  duplicates: DuplicateCode[];
  dropped_repeats: number;
  blank_lines: number;
  header_skipped: boolean;
}

export interface AccountsFile {
  file_name: string;
  accounts: AccountCredentials[];
  problems: FieldError[];
}

export interface IconCheck {
  path: string;
  file_name: string;
  kind: string;
  mime: string;
  size: number;
  warning: string | null;
  preview_data_url: string;
}

export interface CodesUploadReport {
  uploaded: number;
  stock_available: number | null;
  rejected_duplicates: string[];
  not_sent: string[];
  cancelled: boolean;
}

export interface OffersAddReport {
  added: number;
  rejected_duplicates: string[];
}

// ----- Gaming Goods -----

export type DeliveryType = "AUTO" | "MANUAL";

export interface Dashboard {
  total_products: number;
  active_products: number;
  pending_products: number;
  total_sales: number;
  pending_rewards: number;
  available_rewards: number;
}

export interface Product {
  id: string;
  slug?: string | null;
  title?: string | null;
  description?: string | null;
  price?: number | null;
  currency?: string | null;
  stock_quantity?: number | null;
  delivery_type?: string | null;
  moderation_status?: string | null;
  is_active?: boolean | null;
  stock_available?: number | null;
  created_at?: string | null;
}

export interface NewProduct {
  name: string;
  description: string;
  category: string;
  brand: string | null;
  price: number;
  currency: string;
  delivery_type: DeliveryType;
  image_url: string | null;
  codes: string[];
}

export interface ProductUpdate {
  name?: string | null;
  description?: string | null;
  price?: number | null;
  image_url?: string | null;
  is_active?: boolean | null;
}

export interface GgOffer {
  product_id: string;
  price_cents: number;
  available: number;
  sold: number;
}

// ----- GGChest -----

export type OfferType = "accounts" | "items" | "currency";
export type OfferStatus = "active" | "draft" | "deleted";
export type DeliveryMethod = "manual" | "auto";
export type DeliveryTime = "5m" | "20m" | "1h" | "5h" | "12h" | "1d" | "2d" | "3d" | "7d" | "14d" | "28d";
export type OrderStatus = "CANCELED" | "WAITING_DELIVERY" | "DELIVERED" | "RECEIVED" | "COMPLETED";

export interface Icon {
  id: string | null;
  path: string | null;
}

export interface GameResources {
  icon: Icon | null;
  cover: Icon | null;
}

export interface Game {
  id: string;
  name: string;
  icon: Icon | null;
  resources: GameResources | null;
}

export interface GameCurrency {
  id: string;
  name: string;
  nominal: string | null;
  icon: Icon | null;
}

export interface AttributeOption {
  id: string;
  name: string;
}

export interface Attribute {
  id: string;
  attribute_name: string;
  options: AttributeOption[];
}

export interface OfferAttribute {
  attribute_id: string;
  attribute_name: string | null;
  option_id: string;
  option_name: string | null;
}

export interface AccountView {
  id: string | null;
  description: string | null;
  login: string | null;
  password: string | null;
  email_login: string | null;
  email_password: string | null;
}

export interface ExtraProperties {
  accounts: AccountView[] | null;
  game_currency: GameCurrency | null;
}

export interface GgcOffer {
  id: string;
  offer_type: string | null;
  title: string | null;
  description: string | null;
  price: string | null;
  old_price: string | null;
  status: string | null;
  delivery_method: string | null;
  delivery_time: string | null;
  qty_total: number | null;
  qty_min: number | null;
  page_slug: string | null;
  game_id: string | null;
  game_name: string | null;
  attributes: OfferAttribute[];
  expired_at: string | null;
  icon: Icon | null;
  extra_properties: ExtraProperties | null;
}

export interface AttributeChoice {
  id: string;
  option_id: string;
}

export interface AccountCredentials {
  login: string;
  password: string;
  email_login: string | null;
  email_password: string | null;
  description: string | null;
}

export interface NewAccountsOffer {
  game_id: string;
  title: string;
  description: string;
  price: string;
  old_price: string | null;
  delivery_method: DeliveryMethod;
  delivery_time: DeliveryTime;
  qty_total: number;
  qty_min: number;
  attributes: AttributeChoice[];
  accounts: AccountCredentials[];
}

export interface NewCurrencyOffer {
  game_id: string;
  game_currency_id: string;
  title: string;
  description: string;
  price: string;
  old_price: string | null;
  delivery_time: DeliveryTime;
  qty_total: number;
  qty_min: number;
  attributes: AttributeChoice[];
}

export interface ItemDelivery {
  delivery_info: string;
}

export interface NewItemsOffer {
  game_id: string;
  title: string;
  description: string;
  price: string;
  old_price: string | null;
  delivery_method: DeliveryMethod;
  delivery_time: DeliveryTime | null;
  qty_total: number;
  qty_min: number;
  attributes: AttributeChoice[];
  items: ItemDelivery[];
}

/** An edit of an offer: the shell merges it into the full offer before sending. */
export interface OfferEdit {
  title: string | null;
  description: string | null;
  price: string | null;
  old_price: string | null;
  clear_old_price: boolean;
  delivery_time: DeliveryTime | null;
  qty_total: number | null;
  qty_min: number | null;
  attributes: AttributeChoice[] | null;
  add_accounts: AccountCredentials[];
}

export type BatchAction = "activate" | "draft" | "delete";

export interface BatchResult {
  done: string[];
  not_done: string[];
  error: CommandError | null;
}

export interface AttachedIcon {
  id: string;
  path: string | null;
}

export interface Order {
  id: string;
  name: string | null;
  icon: Icon | null;
  buyer: { name: string | null } | null;
  paid_at: string | null;
  quantity: number | null;
  price: string | null;
  status: string | null;
  offer_type: string | null;
}

export interface OrdersFilter {
  status: OrderStatus | null;
  date_from: string | null;
  date_to: string | null;
  sort_by_paid_at: "asc" | "desc" | null;
}

export interface OffersFilter {
  status: OfferStatus | null;
  offer_type: OfferType | null;
  game_id: string | null;
}

export const DELIVERY_TIMES: DeliveryTime[] = ["5m", "20m", "1h", "5h", "12h", "1d", "2d", "3d", "7d", "14d", "28d"];

// Short names the screens use for the Gaming Goods types.
export type GgDashboard = Dashboard;
export type GgProduct = Product;
export type GgNewProduct = NewProduct;
export type GgProductUpdate = ProductUpdate;
export type GgDeliveryType = DeliveryType;
