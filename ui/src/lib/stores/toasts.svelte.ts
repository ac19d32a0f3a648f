// Global notices: successes fade out, errors stay until dismissed.

import { errorTitle, toCommandError } from "../errors";

export type ToastKind = "success" | "info" | "error" | "warning";

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message: string;
  code?: string;
}

let nextId = 1;

class Toasts {
  list = $state<Toast[]>([]);

  push(kind: ToastKind, title: string, message = "", code?: string): number {
    const id = nextId++;
    this.list = [...this.list, { id, kind, title, message, code }];
    if (kind === "success" || kind === "info") setTimeout(() => this.dismiss(id), 5000);
    return id;
  }

  success(title: string, message = ""): number {
    return this.push("success", title, message);
  }

  info(title: string, message = ""): number {
    return this.push("info", title, message);
  }

  /** A failed command: its message already says what to do next. */
  error(raw: unknown, title?: string): number {
    const e = toCommandError(raw);
    return this.push(e.code === "cancelled" ? "warning" : "error", title ?? errorTitle(e.code), e.message, e.code);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
