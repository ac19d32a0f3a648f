// Display helpers for Gaming Goods values.

import { formatNumber, t } from "../../lib/i18n/index.svelte";

export function moderationTone(s: string | null | undefined): string {
  switch ((s ?? "").toLowerCase()) {
    case "approved":
      return "ok";
    case "pending":
      return "warn";
    case "rejected":
      return "bad";
    default:
      return "";
  }
}

/** A moderation status as the UI shows it, in its language (the API's value when unknown). */
export function moderationLabel(s: string | null | undefined): string {
  switch ((s ?? "").toLowerCase()) {
    case "approved":
      return t("approved");
    case "pending":
      return t("pending");
    case "rejected":
      return t("rejected");
    default:
      return s ?? "";
  }
}

export function shortDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 10);
}

export function count(v: number | bigint | null | undefined): string {
  return v === null || v === undefined ? "—" : formatNumber(Number(v));
}
