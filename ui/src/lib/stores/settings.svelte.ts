// The UI's settings (theme, language, notifications), kept by the shell in profiles.json under
// `seller_desk_ui` (see src-tauri/src/commands/settings.rs). Unknown keys are kept as they are, so
// an older or newer build's settings survive a save.

import * as ipc from "../ipc";
import { i18n, type LanguageSetting } from "../i18n/index.svelte";
import { applyTheme, type ThemeSetting } from "../theme";

export type { ThemeSetting };

export interface UiSettings {
  theme: ThemeSetting;
  language: LanguageSetting;
  /** An OS notification when a bulk job ends. */
  notify_jobs: boolean;
  /** An OS notification when GGChest orders wait for delivery (the shell polls). */
  notify_orders: boolean;
}

export const DEFAULT_SETTINGS: UiSettings = { theme: "system", language: "system", notify_jobs: true, notify_orders: true };

const THEMES: ThemeSetting[] = ["system", "light", "dark"];
const LANGUAGES: LanguageSetting[] = ["system", "en", "ru"];

/** Settings from whatever is stored: a missing or wrong value takes its default. */
export function parseSettings(raw: unknown): UiSettings {
  const o = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const pick = <V>(v: unknown, allowed: V[], d: V): V => (allowed.includes(v as V) ? (v as V) : d);
  const bool = (v: unknown, d: boolean) => (typeof v === "boolean" ? v : d);
  return {
    theme: pick(o.theme, THEMES, DEFAULT_SETTINGS.theme),
    language: pick(o.language, LANGUAGES, DEFAULT_SETTINGS.language),
    notify_jobs: bool(o.notify_jobs, DEFAULT_SETTINGS.notify_jobs),
    notify_orders: bool(o.notify_orders, DEFAULT_SETTINGS.notify_orders),
  };
}

class Settings {
  value = $state<UiSettings>({ ...DEFAULT_SETTINGS });
  /** The stored object as read, with keys this build does not know. */
  private raw: Record<string, unknown> = {};

  constructor() {
    $effect.root(() => {
      $effect(() => {
        i18n.setting = this.value.language;
      });
      $effect(() => applyTheme(this.value.theme));
    });
  }

  async load(): Promise<void> {
    try {
      const raw = await ipc.getSettings();
      this.raw = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      this.value = parseSettings(this.raw);
    } catch {
      // Unreadable settings: the defaults, and profiles.load() reports the file's problem.
    }
  }

  /** Changes some settings at once (the UI follows immediately) and stores them. */
  async update(patch: Partial<UiSettings>): Promise<void> {
    this.value = { ...this.value, ...patch };
    this.raw = { ...this.raw, ...this.value };
    await ipc.setSettings(this.raw as Parameters<typeof ipc.setSettings>[0]);
  }
}

export const settings = new Settings();
