"""A rare character the recogniser reads as a look-alike (遴选 read 遂选: 遂 0.21, 遵 0.21, 避 0.16, 遴 0.06)
is settled among the recogniser's own readings by jieba's dictionary (ocr.lexicon_choice)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.extract.engines import Recognised
from policy_extract.extract.ocr import (
    DEFAULT_CHOICE_SHARE,
    DEFAULT_UNSURE_PROB,
    OcrLine,
    lexicon_checked,
    lexicon_choice,
)
from policy_extract.extract.rapidocr_engine import ctc_choices

from policy_extract.core.segmenter import word_frequency

_READ = (("遂", 0.210), ("遵", 0.208), ("避", 0.158), ("遴", 0.063), ("谜", 0.056))


def test_a_rare_character_read_as_a_lookalike_takes_the_reading_that_makes_a_word() -> None:
    chars = list("建立健全“优机”遂选机制")
    assert lexicon_choice(chars, 8, _READ) == "遴"


def test_the_reading_stands_when_it_makes_a_word_or_no_other_reading_does() -> None:
    assert lexicon_choice(list("市政府办公厅"), 5, (("厅", 0.38), ("局", 0.11), ("所", 0.10))) == "厅"
    assert lexicon_choice(list("遂甲乙"), 0, (("遂", 0.3), ("遴", 0.2))) == "遂"  # 遴甲 is no word either


def test_a_sure_character_or_a_too_improbable_reading_is_never_changed() -> None:
    sure = (("遂", DEFAULT_UNSURE_PROB), ("遴", 0.4))
    assert lexicon_choice(list("遂选"), 0, sure) == "遂"
    too_rare = DEFAULT_CHOICE_SHARE * 0.4 * 0.9
    assert lexicon_choice(list("遂选"), 0, (("遂", 0.4), ("遴", too_rare))) == "遂"  # under the share of 0.4


def test_the_line_keeps_its_spaces_when_a_character_is_changed() -> None:
    choices = tuple(_READ if c == "遂" else ((c, 0.99),) for c in "（二) 遂选机制")
    rec = Recognised("（二) 遂选机制", 0.9, (0, 0, 100, 10), tuple("（二)遂选机制"), (), choices)
    line = OcrLine("（二） 遂选机制", 0.9, (0, 0, 100, 10), [(c, (0, 0, 1, 1)) for c in "（二）遂选机制"])
    assert lexicon_checked(line, rec).text == "（二） 遴选机制"


def test_an_unsure_character_is_judged_beside_the_glyph_put_back_next_to_it() -> None:
    """苜蓿 read 苜 with 蓿 dropped: beside 等 苜 makes no word and 首 (首等) would, but 蓿 is put back."""
    read = (("苜", 0.355), ("首", 0.312), ("荀", 0.044))
    choices = tuple(read if c == "苜" else ((c, 0.99),) for c in "玉米、苜等")
    rec = Recognised("玉米、苜等", 0.9, (0, 0, 100, 10), tuple("玉米、苜等"), (), choices)
    line = OcrLine("玉米、苜蓿等", 0.9, (0, 0, 100, 10), [(c, (0, 0, 1, 1)) for c in "玉米、苜蓿等"])
    assert lexicon_checked(line, rec).text == "玉米、苜蓿等"
    alone = OcrLine("玉米、苜等", 0.9, (0, 0, 100, 10), [(c, (0, 0, 1, 1)) for c in "玉米、苜等"])
    assert lexicon_checked(alone, rec).text == "玉米、首等"


def test_the_recognisers_choices_are_its_emitted_characters_with_their_next_readings() -> None:
    alphabet = ["blank", "遂", "遵", "遴", "选", " "]
    probs = np.zeros((6, 6))
    probs[:, 0] = 1.0
    probs[1] = [0.05, 0.30, 0.25, 0.20, 0.10, 0.10]  # 遂 emitted, unsure
    probs[2] = [0.0, 0.9, 0.1, 0.0, 0.0, 0.0]  # the same run: not a second character
    probs[4] = [0.0, 0.0, 0.0, 0.0, 0.95, 0.05]  # 选, sure
    out = ctc_choices(probs, alphabet, 3, 0.5)
    assert [c[0][0] for c in out] == ["遂", "选"]
    assert [s for s, _p in out[0]] == ["遂", "遵", "遴"]
    assert out[1] == (("选", 0.95),)


def test_the_dictionary_is_jiebas_default_one() -> None:
    assert word_frequency("遴选") > 0
    assert word_frequency("遂选") == 0


_IDEOGRAPHS = st.sampled_from(list("遂遵避遴选机制办公厅亟需函敞开要各地科学示范项目"))


@settings(max_examples=200, deadline=None)
@given(text=st.lists(_IDEOGRAPHS, min_size=1, max_size=8), at=st.integers(0, 7),
       probs=st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5), readings=st.lists(_IDEOGRAPHS, min_size=5,
                                                                                       max_size=5))
def test_the_choice_is_the_reading_or_one_of_the_recognisers_candidates(text, at, probs, readings) -> None:
    i = at % len(text)
    ranked = sorted(probs, reverse=True)
    choices = tuple(zip([text[i], *readings], ranked, strict=False))
    out = lexicon_choice(text, i, choices)
    assert out in {c for c, _p in choices}
    if ranked[0] >= DEFAULT_UNSURE_PROB:
        assert out == text[i]  # a sure character is never changed
    if out != text[i]:
        assert any(c == out and p >= DEFAULT_CHOICE_SHARE * ranked[0] for c, p in choices[1:])


@pytest.mark.parametrize(("text", "at", "choices"), [
    ("刘赟同志", 1, (("赟", 0.3), ("赞", 0.2))),  # 赞同 would take 同 from 同志
    ("任命李桐同志为", 3, (("桐", 0.4), ("相", 0.15))),  # 相同 likewise
])
def test_a_name_before_a_word_keeps_its_rare_character(text: str, at: int, choices: tuple) -> None:
    """Review: a personal name's rare character (no word of its own) turned into a look-alike that made a
    word by taking the first character of the 同志 after it."""
    assert lexicon_choice(list(text), at, choices) == text[at]


def test_the_recorded_readings_agree_with_rapidocrs_own_ctc_decoding() -> None:
    """Review: nothing checked the recorder against RapidOCR's decoder; if a RapidOCR upgrade decoded
    differently the choice rule would silently switch off. Texts and per-character confidences must agree."""
    from policy_extract.extract.rapidocr_engine import ChoiceRecorder
    from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode

    decoder = CTCLabelDecode(character=list("遂遵遴选机制 "))
    recorder = ChoiceRecorder(decoder, 5, 0.5)
    rng = np.random.default_rng(1)
    for _ in range(100):
        probs = rng.random((2, 30, len(decoder.character))) ** 6
        probs /= probs.sum(axis=2, keepdims=True)
        recorder.seen.clear()
        out = recorder(probs.astype(np.float32), True, wh_ratio_list=[1, 1], max_wh_ratio=1)
        for (text, _conf, info), (seen_text, choices) in zip(out, recorder.seen, strict=True):
            assert seen_text == text and len(choices) == len(text)
            assert [c[0][1] for c in choices] == pytest.approx([float(x) for x in info[4]][: len(choices)])
