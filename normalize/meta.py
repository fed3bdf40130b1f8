"""Document metadata: the 版头 (issuer, 文号, title, 主送), the signature date, the 附件 list and the 版记.

Works on the content lines of the whole document (running headers already removed) and reports which of them
it used, so that they never show up again as paragraphs.  Every normalized field keeps its printed text in
``Meta.raw``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from policy_extract.core.model import Line, Meta
from policy_extract.core.vocabulary import (
    ANNEX_LABEL,
    ATTACHMENT_LIST,
    CC_LABEL,
    COPIES,
    DOC_NUMBER_CLOSE,
    DOC_NUMBER_OPEN,
    ISSUER_SUFFIX,
    OWN_NUMBER_LABELS,
    PRINTED_WORDS,
    RECIPIENT_LIST_SEPARATORS,
    SIGNATURE_MONTH,
    SIGNATURE_NOTE,
    SIGNING_NAME,
    TITLE_MAX_LINES,
    WEB_LOCATION,
    WEB_STAMP,
)

from .dates import FULL_DATE_FORM, is_date_line, parse_date
from .layout import Column, body_font_size, char_width, is_centered, line_pitch
from .numerals import parse_integer, to_halfwidth
from .orgs import split_units
from .text import join_lines, squash_spaces

DEFAULT_TITLE_SIZE_RATIO = 1.1
"""Title lines are printed at least this much larger than the body text."""
DEFAULT_ISSUER_SIZE_RATIO = 1.2
"""Red issuer lines of a 版头 are at least this much larger than the body (a word processor's 版头 in 19.5 pt
over 16 pt body text is 1.22×)."""
DEFAULT_HEADER_SCAN = 12
"""How many lines from the top of page 1 may belong to the 版头 before the title."""
DEFAULT_RECIPIENT_LINES = 3

DOC_NUMBER = re.compile(
    rf"[\u4e00-\u9fff]{{1,12}}\s*[{re.escape(DOC_NUMBER_OPEN)}]\s*\d{{4}}\s*[{re.escape(DOC_NUMBER_CLOSE)}]"
    r"\s*第?\s*\d{1,5}\s*号"
)
_LIST_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[．.、]\s*")
_PRINTED = re.compile(rf"^(.*?)\s*({FULL_DATE_FORM}){PRINTED_WORDS.pattern}")


@dataclass(slots=True)
class MetaResult:
    meta: Meta
    used: set[int] = field(default_factory=set)
    """Indices (into the lines given) of every line that belongs to a meta field."""
    title_lines: set[int] = field(default_factory=set)
    attachment_lines: set[int] = field(default_factory=set)
    signature_line: int | None = None


def normalize_doc_number(text: str) -> str:
    """``郑港办 [2021] 70 号`` → ``郑港办〔2021〕70号``: no inner spaces, brackets as 〔〕."""
    out = to_halfwidth(re.sub(r"\s+", "", text))  # 〔２０２１〕７０号 is 〔2021〕70号
    out = re.sub(rf"[{re.escape(DOC_NUMBER_OPEN)}](\d{{4}})[{re.escape(DOC_NUMBER_CLOSE)}]", r"〔\1〕", out)
    return out


def split_recipients(text: str) -> list[str]:
    """主送 / 抄送 list → addressees: the owner-list splitter with the recipient separators (``、`` joins
    parts of one name there), after the list's closing ``：``/``。``."""
    body = re.sub(r"[：:。．.\s]+$", "", text.strip())
    return split_units(body, separators=RECIPIENT_LIST_SEPARATORS)


def as_printed(line: Line) -> str:
    """The line as the PDF encodes it, for ``Meta.raw`` (``Line.raw`` where extraction folded glyphs)."""
    return line.raw or line.text


def is_red(color: str | None) -> bool:
    """``#rrggbb`` with a strong red channel and weak green/blue."""
    if not color or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        return False
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return r >= 150 and g <= 100 and b <= 100


