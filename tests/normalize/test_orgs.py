"""Examples of unit-name splitting and inline owner annotations, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.normalize.orgs import parse_annotation, parse_owners, split_units
from text_strategies import ORG_TEXT

from policy_extract.core.vocabulary import ASSIGNING_VERBS


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("区城\n建局", (), ["区城建局"]),
        ("区委宣传部\n区强区办", (), ["区委宣传部", "区强区办"]),
        ("区教体局、\n区质监分局", (), ["区教体局", "区质监分局"]),
        (
            "区质监分局、区交\n运局、区城\n管执法局按\n各自职能分\n别牵头",
            (),
            ["区质监分局", "区交运局", "区城管执法局"],
        ),
        ("各县（市、区）人民政府，市财政局", (), ["各县（市、区）人民政府", "市财政局"]),
        ("市发改委；市财政局;市水利局,市城管局", (), ["市发改委", "市财政局", "市水利局", "市城管局"]),
        ("市公安局长兴路分局、市\n公安局大河路分局", (), ["市公安局长兴路分局", "市公安局大河路分局"]),
        ("市公安局\n长兴路分局", ("市公安局长兴路分局",), ["市公安局长兴路分局"]),
        ("各镇街\n区财政局", (), ["各镇街", "区财政局"]),
        ("区财政局、区财政局", (), ["区财政局"]),
        ("区财政局等", (), ["区财政局"]),
        ("按各自职能分别牵头", (), []),
        ("、，\n", (), []),
        ("", (), []),
    ],
)
def test_split_units(text: str, known: tuple[str, ...], expected: list[str]) -> None:
    assert split_units(text, known=known) == expected


@pytest.mark.parametrize(
    ("text", "lead", "support", "rest"),
    [
        (
            "完善设施。（牵头单位：市发展改革委；责任单位：各县（市、区）人民政府，市财政局）",
            ["市发展改革委"],
            ["各县（市、区）人民政府", "市财政局"],
            "完善设施。",
        ),
        ("市住建局（牵头），市财政局、市自然资源局", ["市住建局"], ["市财政局", "市自然资源局"], ""),
        (
            "（市城市管理局牵头，市住房城乡建设局、各县（市、区）人民政府配合）",
            ["市城市管理局"],
            ["市住房城乡建设局", "各县（市、区）人民政府"],
            "",
        ),
        ("区发改委牵头", ["区发改委"], [], ""),
        ("做好工作。（责任单位：区财政局）", ["区财政局"], [], "做好工作。"),
        ("做好工作。（责任单位：区财政局、区审计局）", [], ["区财政局", "区审计局"], "做好工作。"),
        ("做好工作。牵头单位：区发改委；责任单位：区财政局", ["区发改委"], ["区财政局"], "做好工作。"),
        (
            "依据国务院《质量发展纲要（2011～2020 年）》，结合我区实际",
            [],
            [],
            "依据国务院《质量发展纲要（2011～2020 年）》，结合我区实际",
        ),
        ("市场监管部门发挥牵头作用。", [], [], "市场监管部门发挥牵头作用。"),
    ],
)
def test_parse_owners(text: str, lead: list[str], support: list[str], rest: str) -> None:
    assert parse_owners(text) == (lead, support, rest)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("任务。（牵头单位：市发展改革委；责任单位：市财政局；完成时限：2023年6月底前）", "2023年6月底前"),
        ("任务。（市住房城乡建设局（牵头），市财政局；完成时限：6月底前）", "6月底前"),
        ("任务。（市住房城乡建设局牵头，市直有关部门配合；长期坚持）", "长期坚持"),
        ("任务。（牵头单位：市生态环境局；责任单位：市城市管理局、市水利局）", None),
    ],
)
def test_annotation_deadline(text: str, deadline: str | None) -> None:
    found = parse_annotation(text)
    assert found.deadline == deadline
    assert found.rest == "任务。"


@settings(max_examples=60, deadline=None)
@given(ORG_TEXT)
def test_never_raise_and_stable(text: str) -> None:
    names = split_units(text)
    assert all(names) and len(names) == len(set(names))
    assert split_units("、".join(names)) == names
    parse_owners(text)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["区财政局", "区委宣传部", "各县（市、区）人民政府", "区强区办", "区城建局", "市公安局长兴路分局"]
        ),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    st.sampled_from(["、", "，", "\n", "；"]),
)
def test_known_names_round_trip(names: list[str], sep: str) -> None:
    assert split_units(sep.join(names), known=names) == names


def test_unbracketed_owner_sentence_at_the_end_of_a_task_is_split_off() -> None:
    from policy_extract.normalize.orgs import parse_annotation

    owners = parse_annotation("改造供水管网、燃气管网。市城管局牵头，各区政府配合。")
    assert (owners.lead, owners.support, owners.rest) == (
        ["市城管局"],
        ["各区政府"],
        "改造供水管网、燃气管网。",
    )


_UNITS = [
    "市教育局",
    "市财政局",
    "各县（市、区）人民政府",
    "市住房城乡建设局",
    "省卫生健康委",
    "各乡镇人民政府",
]
"""Names whose last character a bare 牵头 may follow (LEAD_MARK_AFTER: 各镇街牵头 is a verb in a sentence)."""


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=2, unique=True),
    st.lists(st.sampled_from(_UNITS), min_size=0, max_size=3, unique=True),
    st.sampled_from(["（{}）", "({})"]),
    st.sampled_from(
        [
            "{lead}牵头，{sup}配合",
            "由{lead}牵头，{sup}参加",
            "{lead}（牵头），{sup}",
            "{lead}（牵\n头），{sup}",
            "牵头单位：{lead}；责任单位：{sup}",
        ]
    ),
)
def test_owner_phrasings_give_the_lead_and_the_support(lead, support, bracket, form) -> None:
    support = [s for s in support if s not in lead]
    if not support:
        return
    marked = "（牵头）、".join(lead) if "（牵" in form and len(lead) > 1 else "、".join(lead)
    inner = form.format(lead=marked, sup="、".join(support))
    owners = parse_annotation("推进改造。" + bracket.format(inner))
    assert (owners.lead, owners.support, owners.rest) == (lead, support, "推进改造。")


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("新增学位1.2万个。（市教育局负责）", ["市教育局"], []),
        ("扩大保险范围。（省财政厅、省农业农村厅按职责分工负责）", ["省财政厅", "省农业农村厅"], []),  # issue 14: each a lead
        ("补齐短板。（各县市区人民政府负责）", ["各县市区人民政府"], []),
    ],
)
def test_an_owner_list_closed_by_负责_names_the_owners(
    text: str, lead: list[str], support: list[str]
) -> None:
    owners = parse_annotation(text)
    assert (owners.lead, owners.support, owners.rest) == (lead, support, text[: text.index("（")])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=4, unique=True),
    st.lists(st.sampled_from(["、", "，"]), min_size=3, max_size=3),
    st.sampled_from(["负责", "按职责分工负责"]),
    st.sampled_from(["", "；2024年9月底前完成", "；长期坚持", "；完成时限：2025年6月底前"]),
    st.sampled_from(["（{}）", "({})"]),
)
def test_a_responsible_list_with_a_deadline_part_names_every_unit_a_lead(
    units, seps, verb, due, bracket
) -> None:
    """``（X、Y，各县（市、区）人民政府按职责分工负责；2024年6月底前完成）``: the unlabelled deadline part beside
    the list made the bracket no annotation at all (generated gen_docx_nongye_joint prints the labelled
    ``；完成时限：…`` form, gen_html_03 the unlabelled one after a 牵头 list), and a ``，`` inside the list
    made the units before it support."""
    listed = units[0] + "".join(sep + u for sep, u in zip(seps, units[1:], strict=False))
    owners = parse_annotation("推进改造。" + bracket.format(listed + verb + due))
    deadline = due.lstrip("；").removeprefix("完成时限：") or None
    assert (owners.lead, owners.support, owners.deadline, owners.rest) == (units, [], deadline, "推进改造。")


def test_负责_after_words_that_are_no_unit_names_is_no_annotation() -> None:
    text = "建立由政府主要负责同志牵头的工作推进机制。"
    assert parse_annotation(text).rest == text
    assert parse_annotation("落实到人（专人负责）").lead == []


# A break is decided by jieba only where a known name ends at it or runs over it; elsewhere jieba is not loaded.
_UNIT_ALPHABET = "区城建局委宣传部办发改市场监管"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=_UNIT_ALPHABET, min_size=2, max_size=12),
    cut=st.integers(min_value=1, max_value=11),
    known=st.frozensets(st.text(alphabet=_UNIT_ALPHABET, min_size=2, max_size=5), min_size=1, max_size=4),
)
def test_jieba_is_skipped_only_where_no_known_name_reaches_the_break(text: str, cut: int,
                                                                      known: frozenset[str]) -> None:
    from policy_extract.normalize.orgs import _boundaries, _cut_with, _known_over, _token_over

    cut = min(cut, len(text) - 1)
    if _known_over(text, cut, known):
        return
    tokens = _cut_with(text, known)
    ends = _boundaries(tokens)
    assert ends.get(cut) not in known
    assert cut in ends or _token_over(tokens, cut) not in known


def test_owner_list_without_a_known_name_at_its_breaks_does_not_load_jieba() -> None:
    import subprocess
    import sys

    code = ("import sys; from policy_extract.normalize.orgs import split_units; "
            "print(split_units('区委宣传部\\n区强区办、区城\\n建局', known=('区财政局', '区发改委')), "
            "'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['区委宣传部', '区强区办', '区城建局'] False"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("各区、市人力资源社会保障局", ["各区、市人力资源社会保障局"]),  # generated: gen_docx_jiuye_plain
        ("各县、区人民政府、市财政局", ["各县、区人民政府", "市财政局"]),  # as 主送 in gen_html_01
        ("各辖市、区人力资源和社会保障局", ["各辖市、区人力资源和社会保障局"]),  # as 主送 in gen_html_13
        ("各区、各部门", ["各区", "各部门"]),  # 各部门 names its own units: no shared head
        ("市财政局、区财政局", ["市财政局", "区财政局"]),
    ],
)
def test_levels_sharing_one_head_noun_are_one_owner(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["各区", "各县", "市", "区", "各辖市", "乡镇", ""]),
    st.lists(st.sampled_from(["市", "区", "县", "镇"]), min_size=1, max_size=3, unique=True),
    st.sampled_from(["人民政府", "教育局", "人力资源社会保障局", "财政局"]),
    st.lists(st.sampled_from(["市发展改革委", "省卫生健康委", "各街道办事处"]), max_size=2, unique=True),
    st.sampled_from(["、", "，", "；"]),
)
def test_a_level_enumeration_before_a_name_stays_one_owner(first, levels, head, others, sep) -> None:
    """各区、市、县人民政府: the levels (the first may say 各) share the one head noun that closes them."""
    shared = "、".join([*filter(None, [first]), *levels[:-1], levels[-1] + head])
    assert split_units(sep.join([shared, *others])) == [shared, *others]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市市场监管局、市直各行政执法部\n门", ["市市场监管局", "市直各行政执法部门"]),  # gen_rl_05
        ("各街道\n办事处", ["各街道办事处"]),  # gen_html_05_yingshang_dutytable
        ("区城管\n局", ["区城管局"]),
        ("市委宣传部\n门头沟区委", ["市委宣传部", "门头沟区委"]),  # 门 opens the next name here
    ],
)
def test_a_wrap_inside_a_unit_suffix_is_no_separator(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["市直各执法", "各街道", "区农业农村", "市政务服务", "县行政审批服务"]),
    st.sampled_from(["部门", "办事处", "中心", "分局", "办公室"]),
    st.integers(1, 3),
    st.sampled_from(["市财政局", "区司法局"]),
)
def test_a_name_wrapped_inside_its_suffix_is_rejoined(stem: str, suffix: str, cut: int, other: str) -> None:
    cut = min(cut, len(suffix) - 1)
    name = stem + suffix
    wrapped = stem + suffix[:cut] + "\n" + suffix[cut:]
    assert split_units(other + "、" + wrapped) == [other, name]


def test_a_wrap_inside_a_suffix_wins_over_a_known_name_that_is_its_first_line() -> None:
    """gen_rl_05: the cell's first line 市直各行政执法部 ends in 部, so the table lists it among the names it
    spells whole; the 门 on the next line still finishes it."""
    assert split_units("市直各行政执法部\n门", known=("市直各行政执法部", "市市场监管局")) == ["市直各行政执法部门"]


@given(
    st.sampled_from(["市财政局", "省卫生健康委", "市妇联", "佛山海关", "各县（市、区）人民政府", "团市委"]),
    st.text(alphabet="0123456789", min_size=1, max_size=3),
    st.integers(0, 4),
    st.sampled_from(["各市", "市", "区", "各区县", "县市"]),
)
def test_unit_names_are_plausible_and_cut_pieces_are_not(name: str, digits: str, at: int, level: str) -> None:
    from policy_extract.normalize.orgs import is_plausible_unit

    assert is_plausible_unit(name)
    assert not is_plausible_unit(name[:at] + digits + name[at:])
    assert not is_plausible_unit(level) and not is_plausible_unit(name[:1])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=2, unique=True),
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=3, unique=True),
    st.sampled_from(["（{}）", "{}。"]),
    st.sampled_from(["{lead}为牵头单位，{sup}为责任单位", "牵头单位为{lead}，责任单位为{sup}",
                     "{lead}为牵头单位；{sup}为配合单位", "牵头部门为{lead}，{sup}为责任部门"]),
    st.sampled_from(["", "，完成时限为2024年底"]),
)  # fmt: skip
def test_owners_tied_to_their_label_by_为_are_read_as_labelled(lead, support, bracket, form, deadline) -> None:
    """``X为牵头单位，Y为责任单位`` (label after the units) and ``牵头单位为X`` (before them) gave no owners."""
    support = [s for s in support if s not in lead]
    if not support:
        return
    inner = form.format(lead="、".join(lead), sup="、".join(support)) + deadline
    owners = parse_annotation("推进改造。" + bracket.format(inner))
    expected_deadline = "2024年底" if deadline else None
    assert (owners.lead, owners.support, owners.deadline, owners.rest) == (
        lead, support, expected_deadline, "推进改造。")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "确定本方案为牵头单位的工作依据。",
        "明确完成时间为三年。",
        "以县为单位开展排查。",
        "推动牵头单位为群众办实事。",
        "成立工作专班，明确市发展改革委为牵头单位，统筹推进各项工作。",
        "确定市教育局为责任单位。",
    ],
)
def test_为_before_or_after_a_label_that_names_no_unit_is_no_annotation(text: str) -> None:
    """Nor a sentence of the task that names a lead (``明确X为牵头单位，统筹推进…``): owners end a task."""
    owners = parse_annotation(text)
    assert (owners.lead, owners.support, owners.deadline, owners.rest) == ([], [], None, text)


def test_a_labelled_owner_list_ending_a_sentence_keeps_no_full_stop_in_its_names() -> None:
    """``…责任单位：市财政局。`` gave the unit ``市财政局。``."""
    owners = parse_annotation("推进改造。牵头单位：市教育局；责任单位：市财政局。")
    assert (owners.lead, owners.support) == (["市教育局"], ["市财政局"])


@given(st.sampled_from(["各区（县", "各县（市", "各乡镇（街道"]), st.sampled_from(["）", "、", ""]),
       st.sampled_from(["市）教育局", "区）人民政府", "）办事处"]))  # fmt: skip
def test_a_line_closing_a_bracket_it_never_opened_continues_the_name_above(first: str, mid: str, rest: str) -> None:
    """A scan read ``各区（县、市）教育局`` as ``各区（县）\\n市）教育局``: two names, the second beginning with ）."""
    assert split_units(f"{first}{mid}\n{rest}") == [f"{first}{mid}{rest}"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_UNITS), min_size=2, max_size=3, unique=True),
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=2, unique=True),
    st.sampled_from(["（牵头）", "(牵头)", "（牵\n头）"]),
    st.sampled_from(["（{}）", "{}。"]),
)
def test_a_lead_mark_after_a_list_of_units_makes_each_of_them_a_lead(lead, support, mark, bracket) -> None:
    """``A、B（牵头），C``: the mark closes the run of units joined by 、 (both lead), C supports."""
    support = [s for s in support if s not in lead]
    if not support:
        return
    inner = "、".join(lead) + mark + "，" + "、".join(support)
    owners = parse_annotation("推进改造。" + bracket.format(inner))
    assert (owners.lead, owners.support) == (lead, support)


@pytest.mark.parametrize("verb", ["参加", "配合", "参与", "协助"])
def test_由_a_lead_牵头_then_supports_with_a_verb_closing_a_task_without_brackets(verb: str) -> None:
    owners = parse_annotation(f"推进改造。由市教育局牵头，市财政局、各县（市、区）人民政府{verb}。")
    assert (owners.lead, owners.support, owners.rest) == (
        ["市教育局"], ["市财政局", "各县（市、区）人民政府"], "推进改造。")  # fmt: skip


@given(st.sampled_from(["明确", "进一步明确", "确定", "要求"]), st.sampled_from(["各区政府", "各镇政府", "各县（市、区）人民政府"]),
       st.sampled_from(["责任单位", "牵头单位"]))  # fmt: skip
def test_a_verb_before_a_name_opening_with_各_leaves_no_owner(verb: str, name: str, label: str) -> None:
    """``加强统筹协调，明确各区政府为责任单位`` gave the lead ``明确各区政府``: 各 only opens a name, so what
    stands before it in the clause is no name and the clause is a sentence of the task, no owners."""
    text = f"加强统筹协调，{verb}{name}为{label}"
    owners = parse_annotation(text)
    assert (owners.lead, owners.support, owners.rest) == ([], [], text)
    alone = parse_annotation(f"加强统筹协调。{name}为{label}")
    assert alone.lead + alone.support == [name]


@given(st.sampled_from(["", "进一步", "同时", "要"]), st.sampled_from(ASSIGNING_VERBS),
       st.sampled_from(["市教育局", "区卫生健康委", "县人民政府", "国家发展改革委"]),
       st.sampled_from(["责任单位", "牵头单位"]), st.sampled_from(["", "。"]))  # fmt: skip
def test_an_assigning_verb_before_a_unit_name_anywhere_in_the_clause_leaves_no_owner(
        adverb: str, verb: str, name: str, label: str, stop: str) -> None:
    """``加强统筹协调，进一步明确市教育局为责任单位`` gave the lead ``进一步明确市教育局``: the level rule only
    looked at a name's first characters, so a verb after an adverb passed as part of the name."""
    text = f"加强统筹协调，{adverb}{verb}{name}为{label}{stop}"
    owners = parse_annotation(text)
    assert (owners.lead, owners.support, owners.rest) == ([], [], text)
    alone = parse_annotation(f"加强统筹协调。{name}为{label}")
    assert alone.lead + alone.support == [name]
