"""Operators with damaged operands, found in the content bytes as pdfminer would skip them.

pdfium skips an operator whose operands have the wrong type silently; pdfminer logs it (the ``bad_operand``
warning of the pdfminer source).  This scan tokenises the page's content stream with one regular expression
(no interpretation: a few milliseconds a page) and applies pdfminer's operand checks: operators that take
numbers (positions, matrices, widths, gray/RGB/CMYK colours), a font size, strings to show, the strings and
numbers of a ``TJ`` array, the tag of a marked-content point.  Operands are popped from the end of the stack
as pdfminer's ``PDFPageInterpreter.execute`` pops them; an operator given too few operands is skipped silently
by both, so it is not counted.  Form XObjects' own streams are not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat

from pdfminer.pdfinterp import PDFPageInterpreter

from ..textlayer import DEFAULT_MAX_COORD

_TOKEN = re.compile(
    rb"%[^\r\n]*"
    rb"|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\)"
    rb"|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]"
    rb"|/[^\s/\[\]()<>{}%]*"
    rb"|[^\s/\[\]()<>{}%]+"
    rb"|[^\s]",
    re.DOTALL,
)
"""Content tokens (whitespace between them skipped): comments, literal strings (three levels of nested
parentheses), dictionary brackets, hex strings, array brackets, names, numbers and operators."""
_NUM, _STRING, _NAME_KIND, _DICT, _OP, _ARRAY, _END, _COMMENT = ("num", "str", "name", "dict", "op", "[", "]",
                                                                 "%")
_KIND = [_OP] * 256
"""Token kind by its first byte: numbers, strings (literal and hex: ``<`` also opens ``<<``, told apart by
the token), names, arrays, comments; anything else is an operator (or ``true``/``null`` in an array)."""
for _byte in b"0123456789+-.":
    _KIND[_byte] = _NUM
_KIND[ord("(")] = _KIND[ord("<")] = _STRING
_KIND[ord(">")] = _DICT
_KIND[ord("/")] = _NAME_KIND
_KIND[ord("[")], _KIND[ord("]")], _KIND[ord("%")] = _ARRAY, _END, _COMMENT
_NUMBERS: dict[bytes, int] = {
    b"cm": 6, b"m": 2, b"l": 2, b"c": 6, b"v": 4, b"y": 4, b"re": 4, b"w": 1, b"Tc": 1, b"Tw": 1, b"Tz": 1,
    b"TL": 1, b"Ts": 1, b"Td": 2, b"TD": 2, b"Tm": 6, b"G": 1, b"g": 1, b"RG": 3, b"rg": 3, b"K": 4,
    b"k": 4, b"d0": 2, b"d1": 6, b"M": 1, b"i": 1,
}
"""Operators whose operands must all be numbers, with how many they take."""
_POSITIONS = {op: _NUMBERS[op] for op in (b"cm", b"m", b"l", b"c", b"v", b"y", b"re", b"Td", b"TD", b"Tm")}
"""Operators that place something, with their operand counts."""
_STRINGS = {b"Tj": 1, b"'": 1, b'"': 3}
"""Operators that show a string (the last operand); ``"`` takes two numbers first."""


def _pdfminer_arity() -> dict[bytes, int]:
    """How many operands pdfminer pops for each operator it knows (``do_X`` methods; ``*``, ``"`` and ``'``
    spelled ``_a``, ``_w``, ``_q``)."""
    arity = {}
    for attr in dir(PDFPageInterpreter):
        if attr.startswith("do_"):
            op = attr[3:].replace("_a", "*").replace("_w", '"').replace("_q", "'")
            arity[op.encode()] = getattr(PDFPageInterpreter, attr).__code__.co_argcount - 1
    return arity


_ARITY = _pdfminer_arity()
_OPERATORS = frozenset(_ARITY) | frozenset(
    b"b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP "
    b"n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y".split()
) | {b"'", b'"', b"true", b"false", b"null"}
"""Every operator of the PDF content-stream syntax (ISO 32000 Annex A), and the words an operand may be."""


_PLAN: dict[bytes, tuple[int, int, int]] = {
    op: (_POSITIONS.get(op, 0), _ARITY.get(op, 0), {b"BX": 1, b"EX": -1, b"BI": 2}.get(op, 0))
    for op in _OPERATORS
}
"""Per operator of the syntax: ``(operands checked for an absurd position, operands pdfminer pops, BX/EX
step or 2 for BI)``, so :func:`scan_content` asks one table per operator."""


