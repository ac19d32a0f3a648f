#!/usr/bin/env bash
# Starts the built app in the current X display and D-Bus session, checks that it is still
# running after a few seconds, optionally takes a screenshot, and stops it. Run it as
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- scripts/smoke-app.sh [shot.png]
set -uo pipefail
app=${SELLER_DESK_BIN:-target/debug/seller-desk}
"$app" &
pid=$!
sleep "${SMOKE_SECONDS:-8}"
if ! kill -0 "$pid" 2>/dev/null; then
  wait "$pid"
  echo "smoke: the app exited with status $? instead of running" >&2
  exit 1
fi
if [ $# -ge 1 ] && command -v import >/dev/null 2>&1; then
  import -window root "$1"
fi
kill "$pid"
wait "$pid" 2>/dev/null
echo "smoke: the app ran for ${SMOKE_SECONDS:-8} s"
