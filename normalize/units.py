"""Units of measure: canonical symbols (SPEC "unit") and the unit in brackets at the end of an indicator name.

Metric units get their symbol (``微克/立方米`` → ``μg/m³``); Chinese counting and money units stay as written
(``个``, ``万元``), optionally with a magnitude (``万人``) and a per-unit (``次/年``).
"""

from __future__ import annotations

import re

from policy_extract.core.vocabulary import (
    COUNTING_UNITS,
    LATIN_UNIT,
    MEASURE_UNITS,
    UNIT_MAGNITUDES,
    UNIT_QUALIFIERS,
    UNIT_SYMBOLS,
)

from .numerals import to_halfwidth

_PER = r"(?:/|每)"


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


def _counting_pattern() -> str:
    """The grammar of a unit written in Chinese: ``[magnitude] base [qualifier]`` then up to two
    ``/ [magnitude] base`` per-units (``万吨标准煤``, ``元/人``, ``万立方米/日``, ``个百分点``, ``元/人/天``,
    ``公里/百平方公里``) or a rate ``1/10万``."""
    bases = _alternatives(COUNTING_UNITS + MEASURE_UNITS)
    mags = _alternatives(UNIT_MAGNITUDES)
    quals = _alternatives(UNIT_QUALIFIERS)
    unit = rf"(?:{mags})?(?:{bases})(?:{quals})?"
    rate = rf"1/\d*(?:{mags})(?:{bases})?"
    return rf"(?:{unit}(?:{_PER}(?:{mags})?(?:{bases})){{0,2}}|{rate})"


_COUNTING = re.compile(_counting_pattern())
_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"^单位[:：]\s*")
_TRAILING_BRACKET = re.compile(r"\s*[(（]\s*((?:[^()（）]|[(（][^()（）]*[)）]){1,16}?)\s*[)）]\s*$")


def _key(text: str) -> str:
    """Half-width, no spaces, Latin lower-cased, ``μ`` spelled one way: the lookup form of a written unit."""
    return _SPACES.sub("", to_halfwidth(text)).replace("µ", "μ").lower()


def canonical_unit(text: str) -> str | None:
    """The SPEC symbol of a written unit (``微克／立方米`` → ``μg/m³``, ``（个）`` → ``个``), else None."""
    key = _LABEL.sub("", _key(text))
    if len(key) >= 2 and key[0] in "([" and key[-1] in ")]":
        key = key[1:-1]
    if not key:
        return None
    latin = _SPACES.sub("", to_halfwidth(text)).strip("()[]")
    if LATIN_UNIT.fullmatch(latin):
        return latin
    if key in UNIT_SYMBOLS:
        return UNIT_SYMBOLS[key]
    if _COUNTING.fullmatch(key):
        return key.replace("每", "/")
    return None


def match_unit(text: str, start: int = 0) -> tuple[str, int] | None:
    """Longest unit written at ``text[start:]`` (spaces skipped) as ``(canonical, end offset)``, or None."""
    pos = start
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    for end in range(min(len(text), pos + 12), pos, -1):
        chunk = text[pos:end]
        if chunk[-1].isspace():
            continue
        unit = canonical_unit(chunk)
        if unit is not None and not _cuts_latin_word(text, end):
            return unit, end
    return None


def _cuts_latin_word(text: str, end: int) -> bool:
    """``5 days`` must not read ``d``… as a unit: a Latin unit has to end where the Latin word ends."""
    return (
        end < len(text)
        and text[end - 1].isascii()
        and text[end - 1].isalpha()
        and text[end].isascii()
        and text[end].isalpha()
    )


def split_name_unit(name: str) -> tuple[str, str | None]:
    """``合格率 (%)`` → ``("合格率", "%")``; a bracket that is not a unit (``（PM2.5）``) stays."""
    m = _TRAILING_BRACKET.search(name)
    if not m:
        return name, None
    unit = canonical_unit(m.group(1))
    if unit is None:
        return name, None
    return name[: m.start()].rstrip(), unit
