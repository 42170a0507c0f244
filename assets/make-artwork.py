#!/usr/bin/env python3
"""Generate the kiosk's icons and illustrative pictures.

Run by developers (not by the build) whenever the artwork should change:

    python3 assets/make-artwork.py            # writes into content/
    python3 assets/make-artwork.py --out DIR  # writes DIR/icons, DIR/pictures

Needs Python 3 and Pillow (Debian: python3-pil). Output is deterministic:
no randomness without a fixed seed, no timestamps in the files.

  content/icons/<area>.png      192x192, white pictogram on transparent,
                                drawn at 4x and downsampled (antialiased).
  content/pictures/<name>.jpg|png 1280x720 flat-design scenes in the area's
                                accent palette, drawn at 2x and downsampled.
                                No text in pictures.

Area ids and accent colours must match content/areas/<id>.yaml.
"""

import argparse
import math
import os
import random

from PIL import Image, ImageDraw, ImageFilter

ACCENTS = {
    "finance": "#8C6A00",
    "innovation-technology": "#1D5FB4",
    "trade-investment": "#B3261E",
    "aviation": "#0A6E8A",
    "education": "#5E35B1",
    "youth-exchange": "#C2410C",
    "culture-tourism": "#8B3A62",
    "talent-civil-service": "#37474F",
    "healthcare-tcm": "#00796B",
    "environment": "#2E7D32",
    "hk-residents-mainland": "#AD1457",
    "legal-dispute-resolution": "#5D4037",
}

# ---------------------------------------------------------------- colours


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    """Linear mix of two colours (hex or tuples), t=0 -> a, t=1 -> b."""
    a = rgb(a) if isinstance(a, str) else a
    b = rgb(b) if isinstance(b, str) else b
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def tint(c, t):
    return mix(c, (255, 255, 255), t)


def shade(c, t):
    return mix(c, (0, 0, 0), t)


# ---------------------------------------------------------------- canvas


class Canvas:
    """Drawing surface with a logical coordinate system scaled by `ss`."""

    def __init__(self, w, h, ss, mode="RGB", bg=(255, 255, 255)):
        self.w, self.h, self.ss = w, h, ss
        self.img = Image.new(mode, (w * ss, h * ss), bg)
        self.d = ImageDraw.Draw(self.img)

    def s(self, v):
        return v * self.ss

    def pts(self, points):
        return [(x * self.ss, y * self.ss) for x, y in points]

    def poly(self, points, fill):
        self.d.polygon(self.pts(points), fill=fill)

    def rect(self, x0, y0, x1, y1, fill, r=0):
        box = [self.s(x0), self.s(y0), self.s(x1), self.s(y1)]
        if r:
            self.d.rounded_rectangle(box, radius=self.s(r), fill=fill)
        else:
            self.d.rectangle(box, fill=fill)

    def rect_outline(self, x0, y0, x1, y1, color, width, r=0):
        box = [self.s(x0), self.s(y0), self.s(x1), self.s(y1)]
        self.d.rounded_rectangle(box, radius=self.s(r), outline=color,
                                 width=round(self.s(width)))

    def circle(self, cx, cy, r, fill):
        self.d.ellipse([self.s(cx - r), self.s(cy - r), self.s(cx + r),
                        self.s(cy + r)], fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.d.ellipse([self.s(x0), self.s(y0), self.s(x1), self.s(y1)],
                       fill=fill)

    def ring(self, cx, cy, r, color, width):
        self.d.ellipse([self.s(cx - r), self.s(cy - r), self.s(cx + r),
                        self.s(cy + r)], outline=color,
                       width=round(self.s(width)))

    def line(self, points, color, width, caps=True):
        p = self.pts(points)
        self.d.line(p, fill=color, width=round(self.s(width)), joint="curve")
        if caps:  # round caps
            for x, y in (p[0], p[-1]):
                r = self.s(width) / 2
                self.d.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def arc(self, cx, cy, r, a0, a1, color, width):
        self.d.arc([self.s(cx - r), self.s(cy - r), self.s(cx + r),
                    self.s(cy + r)], a0, a1, fill=color,
                   width=round(self.s(width)))

    def vgrad(self, y0, y1, top, bottom):
        """Vertical gradient band from y0 to y1 (logical)."""
        h = max(1, round(self.s(y1 - y0)))
        col = Image.new("RGB", (1, h))
        for i in range(h):
            col.putpixel((0, i), mix(top, bottom, i / max(1, h - 1)))
        band = col.resize((self.img.width, h))
        self.img.paste(band, (0, round(self.s(y0))))

    def overlay(self, draw_fn, alpha):
        """Draw with draw_fn(canvas) on a transparent layer, blend at alpha."""
        layer = Canvas(self.w, self.h, self.ss, "RGBA", (0, 0, 0, 0))
        draw_fn(layer)
        a = layer.img.getchannel("A").point(lambda v: round(v * alpha))
        layer.img.putalpha(a)
        base = self.img.convert("RGBA")
        base.alpha_composite(layer.img)
        self.img = base.convert("RGB")
        self.d = ImageDraw.Draw(self.img)

    def result(self):
        return self.img.resize((self.w, self.h), Image.LANCZOS)


# ---------------------------------------------------------------- icons
#
# Icons are drawn into a single-channel mask on a 192-unit grid at 4x:
# 255 = pictogram, 0 = cut-out. The PNG is white with the mask as alpha.

ICON = 192
STROKE = 12  # consistent stroke weight in icon units
ON, OFF = 255, 0


def icon_finance(c):
    c.line([(28, 164), (164, 164)], ON, STROKE)
    for x, h in ((44, 44), (84, 74), (124, 108)):
        c.rect(x, 150 - h, x + 26, 150, ON, r=5)
    # coin
    c.ring(60, 56, 26, ON, STROKE)
    c.circle(60, 56, 8, ON)
    # rising arrow
    c.line([(100, 56), (128, 34), (158, 34)], ON, STROKE - 2)
    c.poly([(150, 20), (174, 34), (150, 48)], ON)


def _ellipse_points(cx, cy, rx, ry, rot, n=96):
    out = []
    for i in range(n + 1):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * math.cos(rot) - y * math.sin(rot),
                    cy + x * math.sin(rot) + y * math.cos(rot)))
    return out


