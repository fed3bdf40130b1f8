"""Unit names (牵头单位, 责任单位…): splitting lists, rejoining names broken across lines, inline annotations.

A line break inside a list is either a separator (``区委宣传部\\n区强区办``) or a wrap inside one name
(``区城\\n建局``).  Names the document spells whole (``known``) decide first, through jieba with them as a
user dictionary; otherwise a fragment that does not end in a unit suffix is continued by the next line.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from policy_extract.core.vocabulary import (
    ADMIN_LEVEL_CHARS,
    ADMIN_LEVELS,
    ASSIGNING_VERBS,
    DEADLINE_LABELS,
    DEADLINE_LIKE,
    LABEL_COPULA,
    LEAD_INTRO,
    LEAD_LABELS,
    LEAD_MARK_AFTER,
    LEAD_WORD,
    OWNER_LIST_SEPARATORS,
    OWNER_NOTES,
    RESPONSIBLE_WORDS,
    SUPPORT_LABELS,
    SUPPORT_WORDS,
    UNIT_PREFIXES,
    UNIT_SUFFIXES,
    org_words,
)

_OPEN, _CLOSE = "（(【[", "）)】]"
_LABEL = re.compile(r"^\s*(?:[^:：、，,；;（）()]{0,6}单位|[^:：、，,；;（）()]{0,6}部门)\s*[:：]\s*")
_ANNOT_LABELS = "|".join(sorted((*LEAD_LABELS, *SUPPORT_LABELS, *DEADLINE_LABELS), key=len, reverse=True))
_LABELLED = re.compile(rf"({_ANNOT_LABELS})\s*[:：]")
_COPULA_LABELS = "|".join(
    sorted((w for w in (*LEAD_LABELS, *SUPPORT_LABELS, *DEADLINE_LABELS) if len(w) > 2),
           key=len, reverse=True)
)  # fmt: skip
"""Labels a 为 may tie (``牵头单位``, ``完成时限``; not a bare ``牵头``/``时间``, words of any sentence)."""
_LABEL_FIRST = re.compile(rf"^\s*({_COPULA_LABELS}){LABEL_COPULA}(.+)$", re.S)
_LABEL_LAST = re.compile(rf"^(.+?){LABEL_COPULA}({_COPULA_LABELS})\s*$", re.S)
_CLAUSE_SEPARATORS = "，,；;。"
_LEAD = r"\s*".join(LEAD_WORD)
"""The lead word as a narrow cell prints it: ``（牵\\n头）`` is broken across two lines."""
_LEAD_MARK = re.compile(rf"\s*[（(]\s*{_LEAD}\s*[）)]|(?<=[{LEAD_MARK_AFTER}]){_LEAD}(?=\s*(?:[，,；;、]|$))")
_LEAD_BRACKET = re.compile(rf"[（(]\s*{_LEAD}\s*[）)]")
_SUPPORT_MARK = re.compile(rf"(?:{'|'.join((*SUPPORT_WORDS, *RESPONSIBLE_WORDS))})\s*$")
_RESPONSIBLE_END = re.compile(rf"(?:{'|'.join(RESPONSIBLE_WORDS)})\s*$")
_LEAD_INTRO = re.compile(rf"^\s*{LEAD_INTRO}")
_LONG_SUFFIXES = tuple(s for s in UNIT_SUFFIXES if len(s) > 1)

_lock = threading.Lock()


# ------------------------------------------------------------------------------------------------ jieba


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """One jieba tokenizer, loaded once, offline and without its start-up log lines."""
    from policy_extract.core.segmenter import import_jieba, lazy_tokenizer

    jieba = import_jieba()

    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.setLogLevel(logging.ERROR)
    tok = lazy_tokenizer()  # the dictionary as a list of names needs it (speed: core.segmenter)
    for word in org_words():
        tok.add_word(word, freq=100_000)
    return tok


def _cut_with(text: str, known: frozenset[str]) -> list[str]:
    """jieba tokens of ``text`` with ``known`` as whole words; the dictionary is restored afterwards."""
    tok = _tokenizer()
    with _lock:
        saved = {w: tok.FREQ.get(w) for w in known}
        for w in known:
            tok.add_word(w, freq=1_000_000)
        try:
            return list(tok.cut(text, HMM=False))
        finally:
            for w, freq in saved.items():
                tok.del_word(w) if freq is None else tok.add_word(w, freq=freq)


def _boundaries(tokens: list[str]) -> dict[int, str]:
    """Offset of each token's end → the token ending there."""
    ends, pos = {}, 0
    for t in tokens:
        pos += len(t)
        ends[pos] = t
    return ends


