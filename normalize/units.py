"""Units of measure: canonical symbols (SPEC "unit") and the unit in brackets at the end of an indicator name.

Metric units get their symbol (``微克/立方米`` → ``μg/m³``); Chinese counting and money units stay as written
(``个``, ``万元``), optionally with a magnitude (``万人``) and a per-unit (``次/年``).
"""

from __future__ import annotations

import re

from .numerals import to_halfwidth

DEFAULT_SYMBOLS: dict[str, str] = {
    "%": "%",
    "百分比": "%",
    "‰": "‰",
    "μg/m³": "μg/m³",
    "μg/m3": "μg/m³",
    "µg/m³": "μg/m³",
    "µg/m3": "μg/m³",
    "ug/m³": "μg/m³",
    "ug/m3": "μg/m³",
    "微克/立方米": "μg/m³",
    "微克每立方米": "μg/m³",
    "mg/m³": "mg/m³",
    "mg/m3": "mg/m³",
    "毫克/立方米": "mg/m³",
    "mg/l": "mg/L",
    "毫克/升": "mg/L",
    "db(a)": "dB(A)",
    "dba": "dB(A)",
    "分贝": "dB(A)",
    "分贝(a)": "dB(A)",
    "db": "dB",
    "m²": "m²",
    "m2": "m²",
    "㎡": "m²",
    "平方米": "m²",
    "平米": "m²",
    "km²": "km²",
    "km2": "km²",
    "㎢": "km²",
    "平方公里": "km²",
    "平方千米": "km²",
    "m³": "m³",
    "m3": "m³",
    "立方米": "m³",
    "km": "km",
    "公里": "km",
    "千米": "km",
    "个百分点": "百分点",
    "百分点": "百分点",
}
"""Written form (half-width, lower-case Latin, no spaces) → canonical symbol."""

DEFAULT_COUNTING_UNITS: tuple[str, ...] = (
    "个", "家", "项", "名", "人", "天", "次", "元", "美元", "所", "座", "件", "户", "条", "部", "台", "套",
    "张", "辆", "吨", "亩", "公顷", "千瓦", "千瓦时", "瓦", "小时", "年", "月", "日", "份", "批", "处",
    "种", "只", "头", "本", "册", "场", "期", "届", "篇", "位", "例", "床", "张床", "间", "栋", "幢", "所",
    "辆次", "人次", "户次", "家次", "件次", "批次", "个次", "倍", "岁", "分", "株", "棵", "片", "块", "支",
    "队", "组", "类", "级", "标箱", "架次", "航班", "趟", "班", "宗", "款", "首", "部", "册", "册次",
)  # fmt: skip
"""Chinese units kept as written.  ``类``/``级`` are here only for the bracketed-unit rule; in values a number
followed by them is a grade (``III类``) and the value parser never reads those as counts."""

DEFAULT_MAGNITUDES: tuple[str, ...] = ("十万", "百万", "千万", "万", "亿", "千", "百")

_PER = r"(?:/|每)"


def _counting_pattern() -> str:
    bases = "|".join(sorted(set(DEFAULT_COUNTING_UNITS), key=len, reverse=True))
    mags = "|".join(DEFAULT_MAGNITUDES)
    return rf"(?:{mags})?(?:{bases})(?:{_PER}(?:{bases}))?"


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
    if key in DEFAULT_SYMBOLS:
        return DEFAULT_SYMBOLS[key]
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
