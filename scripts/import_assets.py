"""Refresh the kiosk's pictograms and fonts from their upstream packages.

A maintainer tool: the kiosk and its tests never run it. It rebuilds `assets/pictures/` and
`assets/fonts/` from packages you have downloaded and unpacked yourself, so a refresh is
repeatable and every file can be traced back to its source.

Pictograms (OpenMoji, CC BY-SA 4.0), from the npm package `openmoji`:

    cd /tmp && npm pack openmoji && mkdir openmoji && tar xzf openmoji-*.tgz -C openmoji
    python scripts/import_assets.py pictures /tmp/openmoji/package

To add or change a picture, edit PICTURES below and run the command again.

Fonts (SIL Open Font License 1.1) need fontTools and brotli (`pip install fonttools brotli`):

    cd /tmp && npm pack @fontsource/atkinson-hyperlegible-next
    mkdir atkinson && tar xzf fontsource-atkinson-hyperlegible-next-*.tgz -C atkinson
    apt-get download fonts-noto-core && dpkg-deb -x fonts-noto-core_*.deb noto
    python scripts/import_assets.py fonts --atkinson /tmp/atkinson/package \\
        --noto /tmp/noto/usr/share/fonts/truetype/noto

Fontsource splits Atkinson Hyperlegible Next into a "latin" and a "latin-ext" file per weight
(Welsh ŵ and ŷ are in latin-ext), so this script merges the two into one TTF per weight and
checks that no glyph is lost. The Noto fonts are copied unchanged.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PICTURES_DIR = ASSETS / "pictures"
FONTS_DIR = ASSETS / "fonts"

# Our picture key -> OpenMoji hexcode (the name of its SVG file in color/svg/).
# Choose the plainest, most literal picture: the residents are 80 to 100 and many see poorly.
PICTURES: dict[str, str] = {
    # Food and drink (demo data)
    "apple": "1F34E",  # red apple
    "bread": "1F35E",  # bread
    "cake": "1F370",  # shortcake
    "cauliflower": "1F966",  # broccoli, recoloured: see RECOLOUR
    "cheese": "1F9C0",  # cheese wedge
    "chicken": "1F357",  # poultry leg
    "chocolate": "1F36B",  # chocolate bar
    "coffee": "2615",  # hot beverage (the usual coffee cup)
    "curry": "1F35B",  # curry rice
    "dumpling": "1F95F",  # dumpling
    "egg": "1F95A",  # egg
    "fish": "1F41F",  # fish
    "fried-egg": "1F373",  # cooking (fried egg in a pan)
    "fruit": "1F347",  # grapes
    "hot-chocolate": "E0C5",  # latte macchiato: a brown, frothy drink (no hot chocolate)
    "onion": "1F9C5",  # onion
    "pasta": "1F35D",  # spaghetti
    "pie": "1F967",  # pie
    "porridge": "1F963",  # bowl with spoon
    "potato": "1F954",  # potato
    "pudding": "1F36E",  # custard
    "rice": "1F35A",  # cooked rice
    "sandwich": "1F96A",  # sandwich
    "sausage": "1F32D",  # hot dog
    "soup": "1F372",  # pot of food
    "stew": "1F958",  # shallow pan of food
    "strawberry": "1F353",  # strawberry
    "tea": "1FAD6",  # teapot
    # Things to do (demo data)
    "beach": "1F3D6",  # beach with umbrella
    "bingo": "1F522",  # input numbers: 1 2 3 4 in a grid, like a bingo card
    "bird": "1F426",  # bird
    "bus": "1F68C",  # bus
    "cards": "1F0CF",  # joker
    "cat": "1F408",  # cat
    "church": "26EA",  # church
    "dog": "1F415",  # dog
    "domino": "1F3B2",  # game die (OpenMoji has no domino tile)
    "drum": "1F941",  # drum
    "exercise": "1F4AA",  # flexed biceps
    "film": "1F3A5",  # movie camera
    "flower": "1F33C",  # blossom (bolder than the tulip)
    "football": "26BD",  # soccer ball
    "garden": "1FAB4",  # potted plant
    "horse": "1F40E",  # horse
    "knitting": "1F9F6",  # yarn
    "massage": "1F486",  # person getting massage
    "music": "1F3B5",  # musical note
    "newspaper": "1F4F0",  # newspaper
    "paint": "1F3A8",  # artist palette
    "photo-album": "1F5BC",  # framed picture
    "quiz": "2753",  # red question mark
    "singing": "1F3A4",  # microphone
    "talking": "E24A",  # OpenMoji extra "interview": two speech bubbles
    # Screens
    "home": "1F3E0",  # house
    "back": "2B05",  # left arrow
    "speak": "1F50A",  # speaker high volume
    "stop": "1F6D1",  # stop sign
    "calendar": "1F5D3",  # spiral calendar (a month; "today" is one day)
    "vote": "1F5F3",  # ballot box with ballot
    "suggest-meal": "1F37D",  # fork and knife with plate
    "feedback": "E263",  # OpenMoji extra "comment": a speech bubble
    "care-plan": "1F4CB",  # clipboard
    "language": "1F310",  # globe with meridians
    "staff": "1FAAA",  # identification card
    "people": "1F465",  # busts in silhouette
    "breakfast": "1F950",  # croissant
    "lunch": "1F37D",  # fork and knife with plate
    "supper": "1F963",  # bowl with spoon
    "snack": "1F36A",  # cookie
    "face-very-sad": "1F62D",  # loudly crying face
    "face-sad": "1F641",  # slightly frowning face
    "face-neutral": "1F610",  # neutral face
    "face-happy": "1F642",  # slightly smiling face
    "face-very-happy": "1F600",  # grinning face
    "yes": "2705",  # check mark button
    "maybe": "1F914",  # thinking face
    "no": "274C",  # cross mark
    "section-what-matters": "2764",  # red heart
    "section-important-people": "1F46A",  # family
    "section-communication": "E248",  # OpenMoji extra "chats"
    "section-wellness": "1F49A",  # green heart
    "section-do-and-dont": "1F44C",  # OK hand
    "section-support": "1F91D",  # handshake
    "section-also-know": "1F4A1",  # light bulb
    "talk": "1F5E3",  # speaking head
    "lock": "1F512",  # locked
    "keyboard": "2328",  # keyboard
    "check": "2714",  # check mark
    "cross": "274C",  # cross mark
    "today": "1F4C6",  # tear-off calendar
    "clock": "1F552",  # three o'clock
    "place": "1F4CD",  # round pushpin
    "idea": "1F4A1",  # light bulb
    "home-idea": "1F3E1",  # house with garden
    "activity": "1F3AD",  # performing arts
    "menu": "1F374",  # fork and knife
}

# The only changes we make to OpenMoji's files: exact text replacements, listed in
# ATTRIBUTION.md (CC BY-SA asks us to say what we changed).
RECOLOUR: dict[str, dict[str, str]] = {
    # OpenMoji has no cauliflower: its broccoli with cream florets (was green #5C9E31).
    "cauliflower": {
        'fill="#5c9e31" stroke="none"': 'fill="#F4EED7" stroke="none"',
        'fill="#5C9E31" stroke="none"': 'fill="#F4EED7" stroke="none"',
    },
}

ATTRIBUTION = """\
# Pictograms

