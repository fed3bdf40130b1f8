"""Convert the seed text of 郑港办〔2021〕70号 into its sample source YAML (samples/SOURCE_FORMAT.md).

A one-off authoring aid, kept so that the sample can be regenerated and reviewed: it reads the damaged
PDF-to-text rendering in ``/work/shared/seeds/000_5d3202af9fddf20f.txt`` and writes
``samples/src/000_5d3202af9fddf20f.yaml``.  The repairs it makes are the ones a person would make:

* heading levels come from the numbering (一、 h1, （一） h2, 1. h3, （1） h4), never from the seed's
  ``#`` marks;
* a ``1. title。body`` line is a run-in h3; ``1. title。`` alone is an h3 without run-in text;
* a paragraph cut by a page break (it ends without sentence-final punctuation) is joined with the next one;
* ``PM<sub>2.5</sub>`` becomes ``PM2.5``.

The covering notice, colophon, 专栏一 table layout and the expected meta are written out here from the
brief, and indicator values are parsed from the seed's table cells by the small rules below; the result was
checked by hand against the SPEC.  Run: ``python samples/tools/seed2yaml_000.py [SEED] [OUT]``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SEED = Path("/work/shared/seeds/000_5d3202af9fddf20f.txt")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "000_5d3202af9fddf20f.yaml"
DEFAULT_DOC_ID = "000_5d3202af9fddf20f"
DEFAULT_ISSUER = "郑州航空港经济综合实验区党政办公室"
DEFAULT_BOX_STYLE = "box"
# Two sidebars drawn as 1×1 tables, so the sample also covers 专栏 framed by table rules.
DEFAULT_CELL_SIDEBARS = frozenset({5, 9})
# Where the seed's enclosed plan starts and the colophon begins.
DEFAULT_BODY_START = "郑州航空港经济综合实验区 “十四五”质量强区建设规划"
DEFAULT_COLOPHON_START = "郑州航空港经济综合实验区党政办"
# A paragraph ending in one of these is complete; anything else was cut by a page break.
DEFAULT_SENTENCE_ENDS = ("。", "！", "？", "。”", "。）", "；")

CN_NUM = "一二三四五六七八九十"
H1_RE = re.compile(rf"^([{CN_NUM}]+)、\s*(.+)$")
H2_RE = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*(.+)$")
H3_RE = re.compile(r"^(\d+)[.．]\s*(.+)$")
H4_RE = re.compile(r"^[（(](\d+)[）)]\s*(.+)$")
SIDEBAR_RE = re.compile(r"^(专栏\s*\d+)：\s*(.+)$")
SUB_RE = re.compile(r"<sub>(.*?)</sub>")

# ------------------------------------------------------------------------------------------ 专栏一 table

DEFAULT_TABLE_WIDTHS = [12, 62, 26, 20, 20, 14]
DEFAULT_TABLE_FONT_SIZE = 9.0
TABLE_HEADER = [
    ["类别", "项目", "指标", "指标", "指标", "指标属性"],
    ["类别", "项目", "2020年基础指数", "2022年", "2025年", "指标属性"],
]
TABLE_HEADER_MERGES = [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 4], [0, 5, 1, 5]]
YEAR_COLUMNS = ((2, 2020, "baseline"), (3, 2022, "target"), (4, 2025, "target"))
NULL_VALUES = frozenset({"--", "—", "/", ""})
# Group labels as printed in the narrow 类别 column; "\n" where the seed shows the printed line breaks,
# the others wrap by themselves in the 12 mm column.
GROUP_LABELS = {
    "制造业质量发展指标": "制造业质量发展指标",
    "抽检合格率": "抽检合格率",
    "服务 业标 准化 指标": "服务\n业标\n准化\n指标",
    "生态 环境 质量 指标": "生态\n环境\n质量\n指标",
    "工程 质量 发展 指标": "工程\n质量\n发展\n指标",
    "人才 队伍 指标": "人才\n队伍\n指标",
    "质量 基础 设施 发展 指标": "质量\n基础\n设施\n发展\n指标",
    "质量 交流": "质量\n交流",
    "质量 工作 财政 投入": "质量\n工作\n财政\n投入",
}
# Cells whose seed text is two printed lines inside the cell (the seed turned the break into a space).
CELL_BREAKS = {
    "国家: 0 省市级: 0": "国家: 0\n省市级: 0",
    "国家: 1 省市级: 2": "国家: 1\n省市级: 2",
    "国家: 2 省市级: 3": "国家: 2\n省市级: 3",
    "每年在上一年度基础上递增 20%": "每年在上一年度基础上\n递增 20%",
}

# Target texts the seed prints once across the 2022 and 2025 columns (one merged cell).
MERGED_VALUES = frozenset({"略高于国家指数", "每年在上一年度基础上递增 20%"})

NUMBER = r"(\d+(?:\.\d+)?)"
SCOPED_RE = re.compile(rf"(国家|省市级|省级|市级)\s*[:：]\s*{NUMBER}\s*(%|万元|个|家|项)?")
GE_RE = re.compile(rf"^≥\s*{NUMBER}\s*(%)?$")
PLAIN_RE = re.compile(rf"^{NUMBER}\s*(%|万元|个|家|项|名|天)?$")
INCREASE_RE = re.compile(rf"递增\s*{NUMBER}\s*(%)")
NAME_UNIT_RE = re.compile(r"^(.*?)\s*[（(]([^（）()]+)[）)]$")


@dataclass
class Block:
    """One body block before YAML emission; ``kind`` is the SOURCE_FORMAT key."""

    kind: str
    text: str = ""
    n: str = ""
    runin: str = ""
    label: str = ""
    items: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------ seed parsing


def clean(line: str) -> str:
    """Strip markdown heading marks, the seed's trailing line-break spaces and <sub> markup."""
    text = line.strip().lstrip("#").strip()
    return SUB_RE.sub(r"\1", text)


