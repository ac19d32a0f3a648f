// Light or dark: the Settings choice, or by default the OS setting, followed live. WebKitGTK
// reports the GTK preference (gtk-application-prefer-dark-theme, a "-dark"/":dark" theme) as
// prefers-color-scheme; WKWebView and WebView2 report the macOS / Windows appearance.

export type ThemeSetting = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export function resolveTheme(setting: ThemeSetting, osDark: boolean): Theme {
  if (setting === "system") return osDark ? "dark" : "light";
  return setting;
}

/**
 * The chosen theme is also kept in the webview's localStorage, where the first frame (boot.ts)
 * can read it synchronously: the settings themselves arrive from the shell a moment later, and a
 * window chosen light would otherwise flash dark (or the other way) on an OS set the other way.
 */
export const REMEMBERED_THEME_KEY = "seller-desk.theme";

/** The theme the first frame should use: "light" or "dark" if one was chosen, else null (the OS's). */
export function rememberedTheme(storage: Pick<Storage, "getItem"> | null): Theme | null {
  let value: string | null = null;
  try {
    value = storage?.getItem(REMEMBERED_THEME_KEY) ?? null;
  } catch {
    return null; // storage refused: follow the OS
  }
  return value === "light" || value === "dark" ? value : null;
}

function remember(setting: ThemeSetting, storage: Pick<Storage, "setItem"> | null) {
  try {
    storage?.setItem(REMEMBERED_THEME_KEY, setting);
  } catch {
    // Only the first frame's colours depend on it.
  }
}

let stopFollowing: (() => void) | null = null;

/** Puts `data-theme` on <html> (app.css reads it) and, for "system", keeps it in step with the OS. */
export function applyTheme(setting: ThemeSetting, doc: Document = document, storage: Pick<Storage, "setItem"> | null = globalThis.localStorage ?? null): void {
  remember(setting, storage);
  stopFollowing?.();
  stopFollowing = null;
  const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const set = () => {
    doc.documentElement.dataset.theme = resolveTheme(setting, media?.matches ?? false);
  };
  set();
  if (setting === "system" && media) {
    media.addEventListener("change", set);
    stopFollowing = () => media.removeEventListener("change", set);
  }
}
