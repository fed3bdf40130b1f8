from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.dates import is_date_line, parse_date
from policy_extract.normalize.layout import page_columns
from policy_extract.normalize.meta import (
    extract_meta,
    issuer_text,
    normalize_doc_number,
    own_doc_number,
    signed_names,
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


def _web_notice(number_row: int = 2) -> list[Line]:
    """A notice saved from a website: no 版头, a two-line title, the 文号 under it, the issuer only signed."""
    return [
        centered("某市人民政府办公室关于印发", 0, size=22.0),
        centered("某某行动方案的通知", 1, size=22.0),
        centered("某政办〔2023〕18号", number_row),
        body("各区人民政府，市政府各部门：", 4, end=LEFT + 14 * 16),
        body("根据《省政府关于印发某方案的通知》（省政字〔2024〕98号）要求，现印发给你", 5, indent=True),
        body("们，请认真贯彻执行。", 6, end=300),
        _ln("某市人民政府办公室    某市财政局", 1, (300, 460, 501, 476)),
        _ln("2023年3月28日", 1, (380, 489, 501, 505)),
    ]


def test_web_notice_number_under_the_title_and_issuer_from_the_signature() -> None:
    """Without a 版头 the title is the large lines at the top, the 文号 the line under it, the issuer the 落款
    (joint issuers in printed order); the number the body cites is not the document's."""
    lines = _web_notice() + filler(2, range(0, 20))
    res = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines))
    m = res.meta
    assert m.title == "某市人民政府办公室关于印发某某行动方案的通知"
    assert m.doc_number == "某政办〔2023〕18号"
    assert m.recipients == ["各区人民政府", "市政府各部门"]
    assert m.issuer == "某市人民政府办公室、某市财政局"
    assert m.date == "2023-03-28"


def test_cited_number_in_the_body_never_becomes_doc_number() -> None:
    lines = [ln for ln in _web_notice() if "某政办" not in ln.text] + filler(2, range(0, 20))
    m = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines)).meta
    assert m.doc_number is None
    assert m.title == "某市人民政府办公室关于印发某某行动方案的通知"


def test_title_run_stops_where_the_size_changes() -> None:
    """A cover title followed by a smaller centred line (``预算主管部门：…``) or body-size recipients: only the
    title's own size is title."""
    from policy_extract.normalize.meta import _title_run

    lines = [
        centered("某区2025年区级部门预算", 0, size=36.0),
        centered("预算主管部门：某区商务委员会", 1, size=18.0),
    ]
    assert _title_run(lines, 0, {}, 12.0) == [0]


@given(
    number=st.from_regex(r"[\u4e00-\u9fff]{2,5}〔20[0-9]{2}〕[1-9][0-9]{0,2}号", fullmatch=True),
    before=st.text(alphabet="根据关于通知要求的《》", min_size=1, max_size=8),
    after=st.sampled_from(["）要求，", "）精神，", "）。"]),
)
def test_own_doc_number_only_where_the_line_starts_with_it(number: str, before: str, after: str) -> None:
    assert own_doc_number(number) is not None
    assert own_doc_number(f"{number}    签发人：某某") is not None
    assert own_doc_number(f"{before}（{number}{after}") is None
    assert own_doc_number(f"{number}{after}") is None


def test_joint_signature_on_one_line_gives_the_issuers_in_printed_order() -> None:
    assert signed_names("海南省农业农村厅 海南省财政厅") == ["海南省农业农村厅", "海南省财政厅"]
    assert signed_names("某 市 财 政 局") == ["某 市 财 政 局"]
    notice = _web_notice()
    notice[6] = _ln("某市人民政府办公室 某市财政局", 1, (128, 460, 330, 476))  # three characters in
    lines = notice + filler(2, range(0, 20))
    m = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines)).meta
    assert m.issuer == "某市人民政府办公室、某市财政局"


def test_attachment_titles_above_the_date_are_not_the_signature() -> None:
    """附件 titles hang to the right of ``附件：``; the last one sits just above the date: not an issuer."""
    lines = [
        centered("某市经济和信息化局关于开展申报工作的通知", 0, size=22.0),
        body("各区经信局：", 2, end=LEFT + 6 * 16),
        body("现将有关事项通知如下，请按要求申报。", 3, indent=True, end=400),
        body("附件：1.某某申报书", 5, indent=True, end=300),
        _ln("2.某某名单", 1, (160, 286, 300, 302)),
        _ln("某市经济和信息化局", 1, (330, 344, 480, 360)),
        _ln("2025年3月1日", 1, (380, 373, 480, 389)),
        *filler(2, range(0, 20)),
    ]
    m = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines)).meta
    assert m.issuer == "某市经济和信息化局"
    assert m.attachments == ["某某申报书", "某某名单"]


