"""The words and printed forms the documents use, in one place: what a new form of document changes.

Everything here is data about Chinese government documents, not logic about a page: the script, the
numerals, the GB/T 9704 layout facts (type sizes, page numbers, heading markers, indent), the words of
owners, deadlines, groups and table headers.  The stages read these names; none of them keeps its own list.
Where two parts of the pipeline read the same idea differently on purpose, both constants are here side by
side, named for their use, with the reason.

Long lists live beside this module in ``data/`` and are read only here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# ---------------------------------------------------------------------------------------------- script


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and the full-width punctuation that sits between them."""
    if not ch:
        return False
    o = ord(ch)
    return (
        0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
        or 0x2E80 <= o <= 0x2FDF  # radicals (a subset font may print ideographs as these)
        or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or ch in "“”‘’—…·"
    )


_SUPPLEMENT_FOLD = dict(zip(
    "⺟⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "母民西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟", strict=True))  # fmt: skip
SHARED_GLYPH_FOLD = str.maketrans(
    {
        **{chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
        **_SUPPLEMENT_FOLD,
        "\u2015": "\u2014",  # ― HORIZONTAL BAR read back for the — of （2023—2025年）
    }
)
"""Kangxi Radicals (U+2F00–2FD5) and the CJK Radicals Supplement forms that are whole characters, to the
unified ideographs they print as.  A subset font that shares one glyph between a radical and its
ideograph (Chromium's print-to-PDF does this) may map the glyph back to the radical: 人民 reads ``⼈⺠``.
Kangxi radicals fold as their compatibility decomposition (NFKC of that one character); the Supplement has
none for most forms (⺠ U+2EA0 is the radical of 民), so the table names them; component-only forms
(⻈ 讠, ⺰ 纟) stay.  This is not NFKC of the text, which would also change the full-width digits and
punctuation the documents print.  The same fonts read the dash of ``2023—2025年`` back as U+2015 (code
page 936's mapping of GB 2312's dash): it folds to the — (U+2014) the other producers and the truths use."""


def fold_shared_glyphs(text: str) -> str:
    """``宿迁市⼈⺠政府`` → ``宿迁市人民政府`` (see :data:`SHARED_GLYPH_FOLD`)."""
    return text.translate(SHARED_GLYPH_FOLD)


# -------------------------------------------------------------------------------------------- numerals

NUMERAL_DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
NUMERAL_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
NUMERAL_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
NUMERAL_POINT = "点"

# Character classes of the numerals each printed form allows (the parser reads them all; the forms are
# narrower so that ordinary words are not read as numbers).
HEADING_NUMERALS = "一二三四五六七八九十"
"""GB/T 9704 level-1/2 heading numbers: 一、…十二、, （一）…（十二）."""
SIDEBAR_NUMERALS = "零〇一二三四五六七八九十百"
"""专栏 numbers: 专栏一 … 专栏一百."""
DATE_NUMERALS = "〇○零一二三四五六七八九十"
"""Chinese-written dates: 二〇二一年十一月三十日 (no 百/千: 二千零二十一年 is not how dates are printed)."""

# ----------------------------------------------------------------------------- GB/T 9704: type and layout

TYPE_SIZES = (42.0, 36.0, 26.0, 24.0, 22.0, 18.0, 16.0, 15.0, 14.0, 12.0, 10.5, 9.0, 7.5, 6.5, 5.5, 5.0)
"""初号 … 八号 in points: every size a GB/T 9704 notice is set in (正文 三号 = 16 pt, 标题 二号 = 22 pt)."""
FIRST_LINE_INDENT_CHARS = 2
"""A paragraph's first line is indented two characters (GB/T 9704 §7.3.3)."""
TITLE_MAX_LINES = 3
"""A 标题 is one to three lines (GB/T 9704 §7.2.2)."""

RUNNING_BAND = 0.12
"""A running header or footer is printed in this share of the page at its top or bottom (extract's
three-line tables and normalize's tables across a page break read the same band)."""


def mask_digits(text: str) -> str:
    """``text`` with every run of digits as ``#``: a running header's recurrences compared with their page
    numbers and dates aside."""
    return re.sub(r"\d+", "#", text)


HEADING_FONT_WORDS = ("hei", "kai", "黑", "楷", "bold", "song-bold", "xbs", "小标宋", "fzht", "fzkt")
"""Font-name parts of the heading faces: 黑体 (level 1), 楷体 (level 2), bold, 小标宋 (titles); Founder's
黑体/楷体 are named FZHTK/FZKTK."""

HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^\s*([{HEADING_NUMERALS}]{{1,3}})\s*(?:、|[．.](?!\d))\s*")),
    (2, re.compile(rf"^\s*[（(]\s*([{HEADING_NUMERALS}]{{1,3}})\s*[）)]\s*")),
    (3, re.compile(r"^\s*(\d{1,2})\s*(?:、|[.．](?!\d))\s*")),
    (4, re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]\s*")),
)
"""GB/T 9704 §7.3.3 heading markers by level: 一、 /（一）/ 1. 1．/（1）; group 1 is the number.  A digit
may follow 、 (``一、2025年“三公”经费预算情况说明``, ``1、2025年…``); after ``1.``/``一.`` it is a decimal
(``2021.5``), so there the marker needs a non-digit after it."""
PART_TIERS: dict[str, int] = {"部分": -1, "编": -1, "章": 0}
"""Outline tier of a part marker's unit, above 一、 (level 1): a 第N部分/第N编 holds 第N章 chapters where a
document prints both (``第一部分 … 第一章 物理系``); the outline levels them by the tiers it prints."""
_PART_UNITS = "|".join(r"\s*".join(unit) for unit in PART_TIERS)
PART_MARKER = re.compile(
    rf"^\s*(?P<number>第\s*(?P<value>[{HEADING_NUMERALS}]{{1,3}})\s*(?:{_PART_UNITS}))(?!的|中(?![共国华央]))[\s、：:．.]*"
)
"""``第一部分``/``第一章``/``第一编``: a part heading, one level above 一、 where a document has parts
(``第一条`` articles are not headings); group ``number`` is the printed marker, ``value`` its numeral.
``第三部分中``/``第三部分的`` is a reference to the part, but 中 opening a name (``第三部分中共…委…情况``,
中国/中华/中央) is the part's title."""
ARTICLE_MARKER = re.compile(rf"^\s*第\s*[{HEADING_NUMERALS}]{{1,4}}\s*条(?!第)")
"""``第一条``/``第十四条``: an article of rules (条例, 细则, 办法); not a heading, and the numbered items in
body type after it (``（一）申请的基本条件：``, ``1.``) are the article's items, not headings either.
``第二十条第（一）项`` cites an article."""
SIGNATURE_MONTH = re.compile(
    r"^\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*$"
)
"""A 成文日期 printed to the month only (``2020年6月``, ``二〇二〇年六月``) on a 落款 line of its own: a date
only under a signing name (a bare month elsewhere is a period, not a date)."""
CLAUSE_MARKER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?=[\u4e00-\u9fff])(?![年月日号万亿元])")
"""A clause number without punctuation, as standards, rules and statistical reports print their headings
(``1 人口特征``, ``1.4 智能船舶附加标志``): depth = the number of its parts.  Only a heading face on a line
of its own makes it a heading: ``1万人``/``3个`` open sentences too."""
SIDE_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,16}$")
"""The title of an unnumbered side heading (``人口规模与性别比``, ``艺术家和运动员``, ``教育``): a short
phrase of Chinese characters alone, no punctuation, digit or marker (a caption ``表1 …``, a label
``注解：`` or a sentence is none)."""
DEFINITION = re.compile(r"^[^。：:]{1,20}[：:]\s*(?:是指|指|是)")
"""A glossary entry (``财政拨款收入：指…``/``：是…``): a numbered definition, never a heading."""
LIST_LEAD_IN = re.compile(r"(?:其中|主要职[能责](?:包括|是|有|如下)?|(?:以下|下列|如下)内容)\s*[：:]\s*$")
"""A sentence that opens an enumeration of content, not of sections: ``其中：`` before the parts of a sum
(the “三公” breakdown ``（一）因公出国（境）费…万元``) and ``主要职能包括：``/``主要职责是：`` before a
unit's functions (budget and 决算 documents), and ``…包括但不限于以下内容：``/``下列内容：`` before the
contents of a filing or of a set of requirements (tender files); the numbered items after it are list items,
never headings.  ``通知如下：`` announces the notice's sections and is no lead-in."""
TOC_TITLE = re.compile(r"^\s*目\s*录\s*$")
"""The 目录 heading of a table of contents (its entries are not headings)."""
TOC_LEADER = re.compile(r"[\s.…·．‥-]*\d*\s*$")
"""Dot leaders and the page number at the end of a table-of-contents entry."""

