// Light or dark: the Settings choice, or by default the OS setting, followed live. WebKitGTK
// reports the GTK preference (gtk-application-prefer-dark-theme, a "-dark"/":dark" theme) as
// prefers-color-scheme; WKWebView and WebView2 report the macOS / Windows appearance.

export type ThemeSetting = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export function resolveTheme(setting: ThemeSetting, osDark: boolean): Theme {
  if (setting === "system") return osDark ? "dark" : "light";
  return setting;
}

let stopFollowing: (() => void) | null = null;

/** Puts `data-theme` on <html> (app.css reads it) and, for "system", keeps it in step with the OS. */
export function applyTheme(setting: ThemeSetting, doc: Document = document): void {
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
