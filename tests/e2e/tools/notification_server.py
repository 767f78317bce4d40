#!/usr/bin/python3
"""A fake desktop notification service for the e2e tests: owns org.freedesktop.Notifications on
the session bus (what a notification daemon does) and prints each notification it is sent as
`notify <app>|<summary>|<body>`. Prints `ready` once it owns the name; exits after 120 s."""

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
  </interface>
</node>
"""
node = Gio.DBusNodeInfo.new_for_xml(XML)
loop = GLib.MainLoop()
count = [0]


def on_call(_conn, _sender, _path, _iface, method, params, invocation):
    if method == "Notify":
        app, _replaces, _icon, summary, body = params.unpack()[:5]
        count[0] += 1
        print(f"notify {app}|{summary}|{body}", flush=True)
        invocation.return_value(GLib.Variant("(u)", (count[0],)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "golivekit-e2e", "1", "1.2")))
    else:
        invocation.return_value(None)


def on_bus(conn, _name):
    conn.register_object("/org/freedesktop/Notifications", node.interfaces[0], on_call, None, None)


Gio.bus_own_name(
    Gio.BusType.SESSION,
    "org.freedesktop.Notifications",
    Gio.BusNameOwnerFlags.NONE,
    on_bus,
    lambda *_: print("ready", flush=True),
    lambda *_: (print("lost", flush=True), loop.quit()),
)
GLib.timeout_add_seconds(120, loop.quit)
loop.run()
