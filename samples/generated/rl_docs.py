# ruff: noqa: E501  (document data: long Chinese strings are kept whole so they can be searched)
"""The ``gen_rl_*`` documents as Python data (see ``rl_sources.py``, which writes them out as YAML).

Invented content in the style of Chinese government notices; names of offices are realistic but the documents
do not exist.  Conventions for expected records shared by all documents (SPEC where it speaks, else noted):

* text duties: every numbered run-in task (h3) under a 重点任务/主要任务 heading; ``section_title``/``category``
  = the level-2 heading, ``item`` = the run-in title, ``task`` = the run-in text without the owner/deadline
  annotation; ``（X负责）`` names X the lead; ``（X、Y按职责分工负责）`` names X and Y leads (co-responsible, no
  supporting unit: a user reads 分工负责 as shared lead);
* table duties: every task row of a 责任分工表; a group row (``一、…`` spanning all columns) is not a duty, its
  text without the ``一、`` marker is the ``category`` of the rows under it; ``number`` is the 序号 cell;
* indicator tables: one value per year column, ``2020年（基期）`` → baseline 2020, ``2025年目标`` → target 2025;
  group = the category column, else null (SPEC's example group is 000's 类别 column; a table without one, as
  stress_narrow_column's second table, has group null); a unit in the name's brackets is the indicator unit and
  the unit of every numeric value of the row (units as written: 万吨标准煤, 个百分点, 亿斤, 元/人, 公顷);
* a table whose only caption is the attachment title above it (附件 label, then the title) has title null: the
  title is the attachment's (an outline 附件 node), as 002's annex table in samples/expected;
* requirement tables (序号 | 要求): group = the table title, attribute null, year from 到N年 in the sentence,
  raw = the clause that gives the value without the final 。.
"""

from __future__ import annotations

from typing import Any

from samples.generated.rl_sources import deadline, indicators


def meta(issuer: str | None, doc_number: str | None, title: str, recipients: list[str], date: str | None,
         attachments: list[str] | None = None, cc: list[str] | None = None, printer: str | None = None,
         print_date: str | None = None, copies: int | None = None) -> dict[str, Any]:
    return {"issuer": issuer, "doc_number": doc_number, "title": title, "recipients": recipients, "date": date,
            "attachments": attachments or [], "cc": cc or [], "printer": printer, "print_date": print_date,
            "copies": copies}


def text_duty(section: str, number: str, item: str, task: str, lead: list[str], support: list[str],
              dl: str | None = None, year: int = 2023) -> dict[str, Any]:
    return {"source": "text", "table": None, "row": None, "section_title": section, "number": number,
            "category": section, "item": item, "task": task, "deadline": deadline(dl, year), "lead": lead,
            "support": support}


def table_duty(table: str, row: int, number: str | None, category: str | None, task: str, lead: list[str],
               support: list[str], dl: str | None, year: int, item: str | None = None) -> dict[str, Any]:
    return {"source": "table", "table": table, "row": row, "number": number, "category": category,
            "item": item, "task": task, "deadline": deadline(dl, year), "lead": lead, "support": support}


def sidebar_duty(number: int, title: str, n: int, task: str) -> dict[str, Any]:
    return {"source": "sidebar", "sidebar": number, "number": str(n), "category": title, "item": None,
            "task": task, "deadline": None, "lead": [], "support": []}


def req(table: str, row: int, group: str, name: str, unit: str | None, year: int | None, raw: str, op: str,
        val: float, base_year: int | None = None) -> dict[str, Any]:
    """A requirement-table indicator: the clause ``raw`` states one value (op and number spelt out here)."""
    v = {"year": year, "kind": "target", "raw": raw, "op": op, "value": val, "value_max": None, "unit": unit,
         "scope": None, "base_year": base_year, "text": None}
    return {"table": table, "row": row, "group": group, "name": name, "unit": unit, "attribute": None,
            "values": [v]}


DOCS: list[dict[str, Any]] = []


# ------------------------------------------------------------------------------------------------ 01

