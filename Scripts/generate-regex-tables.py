#!/usr/bin/env python3
"""Writes Sources/KilnRegex/UnicodeTables.swift: the Unicode classes and case-folding orbits of
kiln's regular-expression engine, read from RE2 itself (pip install google-re2).

    python3 Scripts/generate-regex-tables.py          # rewrite the Swift file
    python3 Scripts/generate-regex-tables.py --check  # compare the committed file with RE2; exit 1 on drift

Each general category and script is found by running `\\p{Name}+` over one string that holds
every code point (surrogates excepted: they cannot occur in UTF-8 text). Each fold orbit is found
by running `(?i)\\x{c}` over a string of every code point that Unicode gives a case mapping.
Go's regexp and RE2 share these tables (both built from the same Unicode data).
"""

import os
import sys

import re2

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "KilnRegex", "UnicodeTables.swift")

CATEGORIES = """C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps
S Sc Sk Sm So Z Zl Zp Zs""".split()

# Go's unicode.Scripts (Unicode 15).
SCRIPTS = """Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak
Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian
Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan
Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic
Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul
Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi
Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi
Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian
Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin
Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani
Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham
Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian
Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau
Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham
SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa
Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta
Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square""".split()

GAP_LO, GAP_HI = 0xD800, 0xDFFF
ALL = "".join(chr(c) for c in range(0x110000) if not GAP_LO <= c <= GAP_HI)


def cp(i):
    """Code point at index i of ALL."""
    return i if i < GAP_LO else i + (GAP_HI - GAP_LO + 1)


def table(name):
    ranges = []
    for m in re2.finditer(r"\p{%s}+" % name, ALL):
        lo, hi = cp(m.start()), cp(m.end() - 1)
        if lo < GAP_LO <= hi:
            ranges += [(lo, GAP_LO - 1), (GAP_HI + 1, hi)]
        else:
            ranges.append((lo, hi))
    if name in ("Cs", "C"):  # surrogates: absent from the haystack, present in the category
        ranges.append((GAP_LO, GAP_HI))
        ranges = merge(ranges)
    return ranges


def merge(ranges):
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def orbits():
    cased = set()
    for c in range(0x110000):
        if GAP_LO <= c <= GAP_HI:
            continue
        s = chr(c)
        for t in (s.lower(), s.upper(), s.casefold(), s.title()):
            if t != s:
                cased.add(c)
                if len(t) == 1:
                    cased.add(ord(t))
    hay = "".join(chr(c) for c in sorted(cased))
    parent = {c: c for c in cased}

    def find(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for c in sorted(cased):
        for m in re2.finditer(r"(?i)\x{%x}" % c, hay):
            d = ord(m.group(0))
            parent[find(d)] = find(c)
    groups = {}
    for c in cased:
        groups.setdefault(find(c), []).append(c)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def fmt_ranges(ranges):
    return " ".join("%x" % lo if lo == hi else "%x-%x" % (lo, hi) for lo, hi in ranges)


def wrap(text, width=100):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    lines.append(line)
    return lines


def literal(text, indent="    "):
    body = "\n".join(indent + "  " + l for l in wrap(text))
    return '"""\n%s\n%s  """' % (body, indent)


def render():
    out = [
        # Generated layout is this script's; `make lint`/`make format` leave the file alone, so
        # --check can compare it byte for byte.
        "// swift-format-ignore-file",
        "// Generated by Scripts/generate-regex-tables.py from RE2 (google-re2); do not edit.",
        "// Each table is a list of hexadecimal code points and ranges; each fold orbit is a list of",
        "// code points that match one another under (?i), orbits separated by commas.",
        "",
        "enum UnicodeTables {",
        "  static let categories: [String: String] = [",
    ]
    for name in CATEGORIES:
        out.append('    "%s": %s,' % (name, literal(fmt_ranges(table(name)))))
    out.append("  ]")
    out.append("")
    out.append("  static let scripts: [String: String] = [")
    for name in SCRIPTS:
        out.append('    "%s": %s,' % (name, literal(fmt_ranges(table(name)))))
    out.append("  ]")
    out.append("")
    orbit_text = ", ".join(" ".join("%x" % c for c in o) for o in orbits())
    out.append("  static let foldOrbits = %s" % literal(orbit_text, indent="  "))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        with open(OUT) as f:
            old = f.read()
        if old != text:
            print("UnicodeTables.swift differs from RE2's tables: re-run without --check")
            sys.exit(1)
        print("UnicodeTables.swift agrees with RE2")
        return
    with open(OUT, "w") as f:
        f.write(text)
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
