// Errors of one form: per field (normalized API names) plus the banner.

import { normalizeField } from "./fields";
import { toCommandError, type IpcError } from "./errors";

/** Errors of one form: per field (normalized names) plus the banner. */
export class FormErrors {
  fields = $state<Record<string, string>>({});
  banner = $state<IpcError | null>(null);

  /** Shows a command error: field errors next to their inputs, the rest in the banner. */
  set(raw: unknown): IpcError {
    const e = toCommandError(raw);
    const map: Record<string, string> = {};
    for (const f of e.fields) {
      const k = normalizeField(f.field);
      map[k] = map[k] ? `${map[k]}; ${f.message}` : f.message;
    }
    this.fields = map;
    this.banner = e;
    return e;
  }

  /** A local check's message on one field (nothing was sent). */
  local(field: string, message: string): void {
    this.fields = { ...this.fields, [normalizeField(field)]: message };
  }

  get(field: string): string | undefined {
    return this.fields[normalizeField(field)];
  }

  clearField(field: string): void {
    const k = normalizeField(field);
    if (k in this.fields) {
      const { [k]: _, ...rest } = this.fields;
      this.fields = rest;
    }
  }

  clear(): void {
    this.fields = {};
    this.banner = null;
  }

  get any(): boolean {
    return this.banner !== null || Object.keys(this.fields).length > 0;
  }
}
