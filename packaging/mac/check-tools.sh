#!/bin/sh
# jpackage's .dmg needs only macOS's own hdiutil; say so plainly if it is not there.
command -v hdiutil >/dev/null 2>&1 || { echo "hdiutil is missing: build the .dmg on macOS" >&2; exit 1; }
echo "[packaging] tools for .dmg found"
