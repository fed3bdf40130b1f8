"""Examples of 成文日期 and 完成时限 parsing, plus properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.dates import deadline_in_text, is_date_line, parse_date, parse_deadline
from text_strategies import CJK_TEXT

from policy_extract.core.model import Deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年11月30日", "2021-11-30"),
        ("2014 年 11 月 23 日", "2014-11-23"),
        ("二〇二一年十一月三十日", "2021-11-30"),
        ("二〇二二年三月十五日", "2022-03-15"),
        ("２０２２年３月１６日印发", "2022-03-16"),
        ("2014年2月30日", None),  # no such day
        ("2021年11月", None),  # not a full date
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_year", "start", "end", "note"),
    [
        ("2014年12月31日", None, None, "2014-12-31", None),
        ("2014年 12月\n31 日", None, None, "2014-12-31", None),
        ("2015年6月", None, None, "2015-06", None),
        ("2025年", None, None, "2025", None),
        ("2023年6月底前", None, None, "2023-06", None),
        ("2023年底前", None, None, "2023-12-31", None),
        ("6月底前", 2023, None, "2023-06", None),
        ("6月底前", None, None, None, None),
        (
            "2014 年 5月至 2015 年 6 月，要保证在创建工作期间浓厚的宣传氛围",
            None,
            "2014-05",
            "2015-06",
            "要保证在创建工作期间浓厚的宣传氛围",
        ),
        (
            "2014 年 5月\n至 2015 年 6\n月，要保证在\n创建工作期\n间浓厚的宣\n传氛围",
            None,
            "2014-05",
            "2015-06",
            "要保证在创建工作期间浓厚的宣传氛围",
        ),
        ("3月底前完成排查，6月底前完成方案编制，10月底前完成年度改造任务", 2023, None, "2023-10", None),
        ("2014年5月至6月", None, "2014-05", "2014-06", None),
        ("长期", None, None, None, "长期"),
        ("持续", None, None, None, "持续"),
        ("长期坚持", None, None, None, "长期坚持"),
        ("常态化", None, None, None, "常态化"),
        ("9月底前出台实施方案", 2023, None, "2023-09", None),  # generated gen_html_03: the action is no note
        ("2025年底前完成", None, None, "2025-12-31", None),
        ("2024年秋季学期开学前", None, None, "2024", "秋季学期开学前"),  # gen_docx_jiaoyu_header
    ],
)
def test_parse_deadline(text: str, doc_year: int | None, start: str | None, end: str | None,
                        note: str | None) -> None:  # fmt: skip
    assert parse_deadline(text, doc_year=doc_year) == Deadline(raw=text, start=start, end=end, note=note)


@given(CJK_TEXT, st.one_of(st.none(), st.integers(1990, 2100)))
def test_never_raises_and_keeps_raw(text: str, doc_year: int | None) -> None:
    parse_date(text)
    assert parse_deadline(text, doc_year=doc_year).raw == text


@given(st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["", " ", "\n"]))
def test_dates_round_trip(day: dt.date, gap: str) -> None:
    text = f"{day.year}{gap}年{gap}{day.month}{gap}月{gap}{day.day}{gap}日"
    assert parse_date(text) == day.isoformat()
    assert parse_deadline(text).end == day.isoformat()


def _chinese_date(day: dt.date) -> str:
    """How a 成文日期 is printed in Chinese (GB/T 9704 allows it): 二〇二一年十一月三十日."""
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:  # 1..31 as printed: 三, 十一, 二十, 三十一
        tens, ones = divmod(n, 10)
        return ("" if tens < 2 else digits[tens]) + ("十" if tens else "") + (digits[ones] if ones else "")

    return "".join(digits[int(c)] for c in str(day.year)) + f"年{small(day.month)}月{small(day.day)}日"


@given(st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)))
def test_chinese_dates_round_trip(day: dt.date) -> None:
    """The one date parser reads the signature's Chinese date, and the date-line form recognises it."""
    text = _chinese_date(day)
    assert parse_date(text) == day.isoformat()
    assert is_date_line(f"  {text} ") and is_date_line(f"{day.year}年{day.month}月{day.day}日")
    assert not is_date_line(f"{text}前完成")