_REGULAR = rb"[^\s/\[\]()<>{}%]"
_ENDS = rb"(?!" + _REGULAR + rb")"
"""A bare token (number, operator) ends where :data:`_TOKEN` ends it: before a delimiter or whitespace."""
_SEP = rb"(?:\s|%[^\r\n]*+)*+"
_SAFE_DIGITS = len(str(int(DEFAULT_MAX_COORD))) - 1
_SAFE_NUM = rb"[+-]?+(?:\d{1,%d}+(?:\.\d*+)?+|\.\d++)" % _SAFE_DIGITS + _ENDS
"""A number :func:`is_absurd` passes whatever it places: fewer digits before the point than
``DEFAULT_MAX_COORD`` has, no exponent."""
_ANY_NUM = rb"[0-9+\-.]" + _REGULAR + rb"*+"
_STR = rb"(?:(?>\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\))|<[0-9A-Fa-f\s]*+>)"
_NAME = rb"/" + _REGULAR + rb"*+"
_OPERAND = rb"(?:" + _STR + rb"|" + _ANY_NUM + rb"|" + _NAME + rb"|<<|>>|(?:true|false|null)" + _ENDS + rb")"


def _words(ops: object) -> bytes:
    return rb"(?:" + rb"|".join(re.escape(op) for op in sorted(ops, key=len, reverse=True)) + rb")" + _ENDS


def _clean_grammar() -> re.Pattern[bytes]:
    """Content every operator of which :func:`scan_content` would pass: each operator whose operands are
    checked (numbers, font, strings, ``TJ``'s array) right after its own operands of the right kind, numbers
    it places by below ``DEFAULT_MAX_COORD``, every other operator known (no inline image), and any operand
    elsewhere (one no checked operator takes: what pdfminer pops for the rest is never checked).  Tokens as
    :data:`_TOKEN` cuts them (possessive: no shorter reading of a token)."""
    by_count: dict[int, list[bytes]] = {}
    for op, n in _NUMBERS.items():
        if _ARITY.get(op):  # d0/d1: pdfminer pops nothing for them, so nothing is checked
            by_count.setdefault(n, []).append(op)
    checked = {op for ops in by_count.values() for op in ops} | {b"Tf", b"Tj", b"'", b'"', b"TJ", b"MP"}
    rest = set(_PLAN) - checked - {b"BI", b"ID", b"EI", b"true", b"false", b"null"}
    clauses = [rb"(?:" + _SAFE_NUM + _SEP + rb"){%d}" % n + _words(ops)
               for n, ops in sorted(by_count.items(), reverse=True)]  # most operands first: Tm, cm
    clauses += [
        _NAME + _SEP + _SAFE_NUM + _SEP + rb"Tf" + _ENDS,
        _STR + _SEP + _words([b"Tj", b"'"]),
        _SAFE_NUM + _SEP + _SAFE_NUM + _SEP + _STR + _SEP + rb'"' + _ENDS,
        rb"\[" + _SEP + rb"(?:(?:" + _STR + rb"|" + _ANY_NUM + rb")" + _SEP + rb")*+\]" + _SEP
        + rb"TJ" + _ENDS,
        _words(rest),
        _OPERAND,
        rb"\[" + _SEP + rb"(?:" + _OPERAND + _SEP + rb")*+\]",
    ]
    return re.compile(_SEP + rb"(?:(?:" + rb"|".join(clauses) + rb")" + _SEP + rb")*+", re.DOTALL)


_CLEAN = _clean_grammar()
"""Content with nothing for :func:`scan_content` to count, matched in one pass of native code: the common
page (every page of the samples and corpora) needs no token-by-token scan."""


def count_unknown_operators(data: bytes) -> int:
    """Operators no PDF defines, outside a ``BX``…``EX`` compatibility section: a damaged operator name
    (``Tj`` flipped to ``Tk``), which every reader skips silently with what it would have drawn or shown.  No
    page of the samples and the four corpora (119 files) has one."""
    return scan_content(data)[1]