# --------------------------------------------------------------------------------------------- 版头


def _issuer_lines(lines: list[Line], first: list[int], body: float) -> list[int]:
    """Leading red (or, without colour facts, very large) lines of page 1: the issuer block."""
    out: list[int] = []
    for i in first:
        ln = lines[i]
        big = ln.size >= body * DEFAULT_ISSUER_SIZE_RATIO
        if (is_red(ln.color) and big) or (big and ln.color is None and ISSUER_SUFFIX.search(ln.text)):
            out.append(i)
        elif out or DOC_NUMBER.search(ln.text):
            break
    return out


def issuer_text(texts: list[str]) -> str | None:
    """Issuer lines without the 文件 suffix; several issuers joined with 、 in printed order."""
    names = [ISSUER_SUFFIX.sub("", re.sub(r"\s+", " ", t.strip())).strip() for t in texts]
    names = [squash_spaces(n) for n in names if n]
    return "、".join(names) or None


DEFAULT_UNCENTRED_TITLE_RATIO = 1.25
"""A first line this much larger than the body is the title even when not centred (a plain typed draft)."""
DEFAULT_MAX_TITLE_LINES = TITLE_MAX_LINES + 1
"""A 标题 is one to three lines (GB/T 9704); one more leaves room for a wrapped long one."""


DEFAULT_TITLE_SIZE_SPREAD = 0.1
"""The lines of one title share a size: a line this much smaller or larger ends the run (a subtitle such as
``预算单位：…`` or the recipients below a title are printed smaller)."""


def _title_run(lines: list[Line], start: int, cols: dict[int, Column], body: float) -> list[int]:
    """Consecutive larger-than-body lines of one size from index ``start`` on one page, up to the first
    heading (``一、…``) and at most :data:`DEFAULT_MAX_TITLE_LINES`; the first must be centred (a title is, a
    heading is not) or clearly larger than the body."""
    from .outline import find_marker

    out: list[int] = []
    for i in range(start, min(len(lines), start + DEFAULT_MAX_TITLE_LINES)):
        ln = lines[i]
        # Inside the 版头 a large line is a title line even when it fills the column (a wrapped long title).
        if ln.size < body * DEFAULT_TITLE_SIZE_RATIO or find_marker(ln.text) is not None:
            break
        if out and (ln.page != lines[out[0]].page or not _same_size(ln, lines[out[0]])):
            break
        clearly_larger = ln.size >= body * DEFAULT_UNCENTRED_TITLE_RATIO
        if not out and ln.page in cols and not _title_centred(ln, cols[ln.page]) and not clearly_larger:
            break
        out.append(i)
    return out


def _title_centred(ln: Line, col: Column) -> bool:
    """Centred in the column, or a long title line whose middle sits on the column's centre with a margin on
    both sides narrower than a character (it nearly fills the column)."""
    cw = char_width(ln)
    mid = (ln.bbox[0] + ln.bbox[2]) / 2
    inside = ln.bbox[0] - col.left > 0.5 * cw and col.right - ln.bbox[2] > 0.5 * cw
    return is_centered(ln, col) or (inside and abs(mid - col.center) < 0.5 * cw)


