#!/usr/bin/env bash
# Footprint benchmarks: Seller Desk against a minimal Tauri 2 window (tests/footprint/minimal),
# both built in release in this run on this machine, measured under Xvfb by scripts/footprint.py:
# launch -> first painted content, total RSS of each app's processes when idle (Seller Desk with
# 10,000 GGChest offers loaded from the sandbox), the offers table's paint and filter times in the
# real app (over WebDriver), and the .deb sizes. Writes the "Footprint" section of docs/BENCHMARKS.md
# (between its `footprint` markers; the rest of the file is left as it is).
#
#   scripts/footprint.sh            # full: 9 launches each, 10,000 offers, 10 s idle; ~10 min after the builds
#   scripts/footprint.sh --quick    # checks that it works (1 launch, 1,000 offers, 2 s idle); writes nothing
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1

no_ui_build='{"build":{"beforeBuildCommand":""}}'
# FOOTPRINT_SKIP_BUILD=1 measures what is built (when iterating on the measurements).
skip_build=${FOOTPRINT_SKIP_BUILD:-}
if [ -z "${FOOTPRINT_SKIP_APP_BUILD:-}$skip_build" ]; then  # ./test sets it: scripts/deb-check.sh just built it
  echo "footprint: building Seller Desk (release, .deb)"
  npm run build  # always: the release binary embeds ui/dist as it is now
  npx tauri build --bundles deb --ci --config "$no_ui_build" -- --locked
fi
if [ -z "$skip_build" ]; then
  echo "footprint: building the minimal Tauri window (release, .deb)"
  (cd tests/footprint/minimal && npx tauri build --bundles deb --ci -- --locked)
  cargo build --locked -p sandbox -p sellerdesk-cli --bins
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
app_deb=target/release/bundle/deb/"Seller Desk_${version}_amd64.deb"
min_deb=target/release/bundle/deb/"Minimal Tauri_${version}_amd64.deb"

if [ $quick = 1 ]; then
  export FOOTPRINT_RUNS=1 FOOTPRINT_OFFERS=1000 FOOTPRINT_IDLE_SECONDS=2 FOOTPRINT_TABLE_RUNS=1
fi
result=$(mktemp)
keyring=$(mktemp -d)
trap 'rm -rf "$result" "$keyring"' EXIT
FOOTPRINT_OUT="$result" XDG_DATA_HOME="$keyring" xvfb-run -a -s "-screen 0 1280x800x24 -br" dbus-run-session -- sh -c '
  set -e
  echo -n footprint | scripts/unlock-keyring.sh
  /usr/bin/python3 scripts/footprint.py "$@"
' sh target/release/seller-desk target/release/minimal-tauri target/debug/sellerdesk-sandbox target/debug/sellerdesk

if [ $quick = 1 ]; then
  /usr/bin/python3 scripts/footprint.py --report "$result" "$app_deb" "$min_deb" -
else
  /usr/bin/python3 scripts/footprint.py --report "$result" "$app_deb" "$min_deb" docs/BENCHMARKS.md
  echo "footprint: docs/BENCHMARKS.md updated"
fi
