from __future__ import annotations

from policy_extract.normalize.layout import Column
from policy_extract.normalize.outline import OutlineBuilder, find_marker, split_title
from policy_extract.normalize.paragraphs import Block
from test_structure_helpers import CW, LEFT, RIGHT, body

from policy_extract.core.model import Line


def _block(text: str, font: str = "FangSong", n_lines: int = 1) -> Block:
    lines = [body(text, 0, indent=True, font=font)] + [body("续行", r) for r in range(1, n_lines)]
    return Block(list(range(n_lines)), lines)


def test_markers_four_levels() -> None:
    assert (find_marker("一、总体要求").level, find_marker("一、总体要求").number) == (1, "一")
    assert find_marker("（三）当前的形势").level == 2
    assert find_marker("1．全力提升").level == 3 and find_marker("12.全力").number == "12"
    assert find_marker("（1）加强").level == 4
    assert find_marker("1.5亿元投资") is None
    assert find_marker("我们一、二") is None


def test_run_in_heading_split_at_first_stop() -> None:
    assert split_title("全力提升产品质量。指导企业…。再说") == ("全力提升产品质量", "指导企业…。再说")
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、主要任务", font="SimHei"))
    node, rest = b.heading(_block("1.全力提升产品质量。指导企业提升质量。"))  # type: ignore[misc]
    assert (node.level, node.number, node.title, rest) == (3, "1", "全力提升产品质量", "指导企业提升质量。")


def test_parents_and_restart_under_new_parent() -> None:
    b = OutlineBuilder("FangSong")
    seq = [("一、甲", "SimHei"), ("（一）乙", "KaiTi"), ("1.丙", "FangSong"), ("（二）丁", "KaiTi")]
    for text, font in [*seq, ("1.戊", "FangSong"), ("二、己", "SimHei")]:
        assert b.heading(_block(text, font)) is not None, text
    assert [(n.id, n.parent, n.level) for n in b.nodes] == [
        ("s1", None, 1), ("s2", "s1", 2), ("s3", "s2", 3), ("s4", "s1", 2), ("s5", "s4", 3), ("s6", None, 1)]


def test_out_of_sequence_body_text_is_not_a_heading() -> None:
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、甲", "SimHei"))
    # body font, number 3 where 1 is expected: an enumerated sentence, not a heading
    assert b.heading(_block("3.这是一句很长的正文里的编号内容，没有标题字体的痕迹", n_lines=3)) is None
    # a long block in body font without a run-in stop is running text
    assert b.heading(_block("1.这是一段没有句号的很长的编号正文" + "内容" * 20, n_lines=3)) is None
    assert b.heading(_block("（二）标题字体但跳号", "KaiTi")) is not None
    assert b.warnings and b.warnings[0].code == "outline_sequence"


def test_annex_restarts_numbering() -> None:
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、甲", "SimHei"))
    node = b.add_annex("附 件1", "任务分解表", 9, None)
    assert (node.level, node.number, node.title, node.parent) == (1, "附件1", "任务分解表", None)
    assert b.heading(_block("一、附件里的一", "SimHei")) is not None


def test_part_headings_sit_above_the_chinese_numbered_headings() -> None:
    assert (find_marker("第一部分上海市普陀区财政局概况").number, find_marker("第 三 章 总则").level) == ("第一部分", 0)
    assert find_marker("第一部分概况").level == -1 and find_marker("第二编 分则").level == -1
    assert find_marker("第一条 为了规范管理") is None and find_marker("第二部分的内容") is None
    b = OutlineBuilder("FangSong")
    for text in ["第一部分概况", "一、主要职能", "二、单位构成", "第二部分决算表", "一、收入情况"]:
        assert b.heading(_block(text, "SimHei")) is not None, text
    nodes = b.finish()
    assert [(n.number, n.level, n.parent) for n in nodes] == [
        ("第一部分", 1, None), ("一", 2, "s1"), ("二", 2, "s1"), ("第二部分", 1, None), ("一", 2, "s4")]


def test_without_parts_levels_are_unchanged() -> None:
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、总体要求", "SimHei"))
    assert [n.level for n in b.finish()] == [1]


def test_numbered_glossary_definition_is_not_a_heading() -> None:
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。")) is None
    assert b.heading(_block("一、基本支出：是指单位为保障机构正常运转而发生的支出。", "SimHei")) is None
    assert b.heading(_block("一、总体要求：到2025年基本建成。", "SimHei")) is not None


