#!/usr/bin/env python3
"""Writes an Apple .icns from PNGs: an 'icns' header, then one typed chunk per size, each holding a PNG.

Usage: make-icns.py OUT.icns DIR   (DIR holds shadowbench-<size>.png)
macOS reads PNG payloads for every type below since 10.7, so no other encoder is needed.
"""
import struct
import sys
from pathlib import Path

# type -> pixel size (the @2x types reuse the PNG of twice the point size)
TYPES = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
         ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]


def main(out, folder):
    chunks = b""
    for kind, size in TYPES:
        png = (Path(folder) / f"shadowbench-{size}.png").read_bytes()
        chunks += kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png
    Path(out).write_bytes(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
