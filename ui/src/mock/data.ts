// Demo data for the mock build (visual checks without the shell). Deterministic.

import type { Attribute, Game, GameCurrency, GgDashboard as Dashboard, GgOffer, GgcOffer, Order, GgProduct as Product, ProfileView } from "../lib/types";

export const profiles: ProfileView[] = [
  { id: "p-gg", name: "Demo · Gaming Goods", market: "gg", base_url: "http://127.0.0.1:41234/gg", uses_production_url: false, created_at: "2026-03-01T12:00:00Z", sandbox: true, active: true, masked_key: "pk_t…er_a", key_problem: null },
  { id: "p-ggc", name: "Demo · GGChest", market: "ggchest", base_url: "http://127.0.0.1:41234/ggchest", uses_production_url: false, created_at: "2026-03-01T12:00:00Z", sandbox: true, active: false, masked_key: "ggc_…er_a", key_problem: null },
  { id: "p-main", name: "Main shop", market: "ggchest", base_url: "https://sellerapi.ggchest.com", uses_production_url: true, created_at: "2026-02-11T09:30:00Z", sandbox: false, active: false, masked_key: "a1b2…9xyz", key_problem: null },
];

export const dashboard: Dashboard = { total_products: 42, active_products: 38, pending_products: 2, total_sales: 1240, pending_rewards: 24500, available_rewards: 187600 };

const titles = ["Cyberpunk 2077 Steam Key", "Elden Ring Steam Key", "Baldur's Gate 3 GOG Key", "Hades II Steam Key", "Stardew Valley Steam Key", "Hollow Knight Steam Key", "The Witcher 3 GOTY GOG Key", "Red Dead Redemption 2 Rockstar Key", "Starfield Steam Key", "Forza Horizon 5 Xbox Key"];
const mods = ["approved", "approved", "approved", "pending", "approved", "rejected"];

export const products: Product[] = Array.from({ length: 42 }, (_, i) => ({
  id: `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, "0")}`,
  slug: null,
  title: `${titles[i % titles.length]}${i >= titles.length ? ` — ${["EU", "RU", "Global", "NA"][i % 4]}` : ""}`,
  description: "Instant delivery. Activate on Steam.",
  price: [19.99, 39.99, 49.99, 24.5, 9.99, 12.99, 29.99, 59.99, 69.99, 44.99][i % 10],
  currency: "EUR",
  stock_quantity: 12 + (i * 7) % 40,
  delivery_type: i % 7 === 3 ? "MANUAL" : "AUTO",
  moderation_status: mods[i % mods.length],
  is_active: i % 11 !== 5,
  stock_available: (i * 7) % 40,
  created_at: `2026-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, "0")}T12:00:00Z`,
}));

export const ggOffers: GgOffer[] = products.slice(0, 14).map((p, i) => ({ product_id: p.id, price_cents: 1799 - i * 50, available: 12 - (i % 5), sold: (i * 3) % 9 }));

export const games: Game[] = [
  { id: "g-fn", name: "Fortnite", icon: null, resources: null },
  { id: "g-fc", name: "EA FC 25", icon: null, resources: null },
  { id: "g-wow", name: "World of Warcraft Classic", icon: null, resources: null },
  { id: "g-cod", name: "Call of Duty: Black Ops 6", icon: null, resources: null },
  { id: "g-val", name: "Valorant", icon: null, resources: null },
];

export const attributes: Attribute[] = [
  { id: "at-platform", attribute_name: "Platform", options: [{ id: "o-pc", name: "PC" }, { id: "o-ps5", name: "PlayStation 5" }, { id: "o-xbox", name: "Xbox Series X" }] },
  { id: "at-region", attribute_name: "Region", options: [{ id: "o-eu", name: "Europe" }, { id: "o-na", name: "North America" }] },
];

export const currencies: GameCurrency[] = [
  { id: "c-vb", name: "V-Bucks", nominal: "VB", icon: null },
  { id: "c-gold", name: "Gold", nominal: "G", icon: null },
];

const types = ["accounts", "items", "currency"] as const;
const gTitles: Record<string, string[]> = {
  accounts: ["Level 85 account with rare skins", "Fresh ranked-ready account", "Stacked account, 120 skins"],
  items: ["Legendary Sword +10", "Rare mount bundle", "Battle pass tier skip x10"],
  currency: ["10,000 V-Bucks", "100k Gold — fast delivery", "FC Coins 1M"],
};

export const ggcOffers: GgcOffer[] = Array.from({ length: 1240 }, (_, i) => {
  const t = types[i % 3];
  const g = games[i % games.length];
  return {
    id: `0198${String(i).padStart(4, "0")}-6e02-7320-9edc-a2e94ecc${String(i).padStart(4, "0")}`,
    offer_type: t,
    title: `${g.name}: ${gTitles[t][i % 3]}${i > 8 ? ` #${i}` : ""}`,
    description: "Safe and fast. Full access with email.",
    price: `${(i * 37) % 200}.${String((i * 13) % 100).padStart(2, "0")}`,
    old_price: i % 9 === 0 ? "149.99" : null,
    status: i % 4 === 1 ? "draft" : "active",
    delivery_method: t === "currency" ? null : i % 2 ? "auto" : "manual",
    delivery_time: ["5m", "1h", "1d", "20m"][i % 4],
    qty_total: 1 + (i % 30),
    qty_min: 1,
    page_slug: null,
    game_id: g.id,
    game_name: g.name,
    attributes: [{ attribute_id: "at-platform", attribute_name: "Platform", option_id: "o-pc", option_name: "PC" }],
    expired_at: "2026-08-28 14:47:50",
    icon: { id: null, path: null },
    extra_properties: { accounts: null, game_currency: t === "currency" ? currencies[0] : null },
  };
});

const statuses = ["COMPLETED", "WAITING_DELIVERY", "DELIVERED", "RECEIVED", "CANCELED"];
export const orders: Order[] = Array.from({ length: 57 }, (_, i) => ({
  id: `ord-${String(1000 + i)}`,
  name: ggcOffers[i * 3].title,
  icon: null,
  buyer: { name: ["alex_k", "mira", "j0hn", "kat.r", "pixel"][i % 5] },
  dispute: null,
  paid_at: `2026-03-${String(1 + (i % 28)).padStart(2, "0")}T${String(8 + (i % 12)).padStart(2, "0")}:15:00Z`,
  quantity: 1 + (i % 3),
  price: ggcOffers[i * 3].price,
  status: statuses[i % statuses.length],
  offer_type: ggcOffers[i * 3].offer_type,
}));