def icon_innovation(c):
    for k in range(3):
        c.line(_ellipse_points(96, 96, 78, 30, math.radians(30 + 60 * k)),
               ON, STROKE - 2, caps=False)
    c.circle(96, 96, 16, ON)


def icon_trade(c):
    def box(x0, y0, x1, y1):
        c.rect(x0, y0, x1, y1, ON, r=6)
        mx = (x0 + x1) / 2
        c.rect(mx - 7, y0 + 8, mx + 7, y0 + 26, OFF)
    box(24, 104, 92, 168)
    box(100, 104, 168, 168)
    box(62, 32, 130, 96)


def icon_aviation(c):
    # top view of an airliner, nose pointing up-right
    p = [(96, 14), (106, 30), (108, 78), (176, 112), (176, 128), (108, 108),
         (104, 150), (128, 168), (128, 180), (96, 170), (64, 180), (64, 168),
         (88, 150), (84, 108), (16, 128), (16, 112), (84, 78), (86, 30)]
    ang = math.radians(45)
    rp = [(96 + (x - 96) * math.cos(ang) - (y - 96) * math.sin(ang),
           96 + (x - 96) * math.sin(ang) + (y - 96) * math.cos(ang))
          for x, y in p]
    c.poly(rp, ON)


def icon_education(c):
    c.poly([(96, 30), (180, 70), (96, 110), (12, 70)], ON)
    c.poly([(50, 92), (96, 114), (142, 92), (142, 138), (96, 160),
            (50, 138)], ON)
    c.poly([(56, 100), (96, 120), (136, 100), (136, 108), (96, 128),
            (56, 108)], OFF)
    c.line([(96, 70), (164, 86), (164, 136)], ON, STROKE - 4)
    c.ellipse(154, 130, 174, 156, ON)


def _person(c, cx, top, scale):
    r = 22 * scale
    c.circle(cx, top + r, r, ON)
    w = 46 * scale
    y0 = top + 2 * r + 8 * scale
    c.ellipse(cx - w, y0, cx + w, y0 + 2 * w, ON)


def icon_youth(c):
    _person(c, 62, 26, 0.86)
    # cut a margin around the front person so the two read separately
    c.circle(124, 66, 31, OFF)
    c.ellipse(124 - 56, 104, 124 + 56, 104 + 112, OFF)
    _person(c, 124, 44, 1.0)
    c.rect(0, 172, 192, 192, OFF)


def icon_culture(c):
    # pagoda: three tiers with upturned eaves, a spire and a base
    c.line([(96, 12), (96, 44)], ON, STROKE - 4)
    c.circle(96, 20, 8, ON)
    tiers = [(40, 58, 44, 78, 20), (78, 98, 62, 122, 28),
             (122, 144, 80, 170, 38)]
    for y0, yb, w, body_bottom, bw in tiers:
        c.poly([(96 - w * 0.3, y0), (96 + w * 0.3, y0),
                (96 + w * 0.85, yb - 6), (96 + w, yb - 13),
                (96 + w * 0.92, yb), (96 - w * 0.92, yb),
                (96 - w, yb - 13), (96 - w * 0.85, yb - 6)], ON)
        c.rect(96 - bw, yb - 1, 96 + bw, body_bottom, ON)
    c.rect(96 - 11, 150, 96 + 11, 172, OFF, r=5)
    c.rect(26, 168, 166, 180, ON, r=4)


def icon_talent(c):
    c.circle(86, 52, 32, ON)
    c.ellipse(22, 96, 150, 224, ON)
    c.rect(0, 178, 192, 192, OFF)
    # badge: star in a disc, cut out from the body
    c.circle(140, 132, 34, OFF)
    c.circle(140, 132, 26, ON)
    star = []
    for i in range(10):
        r = 16 if i % 2 == 0 else 7
        a = -math.pi / 2 + i * math.pi / 5
        star.append((140 + r * math.cos(a), 133 + r * math.sin(a)))
    c.poly(star, OFF)


def icon_healthcare(c):
    c.rect(62, 18, 110, 142, ON, r=8)
    c.rect(24, 56, 148, 104, ON, r=8)
    # herb leaf at lower right with a cut-out margin
    leaf = _leaf_points(146, 148, 64, math.radians(-40), 0.55)
    c.poly(_leaf_points(146, 148, 78, math.radians(-40), 0.72), OFF)
    c.poly(leaf, ON)
    c.line([(122, 176), (160, 136)], OFF, 4, caps=False)


def _leaf_points(cx, cy, length, ang, width):
    pts = []
    n = 40
    for i in range(n + 1):
        t = i / n
        x = (t - 0.5) * length
        y = -math.sin(math.pi * t) * length * width / 2
        pts.append((x, y))
    for i in range(n, -1, -1):
        t = i / n
        x = (t - 0.5) * length
        y = math.sin(math.pi * t) * length * width / 2
        pts.append((x, y))
    return [(cx + x * math.cos(ang) - y * math.sin(ang),
             cy + x * math.sin(ang) + y * math.cos(ang)) for x, y in pts]


