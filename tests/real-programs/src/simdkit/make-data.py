#!/usr/bin/env python3
"""Writes the generated inputs of simdkit's runs (data/simdkit): scene.ppm,
a 250 x 170 picture of shapes, gradients and noise, and log.txt, 60 KB of
made-up log lines. Deterministic; run from tests/real-programs."""
import math

W, H = 250, 170  # not multiples of 16: the vector loops leave tails
state = 12345


def rnd():
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


def pixel(x, y):
    # sky to ground gradient
    r, g, b = 40 + y // 2, 90 + y // 3, 220 - y
    # hills
    if y > 110 + 18 * math.sin(x / 23.0) + 9 * math.sin(x / 7.0):
        r, g, b = 30 + (x * 3) % 40, 140 - y // 4, 40
    # sun with a soft rim
    d = math.hypot(x - 190, y - 40)
    if d < 22:
        r, g, b = 255, 230, 120
    elif d < 26:
        r, g, b = 250, 200, 150
    # a checkerboard panel and a diagonal stripe
    if 20 <= x < 90 and 30 <= y < 80:
        r = g = b = 230 if ((x - 20) // 7 + (y - 30) // 7) % 2 else 15
    if abs((x - y) - 60) < 3:
        r, g, b = 200, 40, 160
    n = rnd() % 21 - 10
    return [max(0, min(255, c + n)) for c in (r, g, b)]


with open("data/simdkit/scene.ppm", "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (W, H))
    f.write(bytes(c for y in range(H) for x in range(W) for c in pixel(x, y)))

words = ["vector", "lane", "shuffle", "splat", "saturate", "narrow", "widen", "mask", "stride",
         "pixel", "ERROR", "Warning", "ok", "retry", "cache", "queue", "node", "7", "42", "3.14"]
lines = []
while sum(len(l) for l in lines) < 60000:
    n = rnd() % 9 + 1
    stamp = "2024-%02d-%02d %02d:%02d:%02d" % (rnd() % 12 + 1, rnd() % 28 + 1, rnd() % 24, rnd() % 60,
                                              rnd() % 60)
    sep = "\t" if rnd() % 5 == 0 else " "
    body = sep.join(words[rnd() % len(words)] for _ in range(n))
    end = "\r\n" if rnd() % 7 == 0 else "\n"
    lines.append(stamp + "  " + body + end)
with open("data/simdkit/log.txt", "w", newline="") as f:
    f.write("".join(lines))
