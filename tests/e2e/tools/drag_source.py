#!/usr/bin/python3
"""A tiny GTK 3 drag source for the e2e drop tests: a window at (X, Y) with one button that drags
the files given on the command line as file:// URIs (XDND, what a file manager does).

usage: drag_source.py X Y FILE...   prints "ready <cx> <cy>" (the button's centre on screen) once
the window is shown, and exits after the drag ends (or after 60 s)."""

import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gio, Gtk  # noqa: E402

x, y = int(sys.argv[1]), int(sys.argv[2])
uris = [Gio.File.new_for_path(p).get_uri() for p in sys.argv[3:]]

window = Gtk.Window(title="golivekit-drag-source")
window.set_default_size(160, 60)
window.move(x, y)
button = Gtk.Button(label="drag these files")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
button.connect("drag-end", lambda *_: GLib.timeout_add(300, Gtk.main_quit))
window.add(button)
window.connect("destroy", Gtk.main_quit)


def announce():
    origin = window.get_window().get_origin()
    alloc = button.get_allocation()
    print(f"ready {origin.x + alloc.x + alloc.width // 2} {origin.y + alloc.y + alloc.height // 2}", flush=True)
    return False


window.connect("map-event", lambda *_: GLib.timeout_add(200, announce))
GLib.timeout_add_seconds(60, Gtk.main_quit)
window.show_all()
Gtk.main()