def icon_environment(c):
    c.poly(_leaf_points(100, 88, 150, math.radians(-45), 0.62), ON)
    c.line([(46, 142), (150, 38)], OFF, 8, caps=False)
    for t in (0.35, 0.55, 0.75):
        x, y = 46 + 104 * t, 142 - 104 * t
        c.line([(x, y), (x - 2, y - 26)], OFF, 6, caps=False)
        c.line([(x, y), (x + 26, y + 2)], OFF, 6, caps=False)
    c.line([(20, 172), (62, 128)], ON, STROKE)


def icon_hk_residents(c):
    # house
    c.poly([(70, 14), (134, 70), (118, 70), (118, 136), (22, 136), (22, 70),
            (6, 70)], ON)
    c.rect(56, 96, 84, 136, OFF)
    # ID card, overlapping with a cut-out margin
    c.rect(70, 100, 190, 184, OFF, r=16)
    c.rect(80, 110, 180, 174, ON, r=10)
    c.circle(108, 134, 12, OFF)
    c.ellipse(90, 148, 126, 176, OFF)
    c.rect(80, 164, 180, 174, ON)
    c.rect(80, 162, 140, 174, ON)
    c.rect(136, 128, 168, 136, OFF, r=4)
    c.rect(136, 146, 162, 154, OFF, r=4)


def icon_legal(c):
    c.line([(96, 26), (96, 164)], ON, STROKE)
    c.circle(96, 24, 10, ON)
    c.line([(28, 52), (164, 52)], ON, STROKE)
    c.rect(56, 160, 136, 176, ON, r=5)
    for x in (40, 152):
        c.line([(x, 56), (x - 24, 112)], ON, 5, caps=False)
        c.line([(x, 56), (x + 24, 112)], ON, 5, caps=False)
        c.d.chord([c.s(x - 32), c.s(88), c.s(x + 32), c.s(136)], 0, 180,
                  fill=ON)


ICONS = {
    "finance": icon_finance,
    "innovation-technology": icon_innovation,
    "trade-investment": icon_trade,
    "aviation": icon_aviation,
    "education": icon_education,
    "youth-exchange": icon_youth,
    "culture-tourism": icon_culture,
    "talent-civil-service": icon_talent,
    "healthcare-tcm": icon_healthcare,
    "environment": icon_environment,
    "hk-residents-mainland": icon_hk_residents,
    "legal-dispute-resolution": icon_legal,
}


def make_icon(fn):
    c = Canvas(ICON, ICON, 4, "L", 0)
    fn(c)
    mask = c.result()
    out = Image.new("RGBA", (ICON, ICON), (255, 255, 255, 0))
    out.putalpha(mask)
    return out


# ---------------------------------------------------------------- scenes

W, H = 1280, 720


def hills(c, base, amp, color, seed, freq=1.0):
    """A smooth ridge line from a few sines; filled down to the bottom."""
    r = random.Random(seed)
    waves = [(r.uniform(0.6, 1.6) * freq, r.uniform(0, 6.3), r.uniform(0.3, 1))
             for _ in range(3)]
    pts = [(0, H)]
    for x in range(0, W + 9, 8):
        y = base - amp * sum(a * math.sin(x / W * math.pi * 2 * f + p)
                             for f, p, a in waves) / 2
        pts.append((x, y))
    pts.append((W, H))
    c.poly(pts, color)


def skyline(c, x0, x1, ground, color, seed, hmin=60, hmax=260, windows=None):
    r = random.Random(seed)
    x = x0
    while x < x1:
        w = r.randint(34, 80)
        h = r.randint(hmin, hmax)
        top = ground - h
        c.rect(x, top, x + w, ground, color)
        kind = r.random()
        if kind < 0.2:  # spire (IFC / ICC style)
            c.poly([(x + w * 0.3, top), (x + w * 0.5, top - 40),
                    (x + w * 0.7, top)], color)
        elif kind < 0.35:  # stepped top
            c.rect(x + w * 0.2, top - 24, x + w * 0.8, top, color)
        elif kind < 0.45:  # Bank of China style diagonal top
            c.poly([(x, top), (x + w, top - 50), (x + w, top)], color)
        if windows:
            for wy in range(int(top) + 14, int(ground) - 10, 22):
                for wx in range(int(x) + 8, int(x + w) - 10, 14):
                    if r.random() < 0.35:
                        c.rect(wx, wy, wx + 6, wy + 9, windows)
        x += w + r.randint(2, 10)


def water(c, y0, top, bottom, stripe, seed):
    c.vgrad(y0, H, top, bottom)
    r = random.Random(seed)
    for _ in range(38):
        y = r.uniform(y0 + 10, H - 6)
        x = r.uniform(-50, W)
        L = r.uniform(40, 200) * (0.5 + (y - y0) / (H - y0))
        c.rect(x, y, x + L, y + 3 + (y - y0) / 90, stripe, r=2)


def pagoda(c, cx, ground, scale, color):
    """Leifeng-pagoda-like silhouette: five tiers with flared eaves."""
    y = ground
    tiers = 5
    base_w = 70 * scale
    for i in range(tiers):
        bw = base_w * (1 - 0.1 * i)
        th = 44 * scale * (1 - 0.05 * i)
        c.rect(cx - bw * 0.62, y - th, cx + bw * 0.62, y, color)
        ey = y - th
        ew = bw
        c.poly([(cx - ew, ey + 4 * scale), (cx - ew * 0.8, ey - 6 * scale),
                (cx + ew * 0.8, ey - 6 * scale), (cx + ew, ey + 4 * scale),
                (cx + ew * 0.7, ey), (cx - ew * 0.7, ey)], color)
        y = ey - 6 * scale
    c.poly([(cx - 24 * scale, y), (cx, y - 34 * scale),
            (cx + 24 * scale, y)], color)
    c.rect(cx - 2 * scale, y - 60 * scale, cx + 2 * scale, y - 20 * scale,
           color)


