"""Indicator values: a table cell or a requirement sentence → model Value records.

The parsers read a half-width copy of the text (same length, so offsets line up) in which base-year phrases
(``在2010年基础上``) and year mentions (``2013 年``) are masked, so that years are never read as values.
Each number then becomes one value; the operator comes from the last operator word between the previous value
and this one (``达到``, ``≥``, ``削减``…), or from a word right after it (``以上``, ``以内``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_extract.core.model import Value
from policy_extract.core.vocabulary import (
    NAME_CONNECTORS,
    NUMERAL_DIGITS,
    REQUIREMENT_LEADING_VERBS,
    REQUIREMENT_RESULT_VERBS,
    REQUIREMENT_SCOPE_PREFIXES,
    REQUIREMENT_STATE_PREDICATE,
    REQUIREMENT_TRAILING_FILLERS,
    VALUE_OP_WORDS,
    VALUE_POST_WORDS,
)

from .numerals import parse_chinese_number, to_halfwidth
from .units import canonical_unit, match_unit

_BY_OPS = ("increase_by", "decrease_by")
_NULL = re.compile(r"[\s\-—–―/\\~…]*")
_YEAR = r"((?:19|20)\d{2})"
_BASE = re.compile(
    rf"在\s*{_YEAR}\s*年[度底末]?\s*的?\s*(?:基础上|水平上)|(?:比|较|与|同)\s*{_YEAR}\s*年[度底末]?\s*(?:相比)?"
)
_RELATIVE_BASE = re.compile(r"在?上一?年度?(?:的)?(?:基础上|基数上)|(?:比|较)上一?年度?")
_YEAR_MENTION = re.compile(rf"(?<![\d.]){_YEAR}\s*年[度底末]?")
_ARABIC = re.compile(r"(?<![A-Za-z\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CHINESE = re.compile(
    r"(?:百分之|千分之)?[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?"
)
_PERCENT_WORD = re.compile(r"(百分之|千分之)\s*(\d+(?:\.\d+)?)")
_RANGE_DASH = re.compile(r"\s*(?:-{1,2}|—{1,2}|–|―|~|〜|至|到)\s*")
_BOUNDARY = re.compile(r"\s*(?:$|[,，。;；、)）]|以上|以下|以内|和|及|或)")
_SCOPE = re.compile(r"([^\s\d:,;，；、%()（）\[\]]{1,10}?)\s*:\s*")
_MAGNITUDE = re.compile(r"\s*(万|亿)")
_MASK = "#"


def _op_pattern() -> re.Pattern[str]:
    words = [(w, op) for op, ws in VALUE_OP_WORDS.items() for w in ws]
    alts = [
        re.escape(w) + ("(?![率幅量])" if op in _BY_OPS else "")
        for w, op in sorted(words, key=lambda x: -len(x[0]))
    ]
    return re.compile("|".join([*alts, r"达(?=\s*[\d\[])"]))


_OP_WORD = _op_pattern()
_OP_OF: dict[str, str] = {w: op for op, ws in VALUE_OP_WORDS.items() for w in ws} | {"达": ">="}
_POST = re.compile(r"[\s\]]*(" + "|".join(sorted(VALUE_POST_WORDS, key=len, reverse=True)) + ")")


@dataclass(frozen=True, slots=True)
class _Expr:
    """One number found in a text, with what the words around it say."""

    start: int
    """Where the value's own words begin (operator, base-year phrase or year mention), for names and raws."""
    end: int
    op: str
    value: float
    value_max: float | None
    unit: str | None
    year: int | None
    base_year: int | None


@dataclass(slots=True)
class ParsedIndicator:
    """One measured quantity of a requirement sentence."""

    name: str
    values: list[Value] = field(default_factory=list)
    raw: str = ""


@dataclass(frozen=True, slots=True)
class _Masked:
    text: str
    years: list[tuple[int, int, int]]
    """``(start, end, year)`` of year mentions."""
    bases: list[tuple[int, int, int | None]]
    """``(start, end, base_year)`` of base phrases; None for ``在上一年度基础上``."""


# ----------------------------------------------------------------------------------------------- scanning


