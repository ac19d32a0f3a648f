#!/usr/bin/env bash
# Regenerates every icon in icons/ from ONE source image, icons/source-icon.png (1024x1024 RGBA,
# drawn by icons/make-source-icon.py): PNG sizes for Linux, icon.icns for macOS, icon.ico and the
# Square*Logo/StoreLogo for Windows. Commit the results; the bundler reads them from icons/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--redraw" ]; then
  python3 icons/make-source-icon.py
fi
npx tauri icon icons/source-icon.png -o icons
# A desktop app: the mobile sets the CLI also writes are not kept.
rm -rf icons/android icons/ios
