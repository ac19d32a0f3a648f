// The app's keyboard shortcuts, listed once: the key handler (App.svelte) matches against this
// list and the help overlay (F1) shows it, so the two cannot disagree.

import { t } from "./i18n/index.svelte";

export type ShortcutId =
  | "help"
  | "search"
  | "new-offer"
  | "settings"
  | "profile-n"
  | "next-profile"
  | "previous-profile"
  | "select-all";

export interface KeyLike {
  key: string;
  /** The physical key: WebKitGTK gives Shift+Tab the key "Unidentified" (GTK's ISO_Left_Tab). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  /** Key combinations as shown, "Mod" standing for Ctrl (⌘ on macOS); alternatives separately. */
  keys: string[][];
  /** In the UI's language (a function, so that it follows a language switch). */
  description: () => string;
  group: "General" | "Profiles" | "Tables";
}

export const SHORTCUTS: Shortcut[] = [
  { id: "help", keys: [["F1"], ["?"]], description: () => t("Show the keyboard shortcuts"), group: "General" },
  { id: "search", keys: [["Mod", "F"], ["/"]], description: () => t("Search the table shown"), group: "General" },
  { id: "new-offer", keys: [["Mod", "N"]], description: () => t("New offer (GGChest) or new listing (Gaming Goods)"), group: "General" },
  { id: "settings", keys: [["Mod", ","]], description: () => t("Settings: theme, language, notifications"), group: "General" },
  { id: "profile-n", keys: [["Mod", "1…9"]], description: () => t("Switch to the n-th profile of the sidebar"), group: "Profiles" },
  { id: "next-profile", keys: [["Ctrl", "Tab"], ["Ctrl", "PageDown"]], description: () => t("Next profile"), group: "Profiles" },
  { id: "previous-profile", keys: [["Ctrl", "Shift", "Tab"], ["Ctrl", "PageUp"]], description: () => t("Previous profile"), group: "Profiles" },
  { id: "select-all", keys: [["Mod", "A"]], description: () => t("Select all rows shown (again: clear)"), group: "Tables" },
];

/** Keys that tables and dialogs handle themselves; listed in the overlay, not matched here. */
export const LOCAL_KEYS: { keys: string[][]; description: () => string; group: Shortcut["group"] }[] = [
  { keys: [["↑"], ["↓"], ["PageUp"], ["PageDown"], ["Home"], ["End"]], description: () => t("Move through the rows"), group: "Tables" },
  { keys: [["Space"]], description: () => t("Select the row (Shift: a range)"), group: "Tables" },
  { keys: [["Enter"]], description: () => t("Open the row"), group: "Tables" },
  { keys: [["Esc"]], description: () => t("Clear the selection, or close a dialog"), group: "Tables" },
];

export interface Hit {
  id: ShortcutId;
  /** For profile-n: 1..9. */
  n?: number;
}

/**
 * The shortcut a key press means, or null. `typing` is true when the focus is in a text field:
 * single-character shortcuts ("?", "/") and Mod+A are then left to the field.
 */
export function matchShortcut(e: KeyLike, isMac: boolean, typing: boolean): Hit | null {
  const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.altKey) return null;
  if (e.key === "F1" && plain) return { id: "help" };
  if (e.ctrlKey && !e.metaKey) {
    if (e.key === "Tab" || e.code === "Tab") return { id: e.shiftKey ? "previous-profile" : "next-profile" };
    if (e.key === "PageDown" && !e.shiftKey) return { id: "next-profile" };
    if (e.key === "PageUp" && !e.shiftKey) return { id: "previous-profile" };
  }
  if (mod && !e.shiftKey) {
    const key = e.key.toLowerCase();
    if (/^[1-9]$/.test(key)) return { id: "profile-n", n: Number(key) };
    if (key === "f") return { id: "search" };
    if (key === "n") return { id: "new-offer" };
    if (key === ",") return { id: "settings" };
    if (key === "/") return { id: "help" };
    if (key === "a" && !typing) return { id: "select-all" };
    return null;
  }
  if (!typing && !e.ctrlKey && !e.metaKey) {
    if (e.key === "?") return { id: "help" };
    if (e.key === "/" && !e.shiftKey) return { id: "search" };
  }
  return null;
}

/** Whether key presses go to a text field (shortcuts that type characters then stay off). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
  }
  return false;
}

/** The profile `step` places away in sidebar order, wrapping around. */
export function cycle<T>(list: readonly T[], current: T | null, step: 1 | -1): T | null {
  if (list.length === 0) return null;
  const i = current === null ? -1 : list.indexOf(current);
  if (i < 0) return step === 1 ? list[0] : list[list.length - 1];
  return list[(i + step + list.length) % list.length];
}

/** How a combination is written on this platform: Ctrl+F, ⌘F. */
export function keyLabel(parts: string[], isMac: boolean): string {
  const shown = parts.map((p) => (p === "Mod" ? (isMac ? "⌘" : "Ctrl") : isMac && p === "Shift" ? "⇧" : p));
  return isMac ? shown.join("") : shown.join("+");
}
