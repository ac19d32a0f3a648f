import { describe, expect, it } from "vitest";
import { SHORTCUTS, cycle, keyLabel, matchShortcut, type KeyLike } from "./shortcuts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("matchShortcut", () => {
  it("maps the listed combinations on Linux and Windows", () => {
    expect(matchShortcut(key("F1"), false, false)).toEqual({ id: "help" });
    expect(matchShortcut(key("f", { ctrlKey: true }), false, true)).toEqual({ id: "search" });
    expect(matchShortcut(key("F", { ctrlKey: true }), false, false)).toEqual({ id: "search" });
    expect(matchShortcut(key("n", { ctrlKey: true }), false, true)).toEqual({ id: "new-offer" });
    expect(matchShortcut(key(",", { ctrlKey: true }), false, false)).toEqual({ id: "settings" });
    expect(matchShortcut(key("3", { ctrlKey: true }), false, false)).toEqual({ id: "profile-n", n: 3 });
    expect(matchShortcut(key("Tab", { ctrlKey: true }), false, true)).toEqual({ id: "next-profile" });
    expect(matchShortcut(key("Tab", { ctrlKey: true, shiftKey: true }), false, true)).toEqual({ id: "previous-profile" });
    expect(matchShortcut(key("PageUp", { ctrlKey: true }), false, false)).toEqual({ id: "previous-profile" });
    // WebKitGTK: Shift+Tab is GTK's ISO_Left_Tab, which reaches the page as key "Unidentified".
    expect(matchShortcut(key("Unidentified", { code: "Tab", ctrlKey: true, shiftKey: true }), false, false)).toEqual({
      id: "previous-profile",
    });
    expect(matchShortcut(key("a", { ctrlKey: true }), false, false)).toEqual({ id: "select-all" });
  });

  it("uses ⌘ rather than Ctrl on macOS", () => {
    expect(matchShortcut(key("f", { metaKey: true }), true, false)).toEqual({ id: "search" });
    expect(matchShortcut(key("f", { ctrlKey: true }), true, false)).toBeNull();
    expect(matchShortcut(key("f", { metaKey: true }), false, false)).toBeNull();
  });

  it("leaves typing keys to a focused text field", () => {
    expect(matchShortcut(key("?", { shiftKey: true }), false, false)).toEqual({ id: "help" });
    expect(matchShortcut(key("?", { shiftKey: true }), false, true)).toBeNull();
    expect(matchShortcut(key("/"), false, false)).toEqual({ id: "search" });
    expect(matchShortcut(key("/"), false, true)).toBeNull();
    expect(matchShortcut(key("a", { ctrlKey: true }), false, true)).toBeNull();
  });

  it("ignores other combinations", () => {
    expect(matchShortcut(key("a"), false, false)).toBeNull();
    expect(matchShortcut(key("f", { ctrlKey: true, altKey: true }), false, false)).toBeNull();
    expect(matchShortcut(key("0", { ctrlKey: true }), false, false)).toBeNull();
    expect(matchShortcut(key("n", { ctrlKey: true, shiftKey: true }), false, false)).toBeNull();
  });

  it("has every listed shortcut reachable", () => {
    const ids = new Set(SHORTCUTS.map((s) => s.id));
    const reached = new Set(
      [
        key("F1"),
        key("f", { ctrlKey: true }),
        key("n", { ctrlKey: true }),
        key(",", { ctrlKey: true }),
        key("1", { ctrlKey: true }),
        key("Tab", { ctrlKey: true }),
        key("Tab", { ctrlKey: true, shiftKey: true }),
        key("a", { ctrlKey: true }),
      ].map((e) => matchShortcut(e, false, false)?.id),
    );
    expect(reached).toEqual(ids);
  });
});

describe("cycle and keyLabel", () => {
  it("wraps around the profile list", () => {
    expect(cycle(["a", "b", "c"], "c", 1)).toBe("a");
    expect(cycle(["a", "b", "c"], "a", -1)).toBe("c");
    expect(cycle(["a", "b", "c"], null, 1)).toBe("a");
    expect(cycle([], "a", 1)).toBeNull();
  });

  it("writes combinations per platform", () => {
    expect(keyLabel(["Mod", "F"], false)).toBe("Ctrl+F");
    expect(keyLabel(["Mod", "F"], true)).toBe("⌘F");
    expect(keyLabel(["Ctrl", "Shift", "Tab"], true)).toBe("Ctrl⇧Tab");
  });
});
