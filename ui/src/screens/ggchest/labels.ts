// GGChest statuses as the UI shows them, in its language; the API's values themselves are sent
// and compared as they are (data.svelte.ts statusOf: lower-case, "paused" read as "draft").

import { t } from "../../lib/i18n/index.svelte";

/** An offer status (already through statusOf) for a badge. */
export function offerStatusLabel(s: string): string {
  switch (s) {
    case "active":
      return t("active");
    case "draft":
      return t("draft");
    case "deleted":
      return t("deleted");
    case "":
      return t("unknown");
    default:
      return s;
  }
}

/** An order status (WAITING_DELIVERY …) for a badge or a filter option. */
export function orderStatusLabel(s: string): string {
  switch (s.toUpperCase()) {
    case "WAITING_DELIVERY":
      return t("waiting delivery");
    case "DELIVERED":
      return t("delivered");
    case "RECEIVED":
      return t("received");
    case "COMPLETED":
      return t("completed");
    case "CANCELED":
      return t("canceled");
    default:
      return s.replace("_", " ").toLowerCase();
  }
}

/** An offer type (accounts, items, currency) inside a sentence. */
export function offerTypeLabel(type: string): string {
  switch (type) {
    case "accounts":
      return t("accounts");
    case "items":
      return t("items");
    case "currency":
      return t("currency");
    default:
      return type;
  }
}

/** How an offer is delivered, as a table cell: "manual · 1h", "auto" (the time as the API has it). */
export function deliveryLabel(method: string | null | undefined, time: string | null | undefined): string {
  const how = method === "manual" ? t("manual") : method === "auto" ? t("auto") : method;
  return [how, time].filter(Boolean).join(" · ");
}