# Page numbers (GB/T 9704 §7.5: ``— 21 —``, a 4-pt dash either side), as printed and as read back.
PAGE_NUMBER_DASHES = "-－—–―‒~～"
"""Marks printed either side of a folio: the standard's em dash and what office suites put there instead."""
OCR_PAGE_NUMBER_DASHES = "一—\\-－–"
"""What the recogniser reads the folio's dashes as (一 among them); a regex character class."""
_FOLIO = r"\d{1,4}"
PAGE_NUMBER = re.compile(
    rf"^(?:[{PAGE_NUMBER_DASHES}\s]*{_FOLIO}[{PAGE_NUMBER_DASHES}\s]*"
    rf"|第\s*{_FOLIO}\s*页(?:\s*[，,/]?\s*共\s*{_FOLIO}\s*页)?"
    rf"|{_FOLIO}\s*/\s*{_FOLIO}"
    rf"|[Pp]age\s*{_FOLIO}(?:\s*of\s*{_FOLIO})?)$"
)
"""Every page-number form: ``— 21 —``, ``-21-``, ``21``, ``第 3 页``, ``第3页 共10页``, ``3/10``,
``Page 3``."""
OCR_PAGE_NUMBER = re.compile(rf"^[{OCR_PAGE_NUMBER_DASHES}]\s*({_FOLIO})\s*[{OCR_PAGE_NUMBER_DASHES}]$")
"""A GB/T 9704 folio as the recogniser reads it (``一2—``); group 1 is the number."""
BARE_PAGE_NUMBER = re.compile(
    rf"^[\s{OCR_PAGE_NUMBER_DASHES}]*(?:第\s*)?\d+\s*页?[\s{OCR_PAGE_NUMBER_DASHES}]*$"
)
"""A folio alone (``— 3 —``, ``第3页``, dashes also as OCR reads them), without the ``共N页``, ``N/M`` and
``Page N`` forms of :data:`PAGE_NUMBER`: what may sit between a table fragment and the page edge for the table
to run on.  Kept apart on purpose: with the whole grammar, the ``第 1 页，共 3 页`` footers of web-printed
notices (real corpus: mof_nilu_gongwuyuan_2023, yichun_gwy_dibu_2022) would join their tables across pages,
a change of output this refactor may not make."""
PRINTED_FOLIO = r"— \1 —"
"""How a folio read back by OCR is written: the standard's form (a replacement for OCR_PAGE_NUMBER)."""

