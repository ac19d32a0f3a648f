import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI lives in ui/ (Vite's root); `vite build` writes ui/dist, which tauri.conf.json embeds.
// Port 5173 is fixed because tauri.conf.json's devUrl points at it.
export default defineConfig({
  root: "ui",
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.40+ (Linux), Safari 16+ (macOS WKWebView), Chromium-based WebView2 (Windows).
    target: ["es2022", "safari16", "chrome111"],
    sourcemap: false,
  },
});