def _meta(lines: list[Line]):  # type: ignore[no-untyped-def]
    pages = [page(n, []) for n in sorted({ln.page for ln in lines})]
    return extract_meta(lines, page_columns(pages, lines)).meta


def test_title_of_a_list_published_as_one_table_is_its_largest_line() -> None:
    """拟录用公务员名单: the running text is the title alone (the list is a table), so the body size is the
    title's own; the top line of page 1, larger than everything else on it, is the title."""
    lines = [_ln("财政部2023年度拟录用公务员和参公单位工作人员名单", 1, (146, 71, 696, 93), size=22.0),
             _ln("（按准考证号排序）", 1, (359, 107, 484, 121), size=14.0)]
    assert _meta(lines).title == "财政部2023年度拟录用公务员和参公单位工作人员名单"
    assert _meta(lines[:1]).title == "财政部2023年度拟录用公务员和参公单位工作人员名单"


def test_title_centred_at_body_size_above_the_text() -> None:
    """A re-typeset web copy sets its title centred at body size above the text (2026年中央一号文件)."""
    lines = [centered("2026年中央一号文件", 0), *filler(1, range(1, 20))]
    assert _meta(lines).title == "2026年中央一号文件"
    # a first line that is a sentence's tail (an excerpt's first page) is no title
    lines = [body("志的技术要求。", 0, end=200), *filler(1, range(1, 20))]
    assert _meta(lines).title is None


def test_web_page_navigation_and_stamp_are_not_title() -> None:
    """A web page printed to PDF: menu and breadcrumb above the title, the 发布时间 stamp after it."""
    lines = [
        _ln("首页 公告信息 通知公告 供应商分级分类 阳光网上商城 请输入搜索关键词", 1, (166, 38, 533, 44), size=6.4),
        _ln("当前位置:公告信息候选人公示", 1, (67, 61, 155, 68), size=5.6),
        _ln("某项目成交候选人公示发布时间: 2025-01-24 11:00", 1, (104, 96, 536, 105), size=8.0),
        _ln("询价公告 变更公告 候选人公示 结果公示", 1, (218, 127, 436, 134), size=6.4),
        *[_ln("公示信息正文内容公示信息正文内容公示信息正文内容公示", 1, (96, 150 + 10 * r, 536, 156 + 10 * r), size=6.4)
          for r in range(10)],
    ]
    m = _meta(lines)
    assert m.title == "某项目成交候选人公示"
    from policy_extract.normalize.meta import is_web_navigation

    assert is_web_navigation("当前位置：首页>通知公告") and not is_web_navigation("各区人民政府 各部门")
    assert not is_web_navigation("某 某 局")


def test_annex_label_over_the_title_of_an_annex_only_document() -> None:
    """``附件：`` atop page 1 over the list's title: the title is the meta title, the label lists nothing."""
    lines = [_ln("附件：", 1, (53, 54, 94, 68), size=14.0),
             _ln("宜春市2022年度考试录用公务员面试递补人员名单（71人）", 1, (59, 80, 536, 98), size=18.0)]
    m = _meta(lines)
    assert m.title == "宜春市2022年度考试录用公务员面试递补人员名单（71人）" and m.attachments == []


def test_meta_raw_keeps_the_encoded_radicals_the_title_folds() -> None:
    """``Meta.raw`` holds the printed text as the PDF encodes it (``⼈⺠``), the title the folded ideographs."""
    title = Line("某市人民政府关于印发某方案的通知", 1, (150, 112, 445, 134), "XBS", 22.0, True, None, 22.0,
                 raw="某市⼈⺠政府关于印发某方案的通知")
    m = _meta([title, *filler(1, range(2, 20))])
    assert m.title == "某市人民政府关于印发某方案的通知" and m.raw["title"] == "某市⼈⺠政府关于印发某方案的通知"


def test_annex_run_on_after_a_notice_without_attachment_list_is_its_attachment() -> None:
    """``附件：`` mid-page after the signature, its centred title below (of one size): with no 附件说明
    printed, the annex's title is what the notice attaches; the lines stay for the annex itself."""
    lines = [
        centered("某学院奖学金评选细则", 0, size=22.0),
        *filler(1, range(1, 8)),
        _ln("某学院", 1, (380, 370, 501, 386)),
        _ln("附件：", 1, (114, 430, 156, 446)),
        centered("某学院研究生文体和社会活动奖学金", 12),
        centered("评定办公室名单", 13),
        body("组长：某某", 15, end=200),
    ]
    res = extract_meta(lines, page_columns([page(1, [])], lines))
    assert res.meta.attachments == ["某学院研究生文体和社会活动奖学金评定办公室名单"]
    assert not {9, 10, 11} & res.used