def _mask(text: str) -> _Masked:
    """Half-width copy with base phrases and year mentions blanked (same length)."""
    chars = list(to_halfwidth(text))
    bases: list[tuple[int, int, int | None]] = []
    for m in _BASE.finditer("".join(chars)):
        year = m.group(1) or m.group(2)
        bases.append((m.start(), m.end(), int(year)))
        chars[m.start() : m.end()] = _MASK * (m.end() - m.start())
    for m in _RELATIVE_BASE.finditer("".join(chars)):
        bases.append((m.start(), m.end(), None))
        chars[m.start() : m.end()] = _MASK * (m.end() - m.start())
    years: list[tuple[int, int, int]] = []
    for m in _YEAR_MENTION.finditer("".join(chars)):
        years.append((m.start(), m.end(), int(m.group(1))))
        chars[m.start() : m.end()] = _MASK * (m.end() - m.start())
    return _Masked("".join(chars), years, sorted(bases))


def _number_at(text: str, pos: int) -> tuple[float, int, str | None] | None:
    """The number starting at ``pos`` as ``(value, end, unit implied by 百分之)``, or None."""
    m = _ARABIC.match(text, pos)
    if m:
        return float(m.group().replace(",", "")), m.end(), None
    m = _PERCENT_WORD.match(text, pos)
    if m:
        return float(m.group(2)), m.end(), "%" if m.group(1) == "百分之" else "‰"
    m = _CHINESE.match(text, pos)
    if not m:
        return None
    return _chinese_number(text, m)


def _chinese_number(text: str, m: re.Match[str]) -> tuple[float, int, str | None] | None:
    """A Chinese numeral counts as ``百分之N`` or before a unit and a boundary (三个, not 一次验收)."""
    word, implied = m.group(), None
    for prefix, unit in (("百分之", "%"), ("千分之", "‰")):
        if word.startswith(prefix):
            word, implied = word[len(prefix) :], unit
    if not any(ch in NUMERAL_DIGITS or ch == "十" for ch in word):
        return None
    value = parse_chinese_number(word)
    if value is None:
        return None
    if implied is None:
        unit = match_unit(text, m.end())
        if unit is None or unit[0] in ("类", "级") or not _BOUNDARY.match(text, unit[1]):
            return None
    return float(value), m.end(), implied


def _number_starts(masked: str) -> list[int]:
    starts = {m.start() for m in _ARABIC.finditer(masked)}
    starts |= {m.start() for m in _CHINESE.finditer(masked)}
    return sorted(starts)


def _unit_after(text: str, pos: int) -> tuple[str | None, int]:
    """Unit written at ``pos`` (``万``/``亿`` alone kept as a magnitude), with the offset after it."""
    found = match_unit(text, pos)
    if found and found[0] not in ("类", "级"):
        return found
    m = _MAGNITUDE.match(text, pos)
    if m:
        return m.group(1), m.end()
    return None, pos


def _range_after(text: str, pos: int) -> tuple[float, str | None, int] | None:
    m = _RANGE_DASH.match(text, pos)
    if not m:
        return None
    second = _ARABIC.match(text, m.end())
    if not second:
        return None
    unit, end = _unit_after(text, second.end())
    return float(second.group().replace(",", "")), unit, end


def _last_op(text: str, lo: int, hi: int) -> tuple[str | None, int]:
    """The last operator word starting in ``text[lo:hi]`` and its offset (-1 when none)."""
    found = [m for m in _OP_WORD.finditer(text, lo) if m.start() < hi and m.end() <= hi + 1]
    if not found:
        return None, -1
    m = found[-1]
    return _OP_OF[m.group()], m.start()


def _combine(pre: str | None, post: str | None) -> str:
    """``稳定在 96%以上`` → ``>=``; a word before the number wins (``下降5.5%以上`` stays decrease_by)."""
    if pre is not None:
        return pre
    return post or "="


def _expr_at(ms: _Masked, pos: int, prev_end: int) -> _Expr | None:
    text = ms.text
    number = _number_at(text, pos)
    if number is None:
        return None
    value, end, implied = number
    if end < len(text) and text[end].isascii() and text[end].isalpha() and match_unit(text, end) is None:
        return None  # 5G, 3D: a code, not a count
    unit, end = (implied, end) if implied else _unit_after(text, end)
    value_max = None
    rng = _range_after(text, end)
    if rng:
        value_max, unit2, end = rng
        unit = unit or unit2
    post = _POST.match(text, end)
    post_op = VALUE_POST_WORDS[post.group(1)] if post else None
    end = post.end() if post else end
    op, op_at = _last_op(text, prev_end, pos)
    op = "range" if rng else _combine(op, post_op)
    year = _last_in(ms.years, prev_end, pos)
    base = _last_in(ms.bases, prev_end, pos)
    own_year = year if _year_reads_with(text, year, pos) else None
    start = _expr_start(pos, op_at if op_at >= 0 else None, own_year, base)
    return _Expr(start, end, op, value, value_max, unit, year[2] if year else None, base[2] if base else None)


