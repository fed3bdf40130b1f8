"""Tunable thresholds of the extract stage, in one validated dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field

from .registry import OCR_ENGINES, PAGE_SOURCES, TABLE_FINDERS

DEFAULT_SNAP_TOLERANCE = 2.5
"""Parallel rules closer than this (pt) are one rule: double lines, borders drawn twice by adjacent cells."""
DEFAULT_JOIN_TOLERANCE = 4.0
"""Collinear rule pieces separated by a gap up to this (pt) are joined (cell borders drawn per cell)."""
DEFAULT_MAX_RULE_THICKNESS = 3.0
"""A filled rectangle thinner than this (pt) is drawn as a line, not an area."""
DEFAULT_MIN_RULE_LENGTH = 2.0
DEFAULT_MIN_CELL_SIZE = 3.0
"""Grid edges closer than this (pt) collapse into one edge: no printed cell is that small."""
DEFAULT_EDGE_COVERAGE = 0.6
"""Share of an elementary cell side a rule must cover to count as a cell boundary."""
DEFAULT_LINE_TOLERANCE = 0.45
"""Characters whose vertical centres differ by less than this many font sizes share a line."""
DEFAULT_LATIN_SPACE_EM = 0.5
"""A gap of this many em between Latin/digit runs is a printed space."""
DEFAULT_LATIN_WORD_GAP_EM = 0.15
"""A gap between two Latin characters this many em wider than its line's own letter gap (the median gap
between the line's Latin letters) is a word space printed as a gap only, without a blank glyph (TeX's and
some word processors' text layers: letters within ±0.05 em, word gaps 0.19–0.35 em); never between two
digits of one number, never beside a CJK character, in a line holding CJK between two letters only, and
not in a line that types its word spaces as blanks (``extract.lines.letter_gap``)."""
DEFAULT_CJK_SPACE_EM = 1.5
"""A gap this wide next to a CJK character is a printed gap (justified text stays well below it)."""
DEFAULT_WORD_GAP_EM = 1.0
"""Gap (counting blank glyphs) that separates the columns of a space-aligned table."""
DEFAULT_BORDERLESS_MIN_LINES = 3
DEFAULT_BORDERLESS_MIN_GUTTER_EM = 0.8
OCR_MODES = ("auto", "off", "force")
"""``auto`` reads pages without a usable text layer with OCR, ``force`` every page, ``off`` none."""
DEFAULT_OCR_MODE = "auto"
DEFAULT_PAGE_SOURCE = "pdfium"
"""pypdfium2 reads characters and paths in native code (extract 2–3× faster than pdfminer); on the four
scoreboard corpora it scores the same as ``pdfminer`` (pdfplumber's pages, kept as the reference backend) in
every part, ICDAR adjacency one point higher (see ``extract/sources``)."""
DEFAULT_TABLE_FINDERS = ("lattice", "rules", "borderless")
"""Ruled grids first; then tables ruled only across (columns from the text); then space-aligned columns,
looked for only beside no table found before."""

DEFAULT_OCR_DPI = 200
"""Pages go to OCR rendered at this resolution: 16 pt body text is then ~44 px high, well inside the
recogniser's comfort zone, and an A4 page stays under 4 megapixels."""
DEFAULT_OCR_DET_MAX_SIDE = 2000
"""The text detector sees the page scaled down to at most this long side (px): RapidOCR's own choice for
pages longer than 1,500 px, which it took whatever was configured (1,600 was written here and never applied);
recognition still reads crops of the full-resolution page."""
DEFAULT_OCR_REC_BATCH = 6
"""Line crops per recognition call (RapidOCR's default).  1 is ~15-30% faster on CPU (no crop padded to the
widest of its batch) but a crop's reading depends on the crops it is padded with: measured on the six scanned
documents, 1 read a page folio of moa_njbt_yijian_scanned as ``12丨`` (kept as text, it split two duties:
duties 0.857 -> 0.714) and a closing ``）`` of scan_gen_docx_nongye_joint as ``)``."""
DEFAULT_OCR_MIN_SCORE = 0.5
"""Recognised lines below this confidence are dropped (specks, stamps, halftone)."""
DEFAULT_OCR_MAX_SKEW = 5.0
"""Largest skew (degrees) corrected before OCR; a scanner feeds pages at most a few degrees off."""
DEFAULT_OCR_RULE_MIN_PT = 10.0
"""A dark run of at least this length (pt) on a scanned page is a candidate ruling line (glyph strokes of
16 pt text are shorter once the recognised characters are blanked out)."""
DEFAULT_OCR_ENGINE = "rapidocr"
DEFAULT_RENDER_LIMIT_PX = 8000
"""Never render a page side larger than this (a poster-size page at 200 dpi would need gigabytes)."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How scanned and garbled pages are read (``extract/ocr.py``, ``extract/image_tables.py``)."""

    dpi: int = DEFAULT_OCR_DPI
    det_max_side: int = DEFAULT_OCR_DET_MAX_SIDE
    min_score: float = DEFAULT_OCR_MIN_SCORE
    max_skew: float = DEFAULT_OCR_MAX_SKEW
    rule_min_pt: float = DEFAULT_OCR_RULE_MIN_PT
    threads: int = 0
    """onnxruntime intra-op threads; 0 lets it use every core."""
    det_text_px: float = 0.0
    """When set (e.g. 24), the detector sees each page scaled so its body text is this high (px), within
    960..``det_max_side``: ~15% less CPU per page at 24 (det ~2× faster on 16 pt pages); 0 (default) keeps
    ``det_max_side``. Off because the recogniser's reading of small marks flips when a line box moves by 1-2
    px, and any other detector scale moves boxes that much: a line-end ``，`` cut off (box end 1,417 ->
    1,415 px), ``〇`` read ``○``, ``。`` read ``·`` (a run-in heading no longer split from its text), ``〕``
    read ``】``; below ~1,300 px 12 pt table lines' boxes also grow ~25% taller and overlap the next line's
    (a two-line cell split into two rows). Fixed sides 1,600 and 1,760 px and the body-text fit each lowered
    at least one scanned document while raising others."""
    rec_batch: int = DEFAULT_OCR_REC_BATCH
    engine: str = DEFAULT_OCR_ENGINE
    """The OCR engine, by its name in :data:`~policy_extract.extract.registry.OCR_ENGINES`."""
    decode_glyphs: bool = True
    """Garbled fonts are decoded glyph by glyph in place (``extract/glyphs.py``); False reads their pages
    with page OCR instead."""
    read_under_seals: bool = True
    """Black text under a red seal (公章 over the 落款) is read again from the page's red channel, where the
    seal vanishes (``extract/seals.py``); False keeps the colour page's reading. Costs nothing on a page
    without red ink."""

    def __post_init__(self) -> None:
        if not 72 <= self.dpi <= 600:
            raise ValueError(f"OcrSettings.dpi must be in [72, 600], got {self.dpi!r}")
        if self.det_max_side < 320:
            raise ValueError(f"OcrSettings.det_max_side must be ≥ 320, got {self.det_max_side!r}")
        if not 0 <= self.min_score < 1:
            raise ValueError(f"OcrSettings.min_score must be in [0, 1), got {self.min_score!r}")
        if not 0 <= self.max_skew <= 45:
            raise ValueError(f"OcrSettings.max_skew must be in [0, 45], got {self.max_skew!r}")
        if self.rule_min_pt <= 0 or self.threads < 0:
            raise ValueError("OcrSettings.rule_min_pt must be > 0 and threads ≥ 0")
        if self.det_text_px < 0 or not 1 <= self.rec_batch <= 64:
            raise ValueError("OcrSettings.det_text_px must be ≥ 0 and rec_batch in [1, 64]")
        if not isinstance(self.decode_glyphs, bool):
            raise ValueError(f"OcrSettings.decode_glyphs must be true or false, not {self.decode_glyphs!r}")
        if not isinstance(self.read_under_seals, bool):
            raise ValueError("OcrSettings.read_under_seals must be true or false, "
                             f"not {self.read_under_seals!r}")
        if self.engine not in OCR_ENGINES:
            raise ValueError(f"OcrSettings.engine must be one of {', '.join(OCR_ENGINES)}, "
                             f"not {self.engine!r}")


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """Rules, grids, text lines, space-aligned tables, the table finders to run, and OCR (``ocr``)."""

    snap_tolerance: float = DEFAULT_SNAP_TOLERANCE
    join_tolerance: float = DEFAULT_JOIN_TOLERANCE
    max_rule_thickness: float = DEFAULT_MAX_RULE_THICKNESS
    min_rule_length: float = DEFAULT_MIN_RULE_LENGTH
    min_cell_size: float = DEFAULT_MIN_CELL_SIZE
    edge_coverage: float = DEFAULT_EDGE_COVERAGE
    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    latin_space_em: float = DEFAULT_LATIN_SPACE_EM
    latin_word_gap_em: float = DEFAULT_LATIN_WORD_GAP_EM
    cjk_space_em: float = DEFAULT_CJK_SPACE_EM
    word_gap_em: float = DEFAULT_WORD_GAP_EM
    borderless_min_lines: int = DEFAULT_BORDERLESS_MIN_LINES
    borderless_min_gutter_em: float = DEFAULT_BORDERLESS_MIN_GUTTER_EM
    table_finders: tuple[str, ...] = DEFAULT_TABLE_FINDERS
    """The table finders to run, in order, by their names in
    :data:`~policy_extract.extract.registry.TABLE_FINDERS` (``("lattice",)``: no space-aligned tables)."""
    page_source: str = DEFAULT_PAGE_SOURCE
    """Where characters and rules come from, by name in :data:`~policy_extract.extract.registry.PAGE_SOURCES`
    (``pdfminer``, the default, or ``pdfium``)."""
    ocr: OcrSettings = field(default_factory=OcrSettings)

    def __post_init__(self) -> None:
        if self.page_source not in PAGE_SOURCES:
            raise ValueError(f"ExtractSettings.page_source must be one of {', '.join(PAGE_SOURCES)}, "
                             f"not {self.page_source!r}")
        for name in ("snap_tolerance", "join_tolerance", "max_rule_thickness", "min_rule_length",
                     "min_cell_size", "line_tolerance", "latin_space_em", "latin_word_gap_em", "cjk_space_em",
                     "word_gap_em",
                     "borderless_min_gutter_em"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ExtractSettings.{name} must be > 0, got {getattr(self, name)!r}")
        if not 0 < self.edge_coverage <= 1:
            raise ValueError(f"ExtractSettings.edge_coverage must be in (0, 1], got {self.edge_coverage!r}")
        if self.borderless_min_lines < 2:
            raise ValueError("ExtractSettings.borderless_min_lines must be ≥ 2")
        self._check_finders()

    def _check_finders(self) -> None:
        """Known names, none twice; a list (from a dict of settings) is kept as a tuple."""
        finders = self.table_finders
        if isinstance(finders, str) or not isinstance(finders, tuple | list):
            raise ValueError(f"ExtractSettings.table_finders must be a list of names, not {finders!r}")
        unknown = [name for name in finders if name not in TABLE_FINDERS]
        if unknown or len(set(finders)) != len(finders):
            raise ValueError(f"ExtractSettings.table_finders must name each of {', '.join(TABLE_FINDERS)} "
                             f"at most once, not {list(finders)!r}")
        object.__setattr__(self, "table_finders", tuple(finders))
