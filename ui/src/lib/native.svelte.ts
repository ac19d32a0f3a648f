// Files come to the UI only as handles, never paths: the shell shows the native open and save
// dialogs itself (pick_open_file, pick_save_file) and registers files dropped on the window from
// the window's own event (the `files-dropped` event carries their handles); every file command
// takes a handle. The UI cannot name a file the user did not give (docs/SECURITY.md).

import { getCurrentWebview } from "@tauri-apps/api/webview";
import { listen } from "@tauri-apps/api/event";
import { FILES_DROPPED_EVENT } from "./commands";
import { t } from "./i18n/index.svelte";
import * as ipc from "./ipc";
import { toasts } from "./stores/toasts.svelte";
import type * as T from "./types";

export type FileKind = T.FileKind;
export type PickedFile = T.PickedFile;

/** The native open dialog for a file of `kind`; the chosen file, or null when cancelled. */
export async function pickFile(kind: FileKind): Promise<PickedFile | null> {
  return await ipc.pickOpenFile(kind);
}

/**
 * The open dialog, then `use` on the chosen file (nothing when cancelled). A dialog that cannot
 * open is a toast; `use` reports its own errors.
 */
export async function pickThen(kind: FileKind, use: (file: PickedFile) => unknown): Promise<void> {
  let file: PickedFile | null;
  try {
    file = await pickFile(kind);
  } catch (e) {
    toasts.error(e, t("Could not open the file dialog"));
    return;
  }
  if (file) await use(file);
}

/** The native save dialog for a CSV; the chosen place, or null when cancelled. */
export async function pickSaveCsv(suggestedName: string): Promise<PickedFile | null> {
  return await ipc.pickSaveFile("csv", suggestedName);
}

export interface DropZoneSpec {
  el: HTMLElement;
  /** Lower-case extensions without dot; empty accepts any file. */
  extensions: string[];
  onDrop: (file: PickedFile) => void;
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

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Hands a dropped file to the zone (checking its extension); exported for tests and mocks. */
export function deliverDrop(zone: DropZoneSpec, files: PickedFile[]): void {
  const file = files[0];
  if (!file) return;
  if (files.length > 1) zone.onReject(t("Drop one file at a time."));
  else if (zone.extensions.length > 0 && !zone.extensions.includes(extensionOf(file.name)))
    zone.onReject(
      t("This area takes {extensions} files, not \"{name}\".", {
        extensions: zone.extensions.map((e) => "." + e).join(", "),
        name: file.name,
      }),
    );
  else zone.onDrop(file);
}

async function startListening(): Promise<void> {
  if (started) return;
  started = true;
  try {
    // The drag's movement (to show the zone under the pointer) from Tauri's event; its paths are
    // never used: the dropped files arrive from the shell as handles.
    await getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === "leave" || p.type === "drop") {
        drag.active = false;
        drag.over = null;
        return;
      }
      const dpr = window.devicePixelRatio || 1;
      const zone = zoneAt(p.position.x / dpr, p.position.y / dpr);
      drag.active = true;
      drag.over = zone?.el ?? null;
    });
    await listen<T.FilesDropped>(FILES_DROPPED_EVENT, (event) => {
      const p = event.payload;
      const dpr = window.devicePixelRatio || 1;
      const zone = zoneAt(p.x / dpr, p.y / dpr);
      if (zone) deliverDrop(zone, p.files);
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
