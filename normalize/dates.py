"""Dates: 成文日期 → ISO date, 完成时限 → a model Deadline at the precision written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from policy_extract.core.model import Deadline

from .numerals import parse_chinese_number, to_halfwidth

_CN = "〇○零一二三四五六七八九十"
_NUM = rf"(\d{{1,4}}|[{_CN}]{{1,4}})"
_FULL_DATE = re.compile(rf"{_NUM}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日")
_DOTTED_DATE = re.compile(r"(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)")
_MENTION = re.compile(
    rf"(?:{_NUM}\s*年\s*)?(?:(上半年|下半年|年底|年末)|{_NUM}\s*月\s*(?:{_NUM}\s*日)?)?\s*(底|末|上旬|中旬|下旬)?"
)
_RANGE_JOIN = re.compile(r"\s*(?:至|到|—{1,2}|-|～|~|–)\s*")
_DEADLINE_WORDS = re.compile(r"^[\s,，。;；:：、]*(?:前|以前|之前|止|完成|为止)?[\s,，。;；:：、]*")
_EDGE = " \t\n,，。;；:：、"
_HALF_YEAR = {"上半年": (6, None), "下半年": (12, 31), "年底": (12, 31), "年末": (12, 31)}


def _number(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_chinese_number(text)
    return value if isinstance(value, int) else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO at the precision given; None when the date does not exist."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """First full date in ``text`` as ISO (``二〇二一年十一月三十日`` → ``2021-11-30``), else None."""
    half = to_halfwidth(text)
    m = _FULL_DATE.search(half) or _DOTTED_DATE.search(half)
    if not m:
        return None
    year, month, day = (_number(g) for g in m.groups())
    if year is None or year < 1000 or month is None or day is None:
        return None
    return _iso(year, month, day)


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    year_end: bool
    """``年底``/``下半年``: the year's last day."""


def _mentions(text: str) -> list[_Mention]:
    found = []
    for m in _MENTION.finditer(text):
        y, half, mo, d, _suffix = m.groups()
        year, month, day = _number(y), _number(mo), _number(d)
        if year is not None and year < 1000:
            continue  # 3年 is a duration, not a year
        if year is None and month is None and half is None:
            continue
        if half:
            month, day = _HALF_YEAR[half]
        elif month is None and _suffix in ("底", "末"):
            month, day = 12, 31
        found.append(_Mention(m.start(), m.end(), year, month, day, half in ("年底", "年末", "下半年")))
    return found


def _iso_of(m: _Mention, year: int | None) -> str | None:
    y = m.year if m.year is not None else year
    return None if y is None else _iso(y, m.month, m.day)


def _with_years(mentions: list[_Mention], doc_year: int | None) -> list[str | None]:
    """ISO per mention; a mention without a year takes the previous mention's, else the document's."""
    out, year = [], doc_year
    for m in mentions:
        if m.year is not None:
            year = m.year
        out.append(_iso_of(m, year))
    return out


def _clean(text: str) -> str:
    return " ".join(text.split())


def _note(rest: str) -> str | None:
    note = _DEADLINE_WORDS.sub("", rest).strip(_EDGE)
    return note or None


def _range_start(text: str, mentions: list[_Mention]) -> bool:
    return len(mentions) >= 2 and bool(_RANGE_JOIN.fullmatch(text[mentions[0].end : mentions[1].start]))


def parse_deadline(text: str, *, doc_year: int | None = None) -> Deadline:
    """A 完成时限 as printed → Deadline (``raw`` unchanged, dates at the precision written).

    ``2014 年 5月至 2015 年 6 月，要保证…`` gives start, end and the rest in ``note``; several milestones
    give the last as ``end`` and no note; text without a date (长期, 持续) gives null dates and itself
    as ``note``.
    """
    flat = "".join(to_halfwidth(text).split())
    mentions = _mentions(flat)
    if not mentions:
        return Deadline(raw=text, note=_clean(text).strip(_EDGE) or None)
    isos = _with_years(mentions, doc_year)
    if _range_start(flat, mentions):
        note = _note(flat[mentions[1].end :]) if len(mentions) == 2 else None
        return Deadline(raw=text, start=isos[0], end=isos[-1], note=note)
    if len(mentions) > 1:
        return Deadline(raw=text, end=isos[-1])
    m = mentions[0]
    rest = flat[: m.start] + flat[m.end :]
    return Deadline(raw=text, end=isos[0], note=_note(rest))