# ----------------------------------------------------------------------------------------- split_units


@dataclass(slots=True)
class _Segment:
    text: str = ""
    breaks: list[int] = field(default_factory=list)
    """Offsets in ``text`` where a line break or space was (candidate split points)."""
    sep: str = ""
    """The separator that ended the segment (empty for the last one)."""


def _shares_head(seg: _Segment, nxt: _Segment) -> bool:
    """``各区、市人力资源社会保障局``: a bare level (各区, 市, 各辖市) joined by 、 to a name that starts with
    another level shares that name's head noun: one owner, not two."""
    last = seg.text.rsplit("、", 1)[-1]  # 各区、市、县人民政府: levels already joined go on joining
    return seg.sep == "、" and bool(ADMIN_LEVELS.fullmatch(last)) and nxt.text[:1] in ADMIN_LEVEL_CHARS


def _join_shared_heads(segs: list[_Segment]) -> list[_Segment]:
    out: list[_Segment] = []
    for seg in segs:
        if out and _shares_head(out[-1], seg):
            prev = out.pop()
            shift = len(prev.text) + 1
            breaks = prev.breaks + [b + shift for b in seg.breaks]
            seg = _Segment(prev.text + prev.sep + seg.text, breaks, seg.sep)
        out.append(seg)
    return out


def _segments(text: str, separators: str = OWNER_LIST_SEPARATORS) -> list[_Segment]:
    """Hard-separated segments with their soft breaks; nothing is split inside brackets, nor between levels
    that share one head noun (``各区、县人民政府``)."""
    return _join_shared_heads(_raw_segments(text, separators))


def _raw_segments(text: str, separators: str) -> list[_Segment]:
    segs, cur, depth = [], _Segment(), 0
    for ch in text:
        depth = max(0, depth + (ch in _OPEN) - (ch in _CLOSE))
        if depth == 0 and ch in separators:
            cur.sep = ch
            segs.append(cur)
            cur = _Segment()
        elif ch.isspace():
            if depth == 0 and cur.text and (not cur.breaks or cur.breaks[-1] != len(cur.text)):
                cur.breaks.append(len(cur.text))
        else:
            cur.text += ch
    segs.append(cur)
    return segs


def _ends_with_suffix(name: str) -> bool:
    return name.endswith(UNIT_SUFFIXES) or name.endswith(_CLOSE[:2])


def _split_at(left: str, right: str, known: frozenset[str]) -> bool:
    """Is the break between ``left`` and ``right`` (the texts either side, up to other breaks) a separator?"""
    if _finishes_name(left, right):
        return False  # before the known names: a wrapped cell's first line (…执法部) reads as one of them
    if known and _known_over(left + right, len(left), known):
        tokens = _cut_with(left + right, known)
        ends = _boundaries(tokens)
        if len(left) not in ends:
            crossing = _token_over(tokens, len(left))
            if crossing in known:
                return False
        elif ends[len(left)] in known:
            return True
    if _ends_with_suffix(left):
        return True
    return len(left) >= 3 and left[0] in UNIT_PREFIXES and right[:1] in UNIT_PREFIXES


def _finishes_name(left: str, right: str) -> bool:
    """``right`` only ends ``left``'s name: it is nothing but a unit suffix (``各街道\\n办事处``), closes a
    bracket it never opened, or completes the suffix the break cut (``市直各行政执法部\\n门``: 部门), so the
    break is a wrap, whatever ``left`` ends in."""
    if right in UNIT_SUFFIXES or _closes_unopened(right):
        return True
    return any(left.endswith(s[:k]) and right == s[k:] for s in _LONG_SUFFIXES for k in range(1, len(s)))


def _closes_unopened(text: str) -> bool:
    """``市）教育局``: a closing bracket with no opening one before it can only close a bracket of the line
    above (``各区（县）\n市）教育局``, a scan's reading of ``各区（县、市）教育局``): no name starts here."""
    depth = 0
    for ch in text:
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth < 0:
            return True
    return False