def tree(c, x, ground, s, leaf, trunk):
    c.rect(x - 4 * s, ground - 40 * s, x + 4 * s, ground, trunk)
    c.circle(x, ground - 52 * s, 26 * s, leaf)
    c.circle(x - 16 * s, ground - 40 * s, 18 * s, leaf)
    c.circle(x + 16 * s, ground - 40 * s, 18 * s, leaf)


def person(c, x, ground, s, body, head=None, arm_up=False):
    head = head or body
    c.circle(x, ground - 150 * s, 18 * s, head)
    c.rect(x - 24 * s, ground - 126 * s, x + 24 * s, ground - 50 * s, body,
           r=20 * s)
    c.rect(x - 18 * s, ground - 70 * s, x - 4 * s, ground, body, r=7 * s)
    c.rect(x + 4 * s, ground - 70 * s, x + 18 * s, ground, body, r=7 * s)
    if arm_up:
        c.line([(x + 18 * s, ground - 116 * s), (x + 44 * s, ground - 170 * s)],
               body, 13 * s)
    else:
        c.line([(x + 20 * s, ground - 116 * s), (x + 30 * s, ground - 64 * s)],
               body, 13 * s)
    c.line([(x - 20 * s, ground - 116 * s), (x - 30 * s, ground - 64 * s)],
           body, 13 * s)


def airliner(c, x, y, s, body, accent, window, angle=-12):
    """Side view of a twin-engine airliner, built then rotated."""
    layer = Canvas(c.w, c.h, c.ss, "RGBA", (0, 0, 0, 0))
    L = layer
    # fuselage
    L.rect(x - 200 * s, y - 22 * s, x + 170 * s, y + 22 * s, body, r=22 * s)
    L.poly([(x + 150 * s, y - 22 * s), (x + 215 * s, y + 2 * s),
            (x + 200 * s, y + 14 * s), (x + 150 * s, y + 22 * s)], body)
    L.ellipse(x + 150 * s, y - 22 * s, x + 230 * s, y + 22 * s, body)
    # tail fin
    L.poly([(x - 200 * s, y - 20 * s), (x - 236 * s, y - 110 * s),
            (x - 200 * s, y - 110 * s), (x - 130 * s, y - 20 * s)], accent)
    L.poly([(x - 214 * s, y + 0 * s), (x - 250 * s, y + 10 * s),
            (x - 170 * s, y + 10 * s)], accent)
    # wing and engine
    L.poly([(x - 40 * s, y + 6 * s), (x - 120 * s, y + 90 * s),
            (x - 90 * s, y + 92 * s), (x + 40 * s, y + 10 * s)], shade(body, 0.15))
    L.rect(x - 62 * s, y + 36 * s, x + 4 * s, y + 62 * s, accent, r=12 * s)
    # windows
    for i in range(14):
        wx = x - 160 * s + i * 22 * s
        L.rect(wx, y - 10 * s, wx + 10 * s, y - 2 * s, window, r=4 * s)
    L.rect(x + 176 * s, y - 12 * s, x + 200 * s, y - 2 * s, window, r=4 * s)
    # stripe
    L.rect(x - 200 * s, y + 6 * s, x + 150 * s, y + 11 * s, accent)
    rot = L.img.rotate(-angle, resample=Image.BICUBIC,
                       center=(x * c.ss, y * c.ss))
    base = c.img.convert("RGBA")
    base.alpha_composite(rot)
    c.img = base.convert("RGB")
    c.d = ImageDraw.Draw(c.img)


def columns_building(c, x0, x1, ground, height, color, dark):
    w = x1 - x0
    c.poly([(x0 - 20, ground - height), ((x0 + x1) / 2, ground - height - w * 0.18),
            (x1 + 20, ground - height)], color)
    c.rect(x0 - 20, ground - height, x1 + 20, ground - height + 22, color)
    n = 6
    cw = w / (n * 2 - 1)
    for i in range(n):
        cx = x0 + i * 2 * cw
        c.rect(cx, ground - height + 30, cx + cw, ground - 24, color)
    c.rect(x0 - 30, ground - 24, x1 + 30, ground - 12, color)
    c.rect(x0 - 44, ground - 12, x1 + 44, ground, color)
    c.poly([(x0 + 40, ground - height + 6), ((x0 + x1) / 2,
            ground - height - w * 0.18 + 30), (x1 - 40, ground - height + 6)],
           dark)


def coin_stack(c, x, ground, n, r, face, edge, rim):
    for i in range(n):
        y = ground - i * 16
        c.ellipse(x - r, y - 14, x + r, y + 14, edge)
        c.rect(x - r, y - 16, x + r, y, edge)
        c.ellipse(x - r, y - 30, x + r, y - 2, face)
    c.ellipse(x - r * 0.6, ground - (n - 1) * 16 - 24,
              x + r * 0.6, ground - (n - 1) * 16 - 8, rim)


# -- individual scenes ------------------------------------------------------


def scene_finance(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 470, tint(a, 0.55), mix(a, "#FFB060", 0.5))
    c.circle(930, 330, 70, tint("#FFD27A", 0.3))
    hills(c, 360, 60, shade(a, 0.35), 11, 0.8)
    skyline(c, 0, W, 470, shade(a, 0.55), 3, windows=tint(a, 0.45))
    water(c, 470, shade(a, 0.45), shade(a, 0.7), tint(a, 0.25), 5)
    # bar chart panel
    for i, h in enumerate((110, 170, 240, 320)):
        x = 150 + i * 86
        c.rect(x, 690 - h, x + 60, 690, tint(a, 0.15 + 0.12 * i), r=8)
    c.line([(170, 520), (266, 470), (352, 410), (440, 330)], "#FFE3A3", 8)
    c.poly([(424, 312), (468, 312), (454, 352)], "#FFE3A3")
    coin_stack(c, 860, 690, 7, 70, "#E9B949", "#B98A1C", "#F6D77E")
    coin_stack(c, 1040, 690, 10, 70, "#E9B949", "#B98A1C", "#F6D77E")
    return c.result()


