"""Fast tests of the pure parts of the sample machinery: YAML → block model, text join rule, locating."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import (  # noqa: E402
    HeadingBlock,
    SidebarBlock,
    SourceError,
    TableBlock,
    display_width,
    load_source,
    origin_cells,
    source_from_dict,
    spaced_lines,
)
from samples.expected import LocateError, Locator, cell_needle, join_written  # noqa: E402
from samples.fonts import DEFAULT_FACES, font_map  # noqa: E402

TINY = Path(__file__).parent / "data" / "tiny_all_blocks.yaml"


def test_tiny_yaml_parses_into_every_block_kind() -> None:
    src = load_source(TINY)
    kinds = {b.kind for b in src.all_blocks()}
    assert kinds == {"title", "heading", "p", "sidebar", "table", "pagebreak"}
    assert [t.id for t in src.tables()] == ["t1", "t2", "t3", "t4"]
    assert [t.borders for t in src.tables()] == ["all", "none", "spaced", "all"]
    assert src.attachments[0].landscape
    assert src.header is not None and src.header.doc_number == "测政办〔2022〕 7号"  # printed exactly
    cell_sidebar = [b for b in src.all_blocks() if isinstance(b, SidebarBlock)][1]
    assert cell_sidebar.style == "cell" and cell_sidebar.heading_line() == "专栏3：品牌建设工程"


def test_heading_printed_forms() -> None:
    def h(level: int, runin: str | None = None) -> str:
        return HeadingBlock("heading", "x", level, "1" if level > 2 else "一", "标题", runin).printed_title()

    assert h(1) == "一、标题"
    assert h(2) == "（一）标题"
    assert h(3) == "1.标题"
    assert h(3, "正文") == "1.标题。"  # a run-in title ends at its first 。
    assert h(4, "正文") == "（1）标题。"


def test_merges_give_spans_and_origin_cells() -> None:
    t1 = load_source(TINY).tables()[0]
    assert isinstance(t1, TableBlock) and t1.n_rows == 5 and t1.n_cols == 5
    origins = origin_cells(t1)
    assert (0, 0) in origins and (1, 0) not in origins and (0, 3) not in origins
    assert len(origins) == 25 - 1 - 1 - 1 - 1 - 4 - 1  # cells covered by the six merges


def _doc(**extra: object) -> dict[str, object]:
    return {"doc_id": "x", "body": [], **extra}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([{"table": {"rows": [["a", "b"], ["c"]]}}], "different lengths"),
        ([{"table": {"rows": [["a", "b"], ["c", "d"]], "merges": [[0, 0, 1, 0], [1, 0, 1, 1]]}}], "overlaps"),
        ([{"table": {"rows": [["a"]], "merges": [[0, 0, 2, 0]]}}], "outside"),
        ([{"quote": "x"}], "unknown block"),
        ([{"h2": "标题"}], "without `n`"),
        ([{"sidebar": {"title": "t", "style": "round"}}], "sidebar style must be one of"),
    ],
)
def test_bad_sources_fail_naming_the_block(body: list[object], message: str) -> None:
    with pytest.raises(SourceError, match=message) as err:
        source_from_dict(_doc(body=body))
    assert "body[" in str(err.value)


def test_duplicate_table_ids_are_an_error() -> None:
    body = [{"table": {"rows": [["a"]]}}, {"table": {"id": "t1", "rows": [["b"]]}}]
    with pytest.raises(SourceError, match="duplicate"):
        source_from_dict(_doc(body=body))


def test_fonts_override_role_or_face_and_reject_typos() -> None:
    fm = font_map({"body": "楷体", "黑体": "Noto Sans CJK SC", "title": "Noto Serif CJK SC"})
    assert fm.family("body") == DEFAULT_FACES["楷体"]
    assert fm.family("heading1") == "Noto Sans CJK SC"
    assert fm.family("title") == "Noto Serif CJK SC"
    assert font_map().bold("title") and not font_map().bold("body")
    with pytest.raises(ValueError, match="unknown key"):
        font_map({"bdy": "仿宋"})


def test_join_written_follows_the_spec_join_rule() -> None:
    assert join_written("服务\n业标\n准化\n指标") == "服务业标准化指标"
    assert join_written("ISO\n9001") == "ISO 9001"
    assert join_written("PM2.5\n浓度") == "PM2.5浓度"
    assert join_written("国家: 1\n省市级: 2") == "国家: 1省市级: 2"  # digit next to CJK: nothing
    assert join_written("3\n5") == "3 5"
    assert join_written("不换行") == "不换行"


def test_spaced_lines_pad_columns_with_spaces_only() -> None:
    lines = spaced_lines([["机构", "电话"], ["市质检院", "12345"]])
    assert "\t" not in "".join(lines)
    second = ["电话", "12345"]
    starts = [display_width(line[: line.index(cell)]) for line, cell in zip(lines, second, strict=True)]
    assert starts[0] == starts[1]  # the second column starts at the same width on every row


def test_cell_needle_stops_at_hard_break_and_column_width() -> None:
    assert cell_needle("服务\n业标", 200, 10.5) == "服务"
    narrow = cell_needle("制造业产品质量合格率", 45, 10.5)  # ~3 characters fit in 45 pt
    assert 1 <= len(narrow) <= 4 and "制造业产品质量合格率".startswith(narrow)
    assert cell_needle("工作内容说明文字很长很长", 400, 10.5) == "工作内容说明文字"


def test_locator_pages_and_cursor() -> None:
    loc = Locator(["甲乙丙丁戊己", "庚辛壬癸子丑"])
    assert loc.flow("甲乙丙", "a") == 1
    assert loc.flow("己庚辛", "b") == 1  # a block that begins on page 1 and runs on
    assert loc.flow("子丑", "c") == 2
    with pytest.raises(LocateError, match="d"):
        loc.flow("甲乙", "d")  # behind the cursor: never found again