def _known_over(text: str, offset: int, known: frozenset[str]) -> bool:
    """Does a ``known`` name occur in ``text`` ending at or running over ``offset``?  Only then can jieba's
    tokens decide the break (a token is a slice of the text), so a list without one never loads jieba."""
    return any(text.find(w, max(0, offset - len(w)), offset - 1 + len(w)) != -1 for w in known)


def _token_over(tokens: list[str], offset: int) -> str:
    pos = 0
    for t in tokens:
        if pos < offset < pos + len(t):
            return t
        pos += len(t)
    return ""


def _pieces(seg: _Segment, known: frozenset[str]) -> list[str]:
    text = _strip_note(seg.text)
    cuts = [b for b in seg.breaks if 0 < b < len(text)]
    out, start = [], 0
    for i, b in enumerate(cuts):
        nxt = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        if _split_at(text[start:b], text[b:nxt], known):
            out.append(text[start:b])
            start = b
    out.append(text[start:])
    return out


def _strip_note(name: str) -> str:
    """``区城管执法局按各自职能分别牵头`` → ``区城管执法局``; ``区财政局等`` → ``区财政局``."""
    name = _LABEL.sub("", name.strip())
    stripped = OWNER_NOTES.sub("", name).strip()
    return stripped if stripped != name and stripped else ("" if OWNER_NOTES.fullmatch(name) else name)


def split_units(
    text: str,
    *,
    known: tuple[str, ...] | list[str] | frozenset[str] = (),
    separators: str = OWNER_LIST_SEPARATORS,
) -> list[str]:
    """Unit names in a 牵头单位/承办单位 text (or, with the recipient separators, a 主送/抄送 list), in order,
    without duplicates, notes or empty names: the one unit-list splitter."""
    known_set = frozenset(k for k in known if k)
    names: list[str] = []
    for seg in _segments(text, separators):
        for piece in _pieces(seg, known_set):
            name = _strip_note(piece)
            if name and name not in names and any(ch.isalnum() for ch in name):
                names.append(name)
    return names


# ---------------------------------------------------------------------------------------- parse_owners


@dataclass(slots=True)
class Owners:
    """What an inline annotation says: lead and support units, the deadline as printed, the rest."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str | None = None
    rest: str = ""


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each top-level bracket group, brackets included."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            start = i if depth == 0 else start
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def _is_annotation(inner: str) -> bool:
    """Labelled parts, a lead mark, or a responsible list with at most deadline parts beside it
    (``（X、Y按职责分工负责；2024年9月底前完成）``)."""
    if _LABELLED.search(inner) or _LEAD_MARK.search(inner):
        return True
    owners = [p for p in _parts(inner) if not DEADLINE_LIKE.search(p)]
    return len(owners) == 1 and _is_responsible_list(owners[0])


def is_plausible_unit(name: str) -> bool:
    """A name an owner list can hold: two characters or more, no digit, not a bare level (各市).  Table text
    read as running lines (``2024年6 1划，明确…规模化处（牵头），各市``) gives pieces that fail it."""
    return len(name) >= 2 and not any(ch.isdigit() for ch in name) and not ADMIN_LEVELS.fullmatch(name)


def _is_unit_name(name: str) -> bool:
    return name.endswith(UNIT_SUFFIXES) or name[:1] == "各"


def _is_responsible_list(inner: str) -> bool:
    """``市教育局负责`` / ``X、Y按职责分工负责``: nothing but unit names before the verb."""
    if not _RESPONSIBLE_END.search(inner):
        return False
    names = split_units(_RESPONSIBLE_END.sub("", inner))
    return bool(names) and all(_is_unit_name(n) for n in names)


def _split_outside_brackets(text: str, seps: str) -> list[str]:
    """Split on any of ``seps`` where no bracket is open (``各县（市、区）人民政府`` stays whole)."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth = max(0, depth + (ch in _OPEN) - (ch in _CLOSE))
        if depth == 0 and ch in seps:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return [*parts, cur]


def _parts(inner: str) -> list[str]:
    """Split on ``；``/``;`` outside brackets (the parts of an annotation)."""
    return [p.strip() for p in _split_outside_brackets(inner, "；;") if p.strip()]