@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(29, 31))
def test_impossible_days_are_no_date(year: int, month: int, day: int) -> None:
    valid = day <= (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    assert (parse_date(f"{year}年{month}月{day}日") is not None) == valid


def test_a_quarters_end_is_its_last_month_and_a_quarter_alone_names_no_month() -> None:
    assert parse_deadline("2024年三季度末", doc_year=2023).end == "2024-09"
    assert parse_deadline("第一季度末前", doc_year=2023).end == "2023-03"
    d = parse_deadline("2024年第三季度", doc_year=2023)
    assert (d.end, d.note) == ("2024", "第三季度")


@given(
    st.sampled_from(["2025年", "2024年12月", "9月底", "2023年底", "6月30日", "2024年三季度末"]),
    st.sampled_from(["前", "以前", "之前", "为止"]),
    st.text(alphabet="完成出台实施方案排查验收建成投用全面", max_size=8),
)
def test_what_follows_a_by_word_is_never_a_note(date: str, by: str, action: str) -> None:
    deadline = parse_deadline(date + by + action, doc_year=2023)
    assert deadline.note is None and deadline.end is not None


@given(
    st.sampled_from(["2024年8月底前", "2025年12月31日", "2023年底前", "6月30日前"]),
    st.sampled_from([".", "．", "·", ",", "、", "'"]),
    st.data(),
)
def test_ocr_specks_before_a_date_unit_do_not_change_the_deadline(printed: str, speck: str, data) -> None:
    """Scanned twin of gen_docx_jiaoyu_header reads 2024年8月底前 as ``2024.年8月底前``."""
    units = [i for i, ch in enumerate(printed) if ch in "年月日" and i and printed[i - 1].isdigit()]
    at = data.draw(st.sampled_from(units))
    read = printed[:at] + speck + printed[at:]
    clean, specked = parse_deadline(printed, doc_year=2023), parse_deadline(read, doc_year=2023)
    assert (specked.start, specked.end, specked.note) == (clean.start, clean.end, clean.note)
    assert specked.raw == read


@given(
    st.sampled_from(["2026年底", "2024年10月", "2024年6月底", "2023年上半年", "9月底", "6月30日", "十月底"]),
    st.sampled_from(["前", "以前", "之前"]),
    st.text(alphabet="要应在各省的，。推进完成改造", max_size=8),
    st.text(alphabet="退出重点景区实现全覆盖。", max_size=8),
)
def test_a_by_date_inside_a_task_is_its_deadline(date: str, by: str, before: str, after: str) -> None:
    """``…应在2026年底前退出`` (real moa) and ``…，2024年10月前重点景区实现…`` (generated gen_docx_wenlv_three):
    the date with its by-word is the deadline, whatever surrounds it, and parses as the same 完成时限 would."""
    found = deadline_in_text(before + date + by + after, doc_year=2023)
    assert found == parse_deadline(date + by, doc_year=2023)
    assert found is not None and found.end is not None and found.note is None


@pytest.mark.parametrize(
    "text", ["到2025年，完成改造项目120个以上", "2025年前建成", "比2020年下降14%", "3个月内完成"]
)
def test_a_target_year_or_a_year_alone_in_a_task_is_no_deadline(text: str) -> None:
    assert deadline_in_text(text, doc_year=2023) is None


@given(st.integers(2000, 2098), st.integers(1, 5), st.sampled_from(["—", "-", "～", "至", "到", "－"]))
def test_a_year_range_printed_with_one_年_spans_both_years(first: int, span: int, join: str) -> None:
    """``2024—2025年`` reads as ``2024年至2025年`` does (start 2024, end 2025), not the first year as a note."""
    d = parse_deadline(f"{first}{join}{first + span}年", doc_year=2023)
    assert (d.start, d.end, d.note) == (str(first), str(first + span), None)


@given(st.integers(2000, 2040), st.one_of(st.none(), st.integers(1, 12)), st.sampled_from(["", "自", "从"]),
       st.sampled_from(["起", "开始"]), st.sampled_from(["", "长期坚持", "每年开展"]))  # fmt: skip
def test_a_date_followed_by_起_opens_a_period_without_an_end(year, month, intro, since, rest) -> None:
    """``2023年起`` / ``自2024年起`` gave the date as an end with the note ``自起``: it is where the period
    starts (SPEC: dates at the precision written), 自/从/起 are its form, what follows its note."""
    date = f"{year}年" + (f"{month}月" if month else "")
    found = parse_deadline(f"{intro}{date}{since}{rest}", doc_year=2023)
    start = f"{year:04d}" + (f"-{month:02d}" if month else "")
    assert (found.start, found.end, found.note) == (start, None, rest or None)


def test_a_period_from_a_date_起至_another_has_both_ends() -> None:
    found = parse_deadline("2023年起至2025年底", doc_year=2023)
    assert (found.start, found.end) == ("2023", "2025-12-31")


@given(st.integers(2000, 2040), st.sampled_from([("今年", 0), ("当年", 0), ("本年", 0), ("明年", 1), ("次年", 1)]),
       st.integers(1, 12))  # fmt: skip
def test_a_year_named_from_the_documents_takes_the_documents_year_plus_its_offset(doc_year, word, month) -> None:
    """``明年6月底前`` in a 2024 notice gave 2024-06 with the note ``明年``."""
    found = parse_deadline(f"{word[0]}{month}月底前", doc_year=doc_year)
    assert (found.end, found.note) == (f"{doc_year + word[1]:04d}-{month:02d}", None)


@pytest.mark.parametrize(
    ("text", "end", "note"),
    [("2024年内", "2024", None), ("年内完成", "2023", None), ("6月内", "2023-06", None), ("3年内", None, "3年内")],
)
def test_年内_keeps_the_precision_written_and_a_duration_is_no_date(text: str, end: str | None, note) -> None:
    """``2024年内`` gave the note ``内``; ``年内完成`` no date at all."""
    found = parse_deadline(text, doc_year=2023)
    assert (found.end, found.note) == (end, note)


@given(st.sampled_from(["2024年底前", "6月底前", "2024年9月30日前"]), st.sampled_from(["，", "；", ""]),
       st.sampled_from(["长期坚持", "持续推进", "常态化开展"]))  # fmt: skip
def test_an_ongoing_word_after_a_by_date_is_the_deadlines_note(date: str, sep: str, ongoing: str) -> None:
    """``2024年底前，长期坚持`` lost 长期坚持 (the rest after a by-date was taken for the task's action)."""
    assert parse_deadline(f"{date}{sep}{ongoing}", doc_year=2024).note == ongoing


@pytest.mark.parametrize(
    ("text", "end", "note"),
    [
        ("项目投产当年", None, "项目投产当年"),
        ("竣工验收次年", None, "竣工验收次年"),
        ("今年以来持续推进", None, "今年以来持续推进"),
        ("本年度内", "2024", None),
        ("年度内", "2024", None),
        ("本年度", "2024", None),
        ("力争明年底前", "2025-12-31", "力争"),
        ("明年上半年", "2025-06", None),
    ],
)
def test_a_relative_year_counts_only_where_it_opens_the_deadline(text: str, end: str | None, note) -> None:
    """Relative years were replaced anywhere: ``项目投产当年`` gave 2024, ``竣工验收次年`` 2025, ``今年以来…``
    2024 and ``本年度内`` 2024 with the note ``度内``; only an opening 今年/明年/本年度 (after 于/在/到/力争) before a
    month, a part of the year, 底/末/前/内 or nothing names a year."""
    found = parse_deadline(text, doc_year=2024)
    assert (found.end, found.note) == (end, note)


@given(st.sampled_from(["今年", "明年", "次年", "当年"]), st.sampled_from(["以来", "投产", "验收"]))
def test_a_relative_year_before_other_words_is_no_date(word: str, rest: str) -> None:
    """``今年以来``, ``明年投产``: no deadline's year, the text is all note."""
    assert parse_deadline(f"{word}{rest}", doc_year=2024).end is None


@pytest.mark.parametrize(
    "text", ["2025年6月底前建成并长期运行管理平台", "2024年底前完成，持续推进改革工作", "2024年底前，长期运行管理平台"]
)
def test_an_ongoing_word_inside_the_action_after_a_by_date_is_no_note(text: str) -> None:
    """``…建成并长期运行管理平台`` gave the note ``长期运行管理平台`` and ``…完成，持续推进改革工作`` the note
    ``持续推进改革工作``: only a rest that is nothing but an ongoing word (``，长期坚持``) is the deadline's note."""
    assert parse_deadline(text, doc_year=2024).note is None
