"""Duty records: who does what by when.

Sources, per SPEC: rows of responsibility tables (任务分解表, 责任分工表), 专栏 sidebar items,
numbered paragraphs of task sections (主要任务, 重点任务, 工作任务), and any paragraph with an
inline owner annotation.
Column roles are read from the header text, so any office's column order works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_extract.core.model import Cell, Deadline, Document, Duty, OutlineNode, Paragraph, Table
from policy_extract.core.vocabulary import (
    CO_SUPPORT_HEADER_WORDS,
    DEADLINE_WORDS,
    GROUP_WORDS,
    HEADING_MARKERS,
    HEADING_NUMERALS,
    ITEM_HEADER_WORDS,
    LEAD_WORDS,
    NUMBER_HEADERS,
    SUPPORT_WORDS,
    TASK_HEADER_WORDS,
    TASK_SECTION,
    UNIT_SUFFIXES,
)

from .dates import deadline_in_text, parse_deadline
from .indicators import band_after_caption, cell_at, doc_year_of, header_text
from .orgs import (
    Owners,
    has_lead_mark,
    is_owner_line,
    is_plausible_unit,
    parse_annotation,
    parse_owners,
    split_units,
)
from .paragraphs import opens_item

_NUMBER = re.compile(r"^\s*(\d+(?:[.．]\d+)*)[.．、]?\s*")
_BRACKETED_NUMBER = re.compile(r"^\s*[（(]\s*(\d{1,3})\s*[）)]\s*(?=\S)")


@dataclass(slots=True)
class DutyColumns:
    number: int | None = None
    category: int | None = None
    item: int | None = None
    task: int | None = None
    deadline: int | None = None
    lead: int | None = None
    support: int | None = None
    co_support: list[int] = field(default_factory=list)
    """Further owner columns naming support units only (配合单位 beside 责任单位), left to right."""
    body: int = 1
    """The first row under the header (a caption row above the header is neither)."""


_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead", LEAD_WORDS),
    ("support", SUPPORT_WORDS),
    ("deadline", DEADLINE_WORDS),
    ("number", NUMBER_HEADERS),
    ("category", GROUP_WORDS),
    ("item", ITEM_HEADER_WORDS),
    ("task", TASK_HEADER_WORDS),
)
"""Column role → header words, in the order a header is tried (a 牵头单位 column is lead before support)."""


def _role_of(head: str, cols: DutyColumns, col: int) -> str | None:
    """The role a header names, given the roles already taken: a second task column moves the first
    (重点任务 | 具体举措: the wider task is the rows' category), a second support column is co-support."""
    for role, words in _COLUMN_WORDS:
        if not any(w in head for w in words):
            continue
        if role == "support" and cols.support is not None and any(w in head for w in CO_SUPPORT_HEADER_WORDS):
            cols.co_support.append(col)
            return "co_support"
        if role == "task" and cols.task is not None:
            _demote_task(cols)
        if getattr(cols, role) is None:
            return role
    return None


def _demote_task(cols: DutyColumns) -> None:
    """An earlier task column before the last one groups the rows (category) or names them (item)."""
    if cols.category is None:
        cols.category = cols.task
    elif cols.item is None:
        cols.item = cols.task
    cols.task = None


def _spans_rows(table: Table, col: int, body: int) -> bool:
    return any(c.col == col and c.rowspan > 1 and c.row >= body for c in table.cells)


def duty_columns(table: Table) -> DutyColumns | None:
    """Column roles of a responsibility table, or None when the table is not one.  The header is read under
    any caption row (``重点任务责任分工表`` spanning the table names no column; its 责任 is no owner
    column)."""
    band = band_after_caption(table)
    cols = DutyColumns(body=band.stop)
    for col in range(table.n_cols):
        role = _role_of(re.sub(r"\s+", "", header_text(table, col, band)), cols, col)
        if role is not None and role != "co_support":
            setattr(cols, role, col)
    if cols.task is None and cols.item is not None:
        # A plain list (序号 | 项目名称 | 责任单位 | 完成时限): the named item is the task itself.
        cols.task, cols.item = cols.item, None
    if cols.category is None and cols.item is not None and _spans_rows(table, cols.item, cols.body):
        # 改革事项 merged over the rows of its tasks groups them: a category, not a per-row item.
        cols.category, cols.item = cols.item, None
    if cols.task is None or (cols.lead is None and cols.support is None):
        return None
    return cols


def _text(table: Table, row: int, col: int | None, *, raw: bool = False) -> str:
    if col is None:
        return ""
    c = cell_at(table, row, col)
    if c is None:
        return ""
    return (c.raw or c.text) if raw else c.text


def split_number(text: str) -> tuple[str | None, str]:
    """``1.1.1 依据…`` → (``1.1.1``, ``依据…``), ``（3）推进…`` → (``3``, ``推进…``); text without a leading
    number is returned whole."""
    if (b := _BRACKETED_NUMBER.match(text)) is not None:
        return b.group(1), text[b.end() :]
    m = _NUMBER.match(text)
    if not m or (not re.search(r"[.．]", m.group(1)) and not m.group(0).rstrip().endswith(("、", ".", "．"))):
        return None, text
    return m.group(1).replace("．", "."), text[m.end() :]


def spelled_whole(table: Table, cols: DutyColumns) -> frozenset[str]:
    """Unit names the table prints whole on one line somewhere: jieba's user dictionary for rejoining the
    same names where a narrow column broke them (``区城\n建局``)."""
    names: set[str] = set()
    for c in table.cells:
        if c.row < cols.body or c.col not in (cols.lead, cols.support, *cols.co_support):
            continue
        for line in (c.raw or c.text).split("\n"):
            for piece in re.split(r"[、，,；;\s]", line):
                if len(piece) >= 3 and piece.endswith(UNIT_SUFFIXES):
                    names.add(piece)
    return frozenset(names)


def _owners(table: Table, row: int, cols: DutyColumns, known: frozenset[str]) -> tuple[list[str], list[str]]:
    lead_raw = _text(table, row, cols.lead, raw=True)
    support_raw = _text(table, row, cols.support, raw=True)
    co = [n for col in cols.co_support for n in split_units(_text(table, row, col, raw=True), known=known)]
    if has_lead_mark(support_raw):  # 市住建局（牵头），市财政局 / 市发改委牵头，市财政局配合
        lead2, support, _ = parse_owners(support_raw, known=known)
        return _dedupe(split_units(lead_raw, known=known) + lead2), _dedupe(support + co)
    lead = split_units(lead_raw, known=known)
    support = split_units(support_raw, known=known)
    if cols.lead is None and len(support) == 1:
        return support, co
    return lead, _dedupe(support + co)


def _group_title(table: Table, row: int, cols: DutyColumns, task_cell: Cell) -> str | None:
    """The title of a group row (``一、摸底调查`` spanning the table, or alone in the task column with no
    owner and no deadline under a heading marker), without its marker; None for a duty row."""
    others = [c for c in table.cells if c.row == row and c is not task_cell and c.text.strip()]
    spanning = task_cell.colspan > 1 and task_cell.colspan >= table.n_cols - 1 and not others
    owner_cols = (cols.lead, cols.support, cols.deadline, *cols.co_support)
    owned = any(_text(table, row, col).strip() for col in owner_cols)
    marker = _group_marker(task_cell.text)
    if not spanning and (owned or marker is None):
        return None
    return task_cell.text[marker:].strip() if marker is not None else task_cell.text.strip()


def _group_marker(text: str) -> int | None:
    """End of a level-1/2 heading marker (``一、``, ``（一）``) at the start of ``text``."""
    for level, pattern in HEADING_MARKERS:
        m = pattern.match(text)
        if m and level <= 2:
            return m.end()
    return None


def _dedupe(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _deadline(text: str, doc_year: int | None, task: str = "") -> Deadline | None:
    """The 完成时限 as printed; without one, a deadline the task writes into its own text
    (``…2024年10月前…``)."""
    if text.strip():
        return parse_deadline(text, doc_year=doc_year)
    return deadline_in_text(task, doc_year=doc_year)


def duties_from_table(table: Table, cols: DutyColumns, doc_year: int | None) -> list[Duty]:
    out: list[Duty] = []
    known = spelled_whole(table, cols)
    group: str | None = None
    for row in range(cols.body, table.n_rows):
        task_cell = cell_at(table, row, cols.task) if cols.task is not None else None
        if task_cell is None or not task_cell.text or task_cell.row != row:
            continue
        title = _group_title(table, row, cols, task_cell)
        if title is not None:
            group = title
            continue
        number, task = split_number(task_cell.text)
        if number is None:
            number = _text(table, row, cols.number) or None
        lead, support = _owners(table, row, cols, known)
        out.append(
            Duty(
                id="",
                source="table",
                table=table.id,
                row=row,
                page=task_cell.page,
                section=table.section,
                number=number,
                category=_text(table, row, cols.category) or group,
                item=_text(table, row, cols.item) or None,
                task=task,
                deadline=_deadline(_text(table, row, cols.deadline), doc_year, task),
                lead=lead,
                support=support,
                bbox=task_cell.bbox,
            )
        )
    return out


def duties_from_sidebars(doc: Document, doc_year: int | None) -> list[Duty]:
    out: list[Duty] = []
    for sb in doc.sidebars:
        for item in sb.items:
            owners = parse_annotation(item.text)
            out.append(
                Duty(
                    id="",
                    source="sidebar",
                    table=None,
                    row=None,
                    page=item.page or sb.page,
                    section=sb.section,
                    number=str(item.n),
                    category=sb.title,
                    item=None,
                    task=owners.rest or item.text,
                    deadline=_deadline(owners.deadline or "", doc_year, owners.rest or item.text),
                    lead=owners.lead,
                    support=owners.support,
                    bbox=sb.bbox,
                )
            )
    return out


def _task_sections(outline: list[OutlineNode]) -> set[str]:
    """Ids of task-section headings and everything below them."""
    by_id = {n.id: n for n in outline}
    inside: set[str] = set()
    for n in outline:
        node: OutlineNode | None = n
        while node is not None:
            if TASK_SECTION.search(node.title) and node.level <= 2:
                inside.add(n.id)
                break
            node = by_id.get(node.parent) if node.parent else None
    return inside


_CLOSERS = "”’」』"
"""Quotes that may close a sentence after its end mark (``…。”``) or a term inside one (``纳入“优机”``); a
closing bracket ends an owner annotation (``…（市工业和信息化局牵头）``), a paragraph of its own."""
_CLAUSE_MARKS = "，、,"


def _stops_mid_sentence(text: str) -> bool:
    """A text that stops inside a word or after a comma (after any closing quote: ``…按照加快满足农业生``,
    ``…纳入“优机”``): what follows in the same section is the rest of its sentence."""
    body = text.rstrip().rstrip(_CLOSERS)
    return bool(body) and (body[-1].isalnum() or body[-1] in _CLAUSE_MARKS)


def _left_margins(paragraphs: list[Paragraph]) -> dict[int, float]:
    """Per page, the leftmost first-line start of its paragraphs: where a line flush with the text block
    begins (a continuation line), so a first line standing right of it is indented."""
    margins: dict[int, float] = {}
    for p in paragraphs:
        if p.bbox is not None:
            margins[p.page] = min(margins.get(p.page, p.bbox[0]), p.bbox[0])
    return margins


def _opens_paragraph(p: Paragraph, margins: dict[int, float]) -> bool:
    """A paragraph that starts one of its own: a list or heading marker (``2.``, ``（三）``) or a first
    line indented from its page's left margin by at least half a character (the line's height)."""
    if opens_item(p.text.lstrip()):
        return True
    if p.bbox is None or p.page not in margins:
        return False
    return p.bbox[0] - margins[p.page] >= 0.5 * (p.bbox[3] - p.bbox[1])


def _whole_sentences(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs with the pieces of a sentence cut across paragraph breaks joined (a scanned page read
    line by line): a task runs to the end of its sentence (the real moa truth's numbered tasks, cut at OCR
    line ends), never across a sentence end, a section change or an owner line, nor into a paragraph that
    opens as one (a list or heading marker, a first-line indent: ``1.建立健全工作机制`` | ``2.强化``)."""
    margins = _left_margins(paragraphs)
    out: list[Paragraph] = []
    for p in paragraphs:
        prev = out[-1] if out else None
        if (prev is not None and prev.section == p.section and _stops_mid_sentence(prev.text)
                and not is_owner_line(p.text) and not _opens_paragraph(p, margins)):  # fmt: skip
            out[-1] = Paragraph(prev.section, prev.page, prev.text + p.text.strip(), prev.bbox)
        else:
            out.append(p)
    return out


def _with_owner_lines(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, list[str]]]:
    """Each paragraph with the owner and deadline lines printed under it in the same section
    (``责任单位：X（牵头），Y、Z`` / ``完成时限：…``): they annotate it, no task of their own."""
    out: list[tuple[Paragraph, list[str]]] = []
    for p in paragraphs:
        if out and out[-1][0].section == p.section and is_owner_line(p.text):
            out[-1][1].append(p.text.strip())
        else:
            out.append((p, []))
    return out


def _annotated(text: str, lines: list[str]) -> Owners:
    """The annotation of a task text, with its owner lines read as one ``label：…；label：…`` annotation."""
    owners = parse_annotation(text)
    if lines:
        extra = parse_annotation("；".join(lines))
        owners.lead = _dedupe(owners.lead + extra.lead)
        owners.support = _dedupe(owners.support + extra.support)
        owners.deadline = owners.deadline or extra.deadline
    return owners


def _text_duty(
    p: Paragraph, node: OutlineNode | None, numbered: bool, doc_year: int | None, lines: list[str]
) -> Duty | None:
    owners = _annotated(p.text, lines)
    if not numbered and not _owned(owners):
        return None  # a sentence that only mentions 责任单位 is not an owned task
    section = _duty_section(node) if numbered and node is not None else p.section
    return Duty(
        id="",
        source="text",
        table=None,
        row=None,
        page=p.page,
        section=section,
        number=node.number if numbered and node is not None else None,
        category=None,
        item=node.title if numbered and node is not None else None,
        task=owners.rest or p.text,
        deadline=_deadline(owners.deadline or "", doc_year, owners.rest or p.text),
        lead=owners.lead,
        support=owners.support,
        bbox=p.bbox,
    )


def _duty_section(node: OutlineNode) -> str | None:
    """The section a numbered task belongs to: a heading numbered 一、/（一） is a section of its own and
    holds its task (the real moa truth's run-in （一）); an item numbered 1./（1） is a task of the section
    around it (002's 1. items under （一）)."""
    if node.number and all(ch in HEADING_NUMERALS for ch in node.number):
        return node.id
    return node.parent


def _task_items(outline: list[OutlineNode], tasks: set[str]) -> set[str]:
    """The numbered items of task sections: the innermost headings below a task heading, at any level
    (二、主要任务 → （一）… or → （一）… → 1.…), never the task heading itself."""
    parents = {n.parent for n in outline if n.parent}
    heads = {n.id for n in outline if n.id in tasks and (n.parent not in tasks)}
    return {n.id for n in outline if n.id in tasks and n.id not in heads and n.id not in parents}


def _heading_paragraph(node: OutlineNode) -> Paragraph:
    """A numbered task printed as a heading only (``13.建立健全…发展。``): the task is its printed text."""
    from .outline import find_marker

    marker = find_marker(node.raw) if node.raw else None
    text = node.raw[marker.end :].strip() if marker is not None else node.title
    return Paragraph(section=node.id, page=node.page, text=text, bbox=node.bbox)


def _numbered_leaves(outline: list[OutlineNode]) -> set[str]:
    """Numbered headings below another heading with nothing below them (``1.健全…`` under ``二、重点工作``):
    an owned paragraph under one is that numbered task, in any section."""
    parents = {n.parent for n in outline if n.parent}
    return {n.id for n in outline if n.number and n.parent and n.id not in parents}


def _owned(owners: Owners) -> bool:
    """Owners that make a paragraph a duty of its own: at least one, every one a plausible unit name."""
    names = owners.lead + owners.support
    return bool(names) and all(is_plausible_unit(n) for n in names)


def _is_owned(p: Paragraph, lines: list[str]) -> bool:
    return _owned(_annotated(p.text, lines))


def duties_from_text(doc: Document, doc_year: int | None) -> list[Duty]:
    by_id = {n.id: n for n in doc.outline}
    tasks = _task_sections(doc.outline)
    numbered = _task_items(doc.outline, tasks)
    leaves = _numbered_leaves(doc.outline) - numbered
    with_text = {p.section for p in doc.paragraphs if p.section in numbered}
    headings = [_heading_paragraph(by_id[i]) for i in numbered - with_text]
    paragraphs = _whole_sentences(list(doc.paragraphs)) + headings
    out: list[Duty] = []
    seen: set[str] = set()
    for p, lines in _with_owner_lines(paragraphs):
        node = by_id.get(p.section) if p.section else None
        is_task = p.section in numbered or (p.section in leaves and _is_owned(p, lines))
        if is_task and p.section in seen:
            continue
        duty = _text_duty(p, node, is_task, doc_year, lines)
        if duty is None:
            continue
        if is_task and node is not None:
            parent = by_id.get(node.parent) if node.parent else None
            duty.category = parent.title if parent is not None else None
            seen.add(node.id)
        out.append(duty)
    return out


def build_duties(doc: Document) -> list[Duty]:
    doc_year = doc_year_of(doc)
    out = duties_from_text(doc, doc_year) + duties_from_sidebars(doc, doc_year)
    for table in doc.tables:
        cols = duty_columns(table)
        if cols is not None:
            out.extend(duties_from_table(table, cols, doc_year))
    out.sort(key=lambda d: (d.page, d.bbox[1] if d.bbox else 0.0))
    for i, d in enumerate(out, start=1):
        d.id = f"d{i}"
    return out