def count_bad_operands(data: bytes) -> int:
    """How many operators (or ``TJ`` elements) of the content pdfminer would skip for a damaged operand, and
    operators no PDF defines (:func:`count_unknown_operators`)."""
    return scan_operands(data)[0]


def scan_operands(data: bytes) -> tuple[int, int]:
    """``(operands pdfminer would skip + unknown operators, positions no page can hold)``: what pdfium skips
    silently, in the two counts of its damage warnings (:func:`scan_content`)."""
    bad, unknown, absurd = scan_content(data)
    return bad + unknown, absurd


def scan_content(data: bytes) -> tuple[int, int, int]:
    """``(operands pdfminer would skip, unknown operators, positions no page can hold)``: the last counts
    operators placing something (``cm``, ``Td``, ``Tm``, path points…) with a number that is infinite or
    beyond ``DEFAULT_MAX_COORD``: pdfminer's objects there get NaN/inf coordinates (``bad_value``), pdfium's
    not.

    Content :data:`_CLEAN` matches whole has none of the three; other content is scanned token by token
    (:func:`scan_tokens`)."""
    return (0, 0, 0) if _CLEAN.fullmatch(data) is not None else scan_tokens(data)


def scan_tokens(data: bytes) -> tuple[int, int, int]:
    """:func:`scan_content` token by token.  Numbers stay as their token bytes on the stack; other operands
    as their kind (:data:`_KIND`)."""
    stack: list[object] = []
    arrays: list[list[object]] = []
    target = stack  # where the next operand goes: the innermost open array, or the stack
    bad = unknown = absurd = compat = 0
    tokens = iter(_TOKEN.findall(data))
    for tok in tokens:
        kind = _KIND[tok[0]]
        if kind is _NUM:
            target.append(tok)
        elif kind is _OP and not arrays:
            plan = _PLAN.get(tok)
            if plan is None:  # no operator of the syntax, and nothing pdfminer pops operands for
                unknown += compat <= 0
                continue
            places, count, step = plan
            if step:
                if tok == b"BI":
                    skip_inline_image(tokens)
                    continue
                compat += step
            if places:
                absurd += is_absurd(stack[-places:])
            if count and len(stack) >= count:
                bad += operator_damage(tok, stack)
        elif kind is _ARRAY:
            target = []
            arrays.append(target)
        elif kind is _END:
            closed = arrays.pop() if arrays else []
            target = arrays[-1] if arrays else stack
            target.append(closed)
        elif kind is not _COMMENT:
            target.append(_DICT if tok == b"<<" or tok == b">>" else kind)
    return bad, unknown, absurd


def is_absurd(args: list[object]) -> bool:
    """A number no page can hold among ``args`` (seven characters at least: ``1000000``); a token that only
    starts like a number (``673.5.5.5``, a flipped byte) is no number, as pdfminer's lexer drops it."""
    for a in args:  # a loop, not any() over a generator: asked for every operator placing something
        if isinstance(a, bytes) and len(a) >= 7 and not abs(number_of(a)) <= DEFAULT_MAX_COORD:
            return True
    return False


def number_of(token: bytes) -> float:
    """The token's value; 0 for a damaged one (never absurd)."""
    try:
        return float(token)
    except ValueError:
        return 0.0


def skip_inline_image(tokens: Iterator[bytes]) -> None:
    """Move ``tokens`` past an inline image's ``EI`` (its data is binary; tokens inside it mean nothing)."""
    for tok in tokens:
        if tok == b"EI":
            return


def operator_damage(word: bytes, stack: list[object]) -> int:
    """Damaged operands of one operator; its operands are popped from ``stack`` as pdfminer pops them."""
    count = _ARITY.get(word, 0)
    if not count or len(stack) < count:
        return 0
    args = stack[-count:]
    del stack[-count:]
    if word in _NUMBERS:
        return int(not all(map(isinstance, args, repeat(bytes))))  # no generator: the commonest operators
    if word in _STRINGS:
        return int(args[-1] is not _STRING)
    if word == b"TJ":
        items = args[0] if isinstance(args[0], list) else [args[0]]
        return sum(1 for a in items if not isinstance(a, bytes) and a is not _STRING)
    if word == b"Tf":
        return int(not isinstance(args[1], bytes))
    return int(word == b"MP" and args[0] is not _NAME_KIND)
