"""Convert the seed text of 惠政〔2014〕4号 into its sample source YAML (samples/SOURCE_FORMAT.md).

A one-off authoring aid, kept so that the sample can be regenerated and reviewed: it reads the damaged
PDF-to-text rendering in ``/work/shared/seeds/002_2334d2a9bd2ede71.txt`` and writes
``samples/src/002_2334d2a9bd2ede71.yaml``.  The repairs it makes are the ones a person would make:

* the seed is hard-wrapped at about 28 characters: lines are joined into paragraphs, a paragraph ends at a
  short line ending in sentence-final punctuation, or before a numbered heading;
* heading levels come from the numbering (一、 h1, （一） h2, 1. h3); every ``N.`` item is an h3 whose title
runs
  to its first ``。`` (SPEC run-in rule), the rest is its run-in text;
* the five 序号/要求 tables are read from the seed; the annex 任务分解表, which the text tool broke beyond
  automatic repair, is written out by hand below (``ANNEX``) from a careful reading of the seed.

Header, notice, colophon and expected meta/indicators are written out from the brief; duties are derived from
the annex grid and the numbered tasks by the small rules below, and were checked by hand against the SPEC.
Run: ``python samples/tools/seed2yaml_002.py [SEED] [OUT]``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_SEED = Path("/work/shared/seeds/002_2334d2a9bd2ede71.txt")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "002_2334d2a9bd2ede71.yaml"
DEFAULT_DOC_ID = "002_2334d2a9bd2ede71"
DEFAULT_ISSUER = "郑州市惠济区人民政府"
DEFAULT_BODY_TITLE = ("郑州市创建全国质量强市示范城市", "惠济区工作方案")
DEFAULT_ANNEX_LINE = "附件："
DEFAULT_ANNEX_TITLE = "郑州市创建全国质量强市示范城市惠济区工作任务分解表"
# A line this many characters wide (CJK = 1, ASCII = 0.5) or wider is a full line: the paragraph goes on.
DEFAULT_FULL_LINE = 26.0
DEFAULT_SENTENCE_ENDS = ("。", "：", "；", "！", "？")
DEFAULT_REQ_WIDTHS = [15, 141]
DEFAULT_ANNEX_WIDTHS = [9, 16, 27, 100, 23, 23, 45]
DEFAULT_ANNEX_FONT_SIZE = 10.5
REQ_TABLES = ("产品质量指标", "工程质量指标", "服务质量指标", "环境质量指标", "质量文化及质量基础指标")
ANNEX_TABLE_ID = f"t{len(REQ_TABLES) + 1}"
ANNEX_HEADER = ["序号", "目标类别", "目标项目", "目标内容", "完成时限", "牵头单位", "承办单位"]
# Trailing notes in a 牵头单位 cell that are not unit names (SPEC: kept out of names).
LEAD_NOTES = ("按各自职能分别牵头", "按各自职责分别牵头")

CN_NUM = "一二三四五六七八九十"
H1_RE = re.compile(rf"^([{CN_NUM}]+)、\s*(.+)$")
H2_RE = re.compile(rf"^（([{CN_NUM}]+)）\s*(.+)$")
H3_RE = re.compile(r"^(\d+)[.．]\s*(\D.*)$")
ROW_RE = re.compile(r"^(\d+)(?:\s+(.+))?$")
NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)+)\s*(.*)$", re.S)
UNIT_SPLIT_RE = re.compile(r"[、，,；;\n]")
DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
RANGE_RE = re.compile(r"^(\d{4})年(\d{1,2})月至(\d{4})年(\d{1,2})月[，,]?(.*)$")


@dataclass
class Block:
    """One body block before YAML emission; ``kind`` is the SOURCE_FORMAT key (or ``table``)."""

    kind: str
    text: str = ""
    n: str = ""
    runin: str = ""
    rows: list[str] | None = None
    section: str = ""
    """Title of the nearest level-2 heading above (for text duties)."""


# ------------------------------------------------------------------------------------------ seed parsing


def width(text: str) -> float:
    """Printed width in CJK characters (ASCII letters and digits are half width)."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def body_lines(seed: str) -> list[str]:
    """The enclosed plan's lines from after its title down to (and including) the 附件 line."""
    lines = [s.strip() for s in seed.splitlines() if s.strip()]
    start = next(i for i in range(len(lines) - 1) if tuple(lines[i : i + 2]) == DEFAULT_BODY_TITLE)
    end = next(i for i, s in enumerate(lines) if s.startswith(DEFAULT_ANNEX_LINE))
    annex_line = lines[end] + lines[end + 1]  # the 附件 line wraps once in the seed
    return [*lines[start + 2 : end], annex_line]


def heading_block(text: str) -> Block | None:
    """A heading block from the numbering, or None for body text."""
    for kind, pattern in (("h1", H1_RE), ("h2", H2_RE), ("h3", H3_RE)):
        m = pattern.match(text)
        if m:
            return Block(kind, text=m.group(2).strip(), n=m.group(1))
    return None


def ends_paragraph(line: str) -> bool:
    return line.endswith(DEFAULT_SENTENCE_ENDS) and width(line) < DEFAULT_FULL_LINE


def text_blocks(lines: list[str]) -> list[Block]:
    """Blocks of the plan: paragraphs joined from wrapped lines, headings, the 序号/要求 tables."""
    blocks: list[Block] = []
    open_block: Block | None = None  # a p or h3 whose text is still running on
    table: Block | None = None
    for line in lines:
        head = heading_block(line)
        if line in REQ_TABLES:
            table = Block("table", text=line, rows=[])
            blocks.append(table)
            open_block = None
            continue
        if table is not None and (head is None or head.kind == "h3"):
            table_line(table, line)
            continue
        table = None
        if head is not None:
            blocks.append(head)
            open_block = head if head.kind == "h3" else None
        elif open_block is not None:
            open_block.text += line
        else:
            open_block = Block("p", text=line)
            blocks.append(open_block)
        if open_block is not None and ends_paragraph(line):
            open_block = None
    return [split_runin(b) for b in blocks]


def table_line(table: Block, line: str) -> None:
    """Add one seed line of a 序号/要求 table: a header, a numbered row, or a row's continuation."""
    assert table.rows is not None
    if line.replace(" ", "") == "序号要求":
        return
    m = ROW_RE.match(line)
    if m and int(m.group(1)) == len(table.rows) + 1:
        table.rows.append(m.group(2) or "")
    else:
        table.rows[-1] += line


def split_runin(block: Block) -> Block:
    """h3: title up to the first 。, the rest is run-in text (SPEC run-in heading rule)."""
    if block.kind == "h3" and "。" in block.text:
        title, _, runin = block.text.partition("。")
        if runin:
            return Block("h3", text=title, n=block.n, runin=runin)
    return block  # a one-sentence item keeps its 。 so that it is printed (the outline title drops it)


