#!/usr/bin/env bash
# Installs what Seller Desk needs to build and test on Debian/Ubuntu, skipping what is there.
# Sourced by ./run and ./test; safe to run again. Measured package list: shared BUILD-NOTES.md.
set -euo pipefail

# Build: C toolchain and pkg-config for -sys crates; libdbus for the keychain (Secret Service).
# Tests: a private D-Bus session with gnome-keyring, so keychain tests use a real Secret Service.
# Desktop app (WebKitGTK, Xvfb, WebDriver): installed here too, so one set-up serves every step.
SELLERDESK_APT_PACKAGES=(
  build-essential pkg-config file curl ca-certificates
  libdbus-1-dev dbus-daemon gnome-keyring
  libwebkit2gtk-4.1-dev xvfb xauth webkit2gtk-driver xdotool python3-gi gir1.2-gtk-3.0
  # Notifications end to end: dunst, a real notification daemon (org.freedesktop.Notifications),
  # whose `dunstctl history` the test reads (its session-bus dependency resolves to
  # dbus-user-session, never dbus-x11).
  dunst
  # End-to-end tests: secret-tool reads the key the app put in the Secret Service; locales
  # generates the OS languages the app is started in (sellerdesk_setup_test_locales).
  libsecret-tools locales
)

sellerdesk_setup() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found. Install Rust from https://rustup.rs (stable), then run this again." >&2
    return 1
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: not a Debian-based system; install the equivalents of: ${SELLERDESK_APT_PACKAGES[*]}" >&2
    return 0
  fi
  local missing=()
  for p in "${SELLERDESK_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  sellerdesk_setup_npm
}

# tauri-driver, the WebDriver server the end-to-end tests talk to (it starts WebKitWebDriver, from
# the webkit2gtk-driver package): `cargo install` when missing, ~25 s. Only ./test needs it.
sellerdesk_setup_tauri_driver() {
  if command -v tauri-driver >/dev/null 2>&1 || [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
    return 0
  fi
  echo "setup: cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
}

# The locales the end-to-end tests start the app in (English, and Russian for the UI language
# test): WebKitGTK takes navigator.language from the process locale (setlocale), which falls back
# to "C" (en-US) when the locale is not generated. localedef when `locale -a` lacks one.
sellerdesk_setup_test_locales() {
  command -v localedef >/dev/null 2>&1 || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local l
  for l in en_US ru_RU; do
    if ! locale -a 2>/dev/null | grep -qix "$l.utf8"; then
      echo "setup: generating the locale $l.UTF-8"
      $sudo localedef -i "$l" -c -f UTF-8 -A /usr/share/locale/locale.alias "$l.UTF-8"
    fi
  done
}

# The desktop app's front-end tooling (Vite, Svelte, @tauri-apps/cli with its binary inside):
# `npm ci` from package-lock.json when node_modules is missing or older than the lock file.
sellerdesk_setup_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm not found. Install Node.js 20 or newer (it comes with npm), then run this again." >&2
    return 1
  fi
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "setup: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