def scene_innovation(a):
    c = Canvas(W, H, 2, bg=shade(a, 0.55))
    trace = shade(a, 0.2)
    lit = tint(a, 0.55)
    r = random.Random(7)
    for i in range(26):
        y = 40 + i * 26
        x0 = r.choice([0, 80, 160])
        xs = r.randint(260, 420)
        col = lit if i % 5 == 2 else trace
        c.line([(x0, y), (xs, y), (xs + 40, y + 40 if y < 360 else y - 40),
                (xs + 120, y + 40 if y < 360 else y - 40)], col, 5)
        c.circle(xs + 120, y + 40 if y < 360 else y - 40, 8, col)
    for i in range(22):
        y = 60 + i * 30
        x0 = W - r.choice([0, 60, 140])
        xs = W - r.randint(240, 380)
        col = lit if i % 4 == 1 else trace
        c.line([(x0, y), (xs, y), (xs - 30, y + (30 if i % 2 else -30))],
               col, 5)
        c.circle(xs - 30, y + (30 if i % 2 else -30), 8, col)
    # chip
    cx, cy = 500, 360
    for k in range(7):
        o = -132 + k * 44
        for (x0, y0, x1, y1) in ((cx + o - 8, cy - 200, cx + o + 8, cy - 150),
                                 (cx + o - 8, cy + 150, cx + o + 8, cy + 200),
                                 (cx - 200, cy + o - 8, cx - 150, cy + o + 8),
                                 (cx + 150, cy + o - 8, cx + 200, cy + o + 8)):
            c.rect(x0, y0, x1, y1, tint(a, 0.7), r=3)
    c.rect(cx - 160, cy - 160, cx + 160, cy + 160, tint(a, 0.1), r=24)
    c.rect(cx - 110, cy - 110, cx + 110, cy + 110, shade(a, 0.3), r=14)
    c.rect(cx - 70, cy - 70, cx + 70, cy + 70, tint(a, 0.65), r=10)
    # atom
    ax, ay = 920, 360
    for k in range(3):
        c.line(_ellipse_points(ax, ay, 170, 62, math.radians(30 + 60 * k)),
               tint(a, 0.75), 9, caps=False)
    c.circle(ax, ay, 30, "#FFFFFF")
    for k in range(3):
        t = math.radians(30 + 60 * k)
        ex = ax + 170 * math.cos(0.9 + k) * math.cos(t) - 62 * math.sin(0.9 + k) * math.sin(t)
        ey = ay + 170 * math.cos(0.9 + k) * math.sin(t) + 62 * math.sin(0.9 + k) * math.cos(t)
        c.circle(ex, ey, 14, "#FFFFFF")
    return c.result()


def scene_trade(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 500, tint(a, 0.35), tint("#FFB347", 0.35))
    c.circle(300, 300, 90, tint("#FFE0A0", 0.2))
    hills(c, 420, 50, tint(a, 0.15), 21, 0.7)
    water(c, 500, shade(a, 0.35), shade(a, 0.65), tint(a, 0.2), 9)
    # ship
    hull = shade(a, 0.6)
    c.poly([(90, 470), (760, 470), (720, 560), (130, 560)], hull)
    c.rect(640, 350, 730, 470, tint(a, 0.85))
    c.rect(650, 366, 720, 382, shade(a, 0.5))
    c.rect(690, 310, 706, 350, shade(a, 0.5))
    palette = [a, "#1D5FB4", "#2E7D32", "#E9B949", tint(a, 0.4), "#37474F"]
    r = random.Random(4)
    for row in range(4):
        for col in range(9):
            if row == 3 and col in (0, 8):
                continue
            x = 130 + col * 56
            y = 470 - (row + 1) * 32
            c.rect(x, y, x + 52, y + 29, r.choice(palette))
            c.rect(x + 6, y + 4, x + 9, y + 25, (235, 235, 235))
    # quay and crane
    c.rect(760, 470, W, H, shade(a, 0.5))
    crane = tint(a, 0.9)
    for x in (880, 1080):
        c.rect(x, 170, x + 18, 470, crane)
        c.rect(x + 90, 170, x + 108, 470, crane)
        c.rect(x - 260, 160, x + 160, 184, crane)
        c.line([(x + 9, 100), (x - 250, 170)], crane, 6)
        c.line([(x + 9, 100), (x + 150, 170)], crane, 6)
        c.rect(x - 2, 90, x + 20, 170, crane)
    c.line([(700, 184), (700, 260)], crane, 4)
    c.rect(676, 260, 728, 290, "#E9B949")
    for i in range(5):
        c.rect(820 + i * 80, 600, 890 + i * 80, 640, palette[i % 6])
        c.rect(850 + i * 80, 560, 920 + i * 80, 598, palette[(i + 3) % 6])
    return c.result()