def _last_in(spans: list[tuple[int, int, int]] | list[tuple[int, int, int | None]], lo: int, hi: int):
    inside = [s for s in spans if lo <= s[0] and s[1] <= hi]
    return inside[-1] if inside else None


def _year_reads_with(text: str, year: tuple | None, pos: int) -> bool:
    """``2016年95``, ``2016年为95``: a year belongs to the value it stands right before; in ``2020年全市森林
    覆盖率为58%`` the name between them is the indicator's, so the year stays with the sentence."""
    if year is None:
        return False
    between = text[year[1] : pos].strip(_EDGE_PUNCT)
    for filler in REQUIREMENT_TRAILING_FILLERS:
        between = between.removeprefix(filler)
    return not between.strip(_EDGE_PUNCT)


def _expr_start(pos: int, op_at: int | None, year: tuple | None, base: tuple | None) -> int:
    """An operator or base phrase belongs to the value; a year only when nothing else precedes the number."""
    marks = [p for p in (op_at, base[0] if base else None) if p is not None]
    if marks:
        return min(marks)
    return year[0] if year else pos


def _scan(text: str) -> tuple[_Masked, list[_Expr]]:
    ms = _mask(text)
    exprs: list[_Expr] = []
    prev_end = 0
    for pos in _number_starts(ms.text):
        if pos < prev_end:
            continue
        expr = _expr_at(ms, pos, prev_end)
        if expr is not None:
            exprs.append(expr)
            prev_end = expr.end
    return ms, exprs


# -------------------------------------------------------------------------------------------- cell values


def _phrase(text: str) -> str:
    return text.strip().strip("。.;；,，、 \t\n")


def _unit_for(written: str | None, fallback: str | None) -> str | None:
    """The unit written in the cell wins; a bare 万/亿 scales the indicator's unit (``1.5万`` 人 → 万人)."""
    if written in ("万", "亿"):
        scaled = f"{written}{fallback or ''}"
        return scaled if canonical_unit(scaled) else written
    return written or fallback


def _value_of(expr: _Expr, raw: str, *, year: int | None, kind: str, unit: str | None,
              scope: str | None) -> Value:  # fmt: skip
    return Value(
        year=expr.year if expr.year is not None else year,
        kind=kind,  # type: ignore[arg-type]
        raw=raw,
        op=expr.op,
        value=expr.value,
        value_max=expr.value_max,
        unit=_unit_for(expr.unit, unit),
        scope=scope,
        base_year=expr.base_year,
    )


def _scopes(text: str) -> list[tuple[str | None, str]]:
    """``国家: 1 省市级: 2`` → ``[("国家", "1"), ("省市级", "2")]``; no leading label → one part."""
    half = to_halfwidth(text)
    labels = list(_SCOPE.finditer(half))
    if not labels or half[: labels[0].start()].strip():
        return [(None, text)]
    parts: list[tuple[str | None, str]] = []
    for i, m in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        parts.append((text[m.start(1) : m.end(1)], text[m.end() : stop]))
    return parts


def parse_values(
    text: str, *, year: int | None = None, kind: str = "target", unit: str | None = None
) -> list[Value]:
    """Values of one cell or sentence part; ``raw`` is ``text`` unchanged on every value.

    ``year``/``kind`` come from the column (a year written in the text wins), ``unit`` is the indicator's
    unit, used where the text writes none.  Null marks (``--``, ``—``, ``/``, empty) give one all-null value.
    """
    if _NULL.fullmatch(to_halfwidth(text)):
        return [Value(year=year, kind=kind, raw=text)]  # type: ignore[arg-type]
    values: list[Value] = []
    for scope, part in _scopes(text):
        _, exprs = _scan(part)
        if not exprs:
            values.append(Value(year=year, kind=kind, raw=text, scope=scope, text=_phrase(part)))  # type: ignore[arg-type]
            continue
        values += [_value_of(e, text, year=year, kind=kind, unit=unit, scope=scope) for e in exprs]
    return values


# ----------------------------------------------------------------------------------- requirement sentences

_SENTENCE_END = re.compile(r"[。;；!！?？]")
_LEADING_YEAR = re.compile(rf"^(?:到|至|截至|截止|在)?\s*{_YEAR}\s*年[度底末]?(?:前|时)?")
_EDGE_PUNCT = " \t\n,，。;；:：、"


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    name: str
    exprs: list[_Expr]
    qualitative: str | None
    """For a clause without a number but with an operator word: the phrase from that word on."""
    year: int | None