# 文号 year brackets and item markers as the recogniser reads them (scanned notices).
OCR_DOC_NUMBER_OPEN = "〔[［(（【{「"
OCR_DOC_NUMBER_CLOSE = "〕]］)）】}」"
"""What the recogniser reads a 文号's 〔 and 〕 as: any bracket, a pair's two read apart (``[2021】``)."""
OCR_DOC_NUMBER_YEAR = re.compile(
    rf"(?<=[\u4e00-\u9fff])(\s*)[{re.escape(OCR_DOC_NUMBER_OPEN)}](\s*(?:19|20)\d{{2}}\s*)"
    rf"[{re.escape(OCR_DOC_NUMBER_CLOSE)}](?=\s*\d{{1,4}}\s*号)"
)
"""A 文号 as read back: issuer abbreviation (Chinese), a bracket, a year 19xx/20xx, a bracket, the serial
and 号 (``浙政办发[2021】58号``).  In that form the brackets can only be the year brackets GB/T 9704
§7.2.4 prints, 〔〕: :data:`PRINTED_DOC_NUMBER_YEAR` writes them so, one character for one (character
boxes stay aligned)."""
PRINTED_DOC_NUMBER_YEAR = r"\1〔\2〕"
OCR_ITEM_DOTS = "·•‧∙⋅"
"""Mid-height dots: what the recogniser makes of the full-width stop of an item marker ``1．`` (drawn at mid
height by 仿宋/楷体 faces).  A mid dot never follows a line's leading number in Chinese text."""
OCR_ITEM_MARKER = re.compile(rf"^(\s*\d{{1,2}}\s*)[{OCR_ITEM_DOTS}](?=\s*[\u4e00-\u9fff（《“])")
"""A line opening with an item number and a mid dot before Chinese text (``1·新建…``): the item marker
``1．`` (GB/T 9704 level 3) as the recogniser reads it; :data:`PRINTED_ITEM_MARKER` writes the printed
stop."""
PRINTED_ITEM_MARKER = r"\1．"
HANGING_MARKS = frozenset("、，。；：！？）》」』”")
"""Marks that never begin a line (GB/T 15834 避头): set at the end of the line before, they hang past its text
up against (or over) a table cell's right rule, where a scan's recogniser misses them."""


def is_page_number(text: str) -> bool:
    """Whether a line is nothing but a page number, in any of the forms of :data:`PAGE_NUMBER`."""
    return bool(PAGE_NUMBER.match(text.strip()))


# ------------------------------------------------------------------------------------- document parts

