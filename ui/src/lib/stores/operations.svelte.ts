// Long operations: each has an id chosen here, gets `progress` events from the shell, and can be
// cancelled (the command then fails with code `cancelled`).

import * as ipc from "../ipc";
import type { Progress } from "../types";
import { t } from "../i18n/index.svelte";

export interface Operation {
  id: string;
  title: string;
  label: string;
  done: number;
  total: number | null;
  cancelling: boolean;
}

let counter = 0;

export function newOperationId(kind: string): string {
  counter += 1;
  return `${kind}-${Date.now().toString(36)}-${counter}`;
}

class Operations {
  list = $state<Operation[]>([]);
  #listening = false;

  /** Subscribes to the shell's progress events (once). */
  async listen(): Promise<void> {
    if (this.#listening) return;
    this.#listening = true;
    try {
      await ipc.onProgress((p) => this.progress(p));
    } catch {
      this.#listening = false;
    }
  }

  progress(p: Progress): void {
    const op = this.list.find((o) => o.id === p.operation_id);
    if (!op) return;
    op.done = p.done;
    op.total = p.total ?? null;
    if (p.label) op.label = progressLabel(p.label);
  }

  /** Runs `work` as a tracked operation, shown in the progress panel until it ends. */
  async run<R>(kind: string, title: string, work: (operationId: string) => Promise<R>): Promise<R> {
    const id = newOperationId(kind);
    this.list = [...this.list, { id, title, label: t("Starting…"), done: 0, total: null, cancelling: false }];
    try {
      return await work(id);
    } finally {
      this.list = this.list.filter((o) => o.id !== id);
    }
  }

  async cancel(id: string): Promise<void> {
    const op = this.list.find((o) => o.id === id);
    if (!op || op.cancelling) return;
    op.cancelling = true;
    op.label = t("Cancelling…");
    try {
      await ipc.cancelOperation(id);
    } catch {
      // The operation may have ended in the meantime: nothing to cancel.
    }
  }
}

export const operations = new Operations();

/**
 * The shell's progress labels in the UI's language: a fixed set, what the counts count (the
 * commands that report progress: fetch_all's lists, code uploads, GGChest batches). Any other
 * label is shown as it came.
 */
export function progressLabel(label: string): string {
  switch (label) {
    case "products":
      return t("products");
    case "offers":
      return t("offers");
    case "orders":
      return t("orders");
    case "codes":
      return t("codes");
    case "offers activated":
      return t("offers activated");
    case "offers moved to draft":
      return t("offers moved to draft");
    case "offers deleted":
      return t("offers deleted");
    default:
      return label;
  }
}
