"""The vocabulary (policy_extract.core.vocabulary): the page-number grammar, the OCR folio, the owner words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.meta import split_recipients
from policy_extract.normalize.orgs import parse_annotation, split_units

from policy_extract.core import vocabulary as V

FOLIO = st.integers(min_value=1, max_value=9999)


@given(FOLIO, FOLIO, st.sampled_from(["— {n} —", "-{n}-", "{n}", " {n} ", "～{n}～"]))
def test_printed_page_numbers(n: int, total: int, form: str) -> None:
    """Every form a folio is printed in is a page number, for any number."""
    for text in (form.format(n=n), f"第 {n} 页", f"第{n}页 共{total}页", f"{n}/{total}", f"Page {n} of {total}"):
        assert V.is_page_number(text), text


@given(FOLIO, st.text(alphabet="的年月日一二三。，、政府", min_size=1, max_size=4))
def test_text_with_words_is_never_a_page_number(n: int, words: str) -> None:
    assert not V.is_page_number(f"{n}{words}") and not V.is_page_number(f"{words}{n}")


@given(FOLIO, st.sampled_from("一—-－–"), st.sampled_from("一—-－–"), st.sampled_from(["", " "]))
def test_ocr_folio_is_written_back_in_the_standard_form(n: int, left: str, right: str, gap: str) -> None:
    read = f"{left}{gap}{n}{gap}{right}"
    fixed = V.OCR_PAGE_NUMBER.sub(V.PRINTED_FOLIO, read)
    assert fixed == f"— {n} —" and V.is_page_number(fixed)


@pytest.mark.parametrize(
    ("text", "bare", "full"),
    [
        ("— 3 —", True, True),
        ("一 3 一", True, False),  # the folio's dashes as OCR reads them: only the table-edge form allows them
        ("第3页", True, True),
        ("第 1 页，共 3 页", False, True),  # the distinction BARE_PAGE_NUMBER documents
        ("3/10", False, True),
        ("123456", True, False),
        ("2021年", False, False),
    ],
)
def test_bare_page_number_is_the_documented_subset(text: str, bare: bool, full: bool) -> None:
    assert bool(V.BARE_PAGE_NUMBER.match(text)) is bare
    assert V.is_page_number(text) is full


def test_heading_markers_by_level() -> None:
    levels = {text: next(lv for lv, p in V.HEADING_MARKERS if p.match(text)) for text in
              ("一、总体要求", "（二）主要任务", "3．加强监管", "（4）完善制度")}  # fmt: skip
    assert list(levels.values()) == [1, 2, 3, 4]
    assert not any(p.match("2021.5 亿元") for _, p in V.HEADING_MARKERS)


def test_owner_labels_come_from_the_owner_words() -> None:
    assert {"牵头单位", "主责部门"} <= set(V.LEAD_LABELS)
    assert all(label[:2] in V.SUPPORT_WORDS for label in V.SUPPORT_LABELS)
    assert {"完成时限", "时间节点", "时限"} <= set(V.DEADLINE_LABELS)
    found = parse_annotation("加强监管（主责部门：市市场监管局；协同单位：市公安局；时间节点：2024年底前）")
    assert (found.lead, found.support, found.deadline) == (["市市场监管局"], ["市公安局"], "2024年底前")


def test_lead_mark_only_after_a_unit_name_ending() -> None:
    """LEAD_MARK_AFTER: after 部门 a bare 牵头 is a verb (real corpus), after 局 a mark."""
    assert parse_annotation("市住建局牵头，市财政局配合").lead == ["市住建局"]
    assert parse_annotation("强化农业农村和财政部门牵头，其他部门支持的联合查处").lead == []


def test_recipient_and_owner_lists_differ_only_in_separators() -> None:
    text = "各县（市、区）人民政府，市政府各部门、各直属机构："
    assert split_recipients(text) == ["各县（市、区）人民政府", "市政府各部门、各直属机构"]
    assert split_units(text.rstrip("：")) == ["各县（市、区）人民政府", "市政府各部门", "各直属机构"]


def test_org_words_ship_with_the_package() -> None:
    assert "各镇街" in V.org_words() and all(not w.startswith("#") for w in V.org_words())
