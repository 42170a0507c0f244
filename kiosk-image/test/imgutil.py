"""Tiny stdlib-only image helpers for the image test: PPM (QEMU screendump)
and PNG (kiosk render) reading, PNG writing, comparison."""
import struct
import zlib


class Image:
    def __init__(self, w, h, rgb):
        self.w, self.h, self.rgb = w, h, rgb  # rgb: bytes, 3 per pixel

    def pixel(self, x, y):
        i = (y * self.w + x) * 3
        return tuple(self.rgb[i:i + 3])


def read_ppm(path):
    data = open(path, 'rb').read()
    # P6\n<w> <h>\n<max>\n<binary>
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    assert fields[0] == b'P6', fields[0]
    w, h = int(fields[1]), int(fields[2])
    return Image(w, h, data[pos:pos + w * h * 3])


def read_png(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat, w = 8, [], 0
    while pos < len(data):
        n, typ = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if typ == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
            bpp = 3 if ctype == 2 else 4
        elif typ == b'IDAT':
            idat.append(body)
        elif typ == b'IEND':
            break
    raw = zlib.decompress(b''.join(idat))
    stride = w * bpp
    out = bytearray(stride * h)
    prev = bytearray(stride)
    p = 0
    for y in range(h):
        f = raw[p]
        line = bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((a + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    if bpp == 4:
        rgb = bytearray(w * h * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = out[0::4], out[1::4], out[2::4]
        out = rgb
    return Image(w, h, bytes(out))


def write_png(img, path):
    rows = b''.join(b'\x00' + img.rgb[y * img.w * 3:(y + 1) * img.w * 3] for y in range(img.h))

    def chunk(t, b):
        return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', img.w, img.h, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(rows, 6)) + chunk(b'IEND', b''))


def diff(a, b, step=2, threshold=48):
    """(mean abs channel difference, fraction of sampled pixels differing by
    more than `threshold` in some channel). Sizes must match."""
    if (a.w, a.h) != (b.w, b.h):
        return 255.0, 1.0
    total, bad, n = 0, 0, 0
    ra, rb, w = a.rgb, b.rgb, a.w
    for y in range(0, a.h, step):
        base = y * w * 3
        for x in range(0, w, step):
            i = base + x * 3
            d0, d1, d2 = abs(ra[i] - rb[i]), abs(ra[i + 1] - rb[i + 1]), abs(ra[i + 2] - rb[i + 2])
            total += d0 + d1 + d2
            if max(d0, d1, d2) > threshold:
                bad += 1
            n += 1
    return total / (3 * n), bad / n


def matches(a, b, mean_tol=6.0, frac_tol=0.04):
    m, f = diff(a, b)
    return m <= mean_tol and f <= frac_tol, m, f


# The kiosk on the screen and `kiosk render` on the host draw the same pixels
# (mean difference ~0.04); two content versions whose Home differs only in the
# title differ by ~1.7. Version checks use this tolerance.
STRICT = dict(mean_tol=0.6, frac_tol=0.002)


def closest(img, refs, **tol):
    """Name of the reference in `refs` (name -> image) that `img` matches with
    the smallest mean difference, or None if none matches within `tol`."""
    best, best_m = None, None
    for name, ref in refs.items():
        ok, m, _ = matches(img, ref, **(tol or STRICT))
        if ok and (best_m is None or m < best_m):
            best, best_m = name, m
    return best


def blank(img, level=24, frac=0.001):
    """True if (almost) every sampled pixel is darker than `level`."""
    lit, n = 0, 0
    for i in range(0, len(img.rgb), 3 * 7):
        n += 1
        if max(img.rgb[i], img.rgb[i + 1], img.rgb[i + 2]) > level:
            lit += 1
    return lit <= frac * n