def scene_aviation(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 560, tint(a, 0.3), tint(a, 0.85))
    for (x, y, s) in ((200, 150, 1.0), (1000, 110, 0.8), (90, 420, 0.6)):
        for dx, dy, r in ((0, 0, 40), (40, -16, 50), (90, 0, 38), (45, 10, 40)):
            c.circle(x + dx * s * 1.5, y + dy * s * 1.5, r * s * 1.5,
                     (255, 255, 255))
    hills(c, 540, 40, tint(a, 0.55), 31, 1.3)
    c.rect(0, 560, W, H, shade(a, 0.35))
    c.poly([(0, 620), (W, 590), (W, 660), (0, 700)], shade(a, 0.6))
    for i in range(12):
        x = 40 + i * 110
        c.poly([(x, 652 - i * 2.5), (x + 60, 651 - i * 2.5),
                (x + 60, 657 - i * 2.5), (x, 658 - i * 2.5)], "#FFFFFF")
    # control tower
    t = shade(a, 0.45)
    c.rect(1080, 330, 1120, 590, t)
    c.poly([(1040, 300), (1160, 300), (1140, 340), (1060, 340)], t)
    c.rect(1050, 262, 1150, 300, tint(a, 0.75))
    c.rect(1040, 250, 1160, 264, t)
    c.rect(1096, 220, 1104, 250, t)
    airliner(c, 560, 330, 1.35, (250, 250, 252), a, shade(a, 0.4), -14)
    return c.result()


def scene_education(a):
    c = Canvas(W, H, 2, bg=tint(a, 0.82))
    c.circle(1060, 150, 80, tint("#FFD27A", 0.35))
    columns_building(c, 620, 1160, 560, 300, tint(a, 0.55), tint(a, 0.35))
    c.rect(0, 560, W, H, tint(a, 0.4))
    for x in (560, 1220):
        tree(c, x, 560, 2.0, shade("#2E7D32", 0.1), shade(a, 0.5))
    # stack of books
    cols = [shade(a, 0.3), "#C2410C", "#1D5FB4", a, "#2E7D32"]
    y = 660
    for i, col in enumerate(cols):
        w = 420 - i * 22
        x = 130 + (i % 2) * 18
        c.rect(x, y - 58, x + w, y, col, r=8)
        c.rect(x + w - 24, y - 50, x + w - 6, y - 8, (248, 244, 236), r=4)
        c.rect(x + 30, y - 36, x + 150, y - 26, tint(col, 0.5), r=4)
        y -= 62
    # mortarboard on top
    mx, my = 340, y - 40
    c.poly([(mx - 80, my + 30), (mx + 80, my + 30), (mx + 80, my + 70),
            (mx - 80, my + 70)], (30, 30, 40))
    c.ellipse(mx - 80, my + 50, mx + 80, my + 90, (30, 30, 40))
    c.poly([(mx, my - 40), (mx + 190, my + 20), (mx, my + 70),
            (mx - 190, my + 20)], (45, 45, 58))
    c.line([(mx, my + 15), (mx + 130, my + 40), (mx + 140, my + 110)],
           "#E9B949", 7)
    c.rect(mx + 128, my + 106, mx + 152, my + 150, "#E9B949", r=6)
    return c.result()


def scene_youth(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 520, tint("#FFB347", 0.45), tint(a, 0.25))
    c.circle(640, 420, 150, tint("#FFE0A0", 0.2))
    # Hangzhou on the left (pagoda), Hong Kong on the right (skyline)
    hills(c, 470, 70, tint(a, 0.05), 41, 0.9)
    pagoda(c, 230, 420, 1.1, shade(a, 0.35))
    skyline(c, 880, W, 470, shade(a, 0.4), 12, 80, 300)
    hills(c, 610, 90, shade(a, 0.45), 43, 0.6)
    c.ellipse(360, 520, 920, 760, shade(a, 0.6))
    person(c, 560, 640, 1.45, (250, 240, 230), arm_up=True)
    person(c, 720, 640, 1.35, "#FFD27A", arm_up=True)
    return c.result()


def scene_culture(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 480, tint(a, 0.8), tint("#FFC7A0", 0.5))
    c.circle(1000, 170, 60, tint("#FFF3D6", 0.2))
    hills(c, 330, 80, tint(a, 0.55), 51, 0.8)
    hills(c, 400, 60, tint(a, 0.35), 53, 1.1)
    pagoda(c, 420, 380, 1.3, shade(a, 0.35))
    hills(c, 470, 30, tint(a, 0.2), 57, 1.4)
    water(c, 480, tint(a, 0.6), tint(a, 0.3), tint(a, 0.8), 59)
    # causeway with willows
    c.rect(0, 520, 900, 532, shade(a, 0.4))
    for x in range(60, 900, 140):
        c.circle(x, 500, 26, shade("#2E7D32", 0.25))
        c.rect(x - 3, 500, x + 3, 522, shade(a, 0.5))
    # boat
    c.poly([(820, 620), (1020, 620), (990, 650), (850, 650)], shade(a, 0.55))
    c.poly([(880, 620), (880, 590), (960, 590), (960, 620)], shade(a, 0.3))
    c.line([(1000, 600), (1060, 680)], shade(a, 0.55), 5)
    return c.result()


def scene_culture_harbour(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 440, shade(a, 0.45), mix(a, "#FF9E6E", 0.45))
    hills(c, 290, 90, shade(a, 0.6), 61, 0.7)
    skyline(c, 0, W, 440, shade(a, 0.7), 62, 80, 280, windows="#FFD98A")
    water(c, 440, shade(a, 0.55), shade(a, 0.8), mix(a, "#FFD98A", 0.5), 63)
    # junk boat with red battened sails
    hull = (60, 30, 30)
    c.poly([(380, 600), (820, 600), (780, 650), (440, 650)], hull)
    c.poly([(380, 600), (350, 570), (420, 590)], hull)
    red = "#C62828"
    for (x0, x1, top) in ((440, 560, 330), (580, 720, 280), (740, 810, 400)):
        c.rect(x0 + (x1 - x0) * 0.45, top, x0 + (x1 - x0) * 0.45 + 6, 600, hull)
        c.poly([(x0, top + 20), (x1, top), (x1 + 20, 590), (x0 - 10, 590)], red)
        for k in range(1, 6):
            yy = top + (590 - top) * k / 6
            c.line([(x0 - 4, yy + 10), (x1 + 10, yy)], shade(red, 0.35), 3,
                   caps=False)
    return c.result()