def with_sections(blocks: list[Block]) -> list[Block]:
    """Record the level-2 heading each block sits under (reset by every level-1 heading)."""
    section = ""
    for b in blocks:
        if b.kind == "h1":
            section = ""
        elif b.kind == "h2":
            section = b.text
        b.section = section
    return blocks


# ------------------------------------------------------------------------------------------ the annex
# One tuple per 目标类别: (序号, 目标类别, items); one item: (目标项目 as printed, rows); one row:
# (目标内容 as printed, 完成时限, 牵头单位, 承办单位).  ``None`` = the seed prints nothing for this row in
#   that
# column: the cell is merged with the cell above (the seed prints a merged cell's text next to its first row).
Row = tuple[str, str | None, str | None, str | None]
D1231 = "2014年12月31日"
D0930 = "2014年9月30日"
D0531 = "2014年5月31日"
QJB = "区强区办"
ALL = "各成员单位"
ZJ = "区质监分局"
GAJ = "市公安局长兴路分局、市公安局大河路分局"
ANNEX: list[tuple[str, str, list[tuple[str, list[Row]]]]] = [
    ("1", "城市质量发展战略规划明确清晰", [
        ("1.1 制定并出台城市质量发展规划", [
            ("1.1.1 依据国务院《质量发展纲要（2011～2020 年）》，结合我区实际情况，制定并出台惠济区质量发展"
             "战略规划。", D1231, QJB, ALL)]),
        ("1.2 为实施质量发展规划提供组织保障", [
            ("1.2.1 成立惠济区质量强区战略工作领导小组，区长担任质量强区战略工作领导小组组长，建立质量工作部"
             "门"
             "联席会议制度。", D0531, QJB, ALL),
            ("1.2.2 每年至少召开一次质量工作部门联席会议，区领导出席会议或针对会议研究的质量工作做出指示。",
             D1231, None, None)]),
        ("1.3 为实施质量发展规划、创建质量强区提供经费保障", [
            ("1.3.1 区政府对贯彻落实国务院《质量发展纲要 2011-2020年》、我区质量发展规划和创建质量强区工作"
             "提供专项经费，力争经费数额占年财政一般预算收入比例达到 1‰。", D1231, "区财政局", "区财政局")]),
    ]),
    ("2", "城市质量文化特色鲜明", [
        ("2.1 形成符合城区特点的质量精神，并以多种形式宣传", [
            ("2.1.1 征集社会各界意见，形成符合惠济区城市特点的质量精神、质量理念。", "2014年4月30日",
             "区委宣传部\n区强区办", ALL),
            ("2.1.2 通过展板、显示屏、横幅、路牌、橱窗以及报纸、网络等途径深入宣传惠济区质量精神、质量理念。",
             "2014年5月至2015年6月，要保证在创建工作期间浓厚的宣传氛围", None, None),
            ("2.1.3 各成员单位在本单位网站长期宣传。", None, None, None)]),
        ("2.2 建设中小学质量教育社会实践基地，广泛开展中小学质量教育", [
            ("2.2.1遴选质量教育示范学校，在示范学校设立“质量课堂”，安排质量专家向中小学生普及质量法律法规，"
             "讲解产品质量知识、产品安全常识及防止不安全产品伤害的简单技能。", D1231, "区教体局、区质监分局",
             "区教体局、区质监分局"),
            ("2.2.2组织安排中小学生到中小学质量教育基地开展质量教育社会实践活动。", None, None, None),
            ("2.2.3 建设 1家中小学质量教育社会实践基地，每年基地开放时间不低于 36 天。", D1231,
             "区教体局、区质监分局", "区教体局、区质监分局")]),
        ("2.3 推动广大企业普遍开展质量攻关、质量改进、质量风险分析等活动", [
            ("2.3.1对企业开展质量攻关和改进活动进行指导、提出要求、组织经验交流或对开展好的企业进行表彰。",
             D1231, ZJ, "区质监分局、区工信局、区城建局、区商务局、区交运局、区农委"),
            ("2.3.2政府有关部门采取措施推动企业采用先进质量管理方法，传播先进质量管理理念。", None, None,
            None)]),
        ("2.4 建立起完善的质量诚信体系，质量诚信意识普遍增强", [
            ("2.4.1 出台质量诚信体系建设的政策措施，建立各政府部门间的联动机制。", D1231, QJB, ALL),
            ("2.4.2建立质量失信惩戒制度，将严重违法违规企业纳入“黑名单”并向社会公布。", None, None, None),
            ("2.4.3 建立以企业（组织机构代码）实名制为基础的企业质量信用档案，建档率大于 80%，并实现各部门间"
             "的"
             "信息共享。", None, None, None),
            ("2.4.4预包装产品建立以物品编码等为溯源手段的产品质量信用信息平台，建档率大于 80%。", D1231, QJB,
             ALL),
            ("2.4.5 对企业实施质量信用等级分类管理。", D1231, QJB, ALL),
            ("2.4.6推动质量信用服务机构的发展和质量信用服务产品的运用。", None, None, None)]),
        ("2.5 大型骨干企业中严格实施企业岗位质量规范和质量考核制度", [
            ("2.5.1推动在本级企业或大型骨干企业中推行首席质量官制度。", D0930, QJB, ALL),
            ("2.5.2推动在本级企业或大型骨干企业中建立质量关键岗位考核机制。", None, None, None),
            ("2.5.3推动在本级企业或大型骨干企业中建立质量安全一票否决机制。", None, None, None)]),
        ("2.6 每年 9月政府推动开展质量月活动，重视质量舆论宣传", [
            ("2.6.1 以区政府的名义或政府各部门（10个以上）联合制定并印发文件，专门针对质量月活动进行部署和动"
             "员；"
             "质量月期间区政府领导出席或参加 2项以上质量月重点活动；市民广泛参与质量月活动，各项活动得到及时"
             "宣传报道。", D0930, QJB,
             "区委宣传部、区质监分局、区工信局、区教体局、区城建局、区文化旅游局、区交运局、区城管执法局、"
             "区总工会、团区委")]),
    ]),
    ("3", "城市质量基础保障有力", [
        ("3.1 实施标准化发展战略，完善标准化管理体制机制", [
            ("3.1.1 建立标准化工作协调推进机制，出台相关政策措施。", "2014年6月30日", ZJ,
             "区质监分局、区农委、区发改统计局、区工信局、区商务局"),
            ("3.1.2 农业标准化生产普及率达到 30%以上。争取有机产品、绿色食品、无公害农产品认证总数居全国同级"
             "城市前列。", D1231, "区农委", "区农委、区质监分局"),
            ("3.1.3 全区基本消灭无标生产。", D1231, ZJ, "区质监分局、区工信局、区农委")]),
        # Printed as in the seed: the office repeated 3.1's wording for 3.2.
        ("3.2 实施标准化发展战略，完善标准化管理体制机制", [
            ("3.2.1 大力推进服务标准化，在主要服务行业树立标准化标杆示范企业。", D1231,
             "区发改统计局、区商务局、区质监分局、区文化旅游局、区卫生局、区食药分局、区工商分局、区交运局、"
             "区城管执法局按各自职能分别牵头",
             "区发改统计局、区商务局、区质监分局、区文化旅游局、区卫生局、区食药分局、区工商分局、区交运局、"
             "区城管执法局")]),
        ("3.3 强化计量基础支撑工作，建立健全量值传递和溯源体系", [
            ("3.3.1 建立满足我区经济社会发展需求的计量体系。", D1231, ZJ,
             "区质监分局、区科技局、区工信局、区发改统计局、区财政局"),
            ("3.3.2 支持能源计量能力建设，建立起重点用能单位能源计量数据在线采集、实时检测平台。",
             None, None, None)]),
        # The seed prints 3.4's text twice (again above 3.4.6 after a page break): one item, one merged cell.
        ("3.4 加强认证认可工作，完善认证认可体系", [
            ("3.4.1 出台政策措施鼓励企业开展环保、低碳、节能、节约资源认证。", D1231,
            "区工信局、区发改统计局",
             "区工信局、区发改统计局、区质监分局、区环保局"),
            ("3.4.2年度强制性产品认证获证产品监督抽查批次合格率达到 95%以上。", D1231, ZJ, ZJ),
            ("3.4.3 积极在质量、环境、职业健康、社会管理、文化教育、医疗卫生等领域推行管理体系认证。",
            D1231, ZJ,
             "区质监分局、区人社局、区环保局、区城管执法局、区教体局、区卫生局"),
            ("3.4.4在我区骨干企业中大力推行食品安全领域良好农业规范（GAP）、危害分析和关键控制点（HACCP）等"
             "认证工作。", D1231, "区食安办", "区食安办、区质监分局、区农委"),
            ("3.4.5 参与国际互认、服务外经贸发展。", D1231, ZJ, "区质监分局、区发改统计局、区商务局"),
            ("3.4.6 探索在交通运输业、金融服务业、商务服务业、旅游业、体育产业推行服务质量管理认证。", D1231,
             ZJ, "区质监分局、区交运局、区商务局、区文化旅游局、区教体局")]),
    ]),
    ("4", "城市质量工作组织坚强有力", [
        ("4.1 政府成立专门的质量强区工作领导机构", [
            ("4.1.1成立以区长为组长的惠济区质量强区战略工作领导小组，区长定期召集和出席会议。各成员单位成立"
             "相应的领导机构，开展质量强区工作。", D0531, QJB, "区强区办、各成员单位")]),
        ("4.2 政府组织召开创建“质量强区示范城市”动员大会", [
            ("4.2.1 组织召开创建“惠济区质量强区示范城市”动员部署大会；制定《惠济区创建质量强区示范城市工作"
             "方案》并组织实施。", D0531, QJB, "区强区办\n各成员单位")]),
        ("4.3 将质量工作纳入领导干部的绩效考核", [
            ("4.3.1 将质量指标纳入政府年度绩效考核体系，绩效考核结果作为各成员单位领导班子和领导干部综合考核"
             "评价内容。", D1231, "区政府督查室、区强区办", QJB)]),
        ("4.4 设立政府质量奖，鼓励企业重视质量工作", [
            ("4.4.1 设立并实施惠济区区长质量奖，表彰奖励区长质量奖获奖企业。", D1231, QJB,
             "区人社局、区质监分局")]),
        ("4.5 建立起以预防为主的质量安全风险防控和管理体系", [
            ("4.5.1 建立重大质量安全事故报告制度。", D0930, QJB,
             f"区质监分局、区食安办、区食药分局、区工信局、区城建局、区交运局、区农委、{GAJ}、区卫生局、区环"
              "保局"),
            ("4.5.2 制定质量安全风险应急预案和预警机制，建立质量安全风险信息资源共享机制。", D0930, None,
            None)]),
        ("4.6 依法严厉打击质量违法行为，建立起执法联动机制", [
            ("4.6.1建立打击质量违法行为协作机制及对执法机构编制经费的保障措施。", D1231, QJB,
             f"区食安办、区食药分局、区质监分局、区工信局、区城建局、区农委、区卫生局、区工商分局、区环保局、"
             f"{GAJ}、区财政局、"),
            ("4.6.2 建立起质量安全风险排查长效机制及落实措施。", D0930, QJB,
             f"区食安办、区工信局、区商务局、区质监分局、区城建局、区交运局、区农委、区卫生局、区工商分局、"
             f"{GAJ}、区环保局、区食药分局"),
            ("4.6.3 制定区域整治方案，每年定期开展针对重点产品、重点工程、重点行业、重点地区和重点市场的专项"
             "执法"
             "整治。", D1231, None, None),
            ("4.6.4 建立产品质量安全监管和执法重大信息报告制度。建立质量安全违法的执法联动机制。", D0930,
            None,
             None)]),
        ("4.7 探索建立产品质量伤害监测体系", [
            ("4.7.1 在重点医院推行开展产品质量伤害监测工作。", D0930, "区卫生局、区质监分局",
             "区卫生局、区质监分局、区工商分局")]),
        ("4.8 定期分析城市质量状况，为我区发展提供决策依据", [
            ("4.8.1 定期分析我区重点产业质量状况和发展前景，形成质量分析报告；定期向社会发布分析结果；每年发"
             "布"
             "质量分析报告或监督抽查合格率、质量损失率等重点质量指标 2次以上。", "2015年4月30日",
             "区强区办、区质监分局",
             "区质监分局、区发改统计局、区工信局、区城建局、区食安办、区食药分局、区工商分局、区农委、区食药"
             "分局、"
             "区环保局")]),
    ]),
    ("5", "质量宏观管理成效明显", [
        ("5.1 集中一批群众喜爱、市场认可、价值不断提升的知名品牌", [
            ("5.1.1 积极组织我区企业参加全国品牌价值评价工作。组织企业积极争创河南省名牌产品。", D1231, ZJ,
             "区质监分局、区工商分局、区农委、区工信局、区发改统计局、区商务局、区文化旅游局"),
            ("5.1.2 积极组织我区企业争创中国驰名商标。", D1231, "区工商分局", "区工商分局")]),
        ("5.2 培育一批质量好、效益佳、市场占有率高、核心竞争力强的优势企业", [
            ("5.2.1 组织企业积极申报中国质量奖和省、市级政府质量奖励。鼓励建筑业企业争创各级优质样板工程，力"
             "争"
             "获奖企业数量居全国同级城市前列。", D1231, ZJ, "区质监分局、区城建局")]),
        ("5.3 拥有一批专业素质高、服务意识强的质量人才队伍", [
            ("5.3.1 积极推动质量工程师人才建设工作，制定推动企业聘用质量工程师的有关文件；在职称、待遇方面有"
             "明确规定；力争我区就业人员拥有质量专业技术人员职业资格证书。", D1231, ZJ,
             "区质监分局、区人社局")]),
        ("5.4 政府重视质量、企业追求质量、社会崇尚质量、人人关心质量的良好氛围初步形成", [
            ("5.4.1 组织开展 3•15 国际消费者权益日活动。", "2014年3月31日", "区工商分局", ALL),
            ("5.4.2 组织开展“世界标准化日”，“世界计量日”、“世界认可日”等活动。", D1231, ZJ, ZJ),
            ("5.4.3 组织开展质量进社区活动、优秀企业巡礼访谈活动。", D0930, None, None)]),
    ]),
    ("6", "产品质量显著提升", [
        ("6.1 产品质量安全指标全面达到国家强制性标准要求", [
            ("6.1.1 生产企业产品质量监督合格率达到 94%以上；企业生产的相关产品生产许可证、CCC 目录内产品认证"
             "证书覆盖率达到 100%。", D1231, ZJ, ZJ)]),
        ("6.2 农产品、食品等重点产品质量安全得到有效保障", [
            ("6.2.1 地产农产品抽检合格率达到 95%以上。蔬菜、水果、食用菌、水产品、肉类等农产品实施市场准入检"
             "测"
             "监管，建立来源可追溯、去向可查证、责任可追究的肉菜生产、流通追溯体系。", D1231, "区农委\n区商务"
                 "局",
             "区农委、区商务局"),
            ("6.2.2 重点食品监督抽查合格率达到 95%以上。", D1231, "区食安办",
             f"区食安办、{GAJ}、区质监分局、区工商分局、区食药分局、区卫生局"),
            ("6.2.3 建立食品安全事故应急预案，健全日常防控、舆情监测、隐患排查、紧急处置、事故调查、信息发布"
             "制度。", None, None, None),
            ("6.2.4 严厉惩处食品安全违法犯罪分子。", None, None, None),
            ("6.2.5 建立健全食品安全综合协调机制。认真按照要求打击非法添加和滥用食品添加剂违法行为。",
             None, None, None)]),
        ("6.3 特种设备质量安全得到有效保障", [
            ("6.3.1建立特种设备安全保障长效机制及应急预案且运行良好；特种设备万台设备事故死亡率低于全国平均水"
             "平；"
             "建立特种设备安全状况分析报告制度和地方政府及相关部门特种设备“一岗双责”制度。", D1231, ZJ, ZJ)]),
    ]),
    ("7", "工程质量大幅提高", [
        ("7.1 大中型工程一次验收合格率达 100%", [
            ("7.1.1 大中型工程一次验收合格率达 100%。", D1231, "区城建局",
            "区城建局、区重点项目办、区交运局")]),
        ("7.2 其他工程一次验收合格率达 98%以上", [
            ("7.2.1 其他工程一次验收合格率达到 98%以上。", None, None, None)]),
        ("7.3 建筑工程节能效率和工业化建造比重不断提高", [
            # Ambiguous: the seed prints nothing next to 7.3.1; read as part of the 7.1.1 block (same rule as
            # everywhere else: a merged cell's text stands next to its first row).
            ("7.3.1 节能建筑的比重和工业化建造比重均连续 3年不断提高。", None, None, None),
            ("7.3.2 工程项目严格执行工程建设强制性标准规范要求，严格执行节能标准规定，新开工建筑节能标准执行"
             "率"
             "达到 100%。", D1231, "区城建局", "区城建局、区重点项目办")]),
        ("7.4 有效保证保障房工程建设质量水平", [
            ("7.4.1 新开工保障房受监工程覆盖率（施工许可、报监等开工前手续齐全率）达到 100%、保障房工程建设质"
             "量"
             "一次验收合格率达到 100%。", D1231, "区城建局", "区城建局、区重点项目办、区住保中心")]),
        ("7.5 引入重大设备监理机制，有效保证设备工程质量和安全", [
            ("7.5.1 在大型工程、重大工程建设中，有效发挥市场机制作用，针对保障设备制造、安装、运行引入了重大"
             "设备"
             "监理机制。", D1231, "区城建局", "区城建局、区重点项目办、区交运局")]),
        ("7.6 进一步提升房屋住宅居住性能，满足人民群众需求", [
            ("7.6.1 推进采纳国家标准《住宅性能评定技术标准》，出台提升房屋住宅居住性能要求的文件。", D1231,
             "区城建局", "区城建局")]),
    ]),
    ("8", "服务质量满意度不断提高", [
        ("8.1 建成一批国家级综合服务业标准化试点", [
            ("8.1.1 建成 1个省级综合服务业标准化试点。", D1231, "区发改统计局、区商务局",
             "区发改统计局、区商务局、区质监分局")]),
        ("8.2 骨干企业和重点行业的服务质量达到国际先进水平", [
            ("8.2.1 积极承办金融、通信、旅游、餐饮、零售等重点服务行业国际性会议，组织骨干企业和重点项目与世"
             "界"
             "先进企业进行交流研讨，成功举办国际、国内大型博览会、展会。", D1231, "区商务局",
             "区商务局、区工信局、区工商分局、区科技局、区文化旅游局、区教体局")]),
        ("8.3 服务业顾客满意度测评指数全国同等城市领先", [
            ("8.3.1由国家认可的第三方权威机构提供的城市居民满意度测评结果中，力争服务业满意度得分位居全国同等"
             "城市前 10 名。", D1231, "区发改统计局",
             "区发改统计局、区商务局、区城管执法局、区食药分局、区工商分局、区文化旅游局、区交运局、区卫生局"
             "、"
             "区教体局、区食安办、区质监分局")]),
        ("8.4 生产性服务业培育一批影响力大、竞争力强的大型企业", [
            ("8.4.1 针对生产性服务业出台专项资金奖励政策或扶持政策，开展“生产性服务示范区”或“生产服务功能"
             "企业”认定等工作。", D1231, "区发改统计局", "区发改统计局")]),
        ("8.5 生活性服务业培育一批凝聚民族特色的品牌和项目", [
            ("8.5.1 旅游区、现代服务区中获得“知名品牌示范区”称号 1个。", D1231, "区文化旅游局、区发改统计局",
             "区文化旅游局、区发改统计局、区质监分局"),
            ("8.5.2 服务业企业中获得服务业名牌称号 1个以上。", D1231, ZJ, ZJ)]),
        ("8.6 服务产品种类不断丰富，顾客满意指数不断提高", [
            ("8.6.1 消费者对服务业满意度连续 3年不断提高，或消费者投诉率连续 3年不断递减。", D1231,
             "区发改统计局、区商务局、区工商分局、区卫生局、区食药分局、区文化旅游局、区教体局按各自职责分别"
             "牵头",
             "区发改统计局、区商务局、区工商分局、区卫生局、区食药分局、区文化旅游局、区教体局"),
            ("8.6.2 服务业顾客满意度居全国同级城市前列，或消费者投诉率低于全国平均水平。", D1231, None,
            None)]),
    ]),
    ("9", "稳步提升环境质量", [
        ("9.1 环境指标", [
            ("9.1.1 污水处理率市区不低于 85％。城市生活垃圾无害化处理率不低于 92.5％。", D1231,
            "区城管执法局",
             "区城管执法局"),
            ("9.1.2 城市区域环境噪声≤56dB(A),城市道路交通噪声≤68dB(A)。城市建成区水体水环境质量消除劣Ⅴ类"
             "水体。城市集中式饮用水水源地取水水质常规监测因子达标率≥98％。完成可吸入颗粒物（PM10）浓度削减"
             "目标，空气中细颗粒物（PM2.5）浓度，2013 年 108 微克/立方米，2016 年 95 微克/立方米。化学需氧量"
             "排放总量在 2010 年基础上削减 14.8％。氨氮排放总量在 2010 年基础上削减 17.8％。", D1231,
             "区环保局",
             "区环保局、区城管执法局")]),
        ("9.2 环境建设", [
            ("9.2.1 加快“气化郑州”工程建设，扎实推进新能源示范城市创建工作。强化环境应急能力建设。完善“蓝天”"
             "工程长效机制，加强 PM2.5 监测治理。实施污染物总量和煤炭消费总量“双控制”，注重燃煤锅炉拆除和改造"
             "“双推进”，强化机动车污染和施工扬尘污染“双防治”。到 2015 年，实现“一个削减、三个提升、三个改善”"
             "的总体环境目标。", D1231, "区环保局",
             f"区环保局、区发改统计局、区工信局、区城建局、{GAJ}、区城管执法局、区交运局、区国土资源局")]),
    ]),
    ("10", "质量发展成果全民共享", [
        ("10.1 形成健全的投诉渠道，群众质量投诉能够及时解决", [
            ("10.1.1 建立完善的质量投诉信息平台，12315、12365 等质量投诉热线畅通有效，公众对质量投诉信息平台"
             "认知度高。", D1231, "区工商分局、区质监分局", "区工商分局、区质监分局")]),
        ("10.2 建立社会质量监督员制度，有效调节和处理质量纠纷", [
            ("10.2.1 建立完善的社会质量监督员制度和消费维权渠道，质量监督员职责明确，对质量纠纷问题处理及时"
             "有效。", D1231, QJB,
             "区城建局、区农委、区交运局、区食安办、区商务局、区卫生局、区工商分局、区质监分局、区文化旅游局"
             "、")]),
        ("10.3 建立城市居民质量安全多元救济机制", [
            ("10.3.1 推动建立起符合市场经济规则、有利于消费者维权的产品质量安全多元救济机制。", D1231,
             "区工商分局", "区工商分局、区质监分局"),
            ("10.3.2 推动建立完善的产品侵权责任制度，建立起产品质量安全责任保险制度，质量安全事故受害者得到合"
             "理、"
             "及时的补偿。", D1231, ZJ, "区质监分局、区工商分局"),
            ("10.3.3 推动建立企业、行业协会、保险以及评估机构合作降低质量安全风险，维护消费者合法权益的"
             "机制。",
             D1231, QJB, "区工商分局、区质监分局、区工信局")]),
        ("10.4 城市人民质量满意度居全国前列", [
            ("10.4.1 委托具有资质的调查测评机构，定期开展市民质量满意度调查测评，并提供经费支持。", D1231,
             "区发改统计局",
             "区发改统计局、区财政局、区城建局、区发改统计局、区质监分局、区商务局、区环保局、区交运局、"
             "区文化旅游局、区教体局、区城管执法局、区卫生局"),
            ("10.4.2 市民对本区产品、工程、服务、环境以及公共管理质量水平满意。", D1231, None, None)]),
    ]),
    ("11", "质量发展实现制度创新、方法创新和机制创新", [








        ("11.1在宣传质量成果、普及质量知识、加强质量教育、推广质量文化"
         "等方面实现制度创新、方法创新、机制创新", [
            ("11.1.1 质量工作在制度、方法或机制上具有创新，并在宣传质量成果、普及质量知识、加强质量教育、推广"
             "质量文化等方面取得很好效果。", D1231, QJB, ALL),
            ("11.1.2 质量工作在制度、方法或机制上的创新在全市具有示范引领作用，在全区具有推广价值。", D1231,
            QJB,
             ALL)]),
        ("11.2在动员全社会参与质量发展、推动各部门共同抓质量、推动广大企业重视质量工作方面实现制度创新、方法"
         "创新、"
         "机制创新", [
            ("11.2.1 质量工作在制度、方法或机制上有创新，并在动员全社会参与质量发展、推动各部门共同抓质量、推"
             "动"
             "广大企业重视质量工作方面取得很好效果。", D1231, QJB, ALL),
            ("11.2.2 质量工作在制度、方法或机制上的创新在全区具有示范引领作用，在全区具有推广价值。", D1231,
            QJB,
             ALL)]),








        ("11.3在贯彻《质量发展纲要2011-2020年》、创建“质量强区示范城市”"
         "工作中实现制度创新、方法创新、机制创新", [
            ("11.3.1 质量工作在贯彻《质量发展纲要 2011-2020 年》、创建“质量强区示范城市”活动中具有制度、方法"
             "或"
             "机制上的创新。", D1231, QJB, ALL),
            # The seed ends here: nothing is printed next to 11.3.2, so it shares 11.3.1's cells.
            ("11.3.2 质量工作在制度、方法或机制上的创新在全区 具有示范引领作用，在全区具有推广价值。",
             None, None, None)]),
    ]),
]


