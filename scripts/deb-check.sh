#!/usr/bin/env bash
# CI for the desktop package: builds the release .deb (ui/dist must be built: ./test's
# `npx tauri build --debug` does it), checks its metadata, installs it with dpkg, starts the
# INSTALLED program under Xvfb and checks that its window opens, that a second launch exits and
# leaves one window, and that the window's size is remembered; then removes the package.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# --no-build: check the .deb already built (when iterating on this script).
if [ "${1:-}" != "--no-build" ]; then
  [ -f ui/dist/index.html ] || npm run build
  npx tauri build --bundles deb --ci --config '{"build":{"beforeBuildCommand":""}}' -- --locked
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
deb="target/release/bundle/deb/Seller Desk_${version}_amd64.deb"
[ -f "$deb" ] || { echo "deb-check: $deb was not built" >&2; exit 1; }

fail() { echo "deb-check: $*" >&2; exit 1; }
info=$(dpkg-deb --info "$deb")
contents=$(dpkg-deb --contents "$deb")
for want in "Package: seller-desk" "Version: ${version}" "Depends: .*libwebkit2gtk-4.1-0" "Depends: .*libgtk-3-0" \
  "Recommends: gnome-keyring" "Description: Run Gaming Goods and GGChest"; do
  grep -Eq "^ *${want}" <<<"$info" || fail "the package metadata lacks '${want}':"$'\n'"$info"
done
for want in usr/bin/seller-desk "usr/share/applications/Seller Desk.desktop" \
  usr/share/icons/hicolor/32x32/apps/seller-desk.png usr/share/icons/hicolor/128x128/apps/seller-desk.png; do
  grep -qF "$want" <<<"$contents" || fail "the package lacks $want"
done
echo "deb-check: $(du -h "$deb" | cut -f1) $deb"

cleanup() {
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
  $sudo dpkg -r seller-desk >/dev/null 2>&1 || true
}
trap cleanup EXIT
$sudo dpkg -i "$deb" || { $sudo apt-get update -qq && $sudo apt-get -f install -y -qq; }
dpkg-query -W -f='${Status}' seller-desk | grep -q "install ok installed" || fail "seller-desk is not installed"
bin=$(dpkg -L seller-desk | grep -x '/usr/bin/seller-desk') || fail "the package installed no /usr/bin/seller-desk"
desktop=$(dpkg -L seller-desk | grep '\.desktop$')
grep -q '^Exec=seller-desk' "$desktop" && grep -q '^Categories=.*Office' "$desktop" || fail "desktop entry: $(cat "$desktop")"

# The installed program with its own, empty profiles and XDG directories.
tmp=$(mktemp -d)
mkdir -p "$tmp/config" "$tmp/data" "$tmp/xdg-config" "$tmp/cache"
export SELLERDESK_CONFIG_DIR="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/xdg-config" XDG_CACHE_HOME="$tmp/cache"
DEB_CHECK_BIN="$bin" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- scripts/deb-check-window.sh
echo "deb-check: the installed app opened its window; a second launch focused it; its size was remembered"
$sudo dpkg -r seller-desk >/dev/null
! dpkg-query -W -f='${Status}' seller-desk 2>/dev/null | grep -q "install ok installed" || fail "seller-desk was not removed"
[ ! -e /usr/bin/seller-desk ] || fail "/usr/bin/seller-desk is still there after dpkg -r"
echo "deb-check: removed"