_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def test_part_marker_grammar_property() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.integers(1, 99), st.sampled_from(["部分", "章", "编", "部 分"]), st.sampled_from(["", " ", "、"]),
           st.text(alphabet="财政概况总则说明", min_size=1, max_size=8))
    def check(n: int, kind: str, sep: str, title: str) -> None:
        m = find_marker(f"第{_chinese(n)}{kind}{sep}{title}")
        assert m is not None and (m.level, m.value) == (0 if kind == "章" else -1, n)
        assert m.number == f"第{_chinese(n)}{kind.replace(' ', '')}"
        assert find_marker(f"第{_chinese(n)}条{sep}{title}") is None

    check()


def test_under_parts_the_fourth_marker_level_is_body_text() -> None:
    b = OutlineBuilder("FangSong")
    for text in ["第一章总则", "一、范围", "（一）对象", "1.甲"]:
        assert b.heading(_block(text, "SimHei")) is not None, text
    assert b.heading(_block("（1）乙", "SimHei")) is None
    assert max(n.level for n in b.finish()) == 4


def test_chinese_one_on_its_own_line_restarts_the_numbering() -> None:
    b = OutlineBuilder("FangSong")
    for text in ["一、项目概况", "二、立项依据", "三、实施主体"]:
        assert b.heading(_block(text)) is not None, text
    assert b.heading(_block("一、“三公”经费预算情况说明")) is not None
    assert b.heading(_block("三、不在序列中的一句话")) is None
    assert b.heading(_block("一、财政拨款收入：是本级财政当年拨付的资金。")) is None


def test_chinese_numbered_heading_followed_by_a_year_is_a_heading() -> None:
    """``一、2025年“三公”经费预算情况说明`` (budget documents): a digit after 、 is the title, not a decimal."""
    assert find_marker("一、2025年“三公”经费预算情况说明").number == "一"
    assert find_marker("十一、2024年度预算绩效管理情况").value == 11
    assert find_marker("一.5倍") is None and find_marker("1、2025年计划") is not None
    assert find_marker("1.5倍") is None


def test_part_title_opening_with_a_name_in_zhong_is_a_part_heading() -> None:
    """``第三部分中共上海市普陀区委社会工作部…情况说明``: 中 opens the unit's name; ``第三部分中…`` stays a
    reference to the part."""
    assert find_marker("第三部分中共上海市普陀区委社会工作部2024年度部门决算情况说明").value == 3
    assert find_marker("第二章中国特色社会主义").value == 2
    assert find_marker("第三部分中规定的事项") is None and find_marker("第二章中的要求") is None


def test_part_printed_without_its_label_does_not_drop_the_next_part() -> None:
    """A 部门决算 prints 第二部分 as a bare table-set title: 第三部分 after 第一部分 is still a part heading."""
    b = OutlineBuilder("FangSong")
    for text in ["第一部分单位概况", "一、主要职能", "第三部分部门决算情况说明", "一、收入支出决算总体情况说明"]:
        assert b.heading(_block(text)) is not None, text
    assert [(n.number, n.level) for n in b.finish()] == [("第一部分", 1), ("一", 2), ("第三部分", 1), ("一", 2)]
    # a part number going backwards, or one followed by a sentence, is not a forward skip
    assert b.heading(_block("第二部分单位概况")) is None
    assert b.heading(_block("第五章规定的情形。依照执行。")) is None


def test_items_after_a_content_lead_in_are_list_items_not_headings() -> None:
    """Budget documents: ``主要职能包括：`` before the unit's functions and ``其中：`` before the “三公”
    breakdown open enumerations of content; their items stay body text, and the next heading is found."""
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("上海市普陀区万里街道办事处是区政府的派出机关。主要职能包括：")) is None
    assert b.heading(_block("一、加强党的建设。落实基层党建责任制。")) is None
    assert b.heading(_block("二、统筹社区发展。统筹落实市、区两级的重大决策。")) is None
    assert b.heading(_block("一、2025年“三公”经费预算情况说明")) is not None
    assert b.heading(_block("2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：")) is None
    assert b.heading(_block("（一）因公出国（境）费0万元，与2024年预算持平。")) is None
    assert b.heading(_block("（二）公务接待费1.00万元。与2024年预算持平。")) is None
    assert b.heading(_block("二、机关运行经费预算")) is not None
    assert [(n.number, n.level) for n in b.finish()] == [("一", 1), ("二", 1)]