DOC_NUMBER_OPEN = "〔[［(（【"
DOC_NUMBER_CLOSE = "〕]］)）】"
"""Brackets around a 文号's year (GB/T 9704 §7.2.4 prints 〔〕; drafts use whatever the keyboard gives)."""
OWN_NUMBER_LABELS = ("项目编号", "招标编号", "采购编号", "文件编号")
"""Labels before the number a tender or procurement document prints as its own in the 版头 zone (``项目编号：
MASJY-QT-H-2024-1593`` above or under the title): the document's number, taken without its label."""
ISSUER_SUFFIX = re.compile(r"\s*文\s*件$")
"""发文机关标志 ends in 文件 (郑州市人民政府文件)."""
WEB_LOCATION = re.compile(r"^\s*(?:当前位置|您的位置|您当前的位置|您现在的位置|所在位置)\s*[：:>]")
"""A web page's breadcrumb (``当前位置:公告信息>…``), printed above the title of a page saved from a site."""
WEB_STAMP = re.compile(r"\s*(?:发布时间|发布日期|信息来源|来源|浏览次数|点击次数)\s*[：:].*$")
"""The publication stamp a web page prints after (or under) its title (``发布时间: 2025-01-24 11:00``)."""
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*\d*\s*[：:]\s*")
"""附件说明 line: ``附件：1．…``."""
ANNEX_LABEL = re.compile(r"^\s*附\s*件\s*(\d{0,2})\s*[：:]?\s*$")
"""The label over an annex's first page: ``附件`` / ``附件2`` / ``附件：`` alone on its line."""
CC_LABEL = re.compile(r"^抄\s*送\s*[：:]\s*")
PRINTED_WORDS = re.compile(r"\s*印\s*发\s*$")
"""印发 after the print date in the 版记."""
COPIES = re.compile(r"^[（(]\s*共\s*印\s*(\d+)\s*份\s*[）)]$")
SIDEBAR_LABEL = re.compile(rf"^\s*专\s*栏\s*([{SIDEBAR_NUMERALS}]+|\d+)?\s*[：:]?\s*")
"""``专栏2：质量…`` / ``专栏一``; group 1 is the number."""
TABLE_LABEL = re.compile(r"^\s*(?:附\s*表|续\s*表|表)\s*\d+(?:\s*[-－.．]\s*\d+)?\s*[：:．.、]?\s*")
FIGURE_LABEL = re.compile(
    rf"^\s*(?:附\s*)?图\s*表?\s*(?:\d+|[{HEADING_NUMERALS}]+)(?:\s*[-－.．]\s*\d+)?(?![\d.．])"
    r"|^\s*(?:Figure|FIGURE|Fig\.|Chart|CHART)\s*(?:[A-Z]{1,3}\s*[-.]?\s*)?\d+(?![\d])"
)
"""What opens a figure's caption: ``图1``, ``图 2-3``, ``图表1``, ``附图一``, ``Figure 14``, ``Fig. 3``,
``Chart CA4``: a chart's caption line stays running text as printed, though set close to the chart."""
CAPTION_START = re.compile(
    r"^\s*(?:专\s*栏|附?\s*表\s*\d|续\s*表"
    r"|(?:Table|TABLE|Exhibit|EXHIBIT)\s+(?:[A-Z]{1,3}\s*[-.]?\s*)?\d+[a-z]?"
    r"(?=\s*[.:：\-–—]|\s+[A-Z(\"“‘]|\s*$))"
)
"""What opens a table's caption: ``专栏``, ``表1``/``附表1``/``续表``, or a report's Latin label ``Table 2.``,
``Table A-1.``, ``Exhibit 9`` (the label word capitalised and its number followed by a mark, a capitalised
title or the end of the line, so running text such as ``table 1), thus…`` or ``Table 3 shows that…`` is
none)."""
TABLE_CAPTION_ENDINGS = ("指标", "表", "清单", "名单", "目标", "要求", "任务", "分工", "一览", "标准")
"""What a table's title ends in (``…主要指标``, ``…任务分解表``, ``…重点任务清单``, a rule table's
``…奖励标准``/``…计分标准``): a row spanning the whole table at its top that ends so, above a row of column
heads, is the title printed inside the frame, not a row."""
TABLE_CONTINUED = re.compile(r"^\s*(续表|续上表|（续）|\(续\))")
"""A caption saying the table goes on from the previous page."""
LIST_MARKER = re.compile(r"^\s*(?:[•·●○◦■□◆◇▪▫►▸✓√*\-–—]|[A-Za-z]|\d{1,2}[.．、)）]?|[（(]\d{1,2}[)）])\s*$")
"""A list item's marker printed alone before its text (a bullet, ``a``, ``1.``, ``（1）``): a column of
nothing but these beside a column of text is a list or footnotes, not a two-column table."""
PARAGRAPH_MARKER = re.compile(
    rf"^\s*(?:第\s*[{HEADING_NUMERALS}]{{1,4}}\s*条|[（(]\s*[{HEADING_NUMERALS}]{{1,3}}\s*[）)]"
    rf"|[{HEADING_NUMERALS}]{{1,3}}\s*[、.．])\s*$"
)
"""A numbered paragraph's marker printed alone before its text (``第十四条``, ``（一）``, ``一、``): a
column of nothing but these beside running sentences is numbered paragraphs (articles and their items),
not a table."""
CLAUSE_END = "。；;：:，,！!？?"
"""Punctuation that ends a clause of running text (a sentence, a clause, or a line cut mid-clause); not
normalize/paragraphs.py's ``SENTENCE_END`` (。！？ only: the end of a sentence)."""
ROW_SERIAL = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、]?\s*$")
"""A row's serial number in a table's first column (``3``, ``12.``, ``三``): a line that opens with one starts
a new row, never the continuation of the row above."""
CHOICE_BOXES = "□☐☑☒■£"
"""Boxes a form prints before the choices to tick (``□是 □否``); ``£`` is the checkbox of a Wingdings face
printed through a fallback font (a real 申报表 shows it so), kept as printed."""
TASK_SECTION = re.compile(r"(主要|重点|具体|工作)+任务")
"""The SPEC's task sections: 主要任务, 重点任务, 工作任务 (and 主要工作任务, 具体任务)."""

# ------------------------------------------------------------------------------------------ owners

