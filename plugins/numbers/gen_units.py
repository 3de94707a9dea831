#!/usr/bin/env python3
"""Generates the numbers plugin's CLDR tables (cldr_tables.h declares them).

From npm cldr-numbers-full (English currency names and symbols), cldr-units-full
(English and British unit names and symbols) and cldr-core (which territories
used which currency, and their populations: an English word shared by several
currencies, "pesetas" or "guilders", names the one of the most people).

usage: gen_units.py NODE_MODULES OUT.cpp
"""
import json
import sys
import unicodedata
from pathlib import Path

# ISO codes that are also English words: a code before or after a number only
# in capitals, and these even then read as words ("TOP 10", "ALL 3 MEN").
WORD_CODES = {"ALL", "AMD", "ANG", "BAM", "BOB", "CUP", "GEL", "LAK", "MAD", "MOP", "PEN", "SOS", "TOP"}
# Currency words that are also common English words after a number ("10 marks"
# out of 20, "won", "real"): they name money only in a full name ("German marks").
WORD_NAMES = {"mark", "marks", "real", "reals", "sol", "won", "dram", "drams", "gold"}

# Unit kinds a news number is measured in; the others (graphics, light,
# torque, g-force, astronomical radii and masses) name no quantity in news.
UNIT_CATEGORIES = ("angle-radian", "angle-degree", "area-", "concentr-permillion", "concentr-portion-per-1e9",
                   "digital-", "electric-", "energy-", "frequency-", "length-", "mass-", "power-", "pressure-",
                   "speed-", "temperature-", "volume-", "consumption-")
UNIT_SKIP = {"length-point", "length-earth-radius", "length-solar-radius", "length-mile-scandinavian",
             "mass-earth-mass", "mass-solar-mass", "mass-grain", "speed-beaufort", "speed-light-speed",
             "pressure-gasoline-energy-density", "volume-drop", "volume-pinch", "volume-jigger", "volume-dram",
             "volume-dessert-spoon", "volume-dessert-spoon-imperial", "temperature-generic", "length-parsec",
             "length-astronomical-unit", "volume-cup", "volume-cup-metric", "volume-pint-metric", "mass-dalton",
             "pressure-bar", "volume-megaliter"}


def load(path, *keys):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for k in keys:
        data = data[k]
    return data


def cpp_wide(s):
    return 'L"' + "".join(c if c.isascii() and c not in '"\\' else f"\\U{ord(c):08X}" for c in s) + '"'