def test_items_after_an_ordinary_colon_stay_headings() -> None:
    """``有关事项通知如下：`` / ``需提供的资料包括:`` open sections: their items are headings."""
    b = OutlineBuilder("FangSong")
    b.heading(_block("现就有关事项通知如下："))
    assert b.heading(_block("一、申报要求及程序", "SimHei")) is not None
    b.heading(_block("需提供的资料包括:"))
    assert b.heading(_block("（一）基本信息。包括申请主体名称。")) is not None
    assert b.heading(_block("（二）佐证材料。包括证书。")) is not None


def test_a_list_restarting_the_part_numbers_is_no_heading() -> None:
    """A tender file's 第三章 lists the file's chapters (第一章…第八章): 第一章 goes back, so it and the items
    numbered on right after it are a list, not chapters 4 to 8."""
    b = OutlineBuilder("FangSong")
    for text in ["第一章招标公告", "第二章投标人须知前附表", "第三章投标人须知"]:
        assert b.heading(_block(text, "SimHei")) is not None, text
    for text in ["第一章招标公告", "第二章投标人须知前附表", "第三章投标人须知", "第四章货物采购合同格式"]:
        assert b.heading(_block(text)) is None, text
    b.heading(_block("正文继续。"))
    assert b.heading(_block("第四章货物采购合同格式", "SimHei")) is not None


def test_clause_numbers_without_punctuation_in_a_heading_face_are_headings() -> None:
    """Standards, rules and statistical reports number headings ``1 人口特征`` / ``1.4 智能船舶附加标志``; a
    line in body type opening ``1万人…`` or a sentence is no heading, and levels count from the first depth."""
    from policy_extract.core.vocabulary import CLAUSE_MARKER

    assert CLAUSE_MARKER.match("1人口特征") and CLAUSE_MARKER.match("1.4 智能船舶附加标志")
    assert not CLAUSE_MARKER.match("2021年深圳市") and not CLAUSE_MARKER.match("10月底前完成")
    assert not CLAUSE_MARKER.match("1.5亿元投资") and not CLAUSE_MARKER.match("3万人参加")
    b = OutlineBuilder("SimSun")
    node, rest = b.heading(_block("1.4智能船舶附加标志", "SimHei"))  # type: ignore[misc]
    assert (node.level, node.number, node.title, rest) == (1, "1.4", "智能船舶附加标志", "")
    assert b.heading(_block("1.4.1根据申请，经审图与检验", "SimHei")) is None  # a sentence
    assert b.heading(_block("1.4.2智能航行", "SimHei"))[0].level == 2  # type: ignore[index]
    assert b.heading(_block("2人口特征")) is None  # body face
    shenzhen = OutlineBuilder("FZFSK--GBK1-0")
    assert shenzhen.heading(_block("1人口特征", "FZHTK--GBK1-0"))[0].level == 1  # type: ignore[index]


def _levels(texts: list[str]) -> list[tuple[str, int, str | None]]:
    b = OutlineBuilder("FangSong")
    for text in texts:
        assert b.heading(_block(text, "SimHei")) is not None, text
    return [(n.number, n.level, n.parent) for n in b.finish()]


def test_chapter_whose_top_tier_is_the_bracketed_number_has_it_one_level_below() -> None:
    """A tender file's 第三章 has （一）… with no 一、 above them: they are the chapter's level + 1."""
    assert _levels(["第一章招标公告", "一、项目基本情况", "二、资格要求", "第三章投标人须知", "（一）总则", "（二）招标文件"]) == [
        ("第一章", 1, None), ("一", 2, "s1"), ("二", 2, "s1"), ("第三章", 1, None), ("一", 2, "s4"), ("二", 2, "s4")]


def test_chapter_with_chinese_then_bracketed_numbers_levels_them_below_in_turn() -> None:
    assert _levels(["第一章总则", "一、范围", "（一）对象", "（二）期限", "二、原则"]) == [
        ("第一章", 1, None), ("一", 2, "s1"), ("一", 3, "s2"), ("二", 3, "s2"), ("二", 2, "s1")]


def test_without_chapters_the_markers_keep_their_strict_levels() -> None:
    """No part or chapter heading: （一） at the top stays level 2 as SPEC's marker grammar says."""
    assert _levels(["（一）总体目标", "（二）主要任务", "一、保障措施", "（一）组织领导"]) == [
        ("一", 2, None), ("二", 2, None), ("一", 1, None), ("一", 2, "s3")]