UNIT_SUFFIXES: tuple[str, ...] = (
    "局", "委", "办", "中心", "政府", "分局", "部", "院", "会", "所", "处", "室", "队", "站", "馆", "公司",
    "单位", "厅", "署", "部门", "街道", "办事处", "集团", "银行", "支行", "小组", "党组", "学校", "法院",
    "办公室", "委员会", "管委会",
)  # fmt: skip
"""What a unit name ends in; a fragment ending otherwise is continued on the next line."""
UNIT_PREFIXES = "区市县省各镇乡"
"""What a unit name starts with: ``各镇街\\n区财政局`` is two names even though 各镇街 has no suffix."""
SIGNING_NAME = re.compile(
    rf"^[\u4e00-\u9fff]{{1,30}}(?:{'|'.join(sorted(UNIT_SUFFIXES, key=len, reverse=True))}|大学)"
    r"(?:[（(][\u4e00-\u9fff]{1,10}[)）])?$"
)
"""An organisation's name as a 落款 signs it: CJK characters ending in a unit suffix
(``国家发展改革委办公厅``, ``XX市人民政府``, ``市委组织部（人才办）``); no digits,
punctuation or sentence ending."""
SIGNATURE_NOTE = re.compile(r"^\s*[（(][^（）()]{2,40}[)）]\s*$")
"""附注 under the 成文日期, wholly in brackets (GB/T 9704 §7.3.6: ``（此件公开发布）``, ``（联系人：…）``)."""
LEAD_MARK_AFTER = "局委办心府部院会所处室队站馆司位厅署"
"""Last characters of a unit name a bare 牵头 may follow (``市住建局牵头``).  Narrower than the last
characters of :data:`UNIT_SUFFIXES` on purpose: after 部门/街道/小组/集团/银行/学校 a 牵头 is a verb in a
sentence, not an owner mark (real corpus, hainan_njbt_shishifangan_2024-2026: ``强化农业农村和财政部门牵头，
其他部门支持的联合查处``, no task owner)."""

ADMIN_LEVEL_CHARS = "省市区县州盟旗乡镇"
"""The administrative levels a unit name starts with (市财政局, 区人社局, 县政府)."""
ADMIN_LEVELS = re.compile(rf"各?辖?[{ADMIN_LEVEL_CHARS}]{{1,2}}")
"""A bare level or two (各区, 市, 各辖市, 县市): before 、 and another level (``各区、市人力资源社会保障局``,
``各县、区人民政府``) it shares the name that follows, one owner; alone it is no name."""
OWNER_NOUNS = ("单位", "部门")
"""What an owner label ends in: 牵头单位, 责任部门."""
LEAD_WORD = "牵头"
"""The lead mark written after or in brackets behind a unit (``市住建局（牵头）``, ``市住建局牵头``)."""
LEAD_WORDS = (LEAD_WORD, "主责")
"""Words naming the lead owner: in a column header (牵头单位, 主责部门) and in a label (牵头单位：…)."""
SUPPORT_WORDS = ("责任", "承办", "配合", "协办", "参与", "协同", "协助", "参加")
"""Words naming the other owners: in a column header (责任单位, 配合部门), in a label (责任单位：…) and as
a verb after the units (``市财政局配合``, ``由X牵头，Y参加``)."""
RESPONSIBLE_WORDS = ("负责",)
"""The verb after an unmarked owner list closing a task (``（市教育局负责）``, ``（X、Y按职责分工负责）``):
every unit so named is a lead (issue 14: "（X、Y按职责分工负责） (each named unit a lead)")."""
CO_SUPPORT_HEADER_WORDS = ("配合", "协办", "参与", "协同", "协助", "参加")
"""Headers of a second owner column that only ever names support units (配合单位 beside 责任单位)."""
LEAD_INTRO = "由"
"""``由X牵头，Y配合``: the preposition before a lead written as a sentence."""
ASSIGNING_VERBS = ("明确", "确定", "指定", "确立", "委托", "授权")
"""Verbs that assign a unit a role in a sentence of the task (``进一步明确市教育局为责任单位``): a name
standing before 为 with one of them before a unit name is that verb and its object, not an owner."""
LABEL_COPULA = "为"
"""The verb that ties an owner or deadline label to what it names, in either order: ``X为牵头单位``,
``牵头单位为X``, ``完成时限为2024年底``: read as ``牵头单位：X``."""
LEAD_LABELS = (*(w + n for w in LEAD_WORDS for n in OWNER_NOUNS), "责任牵头单位", LEAD_WORD)
"""Labels of the lead owner in an inline annotation (``牵头单位：…``)."""
SUPPORT_LABELS = tuple(w + n for w in SUPPORT_WORDS for n in OWNER_NOUNS)
"""Labels of the other owners in an inline annotation (``责任单位：…``)."""
OWNER_NOTES = re.compile(
    r"(?:(?:按|根据|依)(?:照)?(?:各自)?(?:职能|职责|分工)[^、，,；;]*|(?:分别|共同)(?:牵头|负责)[^、，,；;]*"
    r"|等(?:相关|有关)?(?:部门|单位)?)$"
)
"""What follows the names in an owner list and is not a name: 按职责分工负责, 分别牵头, 等有关部门."""
OWNER_LIST_SEPARATORS = "、，,；;"
"""Separators between the units of an owner list."""
RECIPIENT_LIST_SEPARATORS = "，,"
"""Separators between the units of a 主送/抄送 list: there 、 joins the parts of one addressee
(``全区各委（部）、局、办``), where in an owner list it separates two units."""

# ------------------------------------------------------------------------------------------ deadlines

