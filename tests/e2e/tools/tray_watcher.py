#!/usr/bin/python3
"""A fake system tray host for the e2e tests: owns org.kde.StatusNotifierWatcher on the session bus
(what a desktop panel does), so an app's tray icon (libayatana-appindicator, a StatusNotifierItem)
registers with it. Prints `ready` once it owns the name and `item <pid> <bus> <path>` for each item
that registers (`pid`: the registering process). Then reads commands on stdin, one per line, about
the item of process `pid` (other apps may register too: the e2e tests run several at once):

- `labels <pid>`: prints `labels <l1>|<l2>|...`, the labels of the item's menu
  (com.canonical.dbusmenu), depth first;
- `click <pid> <label>`: sends the menu item with that label a `clicked` event (what a click in
  the panel's menu does) and prints `clicked <label>`, or `missing <label>`.

Exits after 120 s or when stdin closes."""

import sys
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

XML = """
<node>
  <interface name="org.kde.StatusNotifierWatcher">
    <method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
  </interface>
</node>
"""
node = Gio.DBusNodeInfo.new_for_xml(XML)
loop = GLib.MainLoop()
items = {}  # pid -> (bus, path)
bus = [None]


def on_call(conn, sender, _path, _iface, method, params, invocation):
    if method == "RegisterStatusNotifierItem":
        (service,) = params.unpack()
        item = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
        pid = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                             "GetConnectionUnixProcessID", GLib.Variant("(s)", (item[0],)),
                             GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, 5000, None).unpack()[0]
        items[pid] = item
        conn.emit_signal(None, "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher",
                         "StatusNotifierItemRegistered", GLib.Variant("(s)", (f"{item[0]}{item[1]}",)))
        print(f"item {pid} {item[0]} {item[1]}", flush=True)
    invocation.return_value(None)


def on_get(_conn, _sender, _path, _iface, prop):
    if prop == "RegisteredStatusNotifierItems":
        return GLib.Variant("as", [f"{b}{p}" for b, p in items.values()])
    if prop == "IsStatusNotifierHostRegistered":
        return GLib.Variant("b", True)
    return GLib.Variant("i", 0)


def menu_of(item):
    """The item's dbusmenu object: (bus, path)."""
    got = bus[0].call_sync(item[0], item[1], "org.freedesktop.DBus.Properties", "Get",
                           GLib.Variant("(ss)", ("org.kde.StatusNotifierItem", "Menu")),
                           GLib.VariantType("(v)"), Gio.DBusCallFlags.NONE, 5000, None)
    return item[0], got.unpack()[0]


def entries(menu):
    """(id, label) of every menu entry, depth first."""
    got = bus[0].call_sync(menu[0], menu[1], "com.canonical.dbusmenu", "GetLayout",
                           GLib.Variant("(iias)", (0, -1, [])), None, Gio.DBusCallFlags.NONE, 5000, None)
    _revision, layout = got.unpack()
    out = []

    def walk(node):
        ident, props, children = node
        if "label" in props:
            out.append((ident, props["label"].replace("_", "")))
        for child in children:
            walk(child)

    walk(layout)
    return out


def command(line):
    verb, _, rest = line.strip().partition(" ")
    pid, _, want = rest.partition(" ")
    item = items.get(int(pid)) if pid.isdigit() else None
    if item is None:
        print(f"no item {pid}", flush=True)
        return
    menu = menu_of(item)
    if verb == "labels":
        print("labels " + "|".join(label for _, label in entries(menu)), flush=True)
    elif verb == "click":
        found = [ident for ident, label in entries(menu) if label == want]
        if not found:
            print(f"missing {want}", flush=True)
            return
        bus[0].call_sync(menu[0], menu[1], "com.canonical.dbusmenu", "Event",
                         GLib.Variant("(isvu)", (found[0], "clicked", GLib.Variant("i", 0), int(time.time()))),
                         None, Gio.DBusCallFlags.NONE, 5000, None)
        print(f"clicked {want}", flush=True)


def on_stdin(source, _condition):
    line = source.readline()
    if not line:
        loop.quit()
        return False
    try:
        command(line)
    except GLib.Error as e:
        print(f"error {e.message}", flush=True)
    return True


def on_bus(conn, _name):
    bus[0] = conn
    conn.register_object("/StatusNotifierWatcher", node.interfaces[0], on_call, on_get, None)


Gio.bus_own_name(
    Gio.BusType.SESSION,
    "org.kde.StatusNotifierWatcher",
    Gio.BusNameOwnerFlags.NONE,
    on_bus,
    lambda *_: print("ready", flush=True),
    lambda *_: (print("lost", flush=True), loop.quit()),
)
GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
GLib.timeout_add_seconds(120, loop.quit)
loop.run()
