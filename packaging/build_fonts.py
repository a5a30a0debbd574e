"""Build subset TrueType "Noto Sans/Serif SC" fonts from Noto CJK TTCs (OFL RFN is 'Source': no rename)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph

DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# Cu2Qu tolerance in font units (UPM 1000). otf2ttf's default is 1.0; 2.0 (0.2 % of
# the em, 0.02 pt at 12 pt) is invisible and saves ~7 % of 'glyf'.
MAX_ERR = 2.0

# (first, last) code points kept. The font keeps only those it actually maps.
UNICODE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (· × ÷ ° ¥ §)
    (0x0100, 0x017F),  # Latin Extended-A (pinyin ā ē ī ō ū)
    (0x01CD, 0x01DC),  # Latin Extended-B pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C6, 0x02DD),  # Spacing modifiers ˇ ˉ ˊ ˋ ˙
    (0x0391, 0x03C9),  # Greek (GB 2312 row 6)
    (0x0401, 0x0451),  # Cyrillic (GB 2312 row 7)
    (0x2000, 0x206F),  # General Punctuation — … ‘’ “” ‰ ※
    (0x20A0, 0x20CF),  # Currency symbols €
    (0x2100, 0x214F),  # Letterlike symbols ℃ № ℉ ™
    (0x2150, 0x218F),  # Number forms Ⅰ Ⅱ ⅰ
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical operators ∶ ≤ ≥ ≠ √
    (0x2300, 0x23FF),  # Miscellaneous technical ⌒
    (0x2460, 0x24FF),  # Enclosed alphanumerics ① ⑴ ⒈
    (0x2500, 0x259F),  # Box drawing, block elements
    (0x25A0, 0x25FF),  # Geometric shapes □ ■ ○ ● △ ◆
    (0x2600, 0x26FF),  # Miscellaneous symbols ★ ☆ (Noto CJK has no ☐ ☑ ☒)
    (0x2700, 0x27BF),  # Dingbats ✓ (Noto CJK has no ✔ ✗ ✘: use √ × ⊠ instead)
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation 、。《》「」〇
    (0x3040, 0x30FF),  # Kana (GB 2312 rows 4-5, ・ in foreign names)
    (0x3100, 0x312F),  # Bopomofo (GB 2312 row 8)
    (0x3200, 0x32FF),  # Enclosed CJK letters ㈠ ㊀
    (0x3300, 0x33FF),  # CJK compatibility ㎡ ㎏
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0xFFFD, 0xFFFD),  # Replacement character
    (0x20000, 0x3134F),  # CJK Extensions B-G (rare name/place characters)
)

# Horizontal features only. 'locl' is kept for Simplified Chinese (ZHS: e.g. U+2014
# becomes the full-width dash) but see prune_foreign_locl(): the JP/KR/TC/HK variants
# it can also reach would add ~18,000 glyphs (+55 %).
LAYOUT_FEATURES = ["ccmp", "locl", "calt", "liga", "clig", "kern", "mark", "mkmk", "palt", "halt"]
KEPT_LOCL_LANGUAGES = {"dflt", "ZHS"}

# Vertical metrics/baseline tables: unused by reportlab and by Qt's horizontal layout.
DROP_TABLES = ["BASE", "VORG", "vhea", "vmtx", "DSIG"]


# 'maxp' 1.0 fields that are zero for a font without instructions or components.
MAXP_ZERO_FIELDS = (
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
    "maxComponentElements",
    "maxComponentDepth",
)


@dataclass(frozen=True)
class Face:
    """One output face: where it comes from and what it is called."""

    ttc_name: str
    source_family: str
    family: str
    style: str

    @property
    def ps_name(self) -> str:
        return f"{self.family.replace(' ', '')}-{self.style}"

    @property
    def out_name(self) -> str:
        return f"{self.ps_name}.ttf"

    @property
    def full_name(self) -> str:
        return self.family if self.style == "Regular" else f"{self.family} {self.style}"


FACES: tuple[Face, ...] = (
    Face("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "Noto Sans SC", "Regular"),
    Face("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "Noto Sans SC", "Bold"),
    Face("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "Noto Serif SC", "Regular"),
)


def unicodes() -> list[int]:
    """All code points in UNICODE_RANGES."""
    return [cp for first, last in UNICODE_RANGES for cp in range(first, last + 1)]


def find_member(ttc_path: Path, family: str) -> int:
    """Index of the collection member whose name ID 1 equals ``family``."""
    collection = TTCollection(str(ttc_path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == family:
            return index
    raise LookupError(f"{family!r} not found in {ttc_path}")


def feature_lookups(records: list[Any], indices: set[int]) -> set[int]:
    """Lookup indices used by the given feature records."""
    return {n for i in indices for n in records[i].Feature.LookupListIndex}


def language_systems(gsub: Any) -> Iterator[tuple[str, Any]]:
    """(language tag, LangSys) pairs of every script; 'dflt' for the default one."""
    for script in gsub.ScriptList.ScriptRecord:
        if script.Script.DefaultLangSys is not None:
            yield "dflt", script.Script.DefaultLangSys
        for lang in script.Script.LangSysRecord:
            yield lang.LangSysTag.strip(), lang.LangSys


def locl_lookups(gsub: Any) -> tuple[set[int], set[int]]:
    """(lookups needed outside foreign-language 'locl', lookups of foreign 'locl')."""
    records = gsub.FeatureList.FeatureRecord
    kept = {i for i, record in enumerate(records) if record.FeatureTag != "locl"}
    foreign: set[int] = set()
    for tag, langsys in language_systems(gsub):
        target = kept if tag in KEPT_LOCL_LANGUAGES else foreign
        target.update(i for i in langsys.FeatureIndex if records[i].FeatureTag == "locl")
    return feature_lookups(records, kept), feature_lookups(records, foreign)


def prune_foreign_locl(font: TTFont) -> None:
    """Empty the 'locl' lookups that only Japanese/Korean/Traditional Chinese text uses."""
    gsub = font["GSUB"].table
    kept, foreign = locl_lookups(gsub)
    for index in foreign - kept:
        for subtable in gsub.LookupList.Lookup[index].SubTable:
            getattr(subtable, "ExtSubTable", subtable).mapping = {}


def subset_font(font: TTFont) -> None:
    """Subset ``font`` in place to UNICODE_RANGES, without hinting or vertical tables."""
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.drop_tables = options.drop_tables + DROP_TABLES
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    prune_foreign_locl(font)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)


def quadratic_glyphs(font: TTFont, max_err: float) -> dict[str, Glyph]:
    """Convert every cubic CFF outline to a quadratic TrueType glyph."""
    glyph_set = font.getGlyphSet()
    result: dict[str, Glyph] = {}
    for name in font.getGlyphOrder():
        tt_pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        result[name] = tt_pen.glyph(dropImpliedOnCurves=True)
    return result


def new_maxp() -> Any:
    """A version 1.0 'maxp' for an unhinted TrueType font (counts filled on compile)."""
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in MAXP_ZERO_FIELDS:
        setattr(maxp, field, 0)
    return maxp


def cff_to_truetype(font: TTFont, max_err: float) -> None:
    """Replace 'CFF ' with glyf/loca (fontTools' otf2ttf snippet approach)."""
    glyph_order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quadratic_glyphs(font, max_err)
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes glyph bounding boxes
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))  # TrueType: lsb == xMin
    font["maxp"] = new_maxp()
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID names are meaningless and cost space
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, face: Face) -> None:
    """Give the modified font its own family name, keeping all other name records.

    The Debian copyright file (/usr/share/doc/fonts-noto-cjk/copyright) carries the
    plain OFL-1.1 text and names no Reserved Font Name; upstream noto-cjk's
    Sans/LICENSE and Serif/LICENSE say "Copyright 2014-2021 / 2017-2022 Adobe
    (http://www.adobe.com/), with Reserved Font Name 'Source'". "Noto" is not a
    Reserved Font Name (it is a Google trademark, name ID 7, which is kept), so OFL
    clause 3 does not require a "Liangxin ..." rename. We still drop "CJK" (as
    Google Fonts does for its SC-only builds) so this Modified Version is never
    confused with, nor shadowed by, a system-installed "Noto Sans CJK SC".
    """
    names = {
        1: face.family,
        2: face.style,
        4: face.full_name,
        6: face.ps_name,
        3: f"{font['head'].fontRevision:.3f};liangxin;{face.ps_name}",
    }
    table = font["name"]
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]
    note = "Subset to Simplified Chinese and converted to TrueType outlines by packaging/build_fonts.py."
    table.setName(note, 10, 3, 1, 0x409)