def _split_outside_brackets(text: str, seps: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans of ``text[lo:hi]`` split on any of ``seps`` at bracket depth 0."""
    spans, depth, start = [], 0, lo
    for i in range(lo, hi):
        ch = text[i]
        depth += (ch in "(（[【") - (ch in ")）]】")
        if ch in seps and depth <= 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, hi))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _clean_name(name: str) -> str:
    name = _LEADING_YEAR.sub("", name.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    for verb in REQUIREMENT_LEADING_VERBS:
        if name.startswith(verb) and len(name) > len(verb):
            name = name[len(verb) :].lstrip(_EDGE_PUNCT)
            break
    if name in REQUIREMENT_LEADING_VERBS:
        return ""
    for scope in REQUIREMENT_SCOPE_PREFIXES:
        if name.startswith(scope) and len(name) > len(scope) + 1 and name[len(scope)] != "域":
            name = name[len(scope) :]
            break
    changed = True
    while changed:
        changed = False
        for filler in REQUIREMENT_TRAILING_FILLERS:
            if name.endswith(filler) and len(name) > len(filler):
                name, changed = name[: -len(filler)].rstrip(_EDGE_PUNCT), True
    return name


def _clause(sentence: str, half: str, lo: int, hi: int) -> _Clause:
    ms, exprs = _scan(sentence[lo:hi])
    exprs = [_shift(e, lo) for e in exprs]
    year = ms.years[0][2] if ms.years else None
    if len(exprs) > 1 and _qualifies_name(half, lo, exprs[0], exprs[1]):
        exprs = exprs[1:]
    if exprs:
        name = _clean_name(sentence[lo : exprs[0].start])
        if not name:
            name = _clean_name(sentence[exprs[0].end : exprs[-1].end if len(exprs) > 1 else hi])
        return _Clause(lo, hi, name, exprs, None, year)
    m = next((m for m in _OP_WORD.finditer(half, lo, hi) if _OP_OF[m.group()] not in _BY_OPS), None)
    if m:
        return _Clause(
            lo, hi, _clean_name(sentence[lo : m.start()]), [], _phrase(sentence[m.start() : hi]), year
        )
    verb = _result_verb(half, lo, hi)
    if verb is not None:
        return _Clause(lo, hi, _clean_name(sentence[lo:verb]), [], _phrase(sentence[verb:hi]), year)
    return _Clause(lo, hi, _clean_name(sentence[lo:hi]), [], None, year)


def _qualifies_name(half: str, lo: int, first: _Expr, second: _Expr) -> bool:
    """``5岁以下儿童死亡率控制在4‰以下``: a number before the name with no operator word of its own, the name
    running on right after it, is part of the name (an age band, a size class), not a value."""
    nxt = half[first.end] if first.end < len(half) else ""
    return (
        "\u4e00" <= nxt <= "\u9fff"
        and nxt not in NAME_CONNECTORS
        and second.start > first.end
        and _OP_WORD.search(half, lo, first.end) is None
    )


def _result_verb(half: str, lo: int, hi: int) -> int | None:
    """Where a result verb splits a qualitative clause into quantity and requirement (not at its start)."""
    found = [i for v in REQUIREMENT_RESULT_VERBS if (i := half.find(v, lo, hi)) > lo + 1]
    return min(found) if found else None


def _shift(e: _Expr, by: int) -> _Expr:
    return _Expr(e.start + by, e.end + by, e.op, e.value, e.value_max, e.unit, e.year, e.base_year)


def _kind(year: int | None, doc_year: int | None) -> str:
    return "baseline" if year is not None and doc_year is not None and year < doc_year else "target"


def _clause_values(c: _Clause, raw: str, context_year: int | None, doc_year: int | None,
                   unit: str | None) -> list[Value]:  # fmt: skip
    values = []
    for e in c.exprs:
        year = e.year if e.year is not None else context_year
        values.append(_value_of(e, raw, year=year, kind=_kind(year, doc_year), unit=unit, scope=None))
    return values


def _part_indicators(sentence: str, half: str, lo: int, hi: int, doc_year: int | None,
                     unit: str | None) -> list[ParsedIndicator]:  # fmt: skip
    """Indicators of one sentence: clauses with a name start one, clauses without attach to the last name."""
    out: list[ParsedIndicator] = []
    starts: list[int] = []  # where each indicator's text begins, for its raw
    pending: tuple[str, int] | None = None  # a name clause still waiting for its values
    context: tuple[int, int] | None = None  # (year, clause start) of a clause that only names a year
    base: int | None = None  # the year of a clause that only names a base (在2020年基础上，…下降13.5%)
    for a, b in _value_clauses(half, lo, hi):
        if (only := _BASE.fullmatch(half[a:b].strip())) is not None:
            base = int(only.group(1) or only.group(2))
            continue
        c = _clause(sentence, half, a, b)
        if not c.exprs and c.qualitative is None:
            if not c.name and c.year is not None:
                context = (c.year, a)
            elif c.name:
                pending = (c.name, a)
            continue
        year = context[0] if context else None
        # A year clause opens the raw text of the first indicator after it only (到2025年，A…，B…).
        own_start = context[1] if context and c.name and context[1] >= 0 else a
        context = (context[0], -1) if context and c.name else context
        raw = _phrase(sentence[own_start:b])
        values = (
            [_qualitative(c, raw, year, doc_year)]
            if c.qualitative is not None
            else _clause_values(c, raw, year, doc_year, unit)
        )
        _carry_base(values, base)
        if c.name or (not pending and not out):
            out.append(ParsedIndicator(c.name, values, raw))
            starts.append(own_start)
        elif pending:
            out.append(ParsedIndicator(pending[0], values, _phrase(sentence[pending[1] : b])))
            starts.append(pending[1])
        else:
            out[-1].values += values
            out[-1].raw = _phrase(sentence[starts[-1] : b])
        pending = None
    return out


def _value_clauses(half: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Clauses split on ``，`` and on a ``、`` that joins two stated targets (``单位GDP能耗降低13.5%、单位GDP
    二氧化碳排放降低18%``, 002's ``…齐全率）达到 100%、保障房…合格率达到 100%``): a 、 with a number on both
    sides and a name before the second number; names listed with 、 (``A、B达到95%``) stay one clause."""
    out: list[tuple[int, int]] = []
    for a, b in _split_outside_brackets(half, ",，", lo, hi):
        start = a
        for x, y in _split_outside_brackets(half, "、", a, b):
            if x > start and _names_a_target(half, start, x - 1) and _names_a_target(half, x, y):
                out.append((start, x - 1))
                start = x
        out.append((start, b))
    return out


def _names_a_target(half: str, lo: int, hi: int) -> bool:
    """A name of two characters or more, then a value of its own: ``单位GDP二氧化碳排放降低18%`` (not ``30%``,
    nor an age band before its name: ``5岁以下儿童死亡率``)."""
    c = _clause(half, half, lo, hi)
    return bool(c.exprs) and len(_clean_name(half[lo : c.exprs[0].start])) >= 2


def _carry_base(values: list[Value], base: int | None) -> None:
    """A change (``下降13.5%``) after a clause naming only its base year is measured from that year."""
    for v in values:
        if base is not None and v.op in _BY_OPS and v.base_year is None:
            v.base_year = base


def _qualitative(c: _Clause, raw: str, year: int | None, doc_year: int | None) -> Value:
    return Value(year=year, kind=_kind(year, doc_year), raw=raw, text=c.qualitative)  # type: ignore[arg-type]


def parse_requirement(
    sentence: str, *, doc_year: int | None = None, unit: str | None = None
) -> list[ParsedIndicator]:
    """Indicators stated in one requirement-table sentence (``序号/要求`` tables).

    One record per measured quantity; a year before ``doc_year`` named in the sentence gives a baseline.  A
    sentence with no value at all gives one qualitative record (``op`` null, ``text`` the requirement) when
    its predicate names a state or result to reach (:data:`REQUIREMENT_STATE_PREDICATE`: 实现…, 建成…, 确保…),
    else nothing: a sentence that only says what to do (落实…, 争取…资金) is a task.
    """
    half = to_halfwidth(sentence)
    out: list[ParsedIndicator] = []
    for lo, hi in _split_outside_brackets(half, "。;；!！?？", 0, len(half)):
        out += _part_indicators(sentence, half, lo, hi, doc_year, unit)
    if out or not REQUIREMENT_STATE_PREDICATE.search(half):
        return out  # no value and no state to reach: a task (…全面落实…责任制), no target
    text = _phrase(sentence)
    # A requirement with no quantity in it names itself, word for word (力争… stays: it is the requirement).
    return [ParsedIndicator(text, [Value(year=None, kind="target", raw=text, text=text)], text)]