def _labelled_parts(inner: str) -> list[tuple[str | None, str]]:
    """``牵头单位：A；责任单位：B`` → ``[("牵头单位", "A"), ("责任单位", "B")]``; no label → None."""
    out: list[tuple[str | None, str]] = []
    for part in _parts(inner):
        m = _LABELLED.match(part)
        out.append((m.group(1), part[m.end() :].rstrip("。．.")) if m else (None, part))
    return out


def _marked(text: str, known: frozenset[str]) -> tuple[list[str], list[str]]:
    """``市住建局（牵头），市财政局`` / ``X牵头，Y配合`` → lead and support; ``X、Y按职责分工负责``: each unit
    that 负责 (is responsible) is a lead, also across ``，``
    (``X、Y，各县（市、区）人民政府按职责分工负责``)."""
    lead: list[str] = []
    support: list[str] = []
    segs = _segments_keep(text)
    all_responsible = _is_responsible_list(text) and not any(_SUPPORT_MARK.search(g) for g in segs[:-1])
    for seg in segs:
        is_lead = bool(all_responsible or _LEAD_MARK.search(seg) or _RESPONSIBLE_END.search(seg))
        clean = _SUPPORT_MARK.sub("", _LEAD_MARK.sub("", seg))
        clean = _LEAD_INTRO.sub("", clean) if is_lead else clean
        (lead if is_lead else support).extend(split_units(clean, known=known))
    return lead, support


def is_owner_line(text: str) -> bool:
    """A line that starts with an owner or deadline label (``责任单位：…``, ``完成时限：…``), also tied by 为
    (``市教育局为牵头单位``, ``完成时限为…``)."""
    return _LABELLED.match(_copulas_as_labels(text.strip())) is not None


def has_lead_mark(text: str) -> bool:
    """Whether a unit list marks its lead (``X（牵头）``, ``X牵头``)."""
    return _LEAD_MARK.search(text) is not None


def _segments_keep(text: str) -> list[str]:
    """Split on ``，,`` outside brackets: each run of units shares one marker (``A、B配合``); a bracketed
    ``（牵头）`` also ends its run (``A（牵头）、B``: B is not a lead)."""
    parts = []
    for part in _split_outside_brackets(text, "，,"):
        parts.extend(_split_after_lead_bracket(part))
    return [p for p in parts if p.strip()]


def _split_after_lead_bracket(text: str) -> list[str]:
    m = _LEAD_BRACKET.search(text)
    if m is None or not text[m.end() :].strip("、；; "):
        return [text]
    return [text[: m.end()], text[m.end() :].lstrip("、；; ")]


def _copula_clause(clause: str) -> str | None:
    """``X、Y为责任单位`` / ``牵头单位为X`` / ``完成时限为2024年底`` → ``label：value``; None for a clause of
    another form, or one whose value is not what its label names (unit names; a date for a deadline)."""
    if (m := _LABEL_FIRST.match(clause)) is not None:
        label, value = m.group(1), m.group(2).strip()
    elif (m := _LABEL_LAST.match(clause)) is not None:
        value, label = m.group(1).strip(), m.group(2)
    else:
        return None
    if label in DEADLINE_LABELS:
        fits = DEADLINE_LIKE.search(value) is not None
    else:
        names = split_units(value)
        fits = bool(names) and all(_is_unit_name(n) and _opens_as_name(n) for n in names)
    return f"{label}：{value}" if fits else None


def _opens_as_name(name: str) -> bool:
    """A name standing in a sentence before 为 opens with its level (市教育局, 各县…) or holds no level near
    its start (国家发展改革委): ``确定市教育局``/``明确市发展改革委`` are a verb before a name, no owner, and
    so is any name holding an assigning verb before a unit name (``进一步明确市教育局``).  A
    tail opening with 各, which only ever opens a name (``各区政府``), leaves a non-name before it in the
    clause (``明确各区政府``): no owner either."""
    if "各" in name[1:] and _is_unit_name(name[name.index("各", 1) :]):
        return False
    if _verb_before_name(name):
        return False
    return name[:1] in UNIT_PREFIXES or not any(ch in ADMIN_LEVEL_CHARS for ch in name[1:3])


def _verb_before_name(name: str) -> bool:
    """Whether an assigning verb (``ASSIGNING_VERBS``) stands before a unit name inside ``name``
    (``进一步明确市教育局``: the level rule above only looks at the name's first characters)."""
    return any(verb in name and _is_unit_name(name[name.index(verb) + len(verb) :])
               for verb in ASSIGNING_VERBS)


