#!/bin/sh
# Fails early, and says what to install, when a tool jpackage needs for this installer type is missing.
# Usage: check-tools.sh deb|rpm
set -u
missing() { echo "$1 is missing: $2" >&2; echo "[packaging] cannot build the .$type installer; see README.md, section Installers" >&2; exit 1; }
type="${1:-deb}"
case "$type" in
  deb)
    command -v fakeroot >/dev/null 2>&1 || missing fakeroot "apt-get install fakeroot"
    command -v dpkg-deb >/dev/null 2>&1 || missing dpkg-deb "apt-get install dpkg-dev"
    ;;
  rpm)
    command -v rpmbuild >/dev/null 2>&1 || missing rpmbuild "dnf install rpm-build"
    ;;
  *) echo "unknown Linux installer type '$type' (deb or rpm)" >&2; exit 1 ;;
esac
echo "[packaging] tools for .$type found"