T01 = {
    "id": "t1", "caption": "表1 “十四五”节能降碳主要指标", "title": "“十四五”节能降碳主要指标",
    "header_rows": 1, "widths": [22, 70, 24, 24, 16], "font_size": 10.5,
    "rows": [
        ["类别", "指标名称", "2020年（基期）", "2025年目标", "属性"],
        ["能源消费", "单位地区生产总值能耗降低（%）", "—", "[14]", "约束性"],
        ["能源消费", "能源消费总量（万吨标准煤）", "32672", "控制在36500以内", "预期性"],
        ["能源消费", "非化石能源消费比重提高（个百分点）", "—", "[4.5]", "约束性"],
        ["碳排放", "单位地区生产总值二氧化碳排放降低（%）", "—", "[18]", "约束性"],
        ["碳排放", "煤炭消费占能源消费总量比重（%）", "54.3", "50以下", "预期性"],
        ["重点领域", "规模以上工业单位增加值能耗下降（%）", "—", "[16]", "约束性"],
        ["重点领域", "城镇新建建筑中绿色建筑占比（%）", "98", "100", "预期性"],
        ["重点领域", "新增公共充电桩（万个）", "3.2", "≥12", "预期性"],
    ],
    "merges": [[1, 0, 3, 0], [4, 0, 5, 0], [6, 0, 8, 0]],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl (reportlab): GB/T 9704 版头 with one red issuer line and the red rule,
indicator table with a 类别 column merged over rows, full grid drawn as LINE commands, 2020年（基期）/2025年目标
headers, [N] five-year totals, units in name brackets (%, 万吨标准煤, 个百分点, 万个), 属性 column; text tasks with
inline owners in the forms （X牵头，Y、Z配合） and （X负责）; page numbers — 3 — at the outer corners; body 仿宋.
控制在36500以内 → <= 36500 (unit 万吨标准煤, from the name); 50以下 → <= 50 %; ≥12 → >= 12 万个.""",
    "doc_id": "gen_rl_01_energy_redhead",
    "producer": "rl",
    "description": "版头 + red rule, grid indicator table with 基期/目标 headers and [N] values, inline （X牵头，Y配合） owners",
    "header": {"issuers": ["江苏省发展和改革委员会"], "suffix": "文件", "doc_number": "苏发改环资〔2023〕112号",
               "title_lines": ["江苏省发展和改革委员会关于印发江苏省", "“十四五”节能降碳实施方案的通知"],
               "recipients": "各设区市发展改革委，省有关部门和单位："},
    "notice": [{"p": "现将《江苏省“十四五”节能降碳实施方案》印发给你们，请结合实际认真组织实施，"
                     "实施过程中遇到的重要问题请及时报告省发展改革委。"}],
    "signature": {"issuers": ["江苏省发展和改革委员会"], "date": "2023年4月18日"},
    "body": [
        {"title": ["江苏省“十四五”节能降碳实施方案"]},
        {"p": "为深入贯彻落实国家关于碳达峰碳中和的重大战略决策，坚决遏制高耗能、高排放、低水平项目盲目发展，"
              "推动能源利用效率持续提升，结合我省实际，制定本方案。"},
        {"h1": "主要目标", "n": "一"},
        {"p": "到2025年，全省单位地区生产总值能耗比2020年下降14%，单位地区生产总值二氧化碳排放下降18%，"
              "能源消费总量得到合理控制，重点行业能效达到国内先进水平。主要指标见表1。"},
        {"table": T01},
        {"h1": "重点任务", "n": "二"},
        {"h2": "推进重点行业节能降碳", "n": "一"},
        {"h3": "实施钢铁行业能效提升行动", "n": "1",
         "runin": "推动钢铁企业开展超低排放改造和极致能效改造，推广高炉煤气余压发电、烧结余热回收等先进适用技术。"
                  "（省工业和信息化厅牵头，省发展改革委、省生态环境厅配合）"},
        {"h3": "推动石化化工行业绿色转型", "n": "2",
         "runin": "严格落实石化化工行业能效标杆水平，分批分步推动存量装置改造升级，提高化工园区资源综合利用水平。"
                  "（省工业和信息化厅牵头，省应急管理厅、省生态环境厅配合）"},
        {"h2": "推进重点领域节能降碳", "n": "二"},
        {"h3": "提升建筑能效水平", "n": "3",
         "runin": "全面执行绿色建筑标准，推进既有公共建筑节能改造，加快发展超低能耗建筑和近零能耗建筑。"
                  "（省住房城乡建设厅负责）"},
        {"h3": "推动交通运输绿色低碳发展", "n": "4",
         "runin": "加快新能源汽车推广应用，完善城乡公共充电网络，推进内河船舶液化天然气和电动化改造。"
                  "（省交通运输厅牵头，省发展改革委、省能源局配合）"},
        {"h3": "推进公共机构节能", "n": "5",
         "runin": "实施公共机构能效提升工程，新建公共机构建筑全面达到绿色建筑一星级以上标准。"
                  "（省机关事务管理局负责）"},
        {"h1": "保障措施", "n": "三"},
        {"p": "各地要将节能降碳目标完成情况纳入高质量发展综合考核，强化节能监察和执法，"
              "对未完成年度目标的地区进行约谈，确保各项任务落到实处。"},
    ],
    "colophon": {"cc": "抄送：国家发展改革委，省委办公厅，省人大常委会办公厅，省政府办公厅。",
                 "printer": "江苏省发展和改革委员会办公室", "print_date": "2023年4月19日印发"},
    "expected": {
        "meta": meta("江苏省发展和改革委员会", "苏发改环资〔2023〕112号",
                     "江苏省发展和改革委员会关于印发江苏省“十四五”节能降碳实施方案的通知",
                     ["各设区市发展改革委", "省有关部门和单位"], "2023-04-18",
                     cc=["国家发展改革委", "省委办公厅", "省人大常委会办公厅", "省政府办公厅"],
                     printer="江苏省发展和改革委员会办公室", print_date="2023-04-19"),
        "indicators": indicators(T01, name_col=1, years=[2, 3], group=0, attr_col=4),
        "duties": [
            text_duty("推进重点行业节能降碳", "1", "实施钢铁行业能效提升行动",
                      "推动钢铁企业开展超低排放改造和极致能效改造，推广高炉煤气余压发电、烧结余热回收等先进适用技术。",
                      ["省工业和信息化厅"], ["省发展改革委", "省生态环境厅"]),
            text_duty("推进重点行业节能降碳", "2", "推动石化化工行业绿色转型",
                      "严格落实石化化工行业能效标杆水平，分批分步推动存量装置改造升级，提高化工园区资源综合利用水平。",
                      ["省工业和信息化厅"], ["省应急管理厅", "省生态环境厅"]),
            text_duty("推进重点领域节能降碳", "3", "提升建筑能效水平",
                      "全面执行绿色建筑标准，推进既有公共建筑节能改造，加快发展超低能耗建筑和近零能耗建筑。",
                      ["省住房城乡建设厅"], []),
            text_duty("推进重点领域节能降碳", "4", "推动交通运输绿色低碳发展",
                      "加快新能源汽车推广应用，完善城乡公共充电网络，推进内河船舶液化天然气和电动化改造。",
                      ["省交通运输厅"], ["省发展改革委", "省能源局"]),
            text_duty("推进重点领域节能降碳", "5", "推进公共机构节能",
                      "实施公共机构能效提升工程，新建公共机构建筑全面达到绿色建筑一星级以上标准。",
                      ["省机关事务管理局"], []),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 02

T02 = {
    "id": "t1", "caption": "表1 粮食稳产增产主要指标", "title": "粮食稳产增产主要指标",
    "header_rows": 1, "widths": [62, 24, 20, 30, 20], "font_size": 10.5, "borders": "three_line",
    "rows": [
        ["指标", "2020年（基期）", "2022年", "2025年目标", "属性"],
        ["粮食总产量（亿斤）", "1508.2", "1552.6", "≥1600", "约束性"],
        ["高标准农田面积（万亩）", "8520", "9380", "10000", "约束性"],
        ["新增高效节水灌溉面积（公顷）", "—", "52000", "[150000]", "预期性"],
        ["农作物耕种收综合机械化率（%）", "98", "98.5", "99以上", "预期性"],
        ["农业科技进步贡献率提高（个百分点）", "—", "1.5", "[3]", "预期性"],
        ["农村居民人均可支配收入（元/人）", "16168", "18577", "年均增长7%", "预期性"],
    ],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: a notice WITHOUT 版头 (title on top of page 1, 文号 centred under it, the issuer
only in the signature), body in 宋体, page numbers -3- centred; a three-line indicator table (thick rules above
and below, thin rule under the header, no vertical rules) without a 类别 column (group null) with
2020年（基期）/2022年/2025年目标 columns, units 亿斤, 万亩, 公顷, %, 个百分点, 元/人 in name brackets; a 专栏
printed between two horizontal rules (every item a sidebar duty); tasks with （牵头单位：…；责任单位：…；完成时限：…）
and （X、Y按职责分工负责）.  年均增长7% → increase_by 7 % (the cell's own unit); 99以上 → >= 99 %.""",
    "doc_id": "gen_rl_02_grain_plain",
    "producer": "rl",
    "description": "no 版头 (文号 under the title), 宋体, -3- page numbers, three-line indicator table, 专栏 between two rules",
    "fonts": {"body": "宋体", "table": "宋体"},
    "page_number": "hyphen",
    "header": {"layout": "plain", "issuers": [], "suffix": "", "doc_number": "黑农厅发〔2023〕27号",
               "title_lines": ["黑龙江省农业农村厅关于印发2023年", "全省粮食稳产增产行动方案的通知"],
               "recipients": "各市（地）农业农村局，省农垦总局，厅机关各处室、直属各单位："},
    "notice": [{"p": "为扛稳国家粮食安全重任，确保全年粮食产量稳定在1500亿斤以上，省农业农村厅研究制定了"
                     "《2023年全省粮食稳产增产行动方案》，现印发给你们，请认真贯彻执行。"}],
    "signature": {"issuers": ["黑龙江省农业农村厅"], "date": "2023年3月6日"},
    "body": [
        {"title": ["2023年全省粮食稳产增产行动方案"]},
        {"h1": "目标任务", "n": "一"},
        {"p": "全年粮食播种面积稳定在2.2亿亩以上，粮食总产量稳定在1500亿斤以上，新建高标准农田860万亩，"
              "农作物耕种收综合机械化率达到98.5%以上。“十四五”主要指标见表1。"},
        {"table": T02},
        {"h1": "重点任务", "n": "二"},
        {"h2": "稳定粮食播种面积", "n": "一"},
        {"h3": "压实粮食生产责任", "n": "1",
         "runin": "将粮食播种面积和产量目标分解到市县，签订粮食安全责任书，严格落实党政同责。"
                  "（牵头单位：省农业农村厅；责任单位：各市（地）人民政府（行署）；完成时限：2023年4月底前）"},
        {"h3": "遏制耕地撂荒", "n": "2",
         "runin": "开展撂荒地排查整治，分类推进撂荒地复耕复种，对确不具备耕种条件的落实生态修复措施。"
                  "（省农业农村厅、省自然资源厅按职责分工负责）"},
        {"h2": "提升粮食单产水平", "n": "二"},
        {"h3": "推进良种良法配套", "n": "3",
         "runin": "实施大豆玉米单产提升工程，建设百亩攻关田、千亩示范方、万亩辐射片，推广密植精准调控等高产技术。"
                  "（牵头单位：省农业农村厅；责任单位：省科技厅、省农科院；完成时限：2023年9月底前）"},
        {"h3": "加强农业防灾减灾", "n": "4",
         "runin": "健全农业气象灾害监测预警体系，储备抗灾救灾物资，做好病虫害统防统治。"
                  "（省农业农村厅、省气象局、省应急管理厅按职责分工负责）"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "粮食产能提升重点工程", "style": "rules",
                     "items": ["高标准农田建设工程：新建高标准农田860万亩，改造提升200万亩。",
                               "黑土地保护工程：实施保护性耕作面积1亿亩以上。",
                               "种业振兴工程：建设国家级玉米、大豆制种基地10个。",
                               "农机装备补短板工程：新增大马力拖拉机和高性能收获机械5000台（套）。"]}},
        {"h1": "保障措施", "n": "三"},
        {"p": "各地要落实种粮农民补贴、稻谷补贴和产粮大县奖励政策，加强农资保供稳价，"
              "按月调度工作进展，确保各项措施落地见效。"},
    ],
    "expected": {
        "meta": meta("黑龙江省农业农村厅", "黑农厅发〔2023〕27号",
                     "黑龙江省农业农村厅关于印发2023年全省粮食稳产增产行动方案的通知",
                     ["各市（地）农业农村局", "省农垦总局", "厅机关各处室、直属各单位"], "2023-03-06"),
        "indicators": indicators(T02, name_col=0, years=[1, 2, 3], group=None, attr_col=4),
        "duties": [
            text_duty("稳定粮食播种面积", "1", "压实粮食生产责任",
                      "将粮食播种面积和产量目标分解到市县，签订粮食安全责任书，严格落实党政同责。",
                      ["省农业农村厅"], ["各市（地）人民政府（行署）"], "2023年4月底前"),
            text_duty("稳定粮食播种面积", "2", "遏制耕地撂荒",
                      "开展撂荒地排查整治，分类推进撂荒地复耕复种，对确不具备耕种条件的落实生态修复措施。",
                      ["省农业农村厅", "省自然资源厅"], []),
            text_duty("提升粮食单产水平", "3", "推进良种良法配套",
                      "实施大豆玉米单产提升工程，建设百亩攻关田、千亩示范方、万亩辐射片，推广密植精准调控等高产技术。",
                      ["省农业农村厅"], ["省科技厅", "省农科院"], "2023年9月底前"),
            text_duty("提升粮食单产水平", "4", "加强农业防灾减灾",
                      "健全农业气象灾害监测预警体系，储备抗灾救灾物资，做好病虫害统防统治。",
                      ["省农业农村厅", "省气象局", "省应急管理厅"], []),
            sidebar_duty(1, "粮食产能提升重点工程", 1, "高标准农田建设工程：新建高标准农田860万亩，改造提升200万亩。"),
            sidebar_duty(1, "粮食产能提升重点工程", 2, "黑土地保护工程：实施保护性耕作面积1亿亩以上。"),
            sidebar_duty(1, "粮食产能提升重点工程", 3, "种业振兴工程：建设国家级玉米、大豆制种基地10个。"),
            sidebar_duty(1, "粮食产能提升重点工程", 4, "农机装备补短板工程：新增大马力拖拉机和高性能收获机械5000台（套）。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 03

T03 = {
    "id": "t1", "title": None, "header_rows": 1,
    "widths": [12, 74, 26, 26, 18], "font_size": 10.5,
    "rows": [
        ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
        ["一、优化教育资源配置", "一、优化教育资源配置", "一、优化教育资源配置", "一、优化教育资源配置", "一、优化教育资源配置"],
        ["1", "编制义务教育学校布局专项规划，新建、改扩建中小学校120所。", "省教育厅", "各设区市人民政府", "2024年12月底前"],
        ["2", "推进城乡教育共同体建设，实现乡村学校结对全覆盖。", "省教育厅", "各县（市、区）人民政府", "2023年9月底前"],
        ["3", "落实义务教育学校生均公用经费基准定额动态调整机制。", "省财政厅", "省教育厅", "2023年12月底前"],
        ["二、加强教师队伍建设", "二、加强教师队伍建设", "二、加强教师队伍建设", "二、加强教师队伍建设", "二、加强教师队伍建设"],
        ["4", "推进县管校聘管理改革，每年交流轮岗教师比例不低于15%。", "省教育厅", "省人力社保厅、省委编办", "长期坚持"],
        ["5", "确保义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。", "省财政厅", "省教育厅、省人力社保厅", "2023年6月底前"],
        ["三、减轻学生过重负担", "三、减轻学生过重负担", "三、减轻学生过重负担", "三、减轻学生过重负担", "三、减轻学生过重负担"],
        ["6", "落实作业总量和时长调控，建立作业公示制度。", "省教育厅", "各设区市教育局", "2023年3月底前"],
        ["7", "规范课后服务，课后服务覆盖有需求的学生。", "省教育厅", "省财政厅、省发展改革委", "2023年8月底前"],
    ],
    "merges": [[1, 0, 1, 4], [5, 0, 5, 4], [8, 0, 8, 4]],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: joint issuers printed as two stacked red lines with one 文件 to their right
(suffix_side), 文号 of another notice cited in the body (浙政办发〔2021〕58号 — not the document's own), body in 楷体,
footer 第3页 共10页; a framed 专栏 (each item a sidebar duty); the attachment is a responsibility table (序号 |
工作任务 | 牵头单位 | 责任单位 | 完成时限, full grid) with group rows 一、… spanning all columns: group rows are
not duties, their text without 一、 is the category of the rows below; 长期坚持 → null dates, note 长期坚持.
A 责任单位 cell lists support units (a 牵头单位 column names the lead).  Table title null (only the attachment title
above it).""",
    "doc_id": "gen_rl_03_edu_joint",
    "producer": "rl",
    "description": "joint issuers with 文件 beside them, other 文号 cited in the body, 楷体, 第N页 共M页, framed 专栏, task table with group rows",
    "fonts": {"body": "楷体"},
    "page_number": "of_total",
    "header": {"issuers": ["浙江省教育厅", "浙江省财政厅"], "suffix": "文件", "suffix_side": True,
               "doc_number": "浙教计〔2023〕45号",
               "title_lines": ["浙江省教育厅 浙江省财政厅关于推进", "义务教育优质均衡发展的实施意见"],
               "recipients": "各市、县（市、区）教育局、财政局："},
    "notice": [
        {"p": "根据《浙江省人民政府办公厅关于进一步减轻义务教育阶段学生作业负担的通知》（浙政办发〔2021〕58号）"
              "精神，为加快推进全省义务教育优质均衡发展，现提出如下实施意见。"},
        {"h1": "总体要求", "n": "一"},
        {"p": "到2025年，全省90%以上的县（市、区）通过国家义务教育优质均衡发展督导评估，城乡、校际差距进一步缩小，"
              "人民群众对义务教育的满意度明显提升。"},
        {"h1": "主要任务", "n": "二"},
        {"p": "各地要围绕资源配置、队伍建设和减负提质三个方面，按照附件分工抓好落实，"
              "重点推进以下建设项目。"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "义务教育优质均衡重点项目", "style": "box",
                     "items": ["新建、改扩建中小学校120所，新增学位12万个。",
                               "建设智慧教育示范区20个，推动优质数字教育资源城乡共享。",
                               "培养省级名师、名校长500名，培训乡村教师3万人次。"]}},
        {"h1": "保障措施", "n": "三"},
        {"p": "各级财政要优先保障义务教育投入，确保一般公共预算教育支出逐年只增不减。"
              "各地教育、财政部门要加强协同，定期通报工作进展。"},
    ],
    "attachments_list": ["浙江省义务教育优质均衡发展重点任务分工表"],
    "signature": {"issuers": ["浙江省教育厅", "浙江省财政厅"], "date": "2023年2月27日"},
    "attachments": [{"label": "附件", "title_lines": ["浙江省义务教育优质均衡发展重点任务分工表"],
                     "blocks": [{"table": T03}]}],
    "colophon": {"printer": "浙江省教育厅办公室", "print_date": "2023年2月28日印发"},
    "expected": {
        "meta": meta("浙江省教育厅、浙江省财政厅", "浙教计〔2023〕45号",
                     "浙江省教育厅浙江省财政厅关于推进义务教育优质均衡发展的实施意见",
                     ["各市、县（市、区）教育局、财政局"], "2023-02-27",
                     attachments=["浙江省义务教育优质均衡发展重点任务分工表"], printer="浙江省教育厅办公室",
                     print_date="2023-02-28"),
        "indicators": [],
        "duties": [
            sidebar_duty(1, "义务教育优质均衡重点项目", 1, "新建、改扩建中小学校120所，新增学位12万个。"),
            sidebar_duty(1, "义务教育优质均衡重点项目", 2, "建设智慧教育示范区20个，推动优质数字教育资源城乡共享。"),
            sidebar_duty(1, "义务教育优质均衡重点项目", 3, "培养省级名师、名校长500名，培训乡村教师3万人次。"),
            table_duty("t1", 2, "1", "优化教育资源配置", T03["rows"][2][1], ["省教育厅"], ["各设区市人民政府"], "2024年12月底前", 2023),
            table_duty("t1", 3, "2", "优化教育资源配置", T03["rows"][3][1], ["省教育厅"], ["各县（市、区）人民政府"], "2023年9月底前", 2023),
            table_duty("t1", 4, "3", "优化教育资源配置", T03["rows"][4][1], ["省财政厅"], ["省教育厅"], "2023年12月底前", 2023),
            table_duty("t1", 6, "4", "加强教师队伍建设", T03["rows"][6][1], ["省教育厅"], ["省人力社保厅", "省委编办"], "长期坚持", 2023),
            table_duty("t1", 7, "5", "加强教师队伍建设", T03["rows"][7][1], ["省财政厅"], ["省教育厅", "省人力社保厅"], "2023年6月底前", 2023),
            table_duty("t1", 9, "6", "减轻学生过重负担", T03["rows"][9][1], ["省教育厅"], ["各设区市教育局"], "2023年3月底前", 2023),
            table_duty("t1", 10, "7", "减轻学生过重负担", T03["rows"][10][1], ["省教育厅"], ["省财政厅", "省发展改革委"], "2023年8月底前", 2023),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 04

T04 = {
    "id": "t1", "caption": "表1 医疗卫生服务体系建设主要要求", "title": "医疗卫生服务体系建设主要要求",
    "header_rows": 1, "widths": [16, 140], "font_size": 12, "rule_style": "rect",
    "rows": [
        ["序号", "要求"],
        ["1", "到2025年，每千常住人口执业（助理）医师数达到3.6人以上。"],
        ["2", "二级以上公立医院检查检验结果互认率不低于90%。"],
        ["3", "婴儿死亡率控制在3‰以下，5岁以下儿童死亡率控制在4‰以下。"],
        ["4", "到2025年，县域内就诊率达到90%，家庭医生签约服务覆盖率比2020年提高10个百分点。"],
        ["5", "二级以上综合医院设置老年医学科的比例达到60%以上。"],
    ],
}
G04 = "医疗卫生服务体系建设主要要求"
DOCS.append({
    "_comment": """Generated corpus, producer rl: 版头 with a running header (the office name over a thin rule on every page,
page 1 included), page numbers — 3 —; a requirement table (序号 | 要求, sentence targets) whose grid rules are
drawn as thin FILLED RECTANGLES (rule_style rect: no stroked line in the table); a shaded 专栏 without frame;
tasks with （牵头单位：…；责任单位：…；完成时限：…） and （X牵头，Y、Z配合；完成时限：…）.
Requirement indicators: group = table title, attribute null, year 2025 only where the sentence says 到2025年,
one record per measured quantity; 比2020年提高10个百分点 → increase_by 10 个百分点, base_year 2020.""",
    "doc_id": "gen_rl_04_health_rects",
    "producer": "rl",
    "description": "版头 + running header, requirement table with rules as filled rectangles, shaded 专栏, inline owners",
    "page_header": "成都市卫生健康委员会",
    "header": {"issuers": ["成都市卫生健康委员会"], "suffix": "文件", "doc_number": "成卫发〔2023〕18号",
               "title_lines": ["成都市卫生健康委员会关于印发成都市", "医疗卫生服务能力提升行动方案的通知"],
               "recipients": "各区（市）县卫生健康局，委属各单位，各有关医疗机构："},
    "notice": [{"p": "现将《成都市医疗卫生服务能力提升行动方案（2023—2025年）》印发给你们，请结合实际认真贯彻落实。"}],
    "signature": {"issuers": ["成都市卫生健康委员会"], "date": "2023年5月10日"},
    "body": [
        {"title": ["成都市医疗卫生服务能力提升行动方案", "（2023—2025年）"]},
        {"p": "为推动优质医疗资源扩容和区域均衡布局，提升全市医疗卫生服务能力和水平，制定本方案。"},
        {"h1": "主要目标", "n": "一"},
        {"p": "到2025年，基本建成优质高效的整合型医疗卫生服务体系，主要要求见表1。"},
        {"table": T04},
        {"h1": "重点任务", "n": "二"},
        {"h2": "提升基层服务能力", "n": "一"},
        {"h3": "推进社区医院建设", "n": "1",
         "runin": "按照社区医院基本标准，推动服务人口多、服务能力强的社区卫生服务中心建成社区医院。"
                  "（牵头单位：市卫生健康委；责任单位：各区（市）县政府；完成时限：2024年12月底前）"},
        {"h3": "加强县域医共体建设", "n": "2",
         "runin": "推进紧密型县域医共体建设，统一管理医共体内人员、财务和药品耗材。"
                  "（市卫生健康委牵头，市医保局、市财政局配合；完成时限：2023年底前）"},
        {"h2": "提升重大疫情救治能力", "n": "二"},
        {"h3": "建设重大疫情救治基地", "n": "3",
         "runin": "依托市公共卫生临床医疗中心建设重大疫情救治基地，储备可转换床位不少于500张。"
                  "（牵头单位：市卫生健康委；责任单位：市发展改革委、市财政局；完成时限：2025年6月底前）"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "医疗卫生服务能力提升项目", "style": "shaded",
                     "items": ["区域医疗中心建设项目：建设国家区域医疗中心3个。",
                               "县级医院提标扩能项目：支持10家县级医院达到三级医院服务能力。",
                               "智慧医疗项目：二级以上医院电子病历系统应用水平达到4级以上。"]}},
        {"h1": "保障措施", "n": "三"},
        {"p": "各区（市）县要加大财政投入，完善人才引进和培养激励机制，将行动方案落实情况纳入年度目标考核。"},
    ],
    "colophon": {"printer": "成都市卫生健康委员会办公室", "print_date": "2023年5月11日印发", "copies": "（共印80份）"},
    "expected": {
        "meta": meta("成都市卫生健康委员会", "成卫发〔2023〕18号",
                     "成都市卫生健康委员会关于印发成都市医疗卫生服务能力提升行动方案的通知",
                     ["各区（市）县卫生健康局", "委属各单位", "各有关医疗机构"], "2023-05-10",
                     printer="成都市卫生健康委员会办公室", print_date="2023-05-11", copies=80),
        "indicators": [
            req("t1", 1, G04, "每千常住人口执业（助理）医师数", "人", 2025, "到2025年，每千常住人口执业（助理）医师数达到3.6人以上", ">=", 3.6),
            req("t1", 2, G04, "二级以上公立医院检查检验结果互认率", "%", None, "二级以上公立医院检查检验结果互认率不低于90%", ">=", 90),
            req("t1", 3, G04, "婴儿死亡率", "‰", None, "婴儿死亡率控制在3‰以下", "<=", 3),
            req("t1", 3, G04, "5岁以下儿童死亡率", "‰", None, "5岁以下儿童死亡率控制在4‰以下", "<=", 4),
            req("t1", 4, G04, "县域内就诊率", "%", 2025, "到2025年，县域内就诊率达到90%", ">=", 90),
            req("t1", 4, G04, "家庭医生签约服务覆盖率", "个百分点", 2025, "家庭医生签约服务覆盖率比2020年提高10个百分点", "increase_by", 10, 2020),
            req("t1", 5, G04, "二级以上综合医院设置老年医学科的比例", "%", None, "二级以上综合医院设置老年医学科的比例达到60%以上", ">=", 60),
        ],
        "duties": [
            text_duty("提升基层服务能力", "1", "推进社区医院建设",
                      "按照社区医院基本标准，推动服务人口多、服务能力强的社区卫生服务中心建成社区医院。",
                      ["市卫生健康委"], ["各区（市）县政府"], "2024年12月底前"),
            text_duty("提升基层服务能力", "2", "加强县域医共体建设",
                      "推进紧密型县域医共体建设，统一管理医共体内人员、财务和药品耗材。",
                      ["市卫生健康委"], ["市医保局", "市财政局"], "2023年底前"),
            text_duty("提升重大疫情救治能力", "3", "建设重大疫情救治基地",
                      "依托市公共卫生临床医疗中心建设重大疫情救治基地，储备可转换床位不少于500张。",
                      ["市卫生健康委"], ["市发展改革委", "市财政局"], "2025年6月底前"),
            sidebar_duty(1, "医疗卫生服务能力提升项目", 1, "区域医疗中心建设项目：建设国家区域医疗中心3个。"),
            sidebar_duty(1, "医疗卫生服务能力提升项目", 2, "县级医院提标扩能项目：支持10家县级医院达到三级医院服务能力。"),
            sidebar_duty(1, "医疗卫生服务能力提升项目", 3, "智慧医疗项目：二级以上医院电子病历系统应用水平达到4级以上。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 05

_T05_ROWS = [
    ["序号", "改革事项", "具体任务", "责任单位", "配合单位", "完成时限"],
    ["1", "优化企业开办服务", "推行企业开办“一网通办”，营业执照、公章刻制、发票申领、社保登记一次办结，全程压减至1个工作日内。", "市市场监管局（牵头），市政务服务数据管理局", "市公安局、市税务局、市人力资源社会保障局", "2023年6月底前"],
    ["2", "优化企业开办服务", "推广电子营业执照跨部门、跨层级应用，实现企业办事“一照通办”。", "市市场监管局", "市政务服务数据管理局", "2023年6月底前"],
    ["3", "优化企业开办服务", "实行住所与经营场所分离登记，放宽市场主体住所登记条件。", "市市场监管局", "市自然资源局、市住房城乡建设局", "2023年6月底前"],
    ["4", "提升工程建设项目审批效率", "社会投资简易低风险项目从立项到不动产登记全流程审批时间压减至15个工作日以内。", "市住房城乡建设局（牵头），市自然资源局", "市发展改革委、市生态环境局、市水利局", "2023年9月底前"],
    ["5", "提升工程建设项目审批效率", "推行区域评估成果共享，对已完成区域评估的园区内项目不再单独开展同类评估。", "市自然资源局", "市生态环境局、市水利局、市应急管理局", "2023年9月底前"],
    ["6", "提升工程建设项目审批效率", "推行“清单制+告知承诺制”审批，一般工业项目实现“拿地即开工”。", "市住房城乡建设局", "市自然资源局、各区人民政府", "2023年9月底前"],
    ["7", "提升工程建设项目审批效率", "推进水电气网联合报装，外线工程审批实行并联办理、限时办结。", "市住房城乡建设局（牵头），市水务局", "供电、燃气、通信企业", "2023年9月底前"],
    ["8", "便利企业纳税缴费", "推广全面数字化电子发票，纳税人年度纳税时间压减至80小时以内。", "市税务局", "市财政局", "2023年12月底前"],
    ["9", "便利企业纳税缴费", "推行出口退税“即报即审即退”，正常出口退税平均办理时间压减至3个工作日以内。", "市税务局", "市商务局、佛山海关", "2023年12月底前"],
    ["10", "加强市场主体权益保护", "建立涉企行政执法“首违不罚”清单，对轻微违法行为依法不予行政处罚。", "市司法局（牵头），市市场监管局", "市直各行政执法部门", "2023年12月底前"],
    ["11", "加强市场主体权益保护", "健全政府失信责任追究制度，开展拖欠中小企业账款专项清理。", "市工业和信息化局", "市财政局、市国资委", "2023年12月底前"],
    ["12", "加强市场主体权益保护", "建立企业诉求“一站式”受理平台，企业诉求办结率达到95%以上。", "市政务服务数据管理局", "市直各部门、各区人民政府", "长期坚持"],
]
T05 = {
    "id": "t1", "title": None, "header_rows": 1, "repeat_header": True,
    "widths": [12, 30, 95, 40, 40, 26], "font_size": 12, "rule_style": "double",
    "rows": _T05_ROWS,
    "merges": [[1, 1, 3, 1], [4, 1, 7, 1], [8, 1, 9, 1], [10, 1, 12, 1], [1, 5, 3, 5], [4, 5, 7, 5], [8, 5, 11, 5]],
}


def _duties05() -> list[dict[str, Any]]:
    out = []
    for r in range(1, len(_T05_ROWS)):
        number, category, task, owner, helpers, dl = _T05_ROWS[r]
        lead, _, rest = owner.partition("（牵头），")
        support = [x for x in rest.split("，") if x] + helpers.split("、")
        out.append(table_duty("t1", r, number, category, task, [lead], support, dl, 2023))
    return out


DOCS.append({
    "_comment": """Generated corpus, producer rl: no 版头 and no 文号 at all (the title on top; issuer only in the signature;
doc_number null), page numbers -3-; the attachment is a LANDSCAPE page template (landscape(A4)) holding a
responsibility table of 序号 | 改革事项 | 具体任务 | 责任单位 | 配合单位 | 完成时限 with double outer rules, the
header repeated on each page, 改革事项 and 完成时限 merged over several rows and cut by the page break.
Owners: 责任单位 "X（牵头），Y" → lead X, support Y then the 配合单位 units; a 责任单位 naming one unit with no
mark names the lead; category = 改革事项 (its merged cell applies to every row it covers), item null.  Table title
null (only the attachment title above it).""",
    "doc_id": "gen_rl_05_bizenv_landscape",
    "producer": "rl",
    "description": "no 版头 and no 文号, landscape annex with a double-ruled responsibility table cut by page breaks, (牵头) in 责任单位 cells",
    "page_number": "hyphen",
    "header": {"layout": "plain", "issuers": [], "suffix": "", "doc_number": None,
               "title_lines": ["佛山市人民政府办公室关于印发佛山市", "2023年优化营商环境改革重点任务的通知"],
               "recipients": "各区人民政府，市政府各部门、直属各机构："},
    "notice": [
        {"p": "《佛山市2023年优化营商环境改革重点任务》已经市人民政府同意，现印发给你们，请认真组织实施。"
              "各责任单位要于每季度末将工作进展情况报送市发展改革局。"},
    ],
    "attachments_list": ["佛山市2023年优化营商环境改革重点任务分工表"],
    "signature": {"issuers": ["佛山市人民政府办公室"], "date": "2023年3月28日"},
    "attachments": [{"label": "附件", "title_lines": ["佛山市2023年优化营商环境改革重点任务分工表"], "landscape": True,
                     "blocks": [{"table": T05}]}],
    "expected": {
        "meta": meta("佛山市人民政府办公室", None, "佛山市人民政府办公室关于印发佛山市2023年优化营商环境改革重点任务的通知",
                     ["各区人民政府", "市政府各部门、直属各机构"], "2023-03-28",
                     attachments=["佛山市2023年优化营商环境改革重点任务分工表"]),
        "indicators": [],
        "duties": _duties05(),
    },
})


# ------------------------------------------------------------------------------------------------ 06

T06 = {
    "id": "t1", "caption": "专栏1 数字经济发展主要指标", "title": "数字经济发展主要指标",
    "sidebar": {"number": 1, "title": "数字经济发展主要指标"}, "caption_row": True, "borders": "outer",
    "header_rows": 1, "widths": [66, 20, 26, 26, 18], "font_size": 11,
    "rows": [
        ["指标", "单位", "2020年（基期）", "2025年目标", "属性"],
        ["数字经济核心产业增加值占地区生产总值比重", "%", "30.6", "35以上", "预期性"],
        ["5G基站数", "万个", "4.6", "8", "预期性"],
        ["规模以上工业企业关键工序数控化率", "%", "58", "70", "预期性"],
        ["居民人均数字消费支出", "元/人", "3200", "5000", "预期性"],
        ["数据中心算力规模", "EFLOPS", "2", "≥10", "预期性"],
    ],
}
_ITEMS06 = ["建设国家级工业互联网平台3个，培育行业级平台30个。", "打造“灯塔工厂”和智能工厂50家，数字化车间300个。",
            "推动规模以上工业企业数字化改造全覆盖。", "建设5G全连接工厂100家。", "培育软件和信息服务业产值超百亿元企业5家。",
            "建设人工智能公共算力平台2个。", "培育专精特新“小巨人”数字企业60家。", "建设数据交易场所并完善数据流通规则。",
            "培育数字经济领域上市企业20家。", "建成城市级数字孪生底座，覆盖全市域。"]
DOCS.append({
    "_comment": """Generated corpus, producer rl: 版头; a 专栏 whose body is a TABLE framed by its outer rule only (borders
outer: no inner rules), the caption 专栏1 … printed as the table's own first row spanning all columns (it is the
title, not a grid row); units in a 单位 column (%, 万个, 元/人, EFLOPS); a 专栏 whose title sits OUTSIDE its frame;
a long framed 专栏 that breaks across a page (its items split between two pages); text tasks with （X负责）.
The 专栏 table is both sidebar 1 (items [], tables [t1]) and table t1; its indicators have group null (no category column).""",
    "doc_id": "gen_rl_06_digital_sidebar_table",
    "producer": "rl",
    "description": "版头, 专栏 whose body is an outer-framed table with the caption as first row, title-outside 专栏, framed 专栏 broken across pages",
    "header": {"issuers": ["深圳市工业和信息化局"], "suffix": "文件", "doc_number": "深工信〔2023〕201号",
               "title_lines": ["深圳市工业和信息化局关于印发深圳市", "数字经济高质量发展行动计划的通知"],
               "recipients": "各区（新区）工业和信息化主管部门，各有关单位："},
    "notice": [{"p": "现将《深圳市数字经济高质量发展行动计划（2023—2025年）》印发给你们，请认真贯彻执行。"}],
    "signature": {"issuers": ["深圳市工业和信息化局"], "date": "2023年6月2日"},
    "body": [
        {"title": ["深圳市数字经济高质量发展行动计划", "（2023—2025年）"]},
        {"h1": "发展目标", "n": "一"},
        {"p": "到2025年，数字经济核心产业增加值占全市地区生产总值比重达到35%以上，建成全球数字先锋城市。"},
        {"table": T06},
        {"h1": "重点任务", "n": "二"},
        {"h2": "夯实数字基础设施", "n": "一"},
        {"h3": "建设高速泛在的通信网络", "n": "1",
         "runin": "推进5G网络深度覆盖和千兆光网升级，实现重点场所5G网络通达率100%。（市工业和信息化局负责）"},
        {"h3": "布局先进算力设施", "n": "2",
         "runin": "统筹建设通用算力、智能算力和超算设施，构建城市算力调度平台。（市发展改革委负责）"},
        {"sidebar": {"number": 2, "label": "专栏2", "title": "数字基础设施建设工程", "style": "title_outside",
                     "items": ["新建5G基站2万个。", "建设城市算力调度平台1个。", "建设工业互联网标识解析节点5个。"]}},
        {"h2": "推进产业数字化转型", "n": "二"},
        {"h3": "推动制造业数字化改造", "n": "3",
         "runin": "实施制造业数字化转型行动，分行业制定数字化转型路线图，推广应用工业软件和智能装备。"
                  "（市工业和信息化局负责）"},
        {"p": "围绕电子信息、智能装备、生物医药等重点产业集群，组织实施一批数字化转型重点项目，"
              "推动产业链上下游企业协同转型，形成可复制推广的经验做法。"},
        {"sidebar": {"number": 3, "label": "专栏3", "title": "产业数字化转型重点工程", "style": "box",
                     "items": _ITEMS06}},
        {"h1": "保障措施", "n": "三"},
        {"p": "市数字经济发展领导小组统筹推进本计划实施，各区要制定配套措施，市工业和信息化局定期开展评估。"},
    ],
    "colophon": {"printer": "深圳市工业和信息化局办公室", "print_date": "2023年6月5日印发"},
    "expected": {
        "meta": meta("深圳市工业和信息化局", "深工信〔2023〕201号",
                     "深圳市工业和信息化局关于印发深圳市数字经济高质量发展行动计划的通知",
                     ["各区（新区）工业和信息化主管部门", "各有关单位"], "2023-06-02",
                     printer="深圳市工业和信息化局办公室", print_date="2023-06-05"),
        "indicators": indicators(T06, name_col=0, years=[2, 3], group=None, attr_col=4, unit_col=1),
        "duties": [
            text_duty("夯实数字基础设施", "1", "建设高速泛在的通信网络",
                      "推进5G网络深度覆盖和千兆光网升级，实现重点场所5G网络通达率100%。", ["市工业和信息化局"], []),
            text_duty("夯实数字基础设施", "2", "布局先进算力设施",
                      "统筹建设通用算力、智能算力和超算设施，构建城市算力调度平台。", ["市发展改革委"], []),
            sidebar_duty(2, "数字基础设施建设工程", 1, "新建5G基站2万个。"),
            sidebar_duty(2, "数字基础设施建设工程", 2, "建设城市算力调度平台1个。"),
            sidebar_duty(2, "数字基础设施建设工程", 3, "建设工业互联网标识解析节点5个。"),
            text_duty("推进产业数字化转型", "3", "推动制造业数字化改造",
                      "实施制造业数字化转型行动，分行业制定数字化转型路线图，推广应用工业软件和智能装备。",
                      ["市工业和信息化局"], []),
            *[sidebar_duty(3, "产业数字化转型重点工程", i, item) for i, item in enumerate(_ITEMS06, 1)],
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 07

T07 = {
    "id": "t1", "caption": "表1 “十四五”生态环境保护主要指标", "title": "“十四五”生态环境保护主要指标",
    "header_rows": 2, "repeat_header": False, "borders": "three_line", "widths": [20, 70, 24, 24, 18], "font_size": 12,
    "rows": [
        ["类别", "指标", "指标值", "指标值", "属性"],
        ["类别", "指标", "2020年（基期）", "2025年目标", "属性"],
        ["环境治理", "地级及以上城市空气质量优良天数比率（%）", "97.7", "≥95", "约束性"],
        ["环境治理", "细颗粒物（PM2.5）年均浓度（微克/立方米）", "26", "≤25", "约束性"],
        ["环境治理", "地表水达到或好于Ⅲ类水体比例（%）", "96.7", "97", "约束性"],
        ["环境治理", "近岸海域水质优良（一、二类）比例（%）", "93.5", "94", "预期性"],
        ["环境治理", "化学需氧量重点工程减排量（万吨）", "—", "[6.7]", "约束性"],
        ["环境治理", "氨氮重点工程减排量（万吨）", "—", "[0.29]", "约束性"],
        ["生态保护", "森林覆盖率（%）", "62.5", "62.5以上", "约束性"],
        ["生态保护", "生态质量指数", "—", "稳中向好", "预期性"],
        ["生态保护", "自然保护地面积（公顷）", "1420000", "≥1450000", "预期性"],
        ["风险防控", "受污染耕地安全利用率（%）", "90", "93", "约束性"],
        ["风险防控", "危险废物利用处置率（%）", "95", "98", "预期性"],
        ["应对气候变化", "单位地区生产总值二氧化碳排放降低（%）", "—", "完成国家下达任务", "约束性"],
    ],
    "merges": [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 3], [0, 4, 1, 4], [2, 0, 7, 0], [8, 0, 10, 0], [11, 0, 12, 0]],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: 版头; a THREE-LINE indicator table with a two-row header (指标值 spanning
2020年（基期） and 2025年目标), placed so that it runs over a page break with the header NOT repeated (repeat_header
false); units in name brackets: 微克/立方米 → μg/m³ (SPEC symbol), %, 万吨, 公顷; qualitative targets
(稳中向好, 完成国家下达任务) → op null with the words in text; a 专栏 drawn as one framed cell (style cell); tasks
with （X负责）.  Page numbers — 3 —.  生态质量指数 has no unit.""",
    "doc_id": "gen_rl_07_eco_threeline",
    "producer": "rl",
    "description": "版头, three-line indicator table with two header rows over a page break without repeated header, μg/m³, qualitative targets",
    "header": {"issuers": ["广西壮族自治区生态环境厅"], "suffix": "文件", "doc_number": "桂环发〔2023〕9号",
               "title_lines": ["广西壮族自治区生态环境厅关于印发", "“十四五”生态环境保护实施方案的通知"],
               "recipients": "各设区市生态环境局，厅机关各处室、直属各单位："},
    "notice": [{"p": "经厅党组会议审议通过，现将《广西“十四五”生态环境保护实施方案》印发给你们，请认真抓好落实。"}],
    "signature": {"issuers": ["广西壮族自治区生态环境厅"], "date": "2023年1月16日"},
    "body": [
        {"title": ["广西“十四五”生态环境保护实施方案"]},
        {"p": "为深入打好污染防治攻坚战，持续改善生态环境质量，筑牢我国南方生态安全屏障，制定本方案。"},
        {"h1": "发展基础", "n": "一"},
        {"p": "“十三五”期间，全区生态环境质量持续保持全国前列，设区市空气质量优良天数比率达到97.7%，"
              "地表水国家考核断面水质优良比例达到96.7%，森林覆盖率达到62.5%，生态环境保护工作取得显著成效。"},
        {"p": "同时，全区生态环境保护结构性、根源性、趋势性压力总体尚未根本缓解，部分城市臭氧污染问题凸显，"
              "城乡环境基础设施短板依然突出，生态环境治理能力有待提升。"},
        {"h1": "主要目标", "n": "二"},
        {"p": "到2025年，生态环境质量持续保持全国前列，主要污染物排放总量持续减少，生态系统质量和稳定性稳步提升，"
              "环境风险得到有效管控，主要指标见表1。"},
        {"table": T07},
        {"h1": "重点任务", "n": "三"},
        {"h2": "深入打好蓝天保卫战", "n": "一"},
        {"h3": "强化臭氧污染防治", "n": "1",
         "runin": "实施挥发性有机物和氮氧化物协同减排，开展重点行业挥发性有机物综合治理。（自治区生态环境厅负责）"},
        {"h2": "深入打好碧水保卫战", "n": "二"},
        {"h3": "推进入河排污口整治", "n": "2",
         "runin": "完成西江干流及主要支流入河排污口排查溯源，分类推进整治。（自治区生态环境厅负责）"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "生态环境保护重大工程", "style": "cell",
                     "items": ["大气污染防治工程：完成钢铁行业超低排放改造。",
                               "水生态保护修复工程：治理黑臭水体30条。",
                               "土壤污染风险管控工程：完成100个地块风险管控。"]}},
    ],
    "colophon": {"printer": "广西壮族自治区生态环境厅办公室", "print_date": "2023年1月17日印发"},
    "expected": {
        "meta": meta("广西壮族自治区生态环境厅", "桂环发〔2023〕9号",
                     "广西壮族自治区生态环境厅关于印发“十四五”生态环境保护实施方案的通知",
                     ["各设区市生态环境局", "厅机关各处室、直属各单位"], "2023-01-16",
                     printer="广西壮族自治区生态环境厅办公室", print_date="2023-01-17"),
        "indicators": indicators(T07, name_col=1, years=[2, 3], group=0, attr_col=4),
        "duties": [
            text_duty("深入打好蓝天保卫战", "1", "强化臭氧污染防治",
                      "实施挥发性有机物和氮氧化物协同减排，开展重点行业挥发性有机物综合治理。", ["自治区生态环境厅"], []),
            text_duty("深入打好碧水保卫战", "2", "推进入河排污口整治",
                      "完成西江干流及主要支流入河排污口排查溯源，分类推进整治。", ["自治区生态环境厅"], []),
            sidebar_duty(1, "生态环境保护重大工程", 1, "大气污染防治工程：完成钢铁行业超低排放改造。"),
            sidebar_duty(1, "生态环境保护重大工程", 2, "水生态保护修复工程：治理黑臭水体30条。"),
            sidebar_duty(1, "生态环境保护重大工程", 3, "土壤污染风险管控工程：完成100个地块风险管控。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 08

_T08_ROWS = [
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["1", "修订市级突发事件总体应急预案和防汛抗旱、地震地质灾害等专项预案。", "市应急管理局", "2023年6月底前"],
    ["2", "建设市级应急物资储备库，储备帐篷、折叠床等救灾物资不少于5万件（套）。", "市应急管理局（牵头），市粮食和物资储备局", "2023年10月底前"],
    ["3", "推进乡镇（街道）应急救援队伍规范化建设，实现全覆盖。", "各区县人民政府", "2023年12月底前"],
    ["4", "开展城镇燃气、自建房等重点领域安全隐患排查整治。", "市住房城乡建设局（牵头），市城市管理局、市市场监管局", "长期坚持"],
]
T08 = {"id": "t1", "caption": "表1 2023年应急管理重点工作任务", "title": "2023年应急管理重点工作任务", "header_rows": 1,
       "borders": "none", "widths": [14, 86, 36, 20], "font_size": 12, "rows": _T08_ROWS}


def _duties08() -> list[dict[str, Any]]:
    out = []
    for r in range(1, len(_T08_ROWS)):
        number, task, owner, dl = _T08_ROWS[r]
        lead, _, rest = owner.partition("（牵头），")
        out.append(table_duty("t1", r, number, None, task, [lead], [x for x in rest.split("、") if x], dl, 2023))
    return out


DOCS.append({
    "_comment": """Generated corpus, producer rl: no 版头, no 文号 (issuer only in the signature), running header with the
office name, page numbers — 3 —; a task table printed WITHOUT ANY RULES (borders none: cells aligned, no line and
no rectangle); 责任单位 "X（牵头），Y、Z" → lead X, support Y, Z; a single unit without mark → lead; category null
(no grouping); tasks under 重点任务 with （X牵头，Y、Z配合）.""",
    "doc_id": "gen_rl_08_emergency_norules",
    "producer": "rl",
    "description": "no 版头 and no 文号, running header, task table without any rules, （X牵头，Y配合） tasks",
    "page_header": "重庆市应急管理局",
    "header": {"layout": "plain", "issuers": [], "suffix": "", "doc_number": None,
               "title_lines": ["重庆市应急管理局关于印发2023年", "全市应急管理工作要点的通知"],
               "recipients": "各区县（自治县）应急管理局，两江新区、高新区应急管理局，局机关各处室："},
    "notice": [{"p": "现将《2023年全市应急管理工作要点》印发给你们，请结合实际抓好贯彻落实。"}],
    "signature": {"issuers": ["重庆市应急管理局"], "date": "2023年2月14日"},
    "body": [
        {"title": ["2023年全市应急管理工作要点"]},
        {"h1": "重点任务", "n": "一"},
        {"h2": "提升防灾减灾救灾能力", "n": "一"},
        {"h3": "加强自然灾害监测预警", "n": "1",
         "runin": "完善自然灾害综合监测预警系统，实现灾害预警信息直达基层责任人。（市应急管理局牵头，市气象局、市规划自然资源局配合）"},
        {"h3": "强化森林火灾防控", "n": "2",
         "runin": "落实森林防火网格化管理，建设林区防火通道和蓄水池。（市林业局牵头，各区县人民政府配合）"},
        {"h1": "年度工作任务清单", "n": "二"},
        {"p": "各责任单位要按照下表明确的时限完成各项任务，并于每季度末报送进展情况。"},
        {"table": T08},
    ],
    "expected": {
        "meta": meta("重庆市应急管理局", None, "重庆市应急管理局关于印发2023年全市应急管理工作要点的通知",
                     ["各区县（自治县）应急管理局", "两江新区、高新区应急管理局", "局机关各处室"], "2023-02-14"),
        "indicators": [],
        "duties": [
            text_duty("提升防灾减灾救灾能力", "1", "加强自然灾害监测预警",
                      "完善自然灾害综合监测预警系统，实现灾害预警信息直达基层责任人。", ["市应急管理局"], ["市气象局", "市规划自然资源局"]),
            text_duty("提升防灾减灾救灾能力", "2", "强化森林火灾防控",
                      "落实森林防火网格化管理，建设林区防火通道和蓄水池。", ["市林业局"], ["各区县人民政府"]),
            *_duties08(),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 09

DOCS.append({
    "_comment": """Generated corpus, producer rl: no 版头, 文号 centred under the title, body 宋体, page numbers -3-; each
task's owners and deadline printed on their OWN LINES after the task (责任单位：X（牵头），Y、Z / 完成时限：…),
which are paragraphs of the section and the task's lead/support/deadline; a 专栏 with its title outside the
frame.  成文日期 2023-07-20: 12月底前 (no year) → 2023-12.""",
    "doc_id": "gen_rl_09_tourism_ownerlines",
    "producer": "rl",
    "description": "no 版头 (文号 under title), 宋体, owners and deadlines on their own lines after each task, title-outside 专栏",
    "fonts": {"body": "宋体"},
    "page_number": "hyphen",
    "header": {"layout": "plain", "issuers": [], "suffix": "", "doc_number": "桂林文旅发〔2023〕33号",
               "title_lines": ["桂林市文化广电和旅游局关于印发", "桂林市文旅消费提振行动方案的通知"],
               "recipients": "各县（市、区）文化体育广电和旅游局，局机关各科室："},
    "notice": [{"p": "现将《桂林市文旅消费提振行动方案》印发给你们，请认真组织实施。"}],
    "signature": {"issuers": ["桂林市文化广电和旅游局"], "date": "2023年7月20日"},
    "body": [
        {"title": ["桂林市文旅消费提振行动方案"]},
        {"h1": "重点任务", "n": "一"},
        {"h2": "丰富文旅消费供给", "n": "一"},
        {"h3": "打造漓江夜游品牌", "n": "1", "runin": "推出漓江、两江四湖夜游精品线路，培育夜间文旅消费集聚区5个。"},
        {"p": "责任单位：市文化广电和旅游局（牵头），市交通运输局、漓江风景名胜区管委会"},
        {"p": "完成时限：12月底前"},
        {"h3": "发展研学旅游", "n": "2", "runin": "建设中小学生研学实践教育基地20个，推出研学旅游精品课程。"},
        {"p": "责任单位：市教育局（牵头），市文化广电和旅游局"},
        {"p": "完成时限：2024年6月底前"},
        {"h2": "优化文旅消费环境", "n": "二"},
        {"h3": "规范旅游市场秩序", "n": "3", "runin": "开展旅游市场专项整治，严厉打击不合理低价游和强迫购物行为。"},
        {"p": "责任单位：市文化广电和旅游局（牵头），市市场监管局、市公安局"},
        {"p": "完成时限：长期坚持"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "文旅消费惠民活动", "style": "title_outside",
                     "items": ["发放文旅消费券1000万元。", "举办桂林山水音乐节等节会活动30场次。"]}},
    ],
    "expected": {
        "meta": meta("桂林市文化广电和旅游局", "桂林文旅发〔2023〕33号", "桂林市文化广电和旅游局关于印发桂林市文旅消费提振行动方案的通知",
                     ["各县（市、区）文化体育广电和旅游局", "局机关各科室"], "2023-07-20"),
        "indicators": [],
        "duties": [
            text_duty("丰富文旅消费供给", "1", "打造漓江夜游品牌", "推出漓江、两江四湖夜游精品线路，培育夜间文旅消费集聚区5个。",
                      ["市文化广电和旅游局"], ["市交通运输局", "漓江风景名胜区管委会"], "12月底前"),
            text_duty("丰富文旅消费供给", "2", "发展研学旅游", "建设中小学生研学实践教育基地20个，推出研学旅游精品课程。",
                      ["市教育局"], ["市文化广电和旅游局"], "2024年6月底前"),
            text_duty("优化文旅消费环境", "3", "规范旅游市场秩序", "开展旅游市场专项整治，严厉打击不合理低价游和强迫购物行为。",
                      ["市文化广电和旅游局"], ["市市场监管局", "市公安局"], "长期坚持"),
            sidebar_duty(1, "文旅消费惠民活动", 1, "发放文旅消费券1000万元。"),
            sidebar_duty(1, "文旅消费惠民活动", 2, "举办桂林山水音乐节等节会活动30场次。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 10

T10 = {
    "id": "t1", "title": None, "header_rows": 1, "rule_style": "rect",
    "widths": [30, 100, 30, 30, 30, 23], "font_size": 12,
    "rows": [
        ["类别", "指标", "2020年（基期）", "2023年", "2025年目标", "属性"],
        ["设施网络", "高速公路通车里程（公里）", "7300", "8000", "8500", "预期性"],
        ["设施网络", "铁路营业里程（公里）", "5800", "6300", "6700", "预期性"],
        ["运输服务", "城市公共交通机动化出行分担率（%）", "45", "48", "≥50", "预期性"],
        ["运输服务", "建制村通客车比例（%）", "100", "100", "100", "约束性"],
        ["绿色安全", "营运车辆单位运输周转量二氧化碳排放下降（%）", "—", "[3]", "[5]", "预期性"],
        ["绿色安全", "新能源公交车占比提高（个百分点）", "—", "[10]", "[20]", "预期性"],
    ],
    "merges": [[1, 0, 2, 0], [3, 0, 4, 0], [5, 0, 6, 0]],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: THREE joint issuers on three red lines with 文件 after the last one, running
header, page numbers — 3 —; the attachment is a LANDSCAPE indicator table whose rules are filled rectangles
(rule_style rect) with 2020年（基期）/2023年/2025年目标 columns, [N] totals and units 公里, %, 个百分点.  Table title
null (only the attachment title 安徽省“十四五”综合交通运输发展主要指标 above it).""",
    "doc_id": "gen_rl_10_transport_joint3",
    "producer": "rl",
    "description": "three joint issuers + 文件, running header, landscape indicator annex with rect-drawn rules",
    "page_header": "安徽省交通运输厅办公室",
    "header": {"issuers": ["安徽省交通运输厅", "安徽省发展和改革委员会", "安徽省财政厅"], "suffix": "文件",
               "doc_number": "皖交规划〔2023〕76号",
               "title_lines": ["关于印发安徽省“十四五”综合交通运输", "发展规划中期调整方案的通知"],
               "recipients": "各市交通运输局、发展改革委、财政局："},
    "notice": [{"p": "现将《安徽省“十四五”综合交通运输发展规划中期调整方案》印发给你们，请认真贯彻执行。"
                     "调整后的主要指标见附件。"}],
    "attachments_list": ["安徽省“十四五”综合交通运输发展主要指标"],
    "signature": {"issuers": ["安徽省交通运输厅", "安徽省发展和改革委员会", "安徽省财政厅"], "date": "2023年8月30日"},
    "attachments": [{"label": "附件", "title_lines": ["安徽省“十四五”综合交通运输发展主要指标"], "landscape": True,
                     "blocks": [{"table": T10}]}],
    "expected": {
        "meta": meta("安徽省交通运输厅、安徽省发展和改革委员会、安徽省财政厅", "皖交规划〔2023〕76号",
                     "关于印发安徽省“十四五”综合交通运输发展规划中期调整方案的通知", ["各市交通运输局、发展改革委、财政局"],
                     "2023-08-30", attachments=["安徽省“十四五”综合交通运输发展主要指标"]),
        "indicators": indicators(T10, name_col=1, years=[2, 3, 4], group=0, attr_col=5),
        "duties": [],
    },
})


# ------------------------------------------------------------------------------------------------ 11

T11 = {
    "id": "t1", "caption": "表1 养老服务体系建设主要要求", "title": "养老服务体系建设主要要求", "header_rows": 1,
    "borders": "three_line", "widths": [16, 140], "font_size": 12,
    "rows": [
        ["序号", "要求"],
        ["1", "到2025年，养老机构护理型床位占比达到60%以上。"],
        ["2", "街道综合性养老服务中心覆盖率达到100%。"],
        ["3", "到2025年，每千名老年人拥有养老床位数不少于38张。"],
        ["4", "特殊困难老年人月探访率达到100%，老年人健康管理率不低于72%。"],
    ],
}
G11 = "养老服务体系建设主要要求"
DOCS.append({
    "_comment": """Generated corpus, producer rl: 版头, body 楷体, footer 第3页 共10页; a three-line requirement table (序号 | 要求,
sentence targets; group = table title, attribute null, year 2025 only where 到2025年 is written; 不少于38张 →
>= 38 张); a shaded 专栏 (each item a sidebar duty).""",
    "doc_id": "gen_rl_11_elderly_requirements",
    "producer": "rl",
    "description": "版头, 楷体, 第N页 共M页, three-line requirement table with sentence targets, shaded 专栏",
    "fonts": {"body": "楷体"},
    "page_number": "of_total",
    "header": {"issuers": ["山东省民政厅"], "suffix": "文件", "doc_number": "鲁民〔2023〕41号",
               "title_lines": ["山东省民政厅关于加快推进", "养老服务体系建设的通知"],
               "recipients": "各市民政局："},
    "notice": [
        {"p": "为积极应对人口老龄化，加快构建居家社区机构相协调、医养康养相结合的养老服务体系，现就有关事项通知如下。"},
        {"h1": "主要要求", "n": "一"},
        {"p": "各市要对照下表要求，制定年度推进计划，确保按期完成。"},
        {"table": T11},
        {"h1": "重点工作", "n": "二"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "养老服务重点工程", "style": "shaded",
                     "items": ["新建街道综合性养老服务中心200处。", "实施特殊困难老年人家庭适老化改造3万户。",
                               "培训养老护理员2万人次。"]}},
        {"p": "各市民政局要加强与财政、卫生健康等部门的协调配合，统筹用好各类资金，按季度报送工作进展。"},
    ],
    "signature": {"issuers": ["山东省民政厅"], "date": "2023年4月3日"},
    "colophon": {"printer": "山东省民政厅办公室", "print_date": "2023年4月4日印发"},
    "expected": {
        "meta": meta("山东省民政厅", "鲁民〔2023〕41号", "山东省民政厅关于加快推进养老服务体系建设的通知", ["各市民政局"],
                     "2023-04-03", printer="山东省民政厅办公室", print_date="2023-04-04"),
        "indicators": [
            req("t1", 1, G11, "养老机构护理型床位占比", "%", 2025, "到2025年，养老机构护理型床位占比达到60%以上", ">=", 60),
            req("t1", 2, G11, "街道综合性养老服务中心覆盖率", "%", None, "街道综合性养老服务中心覆盖率达到100%", ">=", 100),
            req("t1", 3, G11, "每千名老年人拥有养老床位数", "张", 2025, "到2025年，每千名老年人拥有养老床位数不少于38张", ">=", 38),
            req("t1", 4, G11, "特殊困难老年人月探访率", "%", None, "特殊困难老年人月探访率达到100%", ">=", 100),
            req("t1", 4, G11, "老年人健康管理率", "%", None, "老年人健康管理率不低于72%", ">=", 72),
        ],
        "duties": [
            sidebar_duty(1, "养老服务重点工程", 1, "新建街道综合性养老服务中心200处。"),
            sidebar_duty(1, "养老服务重点工程", 2, "实施特殊困难老年人家庭适老化改造3万户。"),
            sidebar_duty(1, "养老服务重点工程", 3, "培训养老护理员2万人次。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 12

T12 = {
    "id": "t1", "caption": "表1 水利发展主要指标", "title": "水利发展主要指标", "caption_row": True, "header_rows": 1,
    "rule_style": "double", "widths": [70, 28, 28, 30], "font_size": 12,
    "rows": [
        ["指标", "2020年（基期）", "2025年目标", "属性"],
        ["用水总量（亿立方米）", "62.3", "控制在68以内", "约束性"],
        ["万元地区生产总值用水量下降（%）", "—", "[16]", "约束性"],
        ["农田灌溉水有效利用系数", "0.566", "0.58", "预期性"],
        ["新增水土流失综合治理面积（公顷）", "—", "[450000]", "预期性"],
        ["农村自来水普及率（%）", "88", "92", "预期性"],
    ],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: no 版头 (文号 under the title), page numbers -3-; an indicator table drawn with
DOUBLE outer rules (rule_style double) whose caption is printed as the table's own first row spanning all columns
(caption_row: the caption is the title, not a grid row); units 亿立方米, %, 公顷 in name brackets, one indicator
without a unit (农田灌溉水有效利用系数); a 专栏 between two rules.  控制在68以内 → <= 68 亿立方米.""",
    "doc_id": "gen_rl_12_water_captionrow",
    "producer": "rl",
    "description": "no 版头, indicator table with double rules and the caption as its first row, 公顷/亿立方米 units, 专栏 between rules",
    "page_number": "hyphen",
    "header": {"layout": "plain", "issuers": [], "suffix": "", "doc_number": "湘水发〔2023〕12号",
               "title_lines": ["湖南省水利厅关于印发湖南省", "“十四五”水安全保障实施方案的通知"],
               "recipients": "各市州水利（水务）局，厅机关各处室："},
    "notice": [{"p": "现将《湖南省“十四五”水安全保障实施方案》印发给你们，请认真组织实施。"}],
    "signature": {"issuers": ["湖南省水利厅"], "date": "2023年3月21日"},
    "body": [
        {"title": ["湖南省“十四五”水安全保障实施方案"]},
        {"h1": "主要目标", "n": "一"},
        {"p": "到2025年，全省防洪减灾能力明显增强，水资源集约节约利用水平全面提升，主要指标见表1。"},
        {"table": T12},
        {"h1": "重点任务", "n": "二"},
        {"sidebar": {"number": 1, "label": "专栏1", "title": "水安全保障重大工程", "style": "rules",
                     "items": ["实施洞庭湖区重点垸堤防加固工程。", "建设犬木塘水库等大型灌区骨干工程。"]}},
        {"p": "各地要完善水利投入稳定增长机制，积极争取地方政府专项债券支持水利工程建设。"},
    ],
    "expected": {
        "meta": meta("湖南省水利厅", "湘水发〔2023〕12号", "湖南省水利厅关于印发湖南省“十四五”水安全保障实施方案的通知",
                     ["各市州水利（水务）局", "厅机关各处室"], "2023-03-21"),
        "indicators": indicators(T12, name_col=0, years=[1, 2], group=None, attr_col=3),
        "duties": [
            sidebar_duty(1, "水安全保障重大工程", 1, "实施洞庭湖区重点垸堤防加固工程。"),
            sidebar_duty(1, "水安全保障重大工程", 2, "建设犬木塘水库等大型灌区骨干工程。"),
        ],
    },
})


# ------------------------------------------------------------------------------------------------ 13

T13 = {
    "id": "t1", "caption": "表1 农民增收主要指标", "title": "农民增收主要指标", "borders": "outer", "header_rows": 1,
    "widths": [70, 28, 28, 30], "font_size": 12,
    "rows": [
        ["指标", "2020年（基期）", "2025年目标", "属性"],
        ["农村居民人均可支配收入（元/人）", "17131", "24000", "预期性"],
        ["城乡居民收入比", "2.2", "2.1以下", "预期性"],
        ["脱贫人口人均纯收入（元/人）", "10670", "≥15000", "约束性"],
        ["农产品加工业产值与农业总产值比提高（个百分点）", "—", "[0.3]", "预期性"],
    ],
}
DOCS.append({
    "_comment": """Generated corpus, producer rl: 版头, page numbers -3-; an indicator table framed by its outer rule only
(borders outer), units 元/人 and 个百分点 in name brackets; a contact list laid out with spaces only (spaced block:
no rules; a table with method borderless, no indicators; no caption is printed, so its title is null).  2.1以下 → <= 2.1 (no unit).""",
    "doc_id": "gen_rl_13_income_outer",
    "producer": "rl",
    "description": "版头, outer-frame indicator table with 元/人 and 个百分点, space-aligned contact list",
    "page_number": "hyphen",
    "header": {"issuers": ["四川省农业农村厅"], "suffix": "文件", "doc_number": "川农发〔2023〕58号",
               "title_lines": ["四川省农业农村厅关于促进", "农民持续增收的指导意见"],
               "recipients": "各市（州）农业农村局："},
    "notice": [
        {"p": "为拓宽农民增收渠道，促进农民收入持续较快增长，现提出如下意见。"},
        {"h1": "目标任务", "n": "一"},
        {"p": "到2025年，农村居民人均可支配收入达到2.4万元，城乡居民收入差距持续缩小。主要指标见表1。"},
        {"table": T13},
        {"h1": "联系方式", "n": "二"},
        {"spaced": {"id": "t2", "title": None, "rows": [["处室", "联系人", "电话"], ["发展规划处", "张晓明", "028-86912345"],
                                                            ["农村经济处", "李红", "028-86915678"]]}},
    ],
    "signature": {"issuers": ["四川省农业农村厅"], "date": "2023年9月8日"},
    "expected": {
        "meta": meta("四川省农业农村厅", "川农发〔2023〕58号", "四川省农业农村厅关于促进农民持续增收的指导意见",
                     ["各市（州）农业农村局"], "2023-09-08"),
        "indicators": indicators(T13, name_col=0, years=[1, 2], group=None, attr_col=3),
        "duties": [],
    },
})


# ------------------------------------------------------------------------------------------------ 14

_T14_ROWS = [
    ["序号", "重点任务", "牵头单位", "责任单位", "配合单位", "完成时限"],
    ["一、提升质量基础能力", "一、提升质量基础能力", "一、提升质量基础能力", "一、提升质量基础能力", "一、提升质量基础能力", "一、提升质量基础能力"],
    ["1", "建设国家级产品质量检验检测中心2个，新增省级检验检测中心5个。", "市市场监管局", "各县（市、区）政府", "市科技局", "2024年12月底前"],
    ["2", "完善计量标准体系，新建社会公用计量标准30项。", "市市场监管局", "市计量测试院", "—", "2023年12月底前"],
    ["3", "主导或参与制修订国家标准、行业标准50项以上。", "市市场监管局", "市工业和信息化局", "市农业农村局、市商务局", "2025年12月底前"],
    ["二、强化品牌培育", "二、强化品牌培育", "二、强化品牌培育", "二、强化品牌培育", "二、强化品牌培育", "二、强化品牌培育"],
    ["4", "开展“品质之城”品牌建设，培育区域公用品牌10个。", "市市场监管局", "市农业农村局", "市商务局、市文化广电旅游局", "2025年6月底前"],
    ["5", "支持企业争创政府质量奖，新增市长质量奖企业15家。", "市市场监管局", "各县（市、区）政府", "—", "长期坚持"],
    ["6", "实施农产品“三品一标”提升行动，新增绿色食品、有机农产品认证100个。", "市农业农村局", "各县（市、区）政府", "市市场监管局", "2024年6月底前"],
    ["三、加强质量监管", "三、加强质量监管", "三、加强质量监管", "三、加强质量监管", "三、加强质量监管", "三、加强质量监管"],
    ["7", "开展重点工业产品质量安全专项整治，监督抽查合格率保持在95%以上。", "市市场监管局", "市工业和信息化局", "市公安局", "长期坚持"],
    ["8", "建立质量信用分级分类监管机制，实现重点企业全覆盖。", "市市场监管局", "市发展改革委", "市政务服务数据管理局", "2023年12月底前"],
    ["9", "推进建设工程质量潜在缺陷保险试点。", "市住房城乡建设局", "各县（市、区）政府", "市金融局", "2024年12月底前"],
]
T14 = {"id": "t1", "title": None, "header_rows": 1, "repeat_header": False,
       "widths": [14, 82, 32, 34, 44, 37], "font_size": 12, "rows": _T14_ROWS,
       "merges": [[1, 0, 1, 5], [5, 0, 5, 5], [9, 0, 9, 5]]}


def _duties14() -> list[dict[str, Any]]:
    out, category = [], None
    for r in range(1, len(_T14_ROWS)):
        row = _T14_ROWS[r]
        if row[0] == row[1]:
            category = row[0].split("、", 1)[1]
            continue
        helpers = [x for x in row[4].split("、") if x and x != "—"]
        out.append(table_duty("t1", r, row[0], category, row[1], [row[2]], [row[3], *helpers], row[5], 2023))
    return out


DOCS.append({
    "_comment": """Generated corpus, producer rl: two joint issuers on two red lines with 文件 after the second, body 宋体,
page numbers — 3 —; a landscape responsibility table with 牵头单位 | 责任单位 | 配合单位 | 完成时限 columns and group
rows, full grid, header NOT repeated after the page break.  Support = 责任单位 then 配合单位 units (— is no unit);
group rows are not duties and name the category; 长期坚持 → note.  Table title null (only the attachment title
above it).""",
    "doc_id": "gen_rl_14_quality_joint",
    "producer": "rl",
    "description": "joint issuers on two lines + 文件, 宋体, landscape task table with 牵头/责任/配合/完成时限 columns and group rows",
    "fonts": {"body": "宋体"},
    "header": {"issuers": ["宁波市人民政府办公厅", "宁波市市场监督管理局"], "suffix": "文件", "doc_number": "甬政办发〔2023〕19号",
               "title_lines": ["关于印发宁波市质量强市建设", "三年行动计划的通知"],
               "recipients": "各区（县、市）人民政府，市直及部省属驻甬各单位："},
    "notice": [{"p": "《宁波市质量强市建设三年行动计划》已经市政府同意，现印发给你们，请认真贯彻执行。"}],
    "attachments_list": ["宁波市质量强市建设重点任务分工表"],
    "signature": {"issuers": ["宁波市人民政府办公厅", "宁波市市场监督管理局"], "date": "2023年5月26日"},
    "attachments": [{"label": "附件", "title_lines": ["宁波市质量强市建设重点任务分工表"], "landscape": True,
                     "blocks": [{"table": T14}]}],
    "colophon": {"printer": "宁波市人民政府办公厅", "print_date": "2023年5月29日印发"},
    "expected": {
        "meta": meta("宁波市人民政府办公厅、宁波市市场监督管理局", "甬政办发〔2023〕19号", "关于印发宁波市质量强市建设三年行动计划的通知",
                     ["各区（县、市）人民政府", "市直及部省属驻甬各单位"], "2023-05-26",
                     attachments=["宁波市质量强市建设重点任务分工表"], printer="宁波市人民政府办公厅", print_date="2023-05-29"),
        "indicators": [],
        "duties": _duties14(),
    },
})