DEADLINE_WORDS = ("时限", "时间", "期限", "进度", "时间节点")
"""Words naming a deadline: in a column header (完成时限, 时间安排, 进度安排) and in a label (时限：…)."""
DEADLINE_LABELS = (*DEADLINE_WORDS, *("完成" + w for w in DEADLINE_WORDS[:3]))
"""Labels of a deadline in an inline annotation (``完成时限：…``, ``时间节点：…``)."""
DEADLINE_LIKE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|长期|持续|常态化|年底|年内|每年|每季度|每月")
"""An unlabelled annotation part that reads as a deadline (``2023年底前``, ``长期坚持``)."""
YEAR_PARTS = {
    "上半年": (6, None), "下半年": (12, 31), "年底": (12, 31), "年末": (12, 31), "年内": (None, None),
}  # fmt: skip
"""Parts of a year a deadline names → (month, day) it ends on (上半年: June, any day; 年内: the year itself,
at year precision)."""
RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "翌年": 1, "后年": 2, "年": 0}
"""A year named from the document's (``明年6月底前`` in a 2024 notice: 2025-06): the 成文日期's year plus
this (``年`` alone: ``年度内``, that year)."""
RELATIVE_YEAR_OPENING = re.compile(
    r"^(?P<intro>(?:力争)?(?:于|在|到)?)(?P<word>今年|本年|当年|明年|次年|翌年|后年|(?<![^于在到争])年(?=度))度?"
    r"(?=\d{1,2}月|[上下]半年|第?[一二三四1-4]季度|[底末前内]|$)"
)
"""A year named from the document's where it opens a deadline (after 于/在/到/力争) and a month, a part of
the year, 底/末/前/内 or nothing follows (``明年6月底前``, ``本年度内``, ``年度内``: that year); never inside
a phrase (``项目投产当年``, ``竣工验收次年``) nor before 以来 (``今年以来``: a time so far, no deadline)."""
DEADLINE_ONGOING = re.compile(
    r"[，,；;、\s]*((?:长期|持续|常态化)(?:坚持|推进|开展|实施|执行|进行)?)[。；;\s]*"
)
"""What a by-date's rest may be, whole, that is no action but the deadline's own note (``2024年底前，长期
坚持``): separators, then an ongoing word with at most a verb of carrying on, and nothing more; an action
on an object after it stays the task's (``2024年底前完成，持续推进改革工作``, ``…建成并长期运行管理平台``)."""
QUARTER_END = r"第?([一二三四1-4])\s*季度(?=\s*[末底])"
"""A quarter's end (``三季度末``, ``第一季度底``): its last month; a quarter alone (``第三季度``) names no
month."""
MONTH_PARTS = ("底", "末", "上旬", "中旬", "下旬", "内")
"""Words after a month (``6月底``) or a year (``2023年底``); ``内`` (``2024年内``, ``6月内``) keeps the
precision written."""
RANGE_JOINS = re.compile(r"\s*起?\s*(?:至|到|—{1,2}|-|～|~|–)\s*")
"""What joins the two ends of a period (``2014年5月至2015年6月``, ``2023年起至2025年底``)."""
DEADLINE_FROM = re.compile(r"^\s*(?:起|开始)")
"""A date followed by one of these (``2023年起``, ``自2024年起长期坚持``) opens an open-ended period: the
date is its ``start``, no ``end`` (SPEC: dates at the precision written)."""
DEADLINE_FROM_INTRO = re.compile(r"(?:自从|自|从|于)\s*$")
"""What may stand before such a date (``自2024年起``, ``从2023年6月起``): part of the period's form, no
note."""
DEADLINE_BY = re.compile(r"^[\s,，]*(?:以前|之前|为止|前|止)")
"""A date followed by one of these (``9月底前出台实施方案``) is the end of what follows: that is the action,
never a note of the deadline (a date followed by anything else keeps it: ``2024年秋季学期开学前``), but for
an ongoing word (:data:`DEADLINE_ONGOING`)."""
BY_DATE_WORDS = ("以前", "之前", "前")
"""Words after a month or part of a year inside a task's own text that make that date the task's deadline
(``…，应在2026年底前退出``, ``2024年10月前重点景区实现…``); a target year (``到2025年…``) and a year alone
(``2025年前``) are none."""
OCR_DATE_SPECKS = re.compile(r"(?<=\d)[.．·,，、'‘’`]+(?=[年月日])")
"""Specks the recogniser reads between a number and its 年/月/日 (scanned 完成时限 ``2024.年8月底前``):
never printed there, dropped before a deadline is parsed (``raw`` keeps what was read)."""
BY_DEADLINE_WORDS = re.compile(r"^[\s,，。;；:：、]*(?:前|以前|之前|止|完成|为止)?[\s,，。;；:：、]*")
"""Words after a deadline's date that say "by then" (前, 以前, 为止…), not part of its note."""

# ------------------------------------------------------------------------------ table header words