def annex_grid() -> tuple[list[list[str]], list[list[int]]]:
    """Dense printed grid of the annex (header row 0) and its merges ([r0, c0, r1, c1] inclusive)."""
    grid = [list(ANNEX_HEADER)]
    merges: list[list[int]] = []
    for number, category, items in ANNEX:
        first = len(grid)
        for item, rows in items:
            item_first = len(grid)
            for content, *owners in rows:
                grid.append([number, category, item, content, *(v if v is not None else "" for v in owners)])
            span_merge(merges, item_first, len(grid) - 1, 2)
        span_merge(merges, first, len(grid) - 1, 0)
        span_merge(merges, first, len(grid) - 1, 1)
    for col in (4, 5, 6):
        merges += empty_cell_merges(grid, col)
    return fill_merged(grid, merges), sorted(merges)


def span_merge(merges: list[list[int]], r0: int, r1: int, col: int) -> None:
    if r1 > r0:
        merges.append([r0, col, r1, col])


def empty_cell_merges(grid: list[list[str]], col: int) -> list[list[int]]:
    """A run of empty cells in ``col`` joins the filled cell above it."""
    out: list[list[int]] = []
    r = 1
    while r < len(grid):
        end = r
        while end + 1 < len(grid) and grid[end + 1][col] == "":
            end += 1
        span_merge(out, r, end, col)
        r = end + 1
    return out


