// Bulk jobs: pure helpers for the jobs panel, the new-job forms and the results view (unit tested).

import type { ItemResult, JobStatus, JobSummary, PriceRuleSpec, StepOutcome } from "./types";
import { t } from "./i18n/index.svelte";

/**
 * A job kind's name in the UI's language, from the shell's `gg-upload-codes` or the form's
 * `gg_upload_codes`; null for a kind this build does not know.
 */
export function kindTitle(kind: string): string | null {
  switch (kind.replaceAll("_", "-")) {
    case "gg-upload-codes":
      return t("Upload codes");
    case "gg-add-offers":
      return t("Add offers");
    case "gg-reprice":
    case "ggc-reprice":
      return t("Reprice offers");
    case "ggc-activate":
      return t("Activate offers");
    case "ggc-draft":
      return t("Set offers to draft");
    case "ggc-delete":
      return t("Delete offers");
    case "ggc-create":
      return t("Create offers");
    case "ggc-import-accounts":
      return t("Import accounts");
    case "retry":
      return t("Retry failed steps");
    default:
      return null;
  }
}

/** A job's title in the UI's language (the shell's English one for a kind it does not know). */
export function jobTitle(job: { kind: string; title: string }): string {
  return kindTitle(job.kind) ?? job.title;
}

/** "1 h 02 min", "3 min 05 s", "12 s", "–" for unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "–";
  const s = Math.round(ms / 1000);
  if (s < 60) return t("{s} s", { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t("{m} min {s} s", { m, s: String(s % 60).padStart(2, "0") });
  return t("{h} h {m} min", { h: Math.floor(m / 60), m: String(m % 60).padStart(2, "0") });
}

/** Settled share of a job, 0..100 (failed steps count as settled). */
export function percent(done: number, failed: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.round(((done + failed) * 100) / total));
}

/** Labels in the UI's language (getters: read at render, so they follow a language switch). */
export const STATUS_LABEL: Record<JobStatus, string> = {
  get queued() {
    return t("Queued");
  },
  get running() {
    return t("Running");
  },
  get paused() {
    return t("Paused");
  },
  get interrupted() {
    return t("Interrupted");
  },
  get finished() {
    return t("Finished");
  },
};

/** What the job's main button does: start, resume, cancel, or nothing (finished). */
export function primaryAction(status: JobStatus): "start" | "resume" | "cancel" | null {
  switch (status) {
    case "queued":
      return "start";
    case "paused":
    case "interrupted":
      return "resume";
    case "running":
      return "cancel";
    default:
      return null;
  }
}

export type ResultFilter = "all" | StepOutcome;

/** The outcomes a result row can have, in the order the filter shows them. */
export const OUTCOMES: StepOutcome[] = ["done", "failed", "unknown", "pending", "not_sent"];

export const OUTCOME_LABEL: Record<StepOutcome, string> = {
  get done() {
    return t("Done");
  },
  get failed() {
    return t("Failed");
  },
  get unknown() {
    return t("Unknown");
  },
  get pending() {
    return t("Pending");
  },
  get not_sent() {
    return t("Not sent");
  },
};

/** Rows (steps or items) with the filter's outcome. */
export function filterResults<T extends { outcome: StepOutcome }>(rows: readonly T[], filter: ResultFilter): T[] {
  return filter === "all" ? [...rows] : rows.filter((s) => s.outcome === filter);
}

/** How many rows (steps or items) have each outcome. */
export function countOutcomes(rows: readonly { outcome: StepOutcome }[]): Record<StepOutcome, number> {
  const out: Record<StepOutcome, number> = { done: 0, failed: 0, unknown: 0, pending: 0, not_sent: 0 };
  for (const s of rows) out[s.outcome] += 1;
  return out;
}

/** A stable id for an item row: its step and its position in the step. */
export const itemId = (i: Pick<ItemResult, "step" | "item">): string => `${i.step}-${i.item}`;

/** The badge tone of an outcome. */
export const outcomeTone = (o: StepOutcome): string => (o === "done" ? "ok" : o === "failed" ? "bad" : "warn");

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Field errors of a price rule as typed (empty: valid). Amounts in the market's currency. */
export function priceRuleErrors(rule: PriceRuleSpec): Record<string, string> {
  const errors: Record<string, string> = {};
  const num = (v: string) => Number(v.trim().replace(",", "."));
  if (!NUMBER.test(rule.value.trim())) errors.value = t("Enter a number");
  else if (rule.adjust === "set" && num(rule.value) <= 0) errors.value = t("The price must be above 0");
  for (const key of ["floor", "ceiling"] as const) {
    const v = rule[key]?.trim();
    if (v && (!NUMBER.test(v) || num(v) <= 0)) errors[key] = t("Enter a price above 0, or leave empty");
  }
  const f = rule.floor?.trim();
  const c = rule.ceiling?.trim();
  if (f && c && !errors.floor && !errors.ceiling && num(f) > num(c)) errors.floor = t("The floor is above the ceiling");
  return errors;
}

/** A job with progress applied (events arrive between list reloads). */
export function withProgress(job: JobSummary, p: { done: number; failed: number; items_done: number; items_failed: number; finished: boolean } | undefined): JobSummary {
  if (!p) return job;
  return { ...job, done: p.done, failed: p.failed, items_done: p.items_done, items_failed: p.items_failed, unsettled: job.total - p.done - p.failed };
}

/** A file name for an export: `gg-products-2026-11-21.csv`. */
export function exportName(what: string, now: Date = new Date()): string {
  return `${what}-${now.toISOString().slice(0, 10)}.csv`;
}