def test_signature_dated_to_the_month_only_under_the_signing_name() -> None:
    """A 落款 of a college's rules prints ``2020年6月`` (no day) under the issuer: the date at month precision,
    the issuer from the name above it; a bare month without a name above it is no 成文日期."""
    lines = [
        centered("信息科学与工程学院研究生学业奖学金评选细则", 0, size=22.0),
        body("根据学校要求，制定本细则。", 2, indent=True, end=400),
        _ln("信息科学与工程学院", 1, (379, 154, 505, 168)),
        _ln("2020年6月", 1, (431, 190, 505, 204)),
        *filler(2, range(0, 20)),
    ]
    m = _meta(lines)
    assert (m.issuer, m.date) == ("信息科学与工程学院", "2020-06")
    alone = [lines[0], lines[1], _ln("二〇二〇年六月", 1, (431, 190, 505, 204)), *lines[4:]]
    assert _meta(alone).date is None


def test_red_issuer_lines_a_fifth_larger_than_the_body_are_the_issuer_block() -> None:
    """A word processor's 版头: two joint issuers in red 19.5 pt over 16 pt body text, 文件 at their side, read
    as the issuer block (they are no paragraph of the notice)."""
    lines = [
        centered("中共浏阳市委农村工作领导小组办公室", 0, size=19.5, color="#ff0000"),
        centered("文件", 0, size=19.5, color="#ff0000"),
        centered("浏 阳 市 农 业 农 村 局", 1, size=19.5, color="#ff0000"),
        centered("浏农办发〔2024〕3号", 3),
        centered("关于印发主要目标任务的通知", 5, size=22.0),
        body("各镇人民政府：", 7, end=LEFT + 7 * 16),
        body("现将主要目标任务印发给你们，请认真落实。", 8, indent=True, end=400),
        *filler(2, range(0, 20)),
    ]
    res = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines))
    assert res.meta.issuer == "中共浏阳市委农村工作领导小组办公室、浏阳市农业农村局"
    assert {0, 1, 2} <= res.used


def test_project_number_printed_above_the_title_is_the_doc_number() -> None:
    """hanshan_gongshui_zhaobiao_2024: a tender file's cover prints ``项目编号：MASJY-QT-H-2024-1593`` at the top
    right above its title: the document's own number, without the label (it was lost: no 文号 grammar)."""
    lines = [
        _ln("项目编号：MASJY-QT-H-2024-1593", 1, (290, 87, 509, 101), 14),
        centered("某县城乡供水管网改造工程", 1, size=26.0),
        centered("招标文件", 2, size=26.0),
        body("第一章  招标公告", 4, end=LEFT + 8 * 16),
        *filler(1, range(5, 20)),
    ]
    res = extract_meta(lines, page_columns([page(1, [])], lines))
    assert res.meta.doc_number == "MASJY-QT-H-2024-1593"
    assert res.meta.raw["doc_number"] == "MASJY-QT-H-2024-1593"
    assert res.meta.title == "某县城乡供水管网改造工程招标文件"


def test_tender_number_printed_under_the_title_is_the_doc_number() -> None:
    """gen_html_meta_xiangmubianhao / gen_rl_meta_zhaobiaobianhao: the labelled code under the title."""
    lines = _web_notice() + filler(2, range(0, 20))
    lines[2] = centered("招标编号：ＣＳＳＬ－ＺＢ－2024－0318", 2)
    m = extract_meta(lines, page_columns([page(1, []), page(2, [])], lines)).meta
    assert m.doc_number == "CSSL-ZB-2024-0318" and m.title == "某市人民政府办公室关于印发某某行动方案的通知"


@given(
    label=st.sampled_from(["项目编号", "招标编号", "采购编号", "文件编号"]),
    code=st.from_regex(r"[A-Z]{2,6}(-[A-Z0-9]{1,5}){0,3}-20[0-9]{2}-[0-9]{3,5}", fullmatch=True),
    colon=st.sampled_from(["：", ":", "： "]),
)
def test_labelled_number_is_the_code_after_its_label_alone_on_its_line(label: str, code: str, colon: str) -> None:
    from policy_extract.normalize.meta import labelled_number

    assert labelled_number(f"{label}{colon}{code}") == (code, code)
    # inside a sentence, a numbered clause, a table row, or cut at the line end: not the document's number
    assert labelled_number(f"本项目（{label}{colon}{code}）已具备招标条件") is None
    assert labelled_number(f"1、{label}{colon}{code}") is None
    assert labelled_number(f"{label}{colon}{code}  项目名称") is None
    assert labelled_number(f"{label}{colon}{code}-") is None
    assert labelled_number(f"{label}{colon}") is None
