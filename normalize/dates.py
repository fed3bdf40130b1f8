"""Dates: 成文日期 → ISO date, 完成时限 → a model Deadline at the precision written; the one date parser.

The words around dates (年底, 上旬, 至, 前…) are vocabulary (:mod:`policy_extract.core.vocabulary`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from policy_extract.core.model import Deadline
from policy_extract.core.vocabulary import (
    BY_DATE_WORDS,
    BY_DEADLINE_WORDS,
    DATE_NUMERALS,
    DEADLINE_BY,
    DEADLINE_FROM,
    DEADLINE_FROM_INTRO,
    DEADLINE_ONGOING,
    MONTH_PARTS,
    OCR_DATE_SPECKS,
    QUARTER_END,
    RANGE_JOINS,
    RELATIVE_YEAR_OPENING,
    RELATIVE_YEARS,
    YEAR_PARTS,
)

from .numerals import parse_integer, to_halfwidth

_NUM = rf"(\d{{1,4}}|[{DATE_NUMERALS}]{{1,4}})"
_FULL_DATE = re.compile(rf"{_NUM}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日")
_DOTTED_DATE = re.compile(r"(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)")
_MONTH_PARTS = "|".join(MONTH_PARTS)
_YEAR_PARTS = "|".join(YEAR_PARTS)
_MENTION = re.compile(
    rf"(?:{_NUM}\s*年\s*)?(?:({_YEAR_PARTS})|{QUARTER_END}|{_NUM}\s*月\s*(?:{_NUM}\s*日)?)?\s*({_MONTH_PARTS})?"
)
_DAY_NUM = rf"(?:\d{{1,2}}|[{DATE_NUMERALS}]{{1,3}})"
_MONTH = rf"{_DAY_NUM}\s*月\s*(?:{_DAY_NUM}\s*日)?\s*(?:{_MONTH_PARTS})?"
_YEAR_END = "|".join(p.removeprefix("年") for p in YEAR_PARTS)
_BY_DATE = re.compile(
    rf"(?:(?<!\d)\d{{4}}\s*年\s*(?:{_YEAR_END}|{_MONTH})|(?<![\d年]){_MONTH})\s*(?:{'|'.join(BY_DATE_WORDS)})"
)
_YEAR_RANGE = re.compile(rf"(?<!\d)(\d{{4}})(?=(?:{RANGE_JOINS.pattern})\d{{4}}\s*年)")
"""The first year of a range printed with one 年 (``2024—2025年``, ``2024-2026年``): read as
``2024年—2025年``."""
_EDGE = " \t\n,，。;；:：、"
_CN_MONTH_DAY = "[一二三四五六七八九十]{1,3}"
FULL_DATE_FORM = (
    r"(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    rf"|([〇○零一二三四五六七八九]{{4}})\s*年\s*({_CN_MONTH_DAY})\s*月\s*({_CN_MONTH_DAY})\s*日)"
)
"""A full date as a 成文日期 or 印发 date is printed (``2021年11月30日``, ``二〇二一年十一月三十日``): the
form a signature line holds; narrower than what :func:`parse_date` reads inside running text."""
_DATE_ONLY = re.compile(rf"^\s*{FULL_DATE_FORM}\s*$")


def is_date_line(text: str) -> bool:
    """A line holding nothing but a full printed date (the signature's 成文日期)."""
    return bool(_DATE_ONLY.match(text))


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
    year, month, day = (parse_integer(g) for g in m.groups())
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
        y, half, quarter, mo, d, _suffix = m.groups()
        year, month, day = parse_integer(y), parse_integer(mo), parse_integer(d)
        if quarter:
            month = 3 * (parse_integer(quarter) or 0)
        if year is not None and year < 1000:
            continue  # 3年 is a duration, not a year
        if year is None and month is None and half is None:
            continue
        if half:
            month, day = YEAR_PARTS[half]
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
    note = BY_DEADLINE_WORDS.sub("", rest).strip(_EDGE)
    return note or None


def _range_start(text: str, mentions: list[_Mention]) -> bool:
    return len(mentions) >= 2 and bool(RANGE_JOINS.fullmatch(text[mentions[0].end : mentions[1].start]))


def parse_deadline(text: str, *, doc_year: int | None = None) -> Deadline:
    """A 完成时限 as printed → Deadline (``raw`` unchanged, dates at the precision written).

    ``2014 年 5月至 2015 年 6 月，要保证…`` gives start, end and the rest in ``note``; several milestones
    give the last as ``end`` and no note; text without a date (长期, 持续) gives null dates and itself
    as ``note``.
    """
    flat = _YEAR_RANGE.sub(r"\1年", OCR_DATE_SPECKS.sub("", "".join(to_halfwidth(text).split())))
    if doc_year is not None:  # 明年6月底前 → 2025年6月底前 in a 2024 document
        year = doc_year
        flat = RELATIVE_YEAR_OPENING.sub(lambda r: f"{r['intro']}{year + RELATIVE_YEARS[r['word']]}年", flat)
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
    after = flat[m.end :]
    if (since := DEADLINE_FROM.match(after)) is not None:
        # ``自2024年起长期坚持``: a period that opens then and has no end; the rest is its note.
        before = DEADLINE_FROM_INTRO.sub("", flat[: m.start])
        return Deadline(raw=text, start=isos[0], note=_note(before + after[since.end() :]))
    if by := DEADLINE_BY.match(after):
        # ``9月底前出台实施方案``, ``2025年底前完成``: what is to be done by then is the task's, not a note;
        # ``2024年底前，长期坚持``: an ongoing word that is all the rest is the deadline's own.
        ongoing = DEADLINE_ONGOING.fullmatch(after, by.end())
        after = ongoing.group(1) if ongoing else ""
    return Deadline(raw=text, end=isos[0], note=_note(flat[: m.start] + after))


def deadline_in_text(text: str, *, doc_year: int | None = None) -> Deadline | None:
    """The deadline a task writes into its own text (``…应在2026年底前退出`` → raw ``2026年底前``, end
    ``2026-12-31``): a month or part of a year followed by 前/以前/之前; with several, the last (SPEC: "with
    several milestones the last one is the end"). None when the text names none: a target year is no
    deadline."""
    found = list(_BY_DATE.finditer(to_halfwidth(text)))
    if not found:
        return None
    m = found[-1]
    return parse_deadline(text[m.start() : m.end()], doc_year=doc_year)
