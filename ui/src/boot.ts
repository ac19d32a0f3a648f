// The page's entry: index.html's static first frame (#boot: the name and a spinner) is painted
// before the app's code is fetched and run. Loading the app in the same pass as the page would
// hold that first paint until the code had run (WebKit paints once the load is complete).
// main.ts mounts the app, whose loading screen looks the same, and removes #boot.
import { rememberedTheme } from "./lib/theme";

// A theme chosen in Settings (not "system") colours the first frame too; see theme.ts.
const chosen = rememberedTheme(globalThis.localStorage ?? null);
if (chosen) document.documentElement.dataset.theme = chosen;

function start() {
  requestAnimationFrame(() => setTimeout(() => void import("./main"), 0));
}

if (document.readyState === "complete") start();
else addEventListener("load", start, { once: true });