NUMBER_HEADERS = ("序号", "编号")
GROUP_WORDS = ("类别", "类型", "分类", "领域", "方面")
"""Headers of a table's group column: an indicator table's 类别, a responsibility table's 领域."""
INDICATOR_NAME_HEADERS = ("指标名称", "名称", "指标", "项目", "内容")
ITEM_HEADER_WORDS = ("项目", "事项")
TASK_HEADER_WORDS = ("内容", "任务", "措施", "举措", "工作")
UNIT_HEADERS = ("单位", "计量单位")
"""A unit column's header is exactly one of these (a 责任单位 column is not a unit column)."""
ATTRIBUTE_HEADER_WORDS = ("属性", "性质")
ATTRIBUTES = ("预期性", "约束性")
"""指标属性 values (the 规划纲要 convention)."""
BASELINE_WORDS = ("基础", "基期", "基准", "现状", "基数", "基年")
"""A year column whose header holds one of these is the baseline (``2020年基础值``)."""
NO_YEAR_VALUE_WORDS = ("增长", "增速", "累计", "年均", "目标值", "目标")
"""A value column without a year (``年均增长``)."""
REQUIREMENT_HEADER_WORDS = ("要求", "目标", "内容", "指标")
"""Headers of a requirement table's text column (序号 | 工作要求)."""

# ------------------------------------------------------------------------------------ values and units

VALUE_OP_WORDS: dict[str, tuple[str, ...]] = {
    ">=": (
        "达到或超过", "达到或高于", "大于或等于", "大于等于", "不低于", "不少于", "不小于", "至少", "达到",
        "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "上升到", "上升至",
        ">=", "≥",
    ),
    ">": ("超过", "大于", "高于", "多于", ">"),
    "<=": (
        "小于或等于", "小于等于", "不高于", "不超过", "不大于", "不多于", "至多", "控制在", "降至", "降到",
        "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "降为", "<=", "≤",
    ),
    "<": ("低于", "小于", "少于", "不足", "不到", "<"),
    "increase_by": ("年均递增", "年均增长", "年均提高", "递增", "增长", "提高", "提升", "增加", "上升"),
    "decrease_by": ("年均下降", "年均降低", "削减", "下降", "降低", "减少", "压减"),
}  # fmt: skip
"""SPEC word → op; a level reached (``提高到``, ``降至``) is a bound, a change (``提高``, ``削减``) a *_by."""

VALUE_POST_WORDS: dict[str, str] = {
    "及以上": ">=", "或以上": ">=", "以上": ">=", "及以下": "<=", "或以下": "<=", "以下": "<=", "以内": "<=",
}  # fmt: skip
REQUIREMENT_LEADING_VERBS: tuple[str, ...] = (
    "完成",
    "建设",
    "确保",
    "实现",
    "力争",
    "争取",
    "推动",
    "促进",
    "使",
)
REQUIREMENT_SCOPE_PREFIXES: tuple[str, ...] = (
    "全市", "全省", "全县", "全区", "全州", "全旗", "全盟", "全镇", "全乡",
)  # fmt: skip
"""The territory a requirement sentence speaks for (``全市PM2.5年均浓度控制在…``): its subject's scope, not
part of the indicator's name."""
NAME_CONNECTORS = "和及或与、"
"""What may follow a value ending a name's quantity (``…以下和…``): that value is then no name qualifier."""
REQUIREMENT_RESULT_VERBS: tuple[str, ...] = ("基本消除", "全面消除", "消除", "杜绝", "实现", "做到")
"""Verbs that end the measured quantity of a qualitative requirement (``水环境质量消除V类水体``)."""
REQUIREMENT_STATE_PREDICATE = re.compile(
    r"实现|消除|杜绝|做到|建成|确保|达到|保持|获取|获得|取得|形成|进入|居(?=全|首|前|第|[国省市县区])"
    r"|完成[^，,；;。]*目标"
)
"""The grammar of a requirement sentence with no value that is a target: a clause whose predicate names a
state or result to reach (``实现乡镇污水处理设施全覆盖``, ``基本建成…体系``, ``确保不发生…事故``,
``完成…削减目标``, after an aim word or not: 002's ``力争质量专业技术人员获取职业资格证书``), kept as
qualitative text.  A bare action on an object is a task, no indicator (``在建项目全面落实安全生产责任制``,
``积极争取中央预算内资金支持``)."""
PLAN_PERIOD = r"[“\"]?十[一二三四五六七八九]五[”\"]?"
"""A five-year plan's name as printed (``十四五``, ``“十四五”``): a regular-expression fragment."""
REQUIREMENT_ADVERBIAL = re.compile(
    r"(?:到|至|截至|在|于)?\s*(?:\d{4}\s*年(?:底|末)?(?:前|以前|之前)?|年内|年底前|今年|明年|本年度"
    rf"|{PLAN_PERIOD}(?:期间|末|时期)?)|{'|'.join(REQUIREMENT_SCOPE_PREFIXES)}|力争|争取|力求"
)
"""A clause that only sets the time, territory or aim of what follows (``到2025年``, ``年内``, ``全市``,
``力争``): before it, a requirement's state predicate is still the sentence's own (``到2025年，基本建成…``);
a clause that acts (``推广…服务，实现…全覆盖``) makes the state its purpose, and the sentence a task."""
REQUIREMENT_TRAILING_FILLERS: tuple[str, ...] = (
    "稳定在", "保持在", "维持在", "稳定", "保持", "维持", "总体", "均", "为", "是", "在", "要", "应",
)  # fmt: skip

