"""Bold in the body face is emphasis inside an article and under a clause printed as a sentence.

Once fake bold drawn by stroking (text render mode 2, Word's 加粗 on 仿宋) is seen as bold, two kinds of
emphasised lines looked like headings:

* ouc_hysm's article items ``（一）申请的基本条件：``/``（二）评定办法：`` are printed in bold 仿宋 inside
  ``第三条``/``第七条``; a bold line closed the article (outline 1.000 → 0.706).  Only a heading *face* (黑体,
  楷体: a font other than the body's) closes an article now; bold of the body face is the article's emphasis.
* a bold ``4.1.1对投标文件进行符合性审查`` under ``4.1评审方法：本项目采用…`` (hanshan p.60), a bold
  ``1.2 结果性评价`` under ``1.学术（实践）创新奖学金中…的认定…`` (ouc_hysm p.5) became clause headings.  A clause
  whose parent number opened body text is a point of that text; one under a heading clause stays a heading.
"""

from __future__ import annotations

import dataclasses

from policy_extract.normalize.outline import OutlineBuilder
from policy_extract.normalize.paragraphs import Block
from test_structure_helpers import body


def _block(text: str, font: str = "FangSong", bold: bool = False) -> Block:
    return Block([0], [dataclasses.replace(body(text, 0, indent=True, font=font), bold=bold)])


def test_bold_items_of_the_body_face_inside_an_article_stay_the_articles() -> None:
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("第一章总则", "SimHei")) is not None
    assert b.heading(_block("第三条研究生学业奖学金实行申请制，由学校一次性发放。")) is None
    for text in ["（一）申请的基本条件：", "（二）评选学年内有以下情形之一者，不具备申请资格："]:
        assert b.heading(_block(text, bold=True)) is None, text
    assert b.heading(_block("（三）其他事项", "KaiTi")) is not None  # a heading face still closes it
    assert [n.number for n in b.finish()] == ["第一章", "三"]


def test_a_bold_clause_under_a_clause_printed_as_a_sentence_is_no_heading() -> None:
    b = OutlineBuilder("SimSun")
    assert b.heading(_block("第七章评标办法", "SimHei")) is not None
    assert b.heading(_block("4.1评审方法：本项目采用综合评分法，评标的基本步骤和基本要求如下：")) is None
    assert b.heading(_block("4.1.1对投标文件进行符合性审查", bold=True)) is None
    ouc = OutlineBuilder("FangSong")
    assert ouc.heading(_block("第二章评定条件和办法", "SimHei")) is not None
    assert ouc.heading(_block("第七条学术（实践）创新奖学金", bold=True)) is None
    assert ouc.heading(_block("1.学术（实践）创新奖学金中科研能力和学术成果的认定办法如下。")) is None
    assert ouc.heading(_block("1.2 结果性评价", bold=True)) is None


def test_a_bold_clause_under_a_heading_clause_is_a_heading() -> None:
    b = OutlineBuilder("SimSun")
    assert b.heading(_block("1.4智能船舶附加标志", bold=True)) is not None
    assert b.heading(_block("1.4.2智能航行", bold=True)) is not None
    assert b.heading(_block("2.1适用范围：本节适用于下列船舶。")) is None  # 2.1 opens a sentence
    assert b.heading(_block("2.1通用要求", bold=True)) is not None  # then is printed as a heading after all
    assert b.heading(_block("2.1.1一般规定", bold=True)) is not None
    assert [n.number for n in b.finish()] == ["1.4", "1.4.2", "2.1", "2.1.1"]


def test_numbers_that_opened_body_text_are_forgotten_at_the_next_chapter() -> None:
    """A 办法 whose 第N条 lists 1./2. points in body type, then 第二章 with 1.1/1.2 clause headings: the 1.
    of the first chapter's article says nothing about the second chapter's 1.1 (review of 7ce3a19)."""
    b = OutlineBuilder("FangSong")
    assert b.heading(_block("第一章总则", "SimHei")) is not None
    assert b.heading(_block("第三条申请人应当符合下列条件：")) is None
    assert b.heading(_block("1.具有本市户籍，在本市连续工作满三年。")) is None
    assert b.heading(_block("第二章评定条件", "SimHei")) is not None
    assert b.heading(_block("1.1 申请范围", bold=True)) is not None
    assert b.heading(_block("1.2 评审程序", bold=True)) is not None


def test_a_clause_in_a_heading_face_under_a_sentence_clause_is_a_heading() -> None:
    """The memory of numbers that opened body text reads body-face lines only: 黑体 says heading."""
    b = OutlineBuilder("SimSun")
    assert b.heading(_block("4.1评审方法：本项目采用综合评分法，评标的基本步骤和基本要求如下：")) is None
    assert b.heading(_block("4.1.1对投标文件进行符合性审查", "SimHei")) is not None
    assert b.heading(_block("4.1.2对投标文件进行详细评审", bold=True)) is None
