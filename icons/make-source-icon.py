#!/usr/bin/env python3
"""Draws icons/source-icon.png (1024x1024, RGBA): a rounded indigo tile with a white price tag.
`npx tauri icon icons/source-icon.png -o icons` makes every platform size from it."""
import struct, zlib, math

N = 1024
R = 200  # tile corner radius

def inside_round_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def in_tag(x, y):
    # A tag rotated 45°: a rounded rectangle with a pointed end and a hole.
    u = ((x - 512) + (y - 512)) / math.sqrt(2)
    v = ((y - 512) - (x - 512)) / math.sqrt(2)
    body = inside_round_rect(u, v, -250, -150, 150, 150, 48)
    point = 150 <= u <= 300 and abs(v) <= 150 - (u - 150)
    hole = (u - 190) ** 2 + v ** 2 <= 40 ** 2
    return (body or point) and not hole

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        if not inside_round_rect(x, y, 32, 32, N - 32, N - 32, R):
            row += bytes((0, 0, 0, 0))
            continue
        t = (x + y) / (2 * N)
        r, g, b = int(67 + 40 * t), int(56 + 30 * t), int(202 - 40 * t)
        if in_tag(x, y):
            r, g, b = 250, 250, 252
        row += bytes((r, g, b, 255))
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(__file__.rsplit("/", 1)[0] + "/source-icon.png", "wb").write(png)
