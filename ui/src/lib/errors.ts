// CommandError: what every failed command gives the UI ({code, message, fields, and for the
// errors that carry one their message as template and values, text}).

import type { CommandError, ErrorCode, FieldError, MessageText, ProfileView } from "./types";
import { ERROR_CODES, TRANSIENT_CODES } from "./bindings/errorCodes";
import { t, translateMessage } from "./i18n/index.svelte";

/** A rejected command, as an Error carrying the CommandError fields. */
export class IpcError extends Error implements CommandError {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly text?: MessageText;
  constructor(e: CommandError) {
    super(e.message);
    this.name = "IpcError";
    this.code = e.code;
    this.fields = e.fields ?? [];
    this.text = e.text;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** CommandError.text, if it has the shape the shell sends (a template and string values). */
function messageText(v: unknown): MessageText | undefined {
  if (!isRecord(v) || typeof v.template !== "string" || !isRecord(v.params)) return undefined;
  const params: Record<string, string> = {};
  for (const [k, value] of Object.entries(v.params)) {
    if (typeof value !== "string") return undefined;
    params[k] = value;
  }
  return { template: v.template, params };
}

/** Whether `v` is one of the codes the shell sends (ERROR_CODES, generated from markets::ErrorCode). */
export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === "string" && (ERROR_CODES as readonly string[]).includes(v);
}

/** Whatever a rejected invoke gave, as a CommandError (never throws; an unknown code is `internal`). */
export function toCommandError(raw: unknown): IpcError {
  if (raw instanceof IpcError) return raw;
  if (isRecord(raw) && typeof raw.code === "string" && typeof raw.message === "string") {
    const fields = Array.isArray(raw.fields)
      ? raw.fields
          .filter((f): f is Record<string, unknown> => isRecord(f))
          .map((f) => ({ field: String(f.field ?? ""), message: String(f.message ?? "") }))
      : [];
    // The message in the UI's language when the shell sent its template (marketplace errors).
    const text = messageText(raw.text);
    const code = isErrorCode(raw.code) ? raw.code : "internal";
    return new IpcError({ code, message: translateMessage(text, raw.message), fields, text });
  }
  if (typeof raw === "string") return new IpcError({ code: "internal", message: raw, fields: [] });
  if (raw instanceof Error) return new IpcError({ code: "internal", message: raw.message, fields: [] });
  return new IpcError({ code: "internal", message: t("Something went wrong: {details}", { details: JSON.stringify(raw) }), fields: [] });
}

/** Codes after which nothing changed and retrying later may succeed (ErrorCode::is_transient). */
export const TRANSIENT: ReadonlySet<ErrorCode> = new Set(TRANSIENT_CODES);

/** A short title for the error banner, by code; the message itself says what to do next. */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case "key_rejected":
      return t("API key rejected");
    case "forbidden":
      return t("Not allowed");
    case "not_found":
    case "profile_not_found":
      return t("Not found");
    case "invalid_input":
      return t("Check the highlighted fields (nothing was sent)");
    case "validation":
      return t("The marketplace rejected the input");
    case "business_rule":
      return t("The marketplace refused it");
    case "rate_limited":
      return t("Rate limit reached");
    case "unavailable":
      return t("Marketplace unavailable");
    case "outcome_unknown":
      return t("Outcome unknown");
    case "network":
      return t("Cannot reach the marketplace");
    case "unexpected_response":
      return t("Unexpected answer");
    case "keychain_unavailable":
      return t("Keychain unavailable");
    case "no_key":
      return t("No API key stored");
    case "profile_invalid":
      return t("Profile problem");
    case "file":
      return t("File problem");
    case "cancelled":
      return t("Cancelled");
    default:
      return t("Error");
  }
}

/** Why a profile's key cannot be read, in the UI's language (empty when it can). */
export function keyProblem(p: ProfileView): string {
  return p.key_problem ? translateMessage(p.key_problem_text, p.key_problem) : "";
}
