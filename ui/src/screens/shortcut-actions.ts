// What each keyboard shortcut of lib/shortcuts.ts does in the window. The DOM is the contract
// here: "search" focuses the filter box of the table shown, "select all" ticks that table's
// select-all box, the same controls a mouse would use.

import { cycle, isTyping, matchShortcut, type Hit } from "../lib/shortcuts";
import { nav } from "../lib/stores/nav.svelte";
import { profiles } from "../lib/stores/profiles.svelte";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

function visible(el: HTMLElement): boolean {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** The first visible element matching `css` inside the main pane (not the sidebar, not a dialog). */
function inMain<E extends HTMLElement>(css: string): E | null {
  const all = document.querySelectorAll<E>(`main ${css}`);
  return Array.from(all).find(visible) ?? null;
}

function run(hit: Hit, switchTo: (id: string) => void): boolean {
  switch (hit.id) {
    case "help":
      nav.overlay = "shortcuts";
      return true;
    case "settings":
      nav.overlay = "settings";
      return true;
    case "search": {
      const box = inMain<HTMLInputElement>('input[type="search"]');
      if (!box) return false;
      box.focus();
      box.select();
      return true;
    }
    case "new-offer": {
      const p = profiles.active;
      if (!p) return false;
      nav.view = "market";
      if (p.market === "gg") nav.ggTab = "new-listing";
      else nav.ggcTab = "new-offer";
      return true;
    }
    case "select-all": {
      const box = inMain<HTMLInputElement>('input[type="checkbox"][data-testid$="-select-all"]');
      if (!box) return false;
      box.click();
      return true;
    }
    case "profile-n": {
      const p = profiles.ordered[(hit.n ?? 1) - 1];
      if (!p) return false;
      nav.view = "market";
      switchTo(p.id);
      return true;
    }
    case "next-profile":
    case "previous-profile": {
      const ids = profiles.ordered.map((p) => p.id);
      const next = cycle(ids, profiles.activeId, hit.id === "next-profile" ? 1 : -1);
      if (!next || (next === profiles.activeId && nav.view === "market")) return false;
      nav.view = "market";
      switchTo(next);
      return true;
    }
  }
}

/** The window's key handler: acts on a shortcut unless a dialog or a focused control took the key. */
export function handleShortcutKey(e: KeyboardEvent, switchTo: (id: string) => void): void {
  if (e.defaultPrevented) return;
  const hit = matchShortcut(e, isMac, isTyping(e.target));
  if (!hit) return;
  // A modal dialog owns the keyboard; only the help may open over nothing else.
  if (document.querySelector("dialog[open]")) return;
  if (run(hit, switchTo)) e.preventDefault();
}