def build_face(face: Face, source_dir: Path, out_dir: Path, max_err: float) -> Path:
    """Subset, convert and rename one face; return the written path."""
    ttc_path = source_dir / face.ttc_name
    index = find_member(ttc_path, face.source_family)
    # Keep head.modified from the source so that rebuilding gives identical bytes.
    font = TTFont(str(ttc_path), fontNumber=index, recalcTimestamp=False)
    subset_font(font)
    cff_to_truetype(font, max_err)
    rename(font, face)
    out_path = out_dir / face.out_name
    font.save(str(out_path))
    return out_path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help="directory with NotoSansCJK-*.ttc / NotoSerifCJK-*.ttc",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help="where the .ttf files are written (default: resources/fonts)",
    )
    parser.add_argument(
        "--max-err",
        type=float,
        default=MAX_ERR,
        help=f"cubic-to-quadratic tolerance in font units (default {MAX_ERR})",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(len(FACES), os.cpu_count() or 1),
        help="faces built in parallel (default: CPU count, at most 3)",
    )
    return parser.parse_args(argv)


def timed_build(face: Face, source_dir: Path, out_dir: Path, max_err: float) -> str:
    """Build one face and describe the result (size, seconds) in one line."""
    started = time.perf_counter()
    path = build_face(face, source_dir, out_dir, max_err)
    seconds = time.perf_counter() - started
    return f"{path}: {path.stat().st_size / 1_000_000:.2f} MB, {seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    """Build all faces (in parallel processes) and print their sizes."""
    args = parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        jobs = [
            pool.submit(timed_build, face, args.source_dir, args.out_dir, args.max_err)
            for face in FACES
        ]
        for job in jobs:
            print(job.result(), flush=True)
    print(f"total: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
