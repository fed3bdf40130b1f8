from __future__ import annotations

from policy_extract.normalize.dates import is_date_line, parse_date
from policy_extract.normalize.layout import page_columns
from policy_extract.normalize.meta import (
    extract_meta,
    issuer_text,
    normalize_doc_number,
    split_recipients,
)
from test_structure_helpers import LEFT, RIGHT, body, centered, filler, page

from policy_extract.core.model import Line


def test_doc_number_normalized() -> None:
    assert normalize_doc_number("豫发改环资〔2022〕 215 号") == "豫发改环资〔2022〕215号"
    assert normalize_doc_number("郑港办 [2021] 70号") == "郑港办〔2021〕70号"
    assert normalize_doc_number("惠政（2014）4号") == "惠政〔2014〕4号"


def test_dates_arabic_and_chinese() -> None:
    # The signature and 印发 dates go through the one date parser (normalize/dates.py).
    assert parse_date("2021年11月30日") == "2021-11-30"
    assert parse_date("二〇二二年三月十五日") == "2022-03-15"
    assert parse_date("二〇二一年十二月二十一日") == "2021-12-21"
    assert parse_date("十二月") is None
    assert is_date_line(" 二〇二一年十二月二十一日 ") and is_date_line("2021年11月30日")
    assert not is_date_line("2021年11月30日前完成") and not is_date_line("十二月")


def test_units_split_on_comma_only() -> None:
    assert split_recipients("全区各委（部）、局、办，各办事处（社区服务中心），各有关单位：") == [
        "全区各委（部）、局、办", "各办事处（社区服务中心）", "各有关单位"]


def test_issuer_strips_suffix_and_joins() -> None:
    joint = "河南省发展和改革委员会、河南省财政厅"
    assert issuer_text(["河南省发展和改革委员会", "河南省财政厅文件"]) == joint
    assert issuer_text(["郑州航空港经济综合实验区党政办公室文件"]) == "郑州航空港经济综合实验区党政办公室"


def _ln(text: str, pg: int, box: tuple[float, float, float, float], size: float = 16) -> Line:
    return Line(text, pg, box, "FangSong", size, char_width=size)


def _notice() -> list[Line]:
    return [
        centered("甲单位", 0, size=39, color="#ff0000"),
        centered("乙单位文件", 1, size=39, color="#ff0000"),
        centered("甲发〔2022〕 7 号", 3),
        centered("关于印发某某方案的通知", 5, size=22),
        body("各区人民政府，各有关单位：", 7, end=LEFT + 13 * 16),
        body("现将方案印发给你们，请认真贯彻执行。", 8, indent=True, end=400),
        body("附件：1．某某方案", 10, indent=True, end=300),
        # continuation lines of the list hang under the title text
        _ln("2．某某名单，包括很长的标题需要折行显示在下一行", 1, (158, 431, RIGHT, 447)),
        _ln("继续的标题", 1, (158, 460, 250, 476)),
        _ln("二〇二二年三月十五日", 1, (300, 576, 458, 592)),
    ]


def test_header_signature_attachments_colophon() -> None:
    last = [
        _ln("抄送：某委，某局，", 3, (95, 600, 501, 614), 14),
        _ln("某办。", 3, (95, 629, 200, 643), 14),
        _ln("甲单位办公室", 3, (95, 662, 200, 676), 14),
        _ln("2022年3月16日印发", 3, (380, 662, 500, 676), 14),
        _ln("（共印120份）", 3, (400, 691, 500, 705), 14),
    ]
    lines = _notice() + filler(2, range(0, 20)) + filler(3, range(0, 5)) + last
    pages = [page(1, []), page(2, []), page(3, [])]
    res = extract_meta(lines, page_columns(pages, lines))
    m = res.meta
    assert m.issuer == "甲单位、乙单位"
    assert m.doc_number == "甲发〔2022〕7号" and m.raw["doc_number"] == "甲发〔2022〕 7 号"
    assert m.title == "关于印发某某方案的通知"
    assert m.recipients == ["各区人民政府", "各有关单位"]
    assert m.attachments == ["某某方案", "某某名单，包括很长的标题需要折行显示在下一行继续的标题"]
    assert m.date == "2022-03-15"
    assert m.cc == ["某委", "某局", "某办"]
    assert (m.printer, m.print_date, m.copies) == ("甲单位办公室", "2022-03-16", 120)
    # the notice body is not meta: it stays for the paragraphs
    assert 5 not in res.used and {0, 1, 2, 3, 4, 6, 7, 8, 9} <= res.used


def test_title_without_a_header_block_stops_at_the_first_heading() -> None:
    """A plain typed draft: a large title line, then 一、… in the body size: the heading is not title."""
    from policy_extract.normalize.meta import _title_run
    from test_structure_helpers import centered

    lines = [centered("关于推进城市更新工作的实施意见", 0, size=22.0), centered("一、总体要求", 1, size=22.0)]
    assert _title_run(lines, 0, {}, 16.0) == [0]