Pictograms: OpenMoji – the open-source emoji and icon project.
License: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)

All emojis designed by [OpenMoji](https://openmoji.org/) – the open-source emoji and icon project.
License: [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)

- Source: the npm package `openmoji`, version {version} (https://www.npmjs.com/package/openmoji),
  colour SVGs from its `color/svg/` folder.
- Each `<key>.svg` here is a renamed copy of the OpenMoji file `<hexcode>.svg`, unmodified,
  except where listed under "Changes" below. `pictures.json` gives, for each key, the OpenMoji
  hexcode, the emoji and OpenMoji's own description, so every picture can be traced back to
  its original.
- The full licence text is in `LICENSE-OpenMoji.txt` (copied from the package's `LICENSE.txt`).
- Anyone who shares these pictures, changed or not, must keep this attribution and share
  them under the same licence (CC BY-SA 4.0).
- Made with `scripts/import_assets.py pictures`.

## Changes

{changes}
"""


def import_pictures(openmoji_dir: Path) -> None:
    """Copy the colour SVGs we use, renamed to our keys, and write pictures.json."""
    version = json.loads((openmoji_dir / "package.json").read_text(encoding="utf-8"))["version"]
    data = json.loads((openmoji_dir / "data" / "openmoji.json").read_text(encoding="utf-8"))
    by_hexcode = {entry["hexcode"]: entry for entry in data}

    PICTURES_DIR.mkdir(parents=True, exist_ok=True)
    for old in PICTURES_DIR.glob("*.svg"):
        old.unlink()
    index = {}
    changes = []
    for key, hexcode in sorted(PICTURES.items()):
        entry = by_hexcode[hexcode]
        # Bytes, not text mode, so an unchanged file stays byte for byte the same.
        svg = (openmoji_dir / "color" / "svg" / f"{hexcode}.svg").read_bytes().decode("utf-8")
        for old, new in RECOLOUR.get(key, {}).items():
            if old not in svg:
                raise ValueError(f"{key}: {old!r} is not in {hexcode}.svg")
            svg = svg.replace(old, new)
            changes.append(f"- `{key}.svg` (from `{hexcode}.svg`): replaced `{old}` with `{new}`.")
        (PICTURES_DIR / f"{key}.svg").write_bytes(svg.encode("utf-8"))
        index[key] = {
            "file": f"{key}.svg",
            "emoji": entry["emoji"],
            "hexcode": hexcode,
            "openmoji_annotation": entry["annotation"],
        }
    text = json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (PICTURES_DIR / "pictures.json").write_text(text, encoding="utf-8")
    shutil.copyfile(openmoji_dir / "LICENSE.txt", PICTURES_DIR / "LICENSE-OpenMoji.txt")
    attribution = ATTRIBUTION.format(version=version, changes="\n".join(changes) or "None.")
    (PICTURES_DIR / "ATTRIBUTION.md").write_text(attribution, encoding="utf-8")
    print(f"{len(index)} pictures from openmoji {version} -> {PICTURES_DIR}")


# ---------------------------------------------------------------------------------------
# Fonts

# Output file -> (source file in the fontsource package, one per unicode subset).
ATKINSON = {
    "AtkinsonHyperlegible-Regular.ttf": (
        "files/atkinson-hyperlegible-next-latin-400-normal.woff2",
        "files/atkinson-hyperlegible-next-latin-ext-400-normal.woff2",
    ),
    "AtkinsonHyperlegible-Bold.ttf": (
        "files/atkinson-hyperlegible-next-latin-700-normal.woff2",
        "files/atkinson-hyperlegible-next-latin-ext-700-normal.woff2",
    ),
}
NOTO = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansGurmukhi-Regular.ttf",
    "NotoSansGurmukhi-Bold.ttf",
]


def import_fonts(atkinson_dir: Path, noto_dir: Path) -> None:
    FONTS_DIR.mkdir(parents=True, exist_ok=True)
    for out_name, sources in ATKINSON.items():
        merge_subsets([atkinson_dir / source for source in sources], FONTS_DIR / out_name)
        print(f"merged {len(sources)} subsets -> {out_name}")
    for name in NOTO:
        shutil.copyfile(noto_dir / name, FONTS_DIR / name)
        print(f"copied {name}")
    write_ofl(atkinson_dir / "LICENSE", noto_dir)


def write_ofl(atkinson_license: Path, noto_dir: Path) -> None:
    """OFL.txt: every font's copyright line, then the licence text (the same for all)."""
    from fontTools.ttLib import TTFont

    notices = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        copyright_line = TTFont(path)["name"].getDebugName(0)
        notices.append(f"{path.name}: {copyright_line}")
    licence = atkinson_license.read_text(encoding="utf-8")
    licence = licence[licence.index("SIL OPEN FONT LICENSE Version 1.1") :]
    text = (
        "\n".join(notices)
        + "\n\nThese Font Software files are licensed under the SIL Open Font License,"
        + " Version 1.1.\nThis license is copied below, and is also available with a FAQ at:"
        + "\nhttps://openfontlicense.org\n\n\n"
        + "-----------------------------------------------------------\n"
        + licence
    )
    (FONTS_DIR / "OFL.txt").write_text(text, encoding="utf-8")


def merge_subsets(sources: list[Path], out_path: Path) -> None:
    """Merge two unicode-subset files of one font (same source, same weight) into one TTF.

    fontTools' Merger keeps a glyph that is in both files twice ("A" and "A.1"). Both copies
    come from the same source font, so after checking they are identical we point every
    reference at the first copy and drop the second. Kerning pairs between two shared glyphs
    are already in the first file, so the second file's copies of them are removed to avoid
    kerning those pairs twice.
    """
    from fontTools.merge import Merger, Options
    from fontTools.ttLib import TTFont

    if len(sources) != 2:
        raise ValueError("merge_subsets merges exactly two files")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number, source in enumerate(sources):
            font = TTFont(source)
            if number == 0:  # keep the source's dates, so a rerun gives the same bytes
                dates = font["head"].created, font["head"].modified
            font.flavor = None  # woff2 -> plain TTF
            paths.append(Path(tmp) / f"{number}.ttf")
            font.save(paths[-1])
        first, second = (TTFont(path) for path in paths)
        shared = set(first.getGlyphOrder()) & set(second.getGlyphOrder())
        for name in shared:
            if _drawing(first, name) != _drawing(second, name):
                raise ValueError(f"glyph {name!r} differs between the two files")
        glyph_order = _merge_orders(first.getGlyphOrder(), second.getGlyphOrder())
        first_lookups = len(first["GPOS"].table.LookupList.Lookup)

        merged = Merger(options=Options(drop_tables=["STAT"])).merge([str(p) for p in paths])

    duplicates = {f"{name}.1": name for name in shared}
    if set(merged.getGlyphOrder()) != set(glyph_order) | set(duplicates):
        raise ValueError("unexpected glyph names after merging")
    for tag in ("GDEF", "GSUB", "GPOS"):
        _rename(merged[tag].table, duplicates)
    glyf, hmtx = merged["glyf"], merged["hmtx"]
    for name in duplicates:
        del glyf.glyphs[name]
        del hmtx.metrics[name]
    for name in glyph_order:
        if glyf[name].isComposite():
            for component in glyf[name].components:
                component.glyphName = duplicates.get(component.glyphName, component.glyphName)
    for table in merged["cmap"].tables:
        table.cmap = {code: duplicates.get(name, name) for code, name in table.cmap.items()}
    second_glyphs = set(second.getGlyphOrder())
    glyph_ids = {name: number for number, name in enumerate(glyph_order)}
    for lookup in merged["GPOS"].table.LookupList.Lookup[first_lookups:]:
        if lookup.LookupType == 2:
            subtable = _pairs_not_both_shared(lookup.SubTable, second_glyphs, shared, glyph_ids)
            lookup.SubTable = [subtable]
            lookup.SubTableCount = 1
    # The union of the two glyph orders keeps every coverage table sorted by glyph id.
    merged.setGlyphOrder(glyph_order)
    glyf.glyphOrder = glyph_order
    merged["head"].created, merged["head"].modified = dates
    merged.recalcTimestamp = False
    merged.save(out_path)


def _drawing(font: Any, name: str) -> tuple[Any, Any]:
    from fontTools.pens.recordingPen import DecomposingRecordingPen

    glyphs = font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return pen.value, font["hmtx"][name]


def _merge_orders(first: list[str], second: list[str]) -> list[str]:
    """One glyph order that keeps the relative order of both (both follow the source font)."""
    in_first, in_second = set(first), set(second)
    merged: list[str] = []
    i = j = 0
    while i < len(first) or j < len(second):
        if i < len(first) and j < len(second) and first[i] == second[j]:
            merged.append(first[i])
            i, j = i + 1, j + 1
        elif i < len(first) and first[i] not in in_second:
            merged.append(first[i])
            i += 1
        elif j < len(second) and second[j] not in in_first:
            merged.append(second[j])
            j += 1
        else:
            raise ValueError("the two files order their glyphs differently")
    return merged


def _rename(value: Any, names: dict[str, str]) -> Any:
    """Rename glyphs everywhere inside a layout table (walks the fontTools objects)."""
    from fontTools.ttLib.tables.otBase import BaseTable

    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [_rename(item, names) for item in value]
    if isinstance(value, tuple):
        return tuple(_rename(item, names) for item in value)
    if isinstance(value, dict):
        return {_rename(k, names): _rename(v, names) for k, v in value.items()}
    if isinstance(value, BaseTable):
        for attribute, item in vars(value).items():
            setattr(value, attribute, _rename(item, names))
    return value


def _pairs_not_both_shared(
    subtables: list[Any], glyphs: set[str], shared: set[str], glyph_ids: dict[str, int]
) -> Any:
    """One glyph-pair subtable with the same kerning as `subtables`, minus shared-shared pairs."""
    from fontTools.otlLib.builder import buildPairPosGlyphsSubtable, buildValue

    pairs = {}
    for left in sorted(glyphs):
        for right in sorted(glyphs):
            if left in shared and right in shared:
                continue
            x_advance = _kerning(subtables, left, right)
            if x_advance:
                pairs[(left, right)] = (buildValue({"XAdvance": x_advance}), None)
    return buildPairPosGlyphsSubtable(pairs, glyph_ids, valueFormat1=4, valueFormat2=0)


def _kerning(subtables: list[Any], left: str, right: str) -> int:
    """The x-advance change the first matching subtable gives to the pair (left, right)."""
    for subtable in subtables:
        if subtable.ValueFormat1 & ~4 or subtable.ValueFormat2:
            raise ValueError("only x-advance kerning is supported")
        if left not in subtable.Coverage.glyphs:
            continue
        if subtable.Format == 1:
            pair_set = subtable.PairSet[subtable.Coverage.glyphs.index(left)]
            for record in pair_set.PairValueRecord:
                if record.SecondGlyph == right:
                    return getattr(record.Value1, "XAdvance", 0) or 0
            continue
        class1 = subtable.ClassDef1.classDefs.get(left, 0)
        class2 = subtable.ClassDef2.classDefs.get(right, 0)
        value = subtable.Class1Record[class1].Class2Record[class2].Value1
        return getattr(value, "XAdvance", 0) or 0
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pictures = commands.add_parser("pictures", help="copy OpenMoji SVGs into assets/pictures")
    pictures.add_argument("openmoji_dir", type=Path, help="the unpacked npm package folder")
    fonts = commands.add_parser("fonts", help="build assets/fonts")
    fonts.add_argument("--atkinson", type=Path, required=True, help="unpacked fontsource package")
    fonts.add_argument("--noto", type=Path, required=True, help="folder with the Noto TTF files")
    args = parser.parse_args(argv)
    if args.command == "pictures":
        import_pictures(args.openmoji_dir)
    else:
        import_fonts(args.atkinson, args.noto)
    return 0


if __name__ == "__main__":
    sys.exit(main())
