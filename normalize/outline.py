"""The GB/T 9704 heading outline: 一、 /（一）/ 1. 1．/（1）, checked by font, block position and sequence.

A heading candidate is a block (see :mod:`.paragraphs`) starting with a numbering marker, so a number in the
middle of running text is never a heading.  It becomes a heading when its font says so (黑体/楷体/bold), or
when it is short or a run-in heading (``1.全力提升产品质量。指导企业…``) *and* its number is the next one in
sequence under the current parent.  Numbered lists inside sidebars and tables never reach this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_extract.core.model import BBox, DocWarning, Line, OutlineNode
from policy_extract.core.vocabulary import (
    ARTICLE_MARKER,
    CLAUSE_END,
    CLAUSE_MARKER,
    DEFINITION,
    HEADING_FONT_WORDS,
    HEADING_MARKERS,
    LIST_LEAD_IN,
    PART_MARKER,
    PART_TIERS,
    SIDE_TITLE,
)

from .layout import Column, char_width, is_centered
from .numerals import parse_integer
from .paragraphs import Block, is_indented
from .settings import DEFAULT_INDENT_MAX, ParagraphSettings

MAX_LEVEL = 4
"""SPEC outline levels run 1–4."""
LEAD_IN = -1
"""``OutlineBuilder.list_level`` after a lead-in, before its first item."""
DEFAULT_MAX_TITLE_CHARS = 40
"""A heading title (the part before a run-in's first 。) is at most this long."""


@dataclass(frozen=True, slots=True)
class Marker:
    level: int
    number: str
    value: int
    end: int
    """Where the marker (with its punctuation and spaces) ends in the text."""


def find_marker(text: str) -> Marker | None:
    """The outline marker a text starts with, if any; a part marker is level 0 (``第一章``) or -1
    (``第一部分``, ``第一编``, which hold chapters)."""
    part = PART_MARKER.match(text)
    if part:
        value = parse_integer(part.group("value"))
        if value is not None:
            number = re.sub(r"\s+", "", part.group("number"))
            tier = next((t for unit, t in PART_TIERS.items() if number.endswith(unit)), 0)
            return Marker(tier, number, value, part.end())
    for level, pattern in HEADING_MARKERS:
        m = pattern.match(text)
        if m:
            value = parse_integer(m.group(1))
            if value is not None:
                return Marker(level, m.group(1), value, m.end())
    return None


def has_heading_font(line: Line, body_font: str) -> bool:
    """黑体/楷体/bold, or any font that differs from the body font and looks like a heading face."""
    return line.bold or has_heading_face(line, body_font)


def has_heading_face(line: Line, body_font: str) -> bool:
    """A font that differs from the body font and looks like a heading face (黑体/楷体), bold or not."""
    name = line.font.lower()
    return name != body_font.lower() and any(k in name for k in HEADING_FONT_WORDS)


def is_centred_title(line: Line, col: Column) -> bool:
    """A line set where a title stands: centred in its column and starting beyond any first-line indent (an
    indented line ending as far from the right edge sits near the centre too, but starts at the indent)."""
    return is_centered(line, col) and line.bbox[0] - col.left > DEFAULT_INDENT_MAX * char_width(line)


def split_title(text: str) -> tuple[str, str]:
    """``质量发展体系基本形成。专业型…`` → (``质量发展体系基本形成``, ``专业型…``); no 。 → (text, "")."""
    head, dot, rest = text.partition("。")
    if not dot:
        return text.strip(), ""
    return head.strip(), rest.strip()


@dataclass(slots=True)
class OutlineBuilder:
    """Accumulates outline nodes in document order and checks numbering sequences."""

    body_font: str = ""
    columns: dict[int, Column] = field(default_factory=dict)
    """Text column per page, to tell a centred title (:meth:`centred`)."""
    max_title: int = DEFAULT_MAX_TITLE_CHARS
    nodes: list[OutlineNode] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)
    last_value: dict[int, int] = field(default_factory=dict)
    running_value: dict[int, int] = field(default_factory=dict)
    """Last number per level over the whole document: some documents number 1.–7. straight through."""
    list_level: int | None = None
    """Marker level of the enumeration a lead-in (``其中：``, ``主要职能包括：``) opened, while its items run;
    ``LEAD_IN`` right after the lead-in, before the first item."""
    clause_base: int = 0
    """Depth of the first clause number (``1.4`` → 2) the document prints; 0 before one."""
    list_next: tuple[int, int] | None = None
    """(level, number) the enumeration's next item carries; any other block ends it."""
    sides: dict[str, str] = field(default_factory=dict)
    """Id of each unnumbered side heading (:meth:`side_heading`) → id of the heading it stands under, whose
    final level it follows (:meth:`finish`)."""
    indents: dict[int, bool] = field(default_factory=dict)
    """Per page, whether its body paragraphs start at a first-line indent (:meth:`find_paragraph_indents`);
    key 0: the document's, for a page without paragraphs."""
    annexes: set[str] = field(default_factory=set)
    """Ids of the annex nodes (``附件1``), which stand at the top tier but are not parts."""
    in_article: bool = False
    """A 第N条 article was printed since the last heading: numbered blocks in body type are its items."""
    body_clauses: set[str] = field(default_factory=set)
    """Numbers (``4.1``, the ``1`` of ``1.…``/``1、…``; never a bare ``3`` before a character, a quantity as
    in ``3个…``) that opened body text since a heading last carried them: their sub-clauses in the body face
    (``4.1.1``, ``1.2``) are points of it, not headings.  Forgotten at an article, an annex and a heading of a
    higher tier (part, chapter, 一、, （一）): new points there."""
    gap_runs: set[int] = field(default_factory=set)
    """First line indices of 一、 headings whose numbering jumps forward and goes on from there (see
    :meth:`find_gap_runs`)."""

    def expected(self, level: int) -> int:
        return self.last_value.get(level, 0) + 1

    def parent_of(self, level: int) -> str | None:
        return next((n.id for n in reversed(self.nodes) if n.level < level), None)

    def add(
        self, level: int, number: str, title: str, page: int, bbox: BBox | None, value: int = 0
    ) -> OutlineNode:
        node = OutlineNode(f"s{len(self.nodes) + 1}", self.parent_of(level), level, number, title, page, bbox)
        self.nodes.append(node)
        # Numbering restarts under a new parent: forget the counters of the deeper levels.
        self.last_value = {lv: v for lv, v in self.last_value.items() if lv < level}
        self.last_value[level] = value
        self.running_value[level] = value
        self.in_article = False
        return node

    def add_annex(self, label: str, title: str, page: int, bbox: BBox | None) -> OutlineNode:
        # In a document organised by parts the annex stands beside the top parts, above their 一、.
        level = min(n.level for n in self.nodes) if self.has_parts() else 1
        node = self.add(level, re.sub(r"\s+", "", label), title, page, bbox)
        self.annexes.add(node.id)
        self.last_value, self.running_value = {}, {}  # an annex restarts every numbering
        self.body_clauses.clear()
        return node

    def finish(self) -> list[OutlineNode]:
        """The nodes with SPEC levels.  Part tiers (``第N部分``/``第N编`` above ``第N章``) take levels 1, 2, …
        in the order of the tiers the document prints.  Beneath a part or chapter the levels are relative:
        the first marker tier the chapter actually prints is the chapter's level + 1, the next + 2 (a chapter
        whose top subdivision is （一） has it on the level below the chapter), though no marker ranks above
        its own SPEC level (1. 1、 stay on level 3 or below).  Elsewhere (no parts, before the first part,
        inside an annex) the marker keeps its SPEC level, one lower where parts exist.  An unnumbered side
        heading is one level below the heading it stands under, and takes no rank of its own."""
        tiers = sorted({n.level for n in self.nodes if n.level <= 0 and n.id not in self.annexes})
        shift = 1 if self.has_parts() else 0
        by_id = {n.id: n for n in self.nodes}
        heads = {n.id: self._part_above(n, by_id) for n in self.nodes}
        below: dict[str, list[int]] = {}
        for n in self.nodes:
            head = heads[n.id]
            if head is not None and n.level > 0 and n.id not in self.sides:
                below.setdefault(head, []).append(n.level)
        ranks = {head: sorted(set(levels)) for head, levels in below.items()}
        final: dict[str, int] = {}
        for n in self.nodes:
            head = heads[n.id]
            if n.id in self.sides:
                final[n.id] = final[self.sides[n.id]] + 1  # one below its heading, whatever tier that is
            elif n.level <= 0:
                final[n.id] = tiers.index(n.level) + 1 if n.level in tiers else 1
            elif head is not None:
                # Relative beneath a chapter, but never above the marker's own rung of the SPEC ladder: a
                # chapter whose only numbers are 1、 has them on level 3, not as its top subdivision.
                final[n.id] = max(final[head] + 1 + ranks[head].index(n.level), n.level)
            else:
                final[n.id] = n.level + shift
        for n in self.nodes:
            n.level = min(final[n.id], MAX_LEVEL)
        return self.nodes

    def _part_above(self, node: OutlineNode, by_id: dict[str, OutlineNode]) -> str | None:
        """Id of the nearest part or chapter heading above a numbered heading (None under an annex)."""
        parent = node.parent
        while parent is not None:
            above = by_id[parent]
            if above.level <= 0:
                return None if above.id in self.annexes else above.id
            parent = above.parent
        return None

    def has_parts(self) -> bool:
        return any(n.level <= 0 for n in self.nodes)

    def centred(self, block: Block) -> bool:
        """A numbered title alone on its line and centred in the column (``二、商务要求`` over a page of
        body type): placed where headings are (chapters and parts are set so: 第三章 in dangwei, ouc_hysm,
        ouc_xxxy; 第一部分 in putuo_czj, putuo_ghzyj, putuo_shgzb; （一）总则 in hanshan), which says it is
        one as a heading face does, in sequence or not."""
        col = self.columns.get(block.first.page)
        return len(block.lines) == 1 and col is not None and is_centred_title(block.first, col)

    def clause(self, block: Block) -> tuple[OutlineNode, str] | None:
        """A clause heading numbered without punctuation (``1 人口特征``, ``1.4 智能船舶附加标志``): one
        line in a heading face, no sentence, not a point of a clause printed as body text (``4.1评审方法：…``
        then a bold ``4.1.1对投标文件进行符合性审查``, ``1.学术…的认定…`` then ``1.2 结果性评价``).
        Its level is its depth below the first clause depth the document prints (an excerpt starting at 1.4
        has 1.4 on level 1)."""
        m = CLAUSE_MARKER.match(block.text)
        if m is None or len(block.lines) != 1 or not has_heading_font(block.first, self.body_font):
            return None
        title = block.text[m.end() :].strip()
        if not 0 < len(title) <= self.max_title or re.search(r"[。，,；;：:]", title):
            return None
        parts = m.group(1).split(".")
        # 4.1.1 in the body face under a 4.1 printed as a sentence; a heading face is a heading still.
        if ".".join(parts[:-1]) in self.body_clauses and not has_heading_face(block.first, self.body_font):
            return None
        self.clause_base = self.clause_base or len(parts)
        level = min(max(len(parts) - self.clause_base + 1, 1), MAX_LEVEL)
        node = self.add(level, m.group(1), title, block.first.page, block.first.bbox, int(parts[-1]))
        node.raw = block.text
        return node, ""

    def find_paragraph_indents(self, blocks: list[Block]) -> None:
        """Whether body paragraphs start at a first-line indent, per page and over the document (key 0): the
        majority of the blocks of two or more lines in plain body type (a flush-left web print sets none)."""
        votes: dict[int, list[bool]] = {}
        settings = ParagraphSettings()
        for b in blocks:
            col = self.columns.get(b.first.page)
            plain = not b.first.bold and b.first.font.lower() == self.body_font.lower()
            if col is not None and len(b.lines) >= 2 and plain:
                votes.setdefault(b.first.page, []).append(is_indented(b.first, col, settings))
        pooled = [v for page in votes.values() for v in page]
        self.indents = {page: 2 * sum(v) > len(v) for page, v in votes.items()}
        self.indents[0] = 2 * sum(pooled) > len(pooled)

    def side_heading(self, block: Block) -> tuple[OutlineNode, str] | None:
        """An unnumbered side heading (shenzhen ``人口规模与性别比`` under ``1 人口特征``): one line of
        the body face made bold, flush with the column's left edge on a page whose paragraphs start at their
        indent (:meth:`find_paragraph_indents`; where paragraphs are flush left too, a bold phrase there is
        emphasis), a short phrase of Chinese characters alone, under a heading already printed; one level
        below the nearest heading above it (a part, chapter, numbered heading or annex)."""
        line = block.first
        col = self.columns.get(line.page)
        numbered = next((n for n in reversed(self.nodes) if n.id not in self.sides), None)
        if len(block.lines) != 1 or col is None or numbered is None or not line.bold:
            return None
        flush = abs(line.bbox[0] - col.left) <= char_width(line) / 2
        indented = self.indents.get(line.page, self.indents.get(0, False))
        body_face = line.font.lower() == self.body_font.lower()
        if not (flush and indented and body_face) or not SIDE_TITLE.match(block.text.strip()):
            return None
        # Never on a part's or chapter's tier (≤ 0): beneath 第一部分 it is a subdivision like 一、; its final
        # level follows its heading's (finish).
        level = max(1, min(numbered.level + 1, MAX_LEVEL))
        node = self.add(level, "", block.text.strip(), line.page, line.bbox)
        node.raw = block.text
        self.sides[node.id] = numbered.id
        return node, ""

    def in_sequence(self, marker: Marker, alone: int) -> bool:
        """The marker's number comes next under its parent (or next over the whole document); ``alone``: the
        number of lines of a block that is a title on its own (no sentence after it), else 0."""
        continued = self.running_value.get(marker.level, -1) + 1
        if marker.value in (self.expected(marker.level), continued):
            return True
        # 一、 on a line of its own restarts the numbering: a new part begins under an unnumbered title.
        if marker.level == 1 and marker.value == 1 and alone == 1:
            return True
        # A part may be printed without its label (第二部分 is a set of tables under a bare title), so a part
        # title on its own that moves the part number forward is next.
        return marker.level <= 0 and 0 < alone <= 2 and marker.value > self.running_value.get(marker.level, 0)

    def listed(self, block: Block, marker: Marker | None) -> bool:
        """Whether the block is an item of an enumeration opened by a lead-in (``其中：``/``主要职能包括：``):
        the items right after it, in body type and numbered on from the first, are list items."""
        strong = has_heading_font(block.first, self.body_font)
        first = self.list_level == LEAD_IN
        if marker is not None and not strong and (first or self.list_next == (marker.level, marker.value)):
            self.list_level, self.list_next = marker.level, (marker.level, marker.value + 1)
            return True
        self.list_level = LEAD_IN if marker is None and LIST_LEAD_IN.search(block.text) else None
        self.list_next = None
        return False

    def find_gap_runs(self, blocks: list[Block]) -> None:
        """一、 headings numbered on from a gap (``一、采购清单`` then ``四、技术规范``, ``五、…``, ``六、…``:
        the numbering skips 二、三、): a title alone on its line followed by the next two numbers of the tier,
        each alone too, with no part or chapter heading between.  The gap drops no heading of the run;
        whether a number jumps forward is decided when it is read (a number going back restarts a list).
        Reads the paragraphs' first-line indent too (:meth:`find_paragraph_indents`): both survey all blocks
        before the first is read."""
        self.find_paragraph_indents(blocks)
        alone: list[tuple[int, Marker]] = []
        for b in blocks:
            clauses = any(ch in CLAUSE_END for ch in b.text)
            m = find_marker(b.text) if len(b.lines) == 1 and not clauses else None
            if m is not None and m.level <= 1 and len(b.text) - m.end <= self.max_title:
                alone.append((b.index[0], m))
        for n, (i, m) in enumerate(alone):
            run = [i]
            for j, nxt in alone[n + 1 : n + 3]:
                if nxt.level != 1 or nxt.value != m.value + len(run):
                    break
                run.append(j)
            if m.level == 1 and len(run) == 3:
                self.gap_runs.update(run)

    def article_item(self, block: Block, marker: Marker | None) -> bool:
        """Whether the block is an article (``第三条 …``) or a numbered item in body type inside one (an
        article's conditions ``（一）申请的基本条件：``): neither is a heading.  A heading in heading type or
        one on the level of the heading holding the articles (``二、`` after ``一、主要职能 第一条…``) closes
        the article."""
        if ARTICLE_MARKER.match(block.text):
            self.in_article = True
            return True
        if not self.in_article or marker is None or has_heading_face(block.first, self.body_font):
            return False
        holder = self.nodes[-1].level if self.nodes else 0
        return marker.level > holder

    def heading(self, block: Block) -> tuple[OutlineNode, str] | None:
        """The outline node a block opens (and the run-in text after its title), or None for body text (whose
        clause number, if it starts with one, is remembered: :meth:`clause`)."""
        marker = find_marker(block.text)
        found = self._heading(block, marker)
        higher = found is not None and marker is not None and marker.level <= 2
        if higher or ARTICLE_MARKER.match(block.text):
            self.body_clauses.clear()  # an article, part, chapter, 一、 or （一） numbers points afresh
        # Only a number that is one: a dotted clause (4.1) or a punctuated marker (1. 1、); a bare digit
        # before a character is as often a quantity (3个…, 10月…, 1万人) and would hide a later 3.1 heading.
        clause = CLAUSE_MARKER.match(block.text)
        dotted = clause.group(1) if clause is not None and "." in clause.group(1) else None
        number = dotted or (marker.number if marker is not None else None)
        if found is None and number:
            self.body_clauses.add(number)
        elif found is not None:
            self.body_clauses.discard(found[0].number)
        return found

    def _heading(self, block: Block, marker: Marker | None) -> tuple[OutlineNode, str] | None:
        text = block.text
        if self.listed(block, marker) or self.article_item(block, marker):
            return None
        if marker is None:
            return self.clause(block) or self.side_heading(block)
        # The outline has four levels: under parts, （1） items have no level left and stay body text.
        if DEFINITION.match(text[marker.end :]) or (marker.level == MAX_LEVEL and self.has_parts()):
            return None
        title, rest = split_title(text[marker.end :])
        strong = has_heading_font(block.first, self.body_font) or self.centred(block)
        in_sequence = self.in_sequence(marker, 0 if rest else len(block.lines))
        forward = marker.value > self.expected(marker.level)
        in_sequence = in_sequence or (forward and block.index[0] in self.gap_runs)
        # A run-in title is a whole sentence up to its 。: allow it more room, the sequence check guards it.
        limit = self.max_title * (3 if "。" in text else 2 if strong else 1)
        stopped = "。" in text[marker.end :]
        looks_like = 0 < len(title) <= limit and (stopped or len(block.lines) <= 2)
        if not looks_like or not (strong or in_sequence):
            # A number going back (第一章 inside 第三章, a list of the chapters) restarts an enumeration: the
            # items numbered on right after it are its items too, not the next headings.
            if marker.value < self.expected(marker.level):
                self.list_next = (marker.level, marker.value + 1)
            return None
        if not in_sequence:
            self.warnings.append(
                DocWarning(
                    "outline_sequence",
                    f"heading {marker.number} at level {marker.level} is out of sequence",
                    block.first.page,
                    "normalize",
                )
            )
        node = self.add(marker.level, marker.number, title, block.first.page, block.first.bbox, marker.value)
        node.raw = text
        return node, rest