def _same_size(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= DEFAULT_TITLE_SIZE_SPREAD * max(a.size, b.size)


_OWN_NUMBER_REST = re.compile(r"[，,。；;、）)（(]")


def own_doc_number(text: str) -> re.Match[str] | None:
    """The 文号 of a line that prints the document's own number: the line starts with it
    (``鼓政办〔2023〕18号``, ``国办发〔2024〕1号  签发人：…``); a number a sentence cites
    (``…的通知（鲁政字〔2024〕98号）要求``) is never one, nor a line of running text that begins with one."""
    stripped = text.strip()
    m = DOC_NUMBER.search(stripped)
    if m is None or m.start() > 0 or _OWN_NUMBER_REST.search(stripped[m.end() :]):
        return None
    return m


_CODE_CHAR = r"A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_CODE = rf"(?=[{_CODE_CHAR}\-－_/.．]*[0-9０-９])[{_CODE_CHAR}](?:[{_CODE_CHAR}\-－_/.．]*[{_CODE_CHAR}])?"
"""A project code: letters and digits (at least one digit) joined by ``-_/.``, ending in a letter or digit (a
code cut at the line end, ``MASJY-QT-H-2024-``, is not whole)."""
_LABELLED_NUMBER = re.compile(
    rf"^\s*(?:{'|'.join(OWN_NUMBER_LABELS)})\s*[：:]\s*(?P<code>{DOC_NUMBER.pattern}|{_CODE})\s*$"
)


def labelled_number(text: str) -> tuple[str, str] | None:
    """(number, as printed) of a line that is a labelled own number and nothing else (``项目编号：
    MASJY-QT-H-2024-1593``, ``采购编号：宁财采〔2024〕12号``): a code of letters and digits, or a 文号, after
    one of :data:`OWN_NUMBER_LABELS`.  A label inside running text or a table row is never one."""
    m = _LABELLED_NUMBER.match(text)
    if m is None:
        return None
    printed = m.group("code")
    return unicodedata.normalize("NFKC", normalize_doc_number(printed)), printed


def _recipient_lines(lines: list[Line], idx: list[int], start: int, cols: dict[int, Column]) -> list[int]:
    """Line(s) flush with the left margin after the title, up to one ending with ``：``."""
    out: list[int] = []
    for i in idx[start : start + DEFAULT_RECIPIENT_LINES]:
        ln = lines[i]
        if not out and ln.bbox[0] - cols[ln.page].left > 1.0 * char_width(ln):
            return []
        out.append(i)
        if re.search(r"[：:]\s*$", ln.text):
            return out
    return []


def _take_number(lines: list[Line], i: int, meta: Meta, res: MetaResult) -> bool:
    """The 文号 (or a labelled own number) of line ``i`` into ``meta``; False when the line prints none."""
    m = own_doc_number(lines[i].text)
    found = (normalize_doc_number(m.group(0)), m.group(0)) if m else labelled_number(lines[i].text)
    if found is None:
        return False
    meta.doc_number, meta.raw["doc_number"] = found
    res.used.add(i)
    return True


def _ends_header(ln: Line, cols: dict[int, Column], body: float) -> bool:
    """A body line: the recipients (``…：``) or running text filling the column at body size."""
    if re.search(r"[：:]\s*$", ln.text):
        return True
    col = cols.get(ln.page)
    return ln.size < body * DEFAULT_TITLE_SIZE_RATIO and col is not None and ln.bbox[2] - ln.bbox[0] > 0.8 * (
        col.right - col.left
    )


_MENU_PUNCTUATION = re.compile(r"[。，,；;：:、！？!?（）()]")


def is_web_navigation(text: str) -> bool:
    """A line of a web page's furniture above its title: the breadcrumb (``当前位置:…``) or a menu of three or
    more short entries set apart by spaces without punctuation (``首页 公告信息 通知公告 …``)."""
    if WEB_LOCATION.match(text):
        return True
    entries = text.split()
    short = all(2 <= len(e) <= 12 for e in entries)
    return len(entries) >= 3 and short and not _MENU_PUNCTUATION.search(text)


def _find_title(
    lines: list[Line], scan: list[int], cols: dict[int, Column], body: float, meta: Meta, res: MetaResult
) -> list[int]:
    """The first title run among ``scan`` (lines after the issuer block), taking a 文号 printed above it; the
    scan stops at the first body line."""
    for i in scan:
        if is_web_navigation(lines[i].text):
            continue
        if _ends_header(lines[i], cols, body):
            return []
        if meta.doc_number is None and _take_number(lines, i, meta, res):
            continue
        title = _title_run(lines, i, cols, body)
        if title:
            return title
    return []


def _plain_title(lines: list[Line], first: list[int], cols: dict[int, Column]) -> list[int]:
    """A title set without 版头 and without title type, on the first line of page 1: either printed larger
    than every other line of the page (a list published as one table under its title, where the running
    text is the title alone), or centred above the text at body size (a re-typeset web copy).  Lines of the
    same size and centred below it continue it."""
    from .outline import find_marker

    top = lines[first[0]]
    if find_marker(top.text) or re.search(r"[。；;：:，,]\s*$", top.text) or top.page not in cols:
        return []
    col = cols[top.page]
    page = [ln for ln in lines if ln.page == top.page and ln is not top]
    larger = all(top.size > ln.size * DEFAULT_TITLE_SIZE_RATIO for ln in page)
    if not larger and not _title_centred(top, col):
        return []
    out = [first[0]]
    for i in first[1:DEFAULT_MAX_TITLE_LINES]:
        ln = lines[i]
        if not _same_size(ln, top) or not _title_centred(ln, col) or find_marker(ln.text):
            break
        out.append(i)
    return out


def _header(lines: list[Line], cols: dict[int, Column], meta: Meta, res: MetaResult, body: float) -> int:
    """Fill issuer, 文号, title, recipients; return the index (in ``lines``) after the 版头."""
    first_page = lines[0].page
    first = [i for i, ln in enumerate(lines) if ln.page == first_page][:DEFAULT_HEADER_SCAN]
    # A document that is an annex alone prints its 附件 label over the title.
    first = first[1:] if ANNEX_LABEL.match(lines[first[0]].text) and len(first) > 1 else first
    issuers = _issuer_lines(lines, first, body)
    if issuers:
        meta.issuer = issuer_text([lines[i].text for i in issuers])
        meta.raw["issuer"] = "\n".join(as_printed(lines[i]) for i in issuers)
    res.used.update(issuers)
    pos = first.index(issuers[-1]) + 1 if issuers else 0
    title = _find_title(lines, first[pos:], cols, body, meta, res)
    if not title and not issuers:
        title = _plain_title(lines, first, cols)
    if not title:
        return max(res.used) + 1 if res.used else 0
    texts = [lines[i].text for i in title]
    # A web page prints its publication stamp right after the title: not part of it.
    printed = "\n".join(as_printed(lines[i]) for i in title)
    meta.title, meta.raw["title"] = WEB_STAMP.sub("", squash_spaces(join_lines(texts))), printed
    res.used.update(title)
    res.title_lines.update(title)
    after = title[-1] + 1
    # A 文号 printed under the title (notices saved from a website, gazette prints).
    if meta.doc_number is None and after < len(lines) and _take_number(lines, after, meta, res):
        after += 1
    recips = _recipient_lines(lines, list(range(len(lines))), after, cols)
    if recips:
        printed = join_lines([lines[i].text for i in recips])
        meta.recipients, meta.raw["recipients"] = split_recipients(printed), printed
        res.used.update(recips)
        return recips[-1] + 1
    return after


# ------------------------------------------------------------------------------------ signature, 附件


def signature_date(text: str, signed: bool) -> str | None:
    """ISO 成文日期 of a date-only 落款 line: a full date, or (``signed``: under a signing name) a month."""
    if is_date_line(text):
        return parse_date(text)
    m = SIGNATURE_MONTH.match(to_halfwidth(text)) if signed else None
    if m is None:
        return None
    year, month = parse_integer(m.group(1)), parse_integer(m.group(2))
    return f"{year:04d}-{month:02d}" if year and month and 1 <= month <= 12 else None


def _names_above(lines: list[Line], i: int, start: int, col: Column, res: MetaResult) -> list[int]:
    k = i - 1
    names: list[int] = []
    while k >= start and i - k <= 3 and _is_signature_name(lines[k], col, k in res.attachment_lines):
        names.insert(0, k)
        k -= 1
    return names


def _signature(lines: list[Line], start: int, cols: dict[int, Column], meta: Meta, res: MetaResult) -> None:
    """The first 落款 after the 版头: a right-hand date-only line with the issuer line(s) just above it (GB/T
    9704), or a date-only line ending the notice's text under signing names wherever its lines start."""
    for i in range(start, len(lines)):
        found = _right_hand_signature(lines, i, start, cols, res)
        found = found or _unaligned_signature(lines, i, start, cols, res)
        if found is None:
            continue
        date, names = found
        ln = lines[i]
        meta.date, meta.raw["date"] = date, as_printed(ln).strip()
        res.used.add(i)
        res.used.update(names)
        res.signature_line = i
        if meta.issuer is None and names:
            # No issuer line (a notice saved from a website): the 落款 names the issuer(s), in printed order.
            printed = [lines[n].text for n in names]
            meta.issuer = issuer_text([name for t in printed for name in signed_names(t)])
            meta.raw["issuer"] = "\n".join(as_printed(lines[n]) for n in names)
        return


def _right_hand_signature(
    lines: list[Line], i: int, start: int, cols: dict[int, Column], res: MetaResult
) -> tuple[str | None, list[int]] | None:
    """(date, name lines) when line ``i`` is a date-only line in the right half of its column."""
    ln = lines[i]
    col = cols[ln.page]
    if ln.bbox[0] < col.center - 2 * char_width(ln):
        return None
    full = is_date_line(ln.text)
    month = SIGNATURE_MONTH.match(to_halfwidth(ln.text))
    names = _names_above(lines, i, start, col, res) if full or month else []
    if not full and not names:
        return None
    date = signature_date(ln.text, bool(names))
    if date is None and not full:
        return None
    return date, names


DEFAULT_UNALIGNED_NAMES = 12
"""Signing-name lines a 落款 that is not right-aligned may stack above its date (joint issuers); a stack of
more names is a list, not a 落款."""


def _unaligned_signature(
    lines: list[Line], i: int, start: int, cols: dict[int, Column], res: MetaResult
) -> tuple[str | None, list[int]] | None:
    """(date, name lines) of a 落款 that lost its right alignment (printed from a website, exported from an OA
    system, re-typeset): a date-only line flush left or at the paragraph indent, directly under one or more
    lines that are organisation names and nothing else (:data:`SIGNING_NAME`), starting there too, and ending
    the notice's text (:func:`_ends_notice`).  A date inside the text (a 附件 list, a quoted date, a table
    row) has running text, a list item or more text of the page around it."""
    ln = lines[i]
    col = cols[ln.page]
    text = to_halfwidth(ln.text)
    if i in res.used or not _at_left(ln, col) or not (is_date_line(text) or SIGNATURE_MONTH.match(text)):
        return None
    names: list[int] = []
    k = i - 1
    while k >= start and len(names) <= DEFAULT_UNALIGNED_NAMES and _is_unaligned_name(lines, k, ln, col, res):
        names.insert(0, k)
        k -= 1
    # Name and date pairs stacked one under the other are the rows of a list or table, not one 落款.
    paired = k >= start and is_date_line(to_halfwidth(lines[k].text))
    if not names or len(names) > DEFAULT_UNALIGNED_NAMES or paired or not _ends_notice(lines, i, col, res):
        return None
    date = signature_date(text, True)
    return None if date is None else (date, names)


def _at_left(ln: Line, col: Column) -> bool:
    """Starting flush with the column's left edge or at the paragraph's first-line indent."""
    offset = ln.bbox[0] - col.left
    return -0.5 * char_width(ln) < offset < DEFAULT_SIGNATURE_INDENT * char_width(ln)


def _is_unaligned_name(lines: list[Line], k: int, date: Line, col: Column, res: MetaResult) -> bool:
    ln = lines[k]
    if ln.page != date.page or k in res.used or k in res.attachment_lines or not _at_left(ln, col):
        return False
    # A wrapped line of running text fills the column; a signing name stops well short of it.
    short = col.right - ln.bbox[2] > 2 * char_width(ln)
    return short and all(SIGNING_NAME.match(name) for name in signed_names(ln.text))


def _ends_notice(lines: list[Line], i: int, col: Column, res: MetaResult) -> bool:
    """Line ``i`` is the last of the notice's text: the page ends under it, or what follows is a 附注, the
    附件 list or label, the 版记 (抄送, 印发, 共印), or a centred title (the enclosed document's, run on under
    the notice of a page printed from a website)."""
    k = i + 1
    if k >= len(lines) or lines[k].page != lines[i].page or k in res.used or is_centered(lines[k], col):
        return True
    text = lines[k].text.strip()
    notes = (SIGNATURE_NOTE, ATTACHMENT_LIST, ANNEX_LABEL, CC_LABEL, _PRINTED, COPIES)
    return any(p.match(text) for p in notes)


def signed_names(text: str) -> list[str]:
    """Organisations signed on one 落款 line, set apart by white space (``甲厅 乙厅``); a letter-spaced single
    name (``某 某 局``) stays one."""
    parts = text.split()
    return parts if all(len(p) > 1 for p in parts) else [text.strip()]


DEFAULT_SIGNATURE_INDENT = 2.5
"""Characters: a 落款 line starts further right than a paragraph's two-character first-line indent."""


def _is_signature_name(ln: Line, col: Column, listed: bool = False) -> bool:
    cw = char_width(ln)
    text = ln.text.strip()
    # A numbered line is an item of a list (附件 titles hanging to the right), never a signing organisation.
    if listed or _LIST_NUMBER.match(text):
        return False
    indented = ln.bbox[0] - col.left > DEFAULT_SIGNATURE_INDENT * cw
    return indented and not re.search(r"[。；;，,：:]$", text)


def _attachments(lines: list[Line], cols: dict[int, Column], meta: Meta, res: MetaResult) -> None:
    """``附件：1．…`` list: one title per number, continuation lines joined to the title above."""
    pitch = line_pitch(lines)
    for i, ln in enumerate(lines):
        if i in res.used or not ATTACHMENT_LIST.match(ln.text.strip()):
            continue
        if ANNEX_LABEL.match(ln.text):
            # ``附件：`` alone labels the annex printed under it: atop a page it lists nothing; run on after a
            # notice that prints no 附件说明, the annex's centred title is what the notice attaches.
            title = [] if i == 0 or lines[i - 1].page != ln.page else _centred_title_below(lines, i, cols)
            if title and not meta.attachments:
                meta.attachments = [squash_spaces(join_lines([lines[k].text for k in title]))]
                meta.raw["attachments"] = "\n".join(as_printed(lines[k]) for k in title)
            continue
        parts: list[list[str]] = [[ATTACHMENT_LIST.sub("", ln.text.strip())]]
        res.attachment_lines.add(i)
        prev = ln
        for k in range(i + 1, len(lines)):
            nxt = lines[k]
            if not _continues_list(prev, nxt, cols[nxt.page], pitch):
                break
            if _LIST_NUMBER.match(nxt.text):
                parts.append([nxt.text.strip()])
            else:
                parts[-1].append(nxt.text.strip())
            res.attachment_lines.add(k)
            prev = nxt
        printed = [join_lines(p) for p in parts]
        meta.attachments = [_LIST_NUMBER.sub("", t) for t in printed if t]
        meta.raw["attachments"] = "\n".join(printed)
        return


def _centred_title_below(lines: list[Line], i: int, cols: dict[int, Column]) -> list[int]:
    """Centred lines of one size right under line ``i`` on its page (an annex's title under its label)."""
    out: list[int] = []
    for k in range(i + 1, min(i + 1 + TITLE_MAX_LINES, len(lines))):
        ln = lines[k]
        if ln.page != lines[i].page or not is_centered(ln, cols[ln.page]):
            break
        if out and not _same_size(ln, lines[out[0]]):
            break
        out.append(k)
    return out


def _continues_list(prev: Line, nxt: Line, col: Column, pitch: float) -> bool:
    cw = char_width(nxt)
    if nxt.page != prev.page or nxt.bbox[1] - prev.bbox[1] > 1.4 * pitch or is_date_line(nxt.text):
        return False
    # Continuation lines hang under the title text (or start flush left after a full line); a signature
    # line sits much further right.
    offset = nxt.bbox[0] - col.left
    flush_ok = col.right - prev.bbox[2] < 1.5 * cw and not _LIST_NUMBER.match(nxt.text)
    return (cw * 0.5 < offset or (flush_ok and offset > -0.5 * cw)) and offset < 7 * cw


# ------------------------------------------------------------------------------------------------- 版记


def _colophon(lines: list[Line], meta: Meta, res: MetaResult) -> None:
    """抄送, printer + 印发 date and 共印 copies, looked for on the last page only."""
    last = lines[-1].page
    idx = [i for i, ln in enumerate(lines) if ln.page == last and i not in res.used]
    for n, i in enumerate(idx):
        text = lines[i].text.strip()
        if CC_LABEL.match(text):
            _cc(lines, idx[n:], meta, res)
        elif m := _PRINTED.match(text):
            _printed(lines, i, idx, m, meta, res)
        elif m := COPIES.match(text):
            meta.copies, meta.raw["copies"] = int(m.group(1)), text
            res.used.add(i)


def _cc(lines: list[Line], idx: list[int], meta: Meta, res: MetaResult) -> None:
    texts = [lines[idx[0]].text.strip()]
    res.used.add(idx[0])
    pitch = line_pitch(lines)
    for a, b in pairwise(idx):
        nxt = lines[b].text.strip()
        if lines[b].bbox[1] - lines[a].bbox[1] > 1.4 * pitch or _PRINTED.match(nxt) or COPIES.match(nxt):
            break
        if re.search(r"[。．.]$", texts[-1]) or _is_printer_beside(lines, b):
            break
        texts.append(nxt)
        res.used.add(b)
    printed = join_lines(texts)
    meta.cc, meta.raw["cc"] = split_recipients(CC_LABEL.sub("", printed)), printed


def _is_printer_beside(lines: list[Line], i: int) -> bool:
    """A line sharing its baseline with the 印发 line: the printer, not a 抄送 continuation."""
    ln = lines[i]
    return any(
        o.page == ln.page and abs(o.bbox[1] - ln.bbox[1]) < ln.size / 2 and _PRINTED.match(o.text.strip())
        for o in lines
        if o is not ln
    )


def _printed(
    lines: list[Line], i: int, idx: list[int], m: re.Match[str], meta: Meta, res: MetaResult
) -> None:
    ln = lines[i]
    res.used.add(i)
    date_text = m.group(2)
    meta.print_date, meta.raw["print_date"] = parse_date(date_text), f"{date_text}印发"
    printer = m.group(1).strip()
    if not printer:
        beside = [k for k in idx if k != i and abs(lines[k].bbox[1] - ln.bbox[1]) < ln.size / 2]
        if beside:
            printer = " ".join(lines[k].text.strip() for k in beside)
            res.used.update(beside)
    if printer:
        meta.printer, meta.raw["printer"] = squash_spaces(printer), printer


def extract_meta(lines: list[Line], cols: dict[int, Column]) -> MetaResult:
    """Meta fields of a document from its content lines in reading order."""
    res = MetaResult(Meta())
    if not lines:
        return res
    body = body_font_size(lines)
    after_header = _header(lines, cols, res.meta, res, body)
    _colophon(lines, res.meta, res)
    _attachments(lines, cols, res.meta, res)
    _signature(lines, after_header, cols, res.meta, res)
    # A 附件 line of the covering notice (before its signature) is meta only; one closing the enclosed
    # document's text (after the signature) is also a paragraph of that text.
    if res.signature_line is None or min(res.attachment_lines, default=0) < res.signature_line:
        res.used |= res.attachment_lines
    return res
