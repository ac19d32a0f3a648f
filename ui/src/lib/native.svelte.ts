// Files come to the UI only as paths: from the native open dialog or from a file dropped on the
// window (Tauri's drag-drop event; HTML5 drop events carry no paths). The shell reads them.

import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import { t } from "./i18n/index.svelte";
import { toasts } from "./stores/toasts.svelte";

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const CODE_FILES: FileFilter[] = [
  {
    get name() {
      return t("Codes (.txt, .csv)");
    },
    extensions: ["txt", "csv"],
  },
];
export const CSV_FILES: FileFilter[] = [{ name: "CSV", extensions: ["csv", "txt"] }];
export const IMAGE_FILES: FileFilter[] = [
  {
    get name() {
      return t("Images (.png, .jpg)");
    },
    extensions: ["png", "jpg", "jpeg"],
  },
];

/** The native open dialog; the chosen path, or null when cancelled. */
export async function pickFile(filters: FileFilter[]): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters });
  return typeof chosen === "string" ? chosen : null;
}

/**
 * The open dialog, then `use` on the chosen path (nothing when cancelled). A dialog that cannot
 * open is a toast; `use` reports its own errors.
 */
export async function pickThen(filters: FileFilter[], use: (path: string) => unknown): Promise<void> {
  let path: string | null;
  try {
    path = await pickFile(filters);
  } catch (e) {
    toasts.error(e, t("Could not open the file dialog"));
    return;
  }
  if (path) await use(path);
}

export const JOB_FILES: FileFilter[] = [
  {
    get name() {
      return t("CSV or JSON");
    },
    extensions: ["csv", "txt", "json"],
  },
];

/** The native save dialog for a CSV; the chosen path, or null when cancelled. */
export async function pickSaveCsv(defaultPath: string): Promise<string | null> {
  const chosen = await save({ defaultPath, filters: [{ name: "CSV", extensions: ["csv"] }] });
  return typeof chosen === "string" ? chosen : null;
}

export interface DropZoneSpec {
  el: HTMLElement;
  /** Lower-case extensions without dot; empty accepts any file. */
  extensions: string[];
  onDrop: (path: string) => void;
  onReject: (message: string) => void;
}

class DragState {
  /** A file is being dragged over the window. */
  active = $state(false);
  /** The zone under the pointer. */
  over = $state<HTMLElement | null>(null);
}

export const drag = new DragState();
const zones = new Set<DropZoneSpec>();
let started = false;

function zoneAt(x: number, y: number): DropZoneSpec | null {
  const hit = document.elementFromPoint(x, y);
  if (!hit) return null;
  // The innermost zone containing the point wins.
  let best: DropZoneSpec | null = null;
  for (const z of zones) {
    if (z.el.contains(hit) && (!best || best.el.contains(z.el))) best = z;
  }
  return best;
}

export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? "";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Hands a dropped path to the zone (checking its extension); exported for tests and mocks. */
export function deliverDrop(zone: DropZoneSpec, paths: string[]): void {
  const path = paths[0];
  if (!path) return;
  if (paths.length > 1) zone.onReject(t("Drop one file at a time."));
  else if (zone.extensions.length > 0 && !zone.extensions.includes(extensionOf(path)))
    zone.onReject(
      t("This area takes {extensions} files, not \"{name}\".", {
        extensions: zone.extensions.map((e) => "." + e).join(", "),
        name: path.split(/[\\/]/).pop() ?? "",
      }),
    );
  else zone.onDrop(path);
}

async function startListening(): Promise<void> {
  if (started) return;
  started = true;
  try {
    await getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === "leave") {
        drag.active = false;
        drag.over = null;
        return;
      }
      const dpr = window.devicePixelRatio || 1;
      const zone = zoneAt(p.position.x / dpr, p.position.y / dpr);
      if (p.type === "enter" || p.type === "over") {
        drag.active = true;
        drag.over = zone?.el ?? null;
      } else if (p.type === "drop") {
        drag.active = false;
        drag.over = null;
        if (zone) deliverDrop(zone, p.paths);
      }
    });
  } catch {
    started = false; // not inside Tauri (e.g. a plain browser): no file drops
  }
}

/** Registers an element as a drop target; returns the unregister function. */
export function registerDropZone(spec: DropZoneSpec): () => void {
  zones.add(spec);
  void startListening();
  return () => {
    zones.delete(spec);
    if (drag.over === spec.el) drag.over = null;
  };
}