def test_parts_holding_chapters_nest_the_chapters_one_level_below() -> None:
    """``第一部分 … 第一章 物理系 … 一、``: the part is level 1, its chapters level 2, their 一、 level 3."""
    assert _levels(["第一部分评定办法", "第一章物理系", "一、评选基本条件", "第二章电子工程系", "一、学习奖学金"]) == [
        ("第一部分", 1, None), ("第一章", 2, "s1"), ("一", 3, "s2"), ("第二章", 2, "s1"), ("一", 3, "s4")]


def test_numbered_items_in_body_type_inside_an_article_are_not_headings() -> None:
    """Rules in 第N章 > 第N条 articles: ``（一）申请的基本条件：``/``1.`` in body type after ``第三条`` are the
    article's items; the next chapter closes the article and heads the outline again."""
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("第一章总则", "SimHei")) is not None
    for text in ["第三条研究生学业奖学金实行申请制。", "（一）申请的基本条件：", "1.热爱祖国；", "（二）不具备资格的情形："]:
        assert b.heading(_block(text)) is None, text
    assert b.heading(_block("第二章评定条件和办法", "SimHei")) is not None
    assert b.heading(_block("一、具体要求", "SimHei")) is not None  # heading type: a heading after all
    assert [n.number for n in b.finish()] == ["第一章", "第二章", "一"]


def test_heading_on_the_level_holding_the_articles_closes_them() -> None:
    """``一、主要职能`` holds 第一条…第三条 and their （一）…（十二）; ``二、部门决算单位构成`` in the same body face
    is the next heading, not an item of 第三条."""
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("一、主要职能")) is not None
    assert b.heading(_block("第三条财政局的主要职责是：")) is None
    assert b.heading(_block("（一）贯彻执行国家和本市有关财政工作的法律、法规。")) is None
    assert b.heading(_block("二、部门决算单位构成")) is not None
    assert find_marker("第二十条第（一）项") is None


def test_numbered_sentences_after_a_contents_lead_in_are_list_items() -> None:
    """``…包括但不限于以下内容：`` opens a list of requirements in body type (a tender file's 第八章): its
    numbered sentences are not headings; ``通知如下：`` announces the sections, which stay headings."""
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("第八章系统提交投标文件及有关要求", "SimHei")) is not None
    assert b.heading(_block("本项目实行系统提交投标文件，现将有关要求告知投标人，包括但不限于以下内容：")) is None
    assert b.heading(_block("1、本项目采用系统提交电子投标文件方式。")) is None
    assert b.heading(_block("2、系统提交的电子投标文件应按招标文件规定的格式签署盖章。")) is None
    notice = OutlineBuilder("FangSong")
    assert notice.heading(_block("现将有关事项通知如下：")) is None
    assert notice.heading(_block("一、总体要求")) is not None


def test_chinese_numbered_headings_after_a_gap_in_the_numbering_are_kept() -> None:
    """A chapter prints 一、采购清单 and then 四、五、六、 (二、三、 skipped), each a title alone in body type: the run
    goes on from the gap, no heading dropped; a run going back (a list restarting at 一、) gains nothing."""
    from policy_extract.normalize.paragraphs import Block

    texts = ["第五章采购内容及总体要求", "一、采购清单", "四、技术规范", "五、交货时需要提交的文件", "六、交货及验收"]
    blocks = [Block([i], [_block(t, "SimHei" if i == 0 else "FangSong").first]) for i, t in enumerate(texts)]
    b = OutlineBuilder("FangSong")
    b.find_gap_runs(blocks)
    found = [b.heading(bl) for bl in blocks]
    assert [n.number for n in b.finish()] == ["第五章", "一", "四", "五", "六"] and all(found)
    two = OutlineBuilder("FangSong")
    two.find_gap_runs(blocks[:4])  # 四、五、 without 六、: no run of three
    assert [two.heading(bl) is not None for bl in blocks[:4]] == [True, True, False, False]


def test_every_part_unit_the_marker_reads_has_a_tier() -> None:
    """find_marker took a part's tier with a bare ``next(…)``: a unit PART_MARKER read but PART_TIERS lacked
    would raise StopIteration; the marker's units are now PART_TIERS' own."""
    from policy_extract.core.vocabulary import PART_TIERS

    for unit, tier in PART_TIERS.items():
        marker = find_marker(f"第三{unit} 总则")
        assert marker is not None and (marker.level, marker.value) == (tier, 3)


