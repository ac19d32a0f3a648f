#!/usr/bin/env python3
"""A real desktop drag source for the end-to-end tests.

WebDriver cannot drop a desktop file (HTML5 drop events carry no paths; Tauri takes file drops
from GTK). This opens a small undecorated GTK3 window at X,Y that offers one file as
`text/uri-list`; the test moves the real pointer with xdotool (mousedown on this window, moves,
mouseup over the app's drop zone), so the app receives a genuine XDND drop through GTK and wry.

Usage: drag_source.py FILE X Y

Prints one line per event on stdout (flushed), for the test to wait on:
  READY x y width height   the window is on screen (root coordinates)
  BEGIN                    a drag started
  DATA                     the drop target asked for the data (the file's URI was handed over)
  FAILED reason            the drag was refused or cancelled
  END                      the drag is over; the script exits
It exits by itself after 60 s whatever happens.
"""

import os
import pathlib
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def say(*words):
    print(*words, flush=True)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path = os.path.abspath(sys.argv[1])
    if not os.path.isfile(path):
        sys.exit(f"drag_source.py: no such file: {path}")
    uri = pathlib.Path(path).as_uri()
    x, y = int(sys.argv[2]), int(sys.argv[3])

    win = Gtk.Window(type=Gtk.WindowType.TOPLEVEL, title="e2e drag source")
    win.set_decorated(False)
    win.set_default_size(110, 110)
    win.move(x, y)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label=os.path.basename(path)))
    win.add(box)

    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    box.drag_source_add_uri_targets()

    def data_get(_widget, _ctx, selection, _info, _time):
        selection.set_uris([uri])
        say("DATA")

    def failed(_widget, _ctx, result):
        say("FAILED", result.value_nick)
        return False

    def end(*_args):
        say("END")
        Gtk.main_quit()

    def ready():
        gdk_window = win.get_window()
        _, ox, oy = gdk_window.get_origin()
        say("READY", ox, oy, gdk_window.get_width(), gdk_window.get_height())
        return False

    box.connect("drag-data-get", data_get)
    box.connect("drag-begin", lambda *_: say("BEGIN"))
    box.connect("drag-failed", failed)
    box.connect("drag-end", end)
    # Report once the window is mapped (on screen, so the pointer lands on it). Not on "draw":
    # its cairo argument needs python3-gi-cairo.
    def mapped(*_args):
        GLib.idle_add(ready)
        return False

    win.connect("map-event", mapped)
    win.connect("destroy", Gtk.main_quit)
    GLib.timeout_add_seconds(60, Gtk.main_quit)
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