def scene_talent(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 540, tint(a, 0.85), tint(a, 0.6))
    skyline(c, 0, W, 540, tint(a, 0.45), 71, 80, 320)
    columns_building(c, 360, 920, 540, 300, tint(a, 0.85), tint(a, 0.6))
    c.rect(0, 540, W, H, tint(a, 0.25))
    c.poly([(560, 540), (720, 540), (900, H), (380, H)], tint(a, 0.5))
    cols = [shade(a, 0.3), "#1D5FB4", "#8B3A62", "#5D4037", "#00796B"]
    for i, (x, s) in enumerate(((200, 1.2), (420, 1.05), (860, 1.0),
                                (1040, 1.15), (640, 0.8))):
        g = 700 - (1.2 - s) * 200
        person(c, x, g, s, cols[i], head=(232, 196, 168))
        c.rect(x + 24 * s, g - 70 * s, x + 62 * s, g - 40 * s, (40, 40, 40),
               r=4 * s)
    return c.result()


def scene_healthcare(a):
    c = Canvas(W, H, 2, bg=tint(a, 0.85))
    c.circle(1100, 120, 260, tint(a, 0.75))
    c.circle(160, 700, 220, tint(a, 0.7))
    # cross in a rounded badge
    c.rect(160, 140, 560, 540, a, r=60)
    c.rect(310, 200, 410, 480, "#FFFFFF", r=14)
    c.rect(220, 290, 500, 390, "#FFFFFF", r=14)
    # mortar and pestle
    m = shade(a, 0.4)
    c.line([(960, 240), (820, 480)], tint("#8D6E63", 0.2), 34)
    c.d.chord([c.s(700), c.s(300), c.s(1100), c.s(660)], 0, 180, fill=m)
    c.rect(690, 470, 1110, 490, shade(a, 0.55), r=10)
    c.rect(820, 640, 980, 670, m, r=10)
    c.rect(0, 670, W, H, tint(a, 0.55))
    # herbs
    leaf = shade("#2E7D32", 0.05)
    leaf2 = tint("#2E7D32", 0.25)
    for (sx, sy, ex, ey) in ((640, 660, 600, 360), (680, 660, 720, 400),
                             (1150, 670, 1200, 330)):
        c.line([(sx, sy), (ex, ey)], shade("#2E7D32", 0.3), 6)
        for k in range(1, 6):
            t = k / 6
            x, y = sx + (ex - sx) * t, sy + (ey - sy) * t
            c.poly(_leaf_points(x - 34, y - 10, 70, math.radians(-150), 0.5),
                   leaf if k % 2 else leaf2)
            c.poly(_leaf_points(x + 34, y - 10, 70, math.radians(-30), 0.5),
                   leaf2 if k % 2 else leaf)
    return c.result()


def wind_turbine(c, x, ground, h, color, ang):
    c.poly([(x - 8, ground), (x - 3, ground - h), (x + 3, ground - h),
            (x + 8, ground)], color)
    hx, hy = x, ground - h
    for k in range(3):
        t = math.radians(ang + 120 * k)
        c.poly([(hx, hy), (hx + h * 0.55 * math.cos(t) - 8 * math.sin(t),
                           hy + h * 0.55 * math.sin(t) + 8 * math.cos(t)),
                (hx + h * 0.58 * math.cos(t), hy + h * 0.58 * math.sin(t))],
               color)
    c.circle(hx, hy, 8, color)


def scene_environment(a):
    c = Canvas(W, H, 2)
    c.vgrad(0, 420, "#BFE3F2", "#EAF6E6")
    c.circle(220, 140, 60, "#FFF1B8")
    hills(c, 300, 80, tint(a, 0.55), 81, 0.8)
    for i, x in enumerate((520, 660, 800, 940)):
        wind_turbine(c, x, 300 - 30 * math.sin(i), 170, (252, 252, 252), 20 + 35 * i)
    hills(c, 420, 70, tint(a, 0.3), 83, 1.1)
    hills(c, 530, 60, a, 85, 0.9)
    # terraces
    for k in range(6):
        hills(c, 560 + k * 28, 40, tint(a, 0.1 + 0.06 * (k % 2)), 85, 0.9)
    # river
    pts = []
    for i in range(0, 41):
        t = i / 40
        y = 470 + 250 * t
        x = 760 + 160 * math.sin(t * 5) + 60 * t * 4
        pts.append((x, y))
    c.line(pts, "#8FD0E8", 42)
    for x in (120, 240, 1080, 1190):
        tree(c, x, 700, 1.6, shade(a, 0.3), shade("#5D4037", 0.2))
    return c.result()


def scene_environment_village(a):
    c = Canvas(W, H, 2, bg="#DDF0E0")
    c.circle(1080, 140, 64, "#FFF1B8")
    hills(c, 260, 90, tint(a, 0.6), 91, 0.8)
    hills(c, 380, 80, tint(a, 0.4), 93, 1.0)
    for x in range(40, W, 90):
        tree(c, x, 400 + 20 * math.sin(x), 1.1, shade(a, 0.35), shade(a, 0.5))
    # tea terraces: striped rows
    for k in range(9):
        y = 440 + k * 32
        hills(c, y, 20, tint(a, 0.15) if k % 2 else tint(a, 0.3), 95, 1.4)
    # houses with solar panels
    for i, x in enumerate((420, 600, 780)):
        g = 560 + (i % 2) * 20
        c.rect(x, g - 110, x + 150, g, (248, 245, 238))
        c.poly([(x - 16, g - 106), (x + 75, g - 170), (x + 166, g - 106)],
               (60, 64, 72))
        c.poly([(x + 86, g - 150), (x + 140, g - 115), (x + 120, g - 108),
                (x + 70, g - 140)], "#1D5FB4")
        c.rect(x + 56, g - 56, x + 94, g, shade(a, 0.45))
        c.rect(x + 14, g - 84, x + 42, g - 58, "#8FD0E8")
        c.rect(x + 108, g - 84, x + 136, g - 58, "#8FD0E8")
    return c.result()


