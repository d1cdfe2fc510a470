#!/bin/sh
# Regenerates every icon file from shadowbench.svg (see README.md in this folder).
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), python3.
set -eu
cd "$(dirname "$0")"
for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install librsvg2-bin imagemagick python3" >&2; exit 1; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" shadowbench.svg -o "png/shadowbench-$size.png"
done
# Windows: one .ico with the sizes Explorer and the task bar pick from.
convert png/shadowbench-16.png png/shadowbench-24.png png/shadowbench-32.png png/shadowbench-48.png \
        png/shadowbench-64.png png/shadowbench-128.png png/shadowbench-256.png shadowbench.ico
# macOS: PNG chunks in an icns container.
python3 make-icns.py shadowbench.icns png
# The window icon (stage.getIcons()) is loaded from the classpath.
res=../src/main/resources/dev/shadowbench/ui/icons
mkdir -p "$res"
for size in 16 32 48 64 128 256; do cp "png/shadowbench-$size.png" "$res/"; done
echo "icons written: png/, shadowbench.ico, shadowbench.icns, $res"