def cpp_narrow(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def words_of(name):
    """A name as lower-case words, or None when it holds more than letters and spaces."""
    name = name.strip()
    if not name or not all(c.isalpha() or c == " " for c in name):
        return None
    return name.lower().split()


def currency_tables(nm):
    names = load(nm / "cldr-numbers-full/main/en/currencies.json", "main", "en", "numbers", "currencies")
    regions = load(nm / "cldr-core/supplemental/currencyData.json", "supplemental", "currencyData", "region")
    territories = load(nm / "cldr-core/supplemental/territoryInfo.json", "supplemental", "territoryInfo")
    people = {}  # code -> people of the territories that used it
    tender = set()  # codes some territory used as money (not funds, metals or test codes)
    for region, uses in regions.items():
        pop = float(territories.get(region, {}).get("_population", 0))
        for use in uses:
            for code, dates in use.items():
                people[code] = people.get(code, 0) + pop
                if dates.get("_tender") != "false":
                    tender.add(code)
    codes = sorted(c for c in names if len(c) == 3 and c.isalpha() and c.isupper() and c in tender)
    info = {}  # code -> unit word (the last word of the plural name)
    for code in codes:
        other = words_of(names[code].get("displayName-count-other", ""))
        if other:
            info[code] = other[-1]
    codes = [c for c in codes if c in info]
    phrases = {}  # words -> code (names of two words and more)
    single = {}  # word -> codes
    for code in codes:
        for key in ("displayName", "displayName-count-one", "displayName-count-other"):
            w = words_of(names[code].get(key, ""))
            if not w:
                continue
            if len(w) > 1 and len(w) <= 5:
                phrases.setdefault(" ".join(w), code)
            single.setdefault(w[-1], set()).add(code)
    words = {w: max(sorted(cs), key=lambda c: people.get(c, 0)) for w, cs in single.items() if w not in WORD_NAMES}
    symbols = {}
    for code in codes:
        for key in ("symbol", "symbol-alt-narrow"):
            s = names[code].get(key, "")
            if len(s) == 1 and unicodedata.category(s) == "Sc" and s != "$":
                symbols.setdefault(s, set()).add(code)
    symbols = {s: max(sorted(cs), key=lambda c: people.get(c, 0)) for s, cs in symbols.items()}
    return codes, info, phrases, words, symbols


def unit_tables(nm):
    names = {}  # words -> unit reported (the plural as that locale writes it)
    symbols = {}  # symbol -> unit reported (the symbol as CLDR writes it)
    for locale in ("en", "en-GB"):
        units = load(nm / f"cldr-units-full/main/{locale}/units.json", "main", locale, "units")
        for key, long in units["long"].items():
            if not isinstance(long, dict) or not key.startswith(UNIT_CATEGORIES) or key in UNIT_SKIP:
                continue
            other = long.get("unitPattern-count-other", "").replace("{0}", "").strip()
            if not words_of(other):
                continue
            for count in ("one", "other"):
                w = words_of(long.get(f"unitPattern-count-{count}", "").replace("{0}", ""))
                if w and len(w) <= 5:
                    names.setdefault(" ".join(w), other)
            for form in ("short", "narrow"):
                pattern = units[form].get(key, {}).get("unitPattern-count-other", "")
                s = pattern.replace("{0}", "").strip()
                # Symbols that fold alike keep the first unit (GB gigabytes, not Gb gigabits).
                if len(s) >= 2 and all(c.isalpha() for c in s):
                    symbols.setdefault(s.lower(), s)
    return names, symbols


def main():
    nm, out = Path(sys.argv[1]), Path(sys.argv[2])
    codes, info, phrases, words, symbols = currency_tables(nm)
    unit_names, unit_symbols = unit_tables(nm)
    index = {c: i for i, c in enumerate(codes)}
    lines = [
        "// Generated by plugins/numbers/gen_units.py from CLDR (npm cldr-numbers-full,",
        "// cldr-units-full, cldr-core): do not edit.",
        '#include "cldr_tables.h"',
        "",
        "namespace newslens::numbers::cldr {",
        "",
        "const CurrencyInfo kCurrencies[] = {",
    ]
    lines += [f"    {{{cpp_narrow(c)}, {cpp_narrow(info[c])}}}," for c in codes]
    lines += ["};", f"const std::size_t kCurrencyCount = {len(codes)};", ""]
    lines.append("const bool kCodeIsWord[] = {")
    lines += [f"    {'true' if c in WORD_CODES else 'false'},  // {c}" for c in codes]
    lines += ["};", ""]
    for table, items in (("kCurrencyNames", phrases), ("kCurrencyWords", words), ("kCurrencySymbols", symbols)):
        lines.append(f"const NamedCurrency {table}[] = {{")
        lines += [f"    {{{cpp_wide(k)}, {index[c]}}},  // {c}" for k, c in sorted(items.items())]
        lines += ["};", f"const std::size_t {table}Count = {len(items)};", ""]
    for table, items in (("kUnitNames", unit_names), ("kUnitSymbols", unit_symbols)):
        lines.append(f"const NamedUnit {table}[] = {{")
        lines += [f"    {{{cpp_wide(k)}, {cpp_narrow(u)}}}," for k, u in sorted(items.items())]
        lines += ["};", f"const std::size_t {table}Count = {len(items)};", ""]
    lines += ["}  // namespace newslens::numbers::cldr", ""]
    out.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
