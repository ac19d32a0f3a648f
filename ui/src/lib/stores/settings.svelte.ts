// The app's settings (theme, language, notifications): `Settings`, generated from the shell's
// typed `desk::settings::Settings`, kept by the shell in its local store. The shell keeps keys
// this build does not know, and refuses a bad value naming its field.

import * as ipc from "../ipc";
import { i18n, type LanguageSetting } from "../i18n/index.svelte";
import { applyTheme, type ThemeSetting } from "../theme";
import type { Settings as StoredSettings } from "../types";

export type { ThemeSetting };

/** The settings as the shell types them. */
export type UiSettings = StoredSettings;

export const DEFAULT_SETTINGS: UiSettings = { theme: "system", language: "system", notify_jobs: true, notify_orders: true };

const THEMES: ThemeSetting[] = ["system", "light", "dark"];
const LANGUAGES: LanguageSetting[] = ["system", "en", "ru"];

/** Settings from whatever arrived (the mock's storage, say): a missing or wrong value takes its default. */
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
      this.value = parseSettings(await ipc.getSettings());
    } catch {
      // Unreadable settings (the local store, or profiles.json on the first read): the defaults.
    }
  }

  /** Changes some settings at once (the UI follows immediately) and stores them. */
  async update(patch: Partial<UiSettings>): Promise<void> {
    this.value = { ...this.value, ...patch };
    await ipc.setSettings(this.value);
  }
}

export const settings = new Settings();