def _copulas_as_labels(text: str) -> str:
    """The clauses that end a text and tie labels to their values with 为 (``…。市教育局为牵头单位，
    市财政局为责任单位``), with any date clauses among them, rewritten as labelled parts (``牵头单位：
    市教育局；责任单位：市财政局``); a text they do not end (``明确X为牵头单位，统筹推进…``: a sentence of
    the task) as it was."""
    clauses = _split_outside_brackets(text, _CLAUSE_SEPARATORS)
    labelled = [_copula_clause(c) if c.strip() else None for c in clauses]
    start = _closing_run(clauses, labelled)
    if start is None:
        return text
    out: list[str] = []
    at = 0  # where the clause ends in ``text``: its separator, if another clause follows
    for i, clause in enumerate(clauses):
        out.append(labelled[i] or clause if i >= start else clause)
        at += len(clause)
        if at < len(text):
            out.append("；" if i >= start and text[at] != "。" else text[at])
            at += 1
    return "".join(out)


def _closing_run(clauses: list[str], labelled: list[str | None]) -> int | None:
    """Index of the first clause of the run that ends the text: labelled, date or blank clauses (``。；``),
    one labelled at least; None without one."""
    start, found = len(clauses), False
    for i in range(len(clauses) - 1, -1, -1):
        if labelled[i] is not None:
            start, found = i, True
        elif not clauses[i].strip() or DEADLINE_LIKE.search(clauses[i]):
            start = i
        else:
            break
    return start if found else None


def _read_annotation(inner: str, known: frozenset[str]) -> Owners:
    out = Owners()
    for label, value in _labelled_parts(inner):
        if label in DEADLINE_LABELS or (label is None and DEADLINE_LIKE.search(value)
                                                 and not _LEAD_MARK.search(value)):  # fmt: skip
            out.deadline = value.strip()
        elif label in LEAD_LABELS:
            out.lead += split_units(value, known=known)
        elif label is None or _LEAD_MARK.search(value):
            lead, support = _marked(value, known)
            out.lead += lead
            out.support += support
        else:
            out.support += split_units(value, known=known)
    if not out.lead and not any(label in LEAD_LABELS for label, _ in _labelled_parts(inner)):
        _promote_single(out)
    return out


def _promote_single(out: Owners) -> None:
    """A 责任单位 naming a single unit with no marker names the lead."""
    if len(out.support) == 1:
        out.lead, out.support = out.support, []


def parse_annotation(text: str, *, known: tuple[str, ...] | list[str] | frozenset[str] = ()) -> Owners:
    """Owners and deadline of a task text with an inline annotation, and the text without it.

    Forms: ``（牵头单位：A；责任单位：B，C；完成时限：…）``, ``（A（牵头），B、C；…）``,
    ``（A牵头，B配合；长期坚持）``,
    the same without brackets at the end of the text, or a bare owner list (``A（牵头），B``).
    """
    known_set = frozenset(k for k in known if k)
    for start, end in reversed(_bracket_groups(text)):
        inner = _copulas_as_labels(text[start + 1 : end - 1])
        if _is_annotation(inner):
            found = _read_annotation(inner, known_set)
            found.rest = (text[:start] + text[end:]).strip()
            return found
    labelled = _copulas_as_labels(text)
    m = _LABELLED.search(labelled)
    if m:
        found = _read_annotation(labelled[m.start() :], known_set)
        found.rest = labelled[: m.start()].strip()
        return found
    if (mark := _LEAD_MARK.search(text)) is not None:
        # An unbracketed owner sentence ends a task text (…燃气管网。市城管局牵头，各区政府配合。): the owners
        # are the sentence holding the mark, the task is what comes before it.
        cut = max(text.rfind("。", 0, mark.start()), text.rfind("；", 0, mark.start())) + 1
        lead, support = _marked(text[cut:].rstrip("。；; "), known_set)
        return Owners(lead, support, None, text[:cut].strip())
    return Owners(rest=text)


def parse_owners(text: str, *, known: tuple[str, ...] | list[str] | frozenset[str] = ()) -> tuple[
        list[str], list[str], str]:  # fmt: skip
    """``(lead, support, text without the annotation)``; see :func:`parse_annotation` for the forms read."""
    found = parse_annotation(text, known=known)
    return found.lead, found.support, found.rest