def scene_hk_residents(a):
    c = Canvas(W, H, 2, bg=tint(a, 0.86))
    skyline(c, 0, W, 470, tint(a, 0.55), 101, 120, 360,
            windows=tint(a, 0.8))
    c.rect(0, 470, W, H, tint(a, 0.7))
    c.rect(0, 470, W, 490, tint(a, 0.45))
    for x in range(40, W, 160):
        tree(c, x, 500, 1.0, tint("#2E7D32", 0.2), shade(a, 0.3))
    # house
    c.rect(170, 420, 520, 690, (255, 253, 248))
    c.poly([(130, 430), (345, 250), (560, 430)], a)
    c.rect(300, 560, 390, 690, shade(a, 0.4), r=6)
    c.rect(200, 470, 280, 540, "#8FD0E8")
    c.rect(410, 470, 490, 540, "#8FD0E8")
    # identity card
    c.rect(690, 380, 1130, 660, shade(a, 0.25), r=28)
    c.rect(700, 390, 1120, 650, (255, 255, 255), r=22)
    c.rect(700, 390, 1120, 450, a, r=22)
    c.rect(700, 430, 1120, 450, a)
    c.rect(740, 480, 870, 620, tint(a, 0.8), r=10)
    c.circle(805, 530, 34, tint(a, 0.35))
    c.ellipse(755, 570, 855, 650, tint(a, 0.35))
    c.rect(740, 620, 870, 650, (255, 255, 255))
    for k, w in enumerate((200, 160, 190, 120)):
        c.rect(900, 494 + k * 34, 900 + w, 510 + k * 34, tint(a, 0.6), r=8)
    return c.result()


def scene_legal(a):
    c = Canvas(W, H, 2, bg=tint(a, 0.85))
    columns_building(c, 160, 1120, 600, 380, tint(a, 0.6), tint(a, 0.45))
    c.rect(0, 600, W, H, tint(a, 0.35))
    # scales of justice in front
    gold = "#D4A537"
    dark = shade(gold, 0.3)
    cx = 640
    c.rect(cx - 12, 230, cx + 12, 640, gold)
    c.rect(cx - 120, 630, cx + 120, 660, dark, r=8)
    c.rect(cx - 70, 610, cx + 70, 636, gold, r=8)
    c.circle(cx, 222, 22, gold)
    c.line([(cx - 260, 270), (cx + 260, 250)], gold, 18)
    for x, y in ((cx - 260, 270), (cx + 260, 250)):
        c.circle(x, y, 12, dark)
        c.line([(x, y), (x - 90, y + 190)], dark, 4, caps=False)
        c.line([(x, y), (x + 90, y + 190)], dark, 4, caps=False)
        c.d.chord([c.s(x - 110), c.s(y + 130), c.s(x + 110), c.s(y + 250)],
                  0, 180, fill=gold)
    return c.result()


# (file name, area id, scene function)
PICTURES = [
    ("finance.jpg", "finance", scene_finance),
    ("innovation-technology.png", "innovation-technology", scene_innovation),
    ("trade-investment.jpg", "trade-investment", scene_trade),
    ("aviation.jpg", "aviation", scene_aviation),
    ("education.png", "education", scene_education),
    ("youth-exchange.jpg", "youth-exchange", scene_youth),
    ("culture-tourism.jpg", "culture-tourism", scene_culture),
    ("culture-tourism-harbour.jpg", "culture-tourism", scene_culture_harbour),
    ("talent-civil-service.jpg", "talent-civil-service", scene_talent),
    ("healthcare-tcm.jpg", "healthcare-tcm", scene_healthcare),
    ("environment.jpg", "environment", scene_environment),
    ("environment-village.png", "environment", scene_environment_village),
    ("hk-residents-mainland.png", "hk-residents-mainland", scene_hk_residents),
    ("legal-dispute-resolution.png", "legal-dispute-resolution", scene_legal),
]


def save_picture(img, path):
    if path.endswith(".png"):
        # Flat scenes: a 128-colour palette keeps them small and sharp.
        q = img.quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                         dither=Image.Dither.NONE)
        q.save(path, optimize=True)
    else:
        img.save(path, quality=82, optimize=True, progressive=True,
                 subsampling="4:2:0")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "..", "content"),
                    help="content directory (default: content/)")
    ap.add_argument("--only", help="only generate files whose name contains this")
    args = ap.parse_args()
    icons = os.path.join(args.out, "icons")
    pics = os.path.join(args.out, "pictures")
    os.makedirs(icons, exist_ok=True)
    os.makedirs(pics, exist_ok=True)
    for area, fn in ICONS.items():
        if args.only and args.only not in area:
            continue
        p = os.path.join(icons, area + ".png")
        make_icon(fn).save(p, optimize=True)
        print(p)
    for name, area, fn in PICTURES:
        if args.only and args.only not in name:
            continue
        p = os.path.join(pics, name)
        save_picture(fn(ACCENTS[area]), p)
        print(p)


if __name__ == "__main__":
    main()
