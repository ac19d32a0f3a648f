#!/bin/sh
# Unlocks (creating it if needed) gnome-keyring's login keyring in the current D-Bus session with
# the password on stdin, then waits until the daemon owns org.freedesktop.secrets on the bus.
# `gnome-keyring-daemon --unlock` returns before the daemon it started is on the bus; a client
# that asks in that moment D-Bus-activates a second daemon, whose keyring is locked ("Cannot
# create an item in a locked collection", seen in a cold CI run).
set -e
gnome-keyring-daemon --unlock --components=secrets >/dev/null
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then
    echo "unlock-keyring: gnome-keyring did not appear on the session bus within 10 s" >&2
    exit 1
  fi
  sleep 0.1
done
