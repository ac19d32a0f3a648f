// Which screen is shown: the active profile's tabs, or profile management.

export type View = "market" | "profiles";

class Nav {
  view = $state<View>("market");
  /** Tab of the active profile's market screens, per market. */
  ggTab = $state<"dashboard" | "products" | "new-listing" | "offers" | "jobs" | "audit">("dashboard");
  ggcTab = $state<"offers" | "new-offer" | "orders" | "jobs" | "audit">("offers");
  /** Opened product (Gaming Goods) or offer (GGChest). */
  ggProductId = $state<string | null>(null);
  ggcOfferId = $state<string | null>(null);
  /** A window-wide dialog opened from the sidebar or a shortcut. */
  overlay = $state<"settings" | "shortcuts" | null>(null);

  resetForProfile(): void {
    this.view = "market";
    this.ggProductId = null;
    this.ggcOfferId = null;
  }
}

export const nav = new Nav();