def body_lines(seed: str) -> list[str]:
    """The enclosed plan's lines (title excluded), blank lines kept, colophon excluded."""
    lines = seed.splitlines()
    start = next(i for i, s in enumerate(lines) if clean(s) == DEFAULT_BODY_START)
    end = max(i for i, s in enumerate(lines) if clean(s) == DEFAULT_COLOPHON_START)
    return lines[start + 1 : end]


def heading_block(text: str) -> Block | None:
    """A heading block from the numbering, or None for body text."""
    for kind, pattern in (("h1", H1_RE), ("h2", H2_RE), ("h4", H4_RE), ("h3", H3_RE)):
        m = pattern.match(text)
        if m:
            return titled_block(kind, m.group(1), m.group(2))
    return None


def titled_block(kind: str, n: str, rest: str) -> Block:
    """h3/h4 end their title at the first 。 (run-in heading); h1/h2 are whole lines."""
    if kind in ("h1", "h2") or "。" not in rest:
        return Block(kind, text=rest.strip(), n=n)
    title, _, runin = rest.partition("。")
    return Block(kind, text=title.strip(), n=n, runin=runin.strip())


def split_table(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(lines before 专栏一, the table's lines, lines after the table)."""
    start = next(i for i, s in enumerate(lines) if clean(s).startswith("专栏一"))
    end = next(i for i, s in enumerate(lines) if i > start and s.strip().startswith("---"))
    return lines[:start], lines[start + 1 : end], lines[end + 1 :]


def text_blocks(lines: list[str]) -> list[Block]:
    """Blocks of a stretch of seed text without tables, page-break cuts not yet repaired."""
    blocks: list[Block] = []
    sidebar: Block | None = None
    for raw in lines:
        text = clean(raw)
        if not text:
            # The seed leaves a blank line under the 专栏 title; the items' end is the next blank line.
            sidebar = sidebar if sidebar is not None and not sidebar.items else None
            continue
        m = SIDEBAR_RE.match(text)
        if m:
            sidebar = Block("sidebar", text=m.group(2).strip(), label=m.group(1))
            blocks.append(sidebar)
            continue
        if sidebar is not None:
            item = H3_RE.match(text)
            sidebar.items.append(item.group(2).strip() if item else text)
            continue
        blocks.append(heading_block(text) or Block("p", text=text))
    return blocks


def is_cut(text: str) -> bool:
    """True when a paragraph stops mid-sentence (the seed's page-break damage)."""
    return bool(text) and not text.endswith(DEFAULT_SENTENCE_ENDS)


def join_cut_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join each paragraph (or run-in text) that a page break cut with the paragraph after it."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if block.kind == "p" and prev is not None and prev.kind == "p" and is_cut(prev.text):
            prev.text += block.text
            continue
        if block.kind == "p" and prev is not None and prev.kind in ("h3", "h4") and is_cut(prev.runin):
            prev.runin += block.text
            continue
        out.append(block)
    return out


# ------------------------------------------------------------------------------------------ the table


def table_rows(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(group label as in the seed or "", [name, 2020, 2022, 2025, attribute]) per indicator row."""
    rows: list[tuple[str, list[str]]] = []
    group = ""
    for raw in lines:
        cells = [c.strip() for c in raw.rstrip("\n").split("\t")]
        if not raw.strip() or cells[1] in ("项目", ""):
            # The seed prints the first group's label on the header lines; it belongs to the first data row.
            group = cells[0] or group
            continue
        group = cells[0] or group
        values = [c for c in cells[2:] if c]
        if len(values) == 3:  # one value merged over 2022 and 2025
            values = [values[0], values[1], values[1], values[2]]
        rows.append((group if cells[0] or not rows else "", [cells[1], *values]))
        group = ""
    return rows


def grid_and_merges(rows: list[tuple[str, list[str]]]) -> tuple[list[list[str]], list[list[int]]]:
    """Dense printed grid (header rows included) and its merges."""
    grid = [list(r) for r in TABLE_HEADER]
    merges = [list(m) for m in TABLE_HEADER_MERGES]
    label = ""
    for i, (group, cells) in enumerate(rows):
        r = len(grid)
        if group:
            label = GROUP_LABELS[group]
            span = next((j for j in range(i + 1, len(rows)) if rows[j][0]), len(rows)) - i
            if span > 1:
                merges.append([r, 0, r + span - 1, 0])
        if cells[2] == cells[3] and cells[2] in MERGED_VALUES:
            merges.append([r, 3, r, 4])
        grid.append([label, *(CELL_BREAKS.get(c, c) for c in cells)])
    return grid, merges


def joined(text: str) -> str:
    """Cell text after joining its printed lines (normalize.text rules)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from policy_extract.normalize.text import join_lines

    return join_lines(text.split("\n"))


def name_and_unit(printed: str) -> tuple[str, str | None]:
    """Indicator name without its trailing bracketed unit, and that unit."""
    m = NAME_UNIT_RE.match(printed)
    return (m.group(1), m.group(2)) if m else (printed, None)


def value_records(raw: str, year: int, kind: str, unit: str | None) -> list[dict[str, Any]]:
    """SPEC value records for one year cell."""
    base = {"year": year, "kind": kind, "raw": raw}
    empty = {"op": None, "value": None, "value_max": None, "unit": None, "scope": None, "base_year": None}
    if raw in NULL_VALUES:
        return [{**base, **empty, "text": None}]
    scoped = SCOPED_RE.findall(raw)
    if scoped:
        return [
            {**base, **empty, "op": "=", "value": number(v), "unit": u or unit, "scope": s, "text": None}
            for s, v, u in scoped
        ]
    for pattern, op in ((GE_RE, ">="), (PLAIN_RE, "="), (INCREASE_RE, "increase_by")):
        m = pattern.search(raw)
        if m:
            return [
                {
                    **base,
                    **empty,
                    "op": op,
                    "value": number(m.group(1)),
                    "unit": m.group(2) or unit,
                    "text": None,
                }
            ]
    return [{**base, **empty, "text": raw}]


def number(text: str) -> int | float:
    """Numbers as YAML numbers: 78 stays an int, 93.86 a float."""
    value = float(text)
    return int(value) if value.is_integer() else value


def indicators(grid: list[list[str]]) -> list[dict[str, Any]]:
    """expected.indicators: one record per data row of t1."""
    out = []
    for r, row in enumerate(grid[len(TABLE_HEADER) :], start=len(TABLE_HEADER)):
        name, unit = name_and_unit(joined(row[1]))
        values = []
        for col, year, kind in YEAR_COLUMNS:
            values.extend(value_records(joined(row[col]), year, kind, unit))
        out.append(
            {
                "table": "t1",
                "row": r,
                "group": joined(row[0]),
                "name": name,
                "unit": unit,
                "attribute": row[5],
                "values": values,
            }
        )
    return out


# ------------------------------------------------------------------------------------------ YAML output


def q(value: Any) -> str:
    """A YAML flow scalar; JSON strings are valid YAML double-quoted strings."""
    return json.dumps(value, ensure_ascii=False)


def flow(obj: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {flow(v) if isinstance(v, dict) else q(v)}" for k, v in obj.items()) + "}"


def block_yaml(block: Block, indent: str = "  ") -> list[str]:
    """YAML lines of one body block."""
    if block.kind == "p":
        return [f"{indent}- {{p: {q(block.text)}}}"]
    if block.kind == "sidebar":
        number_ = int(re.sub(r"\D", "", block.label))
        style = "cell" if number_ in DEFAULT_CELL_SIDEBARS else DEFAULT_BOX_STYLE
        lines = [
            f"{indent}- sidebar:",
            f"{indent}    number: {number_}",
            f"{indent}    label: {q(block.label)}",
            f"{indent}    title: {q(block.text)}",
            f"{indent}    style: {style}",
            f"{indent}    items:",
        ]
        return lines + [f"{indent}      - {q(item)}" for item in block.items]
    runin = f", runin: {q(block.runin)}" if block.runin else ""
    return [f"{indent}- {{{block.kind}: {q(block.text)}, n: {q(block.n)}{runin}}}"]


def table_yaml(grid: list[list[str]], merges: list[list[int]]) -> list[str]:
    title = "2021-2025质量发展总体指标"
    lines = [
        "  - table:",
        "      id: t1",
        f"      caption: {q('专栏一：' + title)}",
        f"      title: {q(title)}",
        f"      sidebar: {{number: 1, title: {q(title)}}}",
        f"      header_rows: {len(TABLE_HEADER)}",
        "      repeat_header: true",
        f"      widths: {q(DEFAULT_TABLE_WIDTHS)}",
        f"      font_size: {DEFAULT_TABLE_FONT_SIZE}",
        "      borders: all",
        "      rows:",
    ]
    lines += [f"        - [{', '.join(q(c) for c in row)}]" for row in grid]
    lines.append("      merges:")
    lines += [f"        - {q(m)}" for m in merges]
    return lines


def header_yaml() -> list[str]:
    recipients = "全区各委（部）、局、办，各办事处（社区服务中心），各有关单位："
    notice = (
        "经管委会同意，现将《郑州航空港经济综合实验区“十四五”质量强区建设规划》印发给你们，请认真组织实施。"
    )
    return [
        f"doc_id: {DEFAULT_DOC_ID}",
        "description: >-",
        "  郑港办〔2021〕70号 notice enclosing a 规划: h1–h3 outline with run-in h3 headings,",
        "  paragraphs cut by page breaks, 专栏2–12 as framed sidebars (two drawn as 1×1 tables)",
        "  and 专栏一 as a 6-column indicator table with two repeated header rows, vertical",
        "  group labels and merged value cells crossing pages",
        "fonts: {body: 仿宋, heading1: 黑体, heading2: 楷体, title: 小标宋}",
        "header:",
        f"  issuers: [{q(DEFAULT_ISSUER)}]",
        "  suffix: 文件",
        f"  doc_number: {q('郑港办〔2021〕70号')}",
        "  title_lines:",
        f"    - {q(DEFAULT_ISSUER)}",
        f"    - {q('关于印发郑州航空港经济综合实验区')}",
        f"    - {q('“十四五”质量强区建设规划的通知')}",
        f"  recipients: {q(recipients)}",
        "notice:",
        f"  - p: {q(notice)}",
        "signature:",
        f"  issuers: [{q(DEFAULT_ISSUER)}]",
        f"  date: {q('2021年11月30日')}",
    ]


def expected_yaml(grid: list[list[str]], blocks: list[Block]) -> list[str]:
    meta = {
        "issuer": DEFAULT_ISSUER,
        "doc_number": "郑港办〔2021〕70号",
        "title": DEFAULT_ISSUER + "关于印发郑州航空港经济综合实验区“十四五”质量强区建设规划的通知",
        "recipients": ["全区各委（部）、局、办", "各办事处（社区服务中心）", "各有关单位"],
        "date": "2021-11-30",
        "attachments": [],
        "cc": [],
        "printer": "郑州航空港经济综合实验区党政办",
        "print_date": "2021-11-30",
        "copies": 60,
    }
    lines = ["expected:", "  meta:"] + [f"    {k}: {q(v)}" for k, v in meta.items()]
    lines.append("  indicators:")
    for ind in indicators(grid):
        head = [f"{k}: {q(v)}" for k, v in ind.items() if k != "values"]
        lines += [f"    - {head[0]}", *(f"      {h}" for h in head[1:]), "      values:"]
        lines += [f"        - {flow(v)}" for v in ind["values"]]
    lines.append("  duties:")
    for block in blocks:
        if block.kind != "sidebar":
            continue
        number_ = int(re.sub(r"\D", "", block.label))
        for n, item in enumerate(block.items, start=1):
            duty = {
                "source": "sidebar",
                "sidebar": number_,
                "table": None,
                "row": None,
                "number": str(n),
                "category": block.text,
                "item": None,
                "task": item,
                "deadline": None,
                "lead": [],
                "support": [],
            }
            lines.append(f"    - {flow(duty)}")
    return lines


def source_yaml(seed: str) -> str:
    """The whole YAML text for the seed."""
    before, table, after = split_table(body_lines(seed))
    head = join_cut_paragraphs(text_blocks(before))
    tail = join_cut_paragraphs(text_blocks(after))
    grid, merges = grid_and_merges(table_rows(table))
    title = f"[{q('郑州航空港经济综合实验区')}, {q('“十四五”质量强区建设规划')}]"
    lines = [*header_yaml(), "body:", f"  - title: {title}"]
    for block in head:
        lines += block_yaml(block)
    lines += table_yaml(grid, merges)
    for block in tail:
        lines += block_yaml(block)
    lines += [
        "colophon:",
        f"  printer: {q('郑州航空港经济综合实验区党政办')}",
        f"  print_date: {q('2021年11月30日印发')}",
        f"  copies: {q('（共印60份）')}",
    ]
    lines += expected_yaml(grid, head + tail)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(source_yaml(seed.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
