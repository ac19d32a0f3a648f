#!/usr/bin/env bash
# Part of scripts/deb-check.sh, inside xvfb-run and dbus-run-session: the app's window opens; a
# second launch exits at once and leaves one window; a resized window comes back at that size.
set -uo pipefail
bin=${DEB_CHECK_BIN:-/usr/bin/seller-desk}
fail() { echo "deb-check: $*" >&2; kill "${pid:-}" 2>/dev/null; exit 1; }
windows() { xdotool search --onlyvisible --name '^Seller Desk$' 2>/dev/null; }

"$bin" >"${TMPDIR:-/tmp}/deb-check-app.log" 2>&1 &
pid=$!
win=$(timeout 30 xdotool search --sync --onlyvisible --name '^Seller Desk$' | head -1) || fail "no window titled 'Seller Desk' within 30 s"
kill -0 "$pid" 2>/dev/null || fail "the app exited"

# Single instance: the second launch hands over and exits 0 within 10 s; still one window.
timeout 10 "$bin" >/dev/null 2>&1 || fail "the second launch did not exit at once (status $?)"
sleep 1
[ "$(windows | wc -l)" -eq 1 ] || fail "$(windows | wc -l) windows after a second launch"
kill -0 "$pid" 2>/dev/null || fail "the first instance exited after the second launch"

# Window state: resize, close the window as a window manager would (WM_DELETE_WINDOW), start again.
xdotool windowsize "$win" 1100 700
sleep 1
/usr/bin/python3 "$(dirname "$0")/close-window.py" "$win" || fail "cannot send WM_DELETE_WINDOW"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "the app did not exit when its window was closed"
"$bin" >/dev/null 2>&1 &
pid=$!
win=$(timeout 30 xdotool search --sync --onlyvisible --name '^Seller Desk$' | head -1) || fail "no window on the second start"
sleep 1
size=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
[ "$size" = "1100x700" ] || fail "the window came back at $size, not 1100x700"
kill "$pid"
wait "$pid" 2>/dev/null
exit 0