def fill_merged(grid: list[list[str]], merges: list[list[int]]) -> list[list[str]]:
    """Repeat a merged cell's text in every position it covers (dense grid, as the table CSV has it)."""
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                grid[r][c] = grid[r0][c0]
    return grid


# ------------------------------------------------------------------------------------------ duties


def units(cell: str) -> list[str]:
    """Unit names of a 牵头/承办 cell: split on 、，,；; and line breaks, notes removed, duplicates
    dropped."""
    names: list[str] = []
    for part in UNIT_SPLIT_RE.split(cell):
        name = part.strip()
        for note in LEAD_NOTES:
            name = name.removesuffix(note)
        if name and name not in names:
            names.append(name)
    return names


def deadline(raw: str) -> dict[str, Any]:
    """SPEC deadline from a 完成时限 cell (ISO at the precision written)."""
    m = DATE_RE.match(raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return {"raw": raw, "start": None, "end": f"{y:04d}-{mo:02d}-{d:02d}", "note": None}
    m = RANGE_RE.match(raw)
    if m:
        y0, m0, y1, m1 = (int(g) for g in m.groups()[:4])
        return {"raw": raw, "start": f"{y0:04d}-{m0:02d}", "end": f"{y1:04d}-{m1:02d}", "note": m.group(5)
        or None}
    raise ValueError(f"unexpected 完成时限: {raw!r}")


def table_duties(grid: list[list[str]]) -> list[dict[str, Any]]:
    out = []
    for r, row in enumerate(grid[1:], start=1):
        number, task = split_number(row[3])
        out.append({
            "source": "table", "table": ANNEX_TABLE_ID, "row": r, "number": number,
            "category": row[1].replace("\n", ""), "item": row[2], "task": task,
            "deadline": deadline(row[4]), "lead": units(row[5]), "support": units(row[6]),
        })
    return out


def split_number(content: str) -> tuple[str, str]:
    """(``1.1.1``, the task text after it) of a 目标内容 cell."""
    m = NUMBER_RE.match(content)
    if not m:
        raise ValueError(f"目标内容 without its number: {content!r}")
    return m.group(1), m.group(2)


def text_duties(blocks: list[Block]) -> list[dict[str, Any]]:
    """The numbered tasks of 四、主要工作任务 (every h3 between that h1 and the next h1)."""
    out = []
    in_tasks = False
    for b in blocks:
        if b.kind == "h1":
            in_tasks = b.text == "主要工作任务"
        if in_tasks and b.kind == "h3":
            out.append({
                "source": "text", "section_title": b.section, "number": b.n, "category": b.section,
                "item": b.text.removesuffix("。"), "task": b.runin or b.text, "deadline": None, "lead": [],
                "support": [],
            })
    return out


# ------------------------------------------------------------------------------------------ indicators


def value(raw: str, op: str | None, v: float | None, unit: str | None, *, year: int | None = None,
          kind: str = "target", base_year: int | None = None, text: str | None = None) -> dict[str, Any]:
    return {"year": year, "kind": kind, "raw": raw, "op": op, "value": v, "value_max": None, "unit": unit,
            "scope": None, "base_year": base_year, "text": text}


def indicator(table: int, row: int, name: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    units_ = {v["unit"] for v in values}
    unit = units_.pop() if len(units_) == 1 else None
    return {"table": f"t{table}", "row": row, "group": REQ_TABLES[table - 1], "name": name, "unit": unit,
            "attribute": None, "values": values}


def indicators() -> list[dict[str, Any]]:
    """expected.indicators of the five 序号/要求 tables, written out by hand (rules in the YAML comment)."""
    def simple(t: int, r: int, name: str, raw: str, op: str | None, v: float | None,
               unit: str | None) -> dict[str, Any]:
        return indicator(t, r, name, [value(raw, op, v, unit)])

    return [
        simple(1, 1, "农业标准化市场普及率", "农业标准化市场普及率超过 30%", ">", 30, "%"),
        simple(1, 2, "主要农产品质量安全抽检合格率", "主要农产品质量安全抽检合格率稳定在 96%以上", ">=", 96,
        "%"),
        simple(1, 3, "产品质量国家监督抽查合格率", "产品质量国家监督抽查合格率稳定在 90%以上", ">=", 90, "%"),
        simple(1, 4, "生产企业产品质量监督合格率", "生产企业产品质量监督合格率达到 94%以上", ">=", 94, "%"),
        simple(1, 5, "企业生产的相关产品生产许可证、CCC 目录内产品认证证书覆盖率",
               "企业生产的相关产品生产许可证、CCC 目录内产品认证证书覆盖率 100%", "=", 100, "%"),
        simple(1, 6, "年度强制性产品认证获证产品监督抽查批次合格率",
               "年度强制性产品认证获证产品监督抽查批次合格率达到 95%以上", ">=", 95, "%"),
        simple(1, 7, "重点食品监督抽查合格率", "重点食品监督抽查合格率达到 95%以上", ">=", 95, "%"),
        simple(2, 1, "大中型工程项目一次验收合格率", "大中型工程项目一次验收合格率达到 100%", ">=", 100, "%"),
        simple(2, 1, "其他工程一次验收合格率", "其他工程一次验收合格率达到 98%以上", ">=", 98, "%"),
        simple(2, 2, "新开工建筑节能标准执行率", "新开工建筑节能标准执行率达到 100%", ">=", 100, "%"),
        simple(2, 3, "新开工保障房受监工程覆盖率（施工许可、报监等开工前手续齐全率）",
               "新开工保障房受监工程覆盖率（施工许可、报监等开工前手续齐全率）达到 100%", ">=", 100, "%"),
        simple(2, 4, "保障房工程建设质量一次性验收合格率", "保障房工程建设质量一次性验收合格率达到 100%",
        ">=",
               100, "%"),
        simple(3, 1, "生产性服务顾客满意度", "生产性服务顾客满意度达到 80 以上", ">=", 80, None),
        simple(3, 2, "生活性服务业顾客满意度", "生活性服务业顾客满意度达到 75 以上", ">=", 75, None),
        simple(3, 3, "旅游区、现代服务区中获得“品牌示范区”称号", "旅游区、现代服务区中获得“品牌示范区”称号 1"
            "个",
               "=", 1, "个"),
        simple(3, 4, "获得“中华老字号”称号和“达标百货店”称号", "获得“中华老字号”称号和“达标百货店”称号 1个",
        "=",
               1, "个"),
        simple(3, 5, "获得服务企业名牌称号", "获得服务企业名牌称号 1个", "=", 1, "个"),
        simple(4, 1, "污水处理率", "污水处理率不低于 85%", ">=", 85, "%"),
        simple(4, 2, "生活垃圾无害化处理率", "生活垃圾无害化处理率不低于 92.5%", ">=", 92.5, "%"),
        simple(4, 3, "城市区域环境噪声", "城市区域环境噪声≤56dB(A)", "<=", 56, "dB(A)"),
        simple(4, 3, "城市道路交通噪声", "城市道路交通噪声≤68dB(A)", "<=", 68, "dB(A)"),
        indicator(4, 4, "建成区水体水环境质量", [
            value("建成区水体水环境质量消除 V类水体", None, None, None, text="消除 V类水体")]),
        simple(4, 5, "集中饮用水水源地取水水质常规监测因子达标率", "集中饮用水水源地取水水质常规监测因子达标"
            "率≥98%",
               ">=", 98, "%"),
        indicator(4, 6, "空气中颗粒物（PM2.5）浓度", [
            value("2013 年 108 微克／立方米", "=", 108, "μg/m³", year=2013, kind="baseline"),
            value("2016 年 95 微克／立方米", "=", 95, "μg/m³", year=2016)]),
        indicator(4, 7, "化学需氧量排放总量", [
            value("化学需氧量排放总量在 2010 年基础上削减 14.8%", "decrease_by", 14.8, "%", base_year=2010)]),
        indicator(4, 8, "氨氮排放总量", [
            value("氨氮排放总量在 2010 年基础上削减 17.8%", "decrease_by", 17.8, "%", base_year=2010)]),
        simple(5, 1, "中小学生质量教育社会实践基地", "建设 1个中小学生质量教育社会实践基地", "=", 1, "个"),
        simple(5, 2, "建档率", "建档率大于 80%", ">", 80, "%"),
        simple(5, 3, "建档率", "建档率大于 80%", ">", 80, "%"),
        indicator(5, 4, "力争质量专业技术人员获取职业资格证书", [
            value("力争质量专业技术人员获取职业资格证书", None, None, None,
                  text="力争质量专业技术人员获取职业资格证书")]),
    ]


# ------------------------------------------------------------------------------------------ YAML output


def q(v: Any) -> str:
    """A YAML flow scalar; JSON strings are valid YAML double-quoted strings."""
    return json.dumps(v, ensure_ascii=False)


def flow(obj: Any) -> str:
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in obj.items()) + "}"
    if isinstance(obj, list):
        return "[" + ", ".join(flow(v) for v in obj) + "]"
    return q(obj)


def block_yaml(block: Block, ids: dict[str, str]) -> list[str]:
    """YAML lines of one body block."""
    if block.kind == "p":
        return [f"  - p: {q(block.text)}"]
    if block.kind == "table":
        assert block.rows is not None
        header = [["序号", "要求"]]
        rows = header + [[str(i), text] for i, text in enumerate(block.rows, start=1)]
        return table_yaml(ids[block.text], block.text, rows, [], DEFAULT_REQ_WIDTHS, None, "    ", "  ")
    runin = f", runin: {q(block.runin)}" if block.runin else ""
    return [f"  - {{{block.kind}: {q(block.text)}, n: {q(block.n)}{runin}}}"]


def table_yaml(tid: str, title: str | None, rows: list[list[str]], merges: list[list[int]],
               widths: list[int], font_size: float | None, ind: str, lead: str) -> list[str]:
    lines = [f"{lead}- table:", f"{ind}  id: {tid}"]
    if title is not None:
        lines += [f"{ind}  caption: {q(title)}", f"{ind}  title: {q(title)}"]
    lines += [f"{ind}  header_rows: 1", f"{ind}  repeat_header: true", f"{ind}  widths: {q(widths)}"]
    if font_size is not None:
        lines.append(f"{ind}  font_size: {font_size}")
    lines += [f"{ind}  borders: all", f"{ind}  rows:"]
    lines += [f"{ind}    - {flow(row)}" for row in rows]
    lines.append(f"{ind}  merges:" + ("" if merges else " []"))
    lines += [f"{ind}    - {q(m)}" for m in merges]
    return lines


HEADER_YAML = f"""\
doc_id: {DEFAULT_DOC_ID}
description: >-
  惠政〔2014〕4号 notice enclosing a 工作方案: five small 序号/要求 requirement tables whose targets
  are sentences, 40 numbered run-in tasks, and a landscape 任务分解表 annex (7 columns, merged
  序号/目标类别/目标项目 cells and merged 完成时限/牵头单位/承办单位 cells shared by several rows, header
  repeated on every page). The colophon (printer, print date) is not in the source text; it is invented
  for this sample.
fonts: {{body: 仿宋, heading1: 黑体, heading2: 楷体, title: 小标宋}}
header:
  issuers: [{q(DEFAULT_ISSUER)}]
  suffix: 文件
  doc_number: "惠政〔2014〕4 号"   # printed with the space the source shows; normalized 惠政〔2014〕4号
  title_lines: ["郑州市惠济区人民政府", "关于印发郑州市创建全国质量强市示范城市", "惠济区工作方案的通知"]
  recipients: "各镇人民政府，各街道办事处，区人民政府各部门，各有关单位："
notice:
  - p: "《郑州市创建全国质量强市示范城市惠济区工作方案》已经区政府同意，现印发给你们 ，请认真组织实施。"
# No attachments_list: the notice itself does not list the annex; the plan's last paragraph does ("附件：…").
# The source shows no printed issuer name above the date (seal only), so signature.issuers is omitted.
signature:
  date: "2014 年 11 月 23 日"
"""

COMMENT_TEXT_DUTIES = """\
  # Duties, two kinds.
  # (a) every data row of the annex t6 (rows 1…): number from 目标内容, task = 目标内容 without its number,
  #     category = 目标类别, item = 目标项目 as printed (with its number); a merged
  #     完成时限/牵头单位/承办单位 cell applies to every row it covers. Lead/support split on 、，,；; and
  #     line breaks, duplicates removed in order, a trailing "按各自职能/职责分别牵头" kept out of the
  #     names, an empty piece after a trailing 、 dropped. 2014年5月至2015年6月，要保证… → start 2014-05,
  #     end 2015-06, the rest in note.
  # (b) the 40 numbered tasks of 四、主要工作任务 (source text): section_title and category = the
  #     （一）…（八） heading they sit under, number = "1".."40", item = the run-in title (text up to the
  #     first 。, the SPEC run-in rule, even when that first sentence is long), task = the run-in text after
  #     it; a task that is a single sentence has no run-in text, so its task is that whole sentence (with
  #     its 。) and item repeats it without the 。 (a duty's task is never empty). No deadline and no owners
  #     in the text: null, [], []. 六、工作进度安排's numbered items are schedule steps, not a task section:
  #     no duties."""

COMMENT_INDICATORS = """\
  # Indicators from the five 序号/要求 tables t1–t5 (rules decided for this sample):
  # - one record per measured quantity; a row with two sentences/clauses with values gives two records with
  #   the same row (t2 row 1, t4 row 3); group = the table title, attribute null (the tables have none);
  # - name = the clause up to its operator word or value (…合格率 | 超过 30%); where the verb comes first
  #   and a count follows (建设 1个中小学生质量教育社会实践基地) the name is the counted thing; a clause
  #   without a subject of its own (t5 rows 2 and 3: "…档案，建档率大于 80%") is named by the clause
  #   (建档率), the row tells the two apart; a qualitative sentence without a verb to split at (力争…) is
  #   its own name and text;
  # - raw = the clause that gave the value, without the final 。; year null unless the clause states one;
  # - op: 超过/大于 → ">", 以上/不低于/达到/≥ → ">=" (达到 even at 100%), ≤ → "<=", a bare value (覆盖率
  #   100%, 称号 1个) → "="; 在 2010 年基础上削减 N% → decrease_by with base_year 2010; qualitative → op
  #   null + text;
  # - 生产性服务顾客满意度达到 80 以上: a score without a unit → unit null;
  # - t4 row 6: the PM10 clause (完成…削减目标) states no value and is a task, not an indicator; PM2.5 gets
  #   a 2013 baseline and a 2016 target in μg/m³ (微克／立方米), op "=".
  # - indicator.unit = the unit shared by its values (null when none)."""

COMMENT_ANNEX = """\
# Annex t6, reconstructed row by row from the seed (one grid row per 目标内容 item 1.1.1 …).
# Merges: 序号 and 目标类别 over all rows of their category, 目标项目 over the rows of its item. In
# 完成时限, 牵头单位 and 承办单位 the seed prints a merged cell's text once, next to the first row it covers;
# so a row that shows nothing in such a column shares the cell above it (2.1.2–2.1.3 share the
# 2014年5月至2015年6月 deadline and, with 2.1.1, its 牵头/承办 cells). Readings decided here:
# - 7.2.1 and 7.3.1 show no values: they join 7.1.1's cells (区城建局 / 区城建局、区重点项目办、区交运局),
#   by the rule above, although 7.3.1 might also belong with 7.3.2 (区城建局、区重点项目办) — same deadline
#   either way;
# - 2.2.2, 2.4.2–2.4.3, 2.4.6: the printed values above and below are identical; read as merged with the row
#   above;
# - 3.4's 目标项目 text is printed twice in the seed (again before 3.4.6, after a page break): one item, one
#   merge;
# - 3.2's 目标项目 repeats 3.1's wording in the source: kept as printed;
# - stray spaces from justified narrow cells (清 晰, 质量 、企业, 局、 区商务) are dropped; typed ones (纲要
#   2011-2020, 在全区 具有) and trailing 、 in 承办单位 cells (4.6.1, 10.2.1) are kept as printed;
# - "区委宣传部\\n区强区办" (2.1.1), "区农委\\n区商务局" (6.2.1), "区强区办\\n各成员单位" (4.2.1): two units
#   on two lines without a separator, so the line break is written out."""


def expected_yaml(blocks: list[Block], grid: list[list[str]]) -> list[str]:
    meta = {
        "issuer": DEFAULT_ISSUER, "doc_number": "惠政〔2014〕4号",
        "title": "郑州市惠济区人民政府关于印发郑州市创建全国质量强市示范城市惠济区工作方案的通知",
        "recipients": ["各镇人民政府", "各街道办事处", "区人民政府各部门", "各有关单位"],
        "date": "2014-11-23", "attachments": ["郑州市创建“全国质量强市示范城市”惠济区工作任务分解表"], "cc":
        [],
        "printer": "郑州市惠济区人民政府办公室", "print_date": "2014-11-24", "copies": None,
    }
    lines = ["expected:", "  meta:"] + [f"    {k}: {q(v)}" for k, v in meta.items()]
    lines += [COMMENT_INDICATORS, "  indicators:"]
    for ind in indicators():
        head = {k: v for k, v in ind.items() if k != "values"}
        lines.append(f"    - {flow(head)[:-1]}, values: [")
        lines += [f"        {flow(v)}," for v in ind["values"]]
        lines.append("      ]}")
    lines += [COMMENT_TEXT_DUTIES, "  duties:"]
    lines += [f"    - {flow(d)}" for d in table_duties(grid) + text_duties(blocks)]
    return lines


def source_yaml(seed: str) -> str:
    """The whole YAML text for the seed."""
    blocks = with_sections(text_blocks(body_lines(seed)))
    ids = {title: f"t{i}" for i, title in enumerate(REQ_TABLES, start=1)}
    grid, merges = annex_grid()
    lines = [HEADER_YAML.rstrip("\n"), "body:", f"  - title: {q(list(DEFAULT_BODY_TITLE))}"]
    for block in blocks:
        lines += block_yaml(block, ids)
    lines += [COMMENT_ANNEX, "attachments:", "  - label: 附件",
              f"    title_lines: [{q(DEFAULT_ANNEX_TITLE)}]", "    landscape: true", "    blocks:"]
    lines += table_yaml(ANNEX_TABLE_ID, None, grid, merges, DEFAULT_ANNEX_WIDTHS, DEFAULT_ANNEX_FONT_SIZE,
                        "        ", "      ")
    lines += ["colophon:  # invented for this sample: the source text shows no 版记",
              f"  printer: {q('郑州市惠济区人民政府办公室')}", f"  print_date: {q('2014年11月24日印发')}"]
    lines += expected_yaml(blocks, grid)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(source_yaml(seed.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
