#!/usr/bin/env python3
"""Generates core/chars.cpp's tables from the Unicode Character Database.

Usage: gen_unicode.py UnicodeData.txt OUT.cpp

The database is Debian's `unicode-data` package (/usr/share/unicode/), which
scripts/setup.sh installs. Two tables come out, both two-stage (a block index
by code point >> 7, then blocks of 128 entries, identical blocks shared):

- flags: letter, upper, lower, digit, mark, space, newline, punctuation,
  symbol, dash, quote, apostrophe (see core/chars.h);
- fold: the code point that a case- and accent-insensitive comparison uses,
  stored as a delta. Lower case (simple mapping), then the base letter of a
  canonical decomposition whose other parts are combining marks ("é" -> "e",
  "Ł" stays "ł": it has no decomposition), then typographic apostrophes,
  quotation marks and dashes become their ASCII forms. One code point in, one
  out: offsets into the folded text are offsets into the text.
"""
import sys

BLOCK = 128
MAX = 0x110000

FLAG = {
    'letter': 1 << 0, 'upper': 1 << 1, 'lower': 1 << 2, 'digit': 1 << 3, 'mark': 1 << 4,
    'space': 1 << 5, 'newline': 1 << 6, 'punct': 1 << 7, 'symbol': 1 << 8, 'dash': 1 << 9,
    'quote': 1 << 10, 'apostrophe': 1 << 11, 'number': 1 << 12,
}

APOSTROPHES = [0x27, 0x2019, 0x2018, 0x02BC, 0x2032, 0x02B9, 0x0060, 0x00B4, 0x201B]
DOUBLE_QUOTES = [0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x301D, 0x301E, 0xFF02]
SINGLE_QUOTES = [0x2039, 0x203A, 0x201A]
EXTRA_SPACE = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x200B, 0xFEFF, 0x180E]
NEWLINES = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]


def read(path):
    cat, lower, decomp = {}, {}, {}
    first = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split(';')
            cp = int(p[0], 16)
            name = p[1]
            if name.endswith(', First>'):
                first = cp
                continue
            if name.endswith(', Last>'):
                for c in range(first, cp + 1):
                    cat[c] = p[2]
                continue
            cat[cp] = p[2]
            if p[13]:
                lower[cp] = int(p[13], 16)
            if p[5] and not p[5].startswith('<'):
                decomp[cp] = [int(x, 16) for x in p[5].split()]
    return cat, lower, decomp


def main():
    src, out = sys.argv[1], sys.argv[2]
    cat, lower, decomp = read(src)

    def base(c):
        # Strip combining marks from a canonical decomposition, recursively.
        while c in decomp:
            parts = decomp[c]
            if len(parts) > 1 and all(cat.get(x, 'Cn').startswith('M') for x in parts[1:]):
                c = parts[0]
            elif len(parts) == 1:
                c = parts[0]  # singleton (e.g. Kelvin sign -> K)
            else:
                break
        return c

    flags = [0] * MAX
    fold = [0] * MAX
    for c in range(MAX):
        g = cat.get(c, 'Cn')
        f = 0
        if g[0] == 'L':
            f |= FLAG['letter']
        if g in ('Lu', 'Lt'):
            f |= FLAG['upper']
        if g == 'Ll':
            f |= FLAG['lower']
        if g == 'Nd':
            f |= FLAG['digit']
        if g in ('Nl', 'No'):
            f |= FLAG['number']
        if g[0] == 'M':
            f |= FLAG['mark']
        if g in ('Zs', 'Zl', 'Zp') or c in EXTRA_SPACE:
            f |= FLAG['space']
        if c in NEWLINES or g in ('Zl', 'Zp'):
            f |= FLAG['newline']
        if g[0] == 'P':
            f |= FLAG['punct']
        if g[0] == 'S':
            f |= FLAG['symbol']
        if g == 'Pd' or c == 0x2212:
            f |= FLAG['dash']
        if g in ('Pi', 'Pf') or c in DOUBLE_QUOTES or c in SINGLE_QUOTES or c in APOSTROPHES:
            f |= FLAG['quote']
        if c in APOSTROPHES:
            f |= FLAG['apostrophe']
        flags[c] = f

        t = lower.get(c, c)
        t = base(t)
        t = lower.get(t, t)
        if c in APOSTROPHES and c not in (0x60, 0xB4):
            t = 0x27
        elif c in DOUBLE_QUOTES:
            t = 0x22
        elif (g == 'Pd' or c == 0x2212) and c != 0x2E3A and c != 0x2E3B:
            t = 0x2D
        elif g == 'Zs' or c in (0x09, 0xA0):
            t = 0x20
        # Folds that jump far (CJK compatibility ideographs to their unified
        # forms) do not matter for matching news text; dropping them keeps the
        # deltas in 16 bits.
        fold[c] = t - c if abs(t - c) < 32768 else 0

    def two_stage(values, ctype):
        blocks, index, lookup = [], [], {}
        for b in range(0, MAX, BLOCK):
            chunk = tuple(values[b:b + BLOCK])
            if chunk not in lookup:
                lookup[chunk] = len(blocks)
                blocks.append(chunk)
            index.append(lookup[chunk])
        return blocks, index

    fb, fi = two_stage(flags, 'uint16_t')
    db, di = two_stage(fold, 'int16_t')

    def emit(name, ctype, blocks, index, w):
        itype = 'std::uint8_t' if len(blocks) <= 256 else 'std::uint16_t'
        w.write(f'extern const {itype} {name}_index[{len(index)}];\n')
        w.write(f'extern const {ctype} {name}_blocks[{len(blocks)}][{BLOCK}];\n')
        w.write(f'const {itype} {name}_index[{len(index)}] = {{\n')
        for i in range(0, len(index), 24):
            w.write('    ' + ', '.join(str(x) for x in index[i:i + 24]) + ',\n')
        w.write('};\n')
        w.write(f'const {ctype} {name}_blocks[{len(blocks)}][{BLOCK}] = {{\n')
        for blk in blocks:
            w.write('    {' + ', '.join(str(x) for x in blk) + '},\n')
        w.write('};\n')

    with open(out, 'w', encoding='utf-8') as w:
        w.write('// Generated by core/gen_unicode.py from the Unicode Character Database\n')
        w.write('// (Debian package unicode-data). Do not edit.\n')
        w.write('#include <cstdint>\n\nnamespace newslens::chars::tables {\n\n')
        emit('flag', 'std::uint16_t', fb, fi, w)
        emit('fold', 'std::int16_t', db, di, w)
        w.write('\n}  // namespace newslens::chars::tables\n')
    print(f'{out}: {len(fb)} flag blocks, {len(db)} fold blocks')


if __name__ == '__main__':
    main()