UNIT_SYMBOLS: dict[str, str] = {
    "%": "%",
    "百分比": "%",
    "‰": "‰",
    "μg/m³": "μg/m³",
    "μg/m3": "μg/m³",
    "µg/m³": "μg/m³",
    "µg/m3": "μg/m³",
    "ug/m³": "μg/m³",
    "ug/m3": "μg/m³",
    "微克/立方米": "μg/m³",
    "微克每立方米": "μg/m³",
    "mg/m³": "mg/m³",
    "mg/m3": "mg/m³",
    "毫克/立方米": "mg/m³",
    "mg/l": "mg/L",
    "毫克/升": "mg/L",
    "db(a)": "dB(A)",
    "dba": "dB(A)",
    "分贝": "dB(A)",
    "分贝(a)": "dB(A)",
    "db": "dB",
    "m²": "m²",
    "m2": "m²",
    "㎡": "m²",
    "平方米": "m²",
    "平米": "m²",
    "km²": "km²",
    "km2": "km²",
    "㎢": "km²",
    "平方公里": "km²",
    "平方千米": "km²",
    "m³": "m³",
    "m3": "m³",
    "km": "km",
    "公里": "km",
    "千米": "km",
}
"""Written form (half-width, lower-case Latin, no spaces) → canonical symbol."""

COUNTING_UNITS: tuple[str, ...] = (
    "个", "家", "项", "名", "人", "天", "次", "元", "美元", "所", "座", "件", "户", "条", "部", "台", "套",
    "张", "辆", "吨", "亩", "公顷", "千瓦", "千瓦时", "瓦", "小时", "年", "月", "日", "份", "批", "处",
    "种", "只", "头", "本", "册", "场", "期", "届", "篇", "位", "例", "床", "张床", "间", "栋", "幢", "所",
    "辆次", "人次", "户次", "家次", "件次", "批次", "个次", "倍", "岁", "分", "株", "棵", "片", "块", "支",
    "队", "组", "类", "级", "标箱", "架次", "航班", "趟", "班", "宗", "款", "首", "部", "册", "册次",
    "架", "吨公里", "人公里",
)  # fmt: skip
"""Chinese units kept as written.  ``类``/``级`` are here only for the bracketed-unit rule; in values a number
followed by them is a grade (``III类``) and the value parser never reads those as counts."""

MEASURE_UNITS: tuple[str, ...] = (
    "百分点", "个百分点", "斤", "公斤", "千克", "克", "米", "立方米", "标准立方米", "度", "千瓦时", "兆瓦",
    "吉瓦", "瓦时", "平方公里", "平方米", "车次", "人年", "床位", "标准间", "头", "羽", "尾", "只",
    "公里", "千米",
)  # fmt: skip
"""Measure words that, like :data:`COUNTING_UNITS`, are kept as written (SPEC: Chinese units as written):
``亿斤``, ``亿立方米``, ``个百分点``.  A unit is then recognised by its form (see ``normalize/units.py``):
an optional magnitude, one of these or a counting unit, an optional qualifier, up to two ``/`` per-units.
公里/千米 alone are SPEC's ``km`` (:data:`UNIT_SYMBOLS` is read first); with a magnitude (``万公里``) they are
kept as written, as ``万平方米`` is."""
UNIT_QUALIFIERS: tuple[str, ...] = ("标准煤", "标煤", "油当量", "二氧化碳当量", "当量")
"""What may follow a unit's base as part of it (``万吨标准煤``)."""

LATIN_UNIT = re.compile(r"[kMGTPE](?:bps|FLOPS|Wh|W|B|Hz|VA|t)|bps|FLOPS|kWh|Hz")
"""A unit written in Latin letters, by its grammar: an SI prefix and a base (``Gbps``, ``EFLOPS``, ``MW``,
``TB``, ``kWh``), kept as written.  An abbreviation that is part of a name (``（PM2.5）``, ``（GDP）``) is no
unit: no prefix-and-base reading covers it."""
UNIT_MAGNITUDES: tuple[str, ...] = ("十万", "百万", "千万", "万亿", "万", "亿", "千", "百")

LATIN_BREAK_END = ")]}%’”,.;:!?&"
"""Besides a Latin letter or digit, what a printed line of Latin text may end in for a word space to stand at
its break (``compounds`` / ``(as HCl)``, ``Total: 34.8%`` / ``Prima``, ``Coffee,`` / ``Tea``): closing marks,
clause punctuation, ``&``.  A ``/`` ending a word (``Asian/`` / ``Pacific``) counts too, a path's does not."""
LATIN_BREAK_START = "([{‘“&•▪◦‣●"
"""Besides a Latin letter or digit, what a printed line may begin with for a word space to stand before it:
opening brackets and quotes, ``&``, a list bullet (``… missing data points`` / ``• Generates …``)."""


# ------------------------------------------------------------------------------------------- data files


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The non-comment lines of ``data/<name>.txt`` (shipped as package data)."""
    text = resources.files(__package__).joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def org_words() -> tuple[str, ...]:
    """Whole unit names without a suffix (各镇街, 各成员单位…): jieba's base dictionary for owner lists."""
    return word_list("org_words")