def test_centred_numbered_title_out_of_sequence_is_a_heading() -> None:
    """hanshan p.48: ``二、商务要求`` centred over a page of body type after 十、 (the chapter's numbering went
    一、, 四、…十、, then 二、) was dropped as an enumeration going back; its place says it is a heading."""
    def line(text: str, x0: float) -> Block:
        return Block([0], [Line(text, 1, (x0, 112, x0 + len(text) * CW, 128), "FangSong", 16.0, char_width=CW)])

    b = OutlineBuilder("FangSong", {1: Column(LEFT, RIGHT, 595.0, 842.0)})
    for text in ["一、采购清单", "二、技术规范", "三、售后服务"]:
        assert b.heading(_block(text)) is not None, text
    mid = (LEFT + RIGHT) / 2
    assert b.heading(line("二、再说一遍", LEFT + 2 * CW)) is None  # at the indent: an item going back
    node, _ = b.heading(line("二、商务要求", mid - 3 * CW))  # type: ignore[misc]
    assert (node.number, node.title) == ("二", "商务要求")
    assert b.warnings[-1].code == "outline_sequence"
    # a line at the first-line indent that ends as far from the right edge is centred too, but not a title
    width = RIGHT - LEFT - 4 * CW
    indented = Line("二、" + "字" * int(width / CW - 2), 1, (LEFT + 2 * CW, 112, RIGHT - 2 * CW, 128), "FangSong",
                    16.0, char_width=CW)
    assert not b.centred(Block([0], [indented]))


def test_digit_clauses_directly_under_a_chapter_stay_on_level_three() -> None:
    """hanshan 第四章 prints its contract clauses 1、合同文件 / 3.合同标的内容： with no 一、 or （一） above them:
    a 1、 is on the SPEC ladder's third rung, never the chapter's top subdivision."""
    assert _levels(["第三章投标人须知", "（一）总则", "第四章合同格式", "1、合同文件", "2、合同范围", "3.合同标的"]) == [
        ("第三章", 1, None), ("一", 2, "s1"), ("第四章", 1, None), ("1", 3, "s3"), ("2", 3, "s3"), ("3", 3, "s3")]


def _ladder_text(level: int, n: int) -> str:
    return {1: f"{_chinese(n)}、甲", 2: f"（{_chinese(n)}）乙", 3: f"{n}、丙", 4: f"（{n}）丁"}[level]


def test_marker_ladder_property() -> None:
    """Under chapters the levels are relative (a chapter's top subdivision is the level below it), but no
    marker ranks above its SPEC rung: 一、 ≥ 1, （一） ≥ 2, 1、/1. ≥ 3, （1） ≥ 4; a chapter's 一、 is level 2, and
    its （一） is level 2 where the chapter prints no 一、."""
    from hypothesis import given
    from hypothesis import strategies as st

    chapter = st.lists(st.integers(1, 4), max_size=6)

    @given(st.lists(st.integers(1, 4), max_size=4), st.lists(chapter, max_size=4))
    def check(front: list[int], chapters: list[list[int]]) -> None:
        b, counts = OutlineBuilder("FangSong"), dict.fromkeys(range(1, 5), 0)
        spec: dict[str, int] = {}
        for c, levels in enumerate([front, *chapters]):
            if c:
                b.heading(_block(f"第{_chinese(c)}章标题", "SimHei"))
            for level in levels:
                counts[level] += 1
                got = b.heading(_block(_ladder_text(level, counts[level]), "SimHei"))
                if got is not None:
                    spec[got[0].id] = level
        nodes = b.finish()
        by_id = {n.id: n for n in nodes}
        for n in nodes:
            if n.id not in spec:
                continue
            assert spec[n.id] <= n.level <= 4, (n.number, spec[n.id], n.level)
            chapter_node = by_id.get(n.parent) if n.parent else None
            if chapter_node is not None and chapter_node.number.startswith("第") and spec[n.id] <= 2:
                siblings = {spec[m.id] for m in nodes if m.parent == n.parent and m.id in spec}
                if spec[n.id] == 1 or 1 not in siblings:
                    assert n.level == chapter_node.level + 1, (n.number, n.level)

    check()
