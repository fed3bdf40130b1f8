"""The lazily unpacked jieba dictionary (speed, issue 18) cuts exactly as jieba's fully loaded one."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.normalize.segmenter import FirstCharFreq, group_entries, lazy_tokenizer

from policy_extract.core.vocabulary import org_words

jieba.setLogLevel(logging.ERROR)

_NAMES = [*sorted(org_words())[:400], "市教育局", "区强区办", "区城建局", "国家发展改革委", "人力资源社会保障局"]
_PIECES = st.lists(st.sampled_from([*_NAMES, "、", "，", "各", "市", "区", "县", "和", "及", "牵头", "\n", "A1"]),
                   max_size=12).map("".join)


@lru_cache(maxsize=1)
def _loaded() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def _full() -> jieba.Tokenizer:
    """jieba's tokenizer with its whole dictionary, fresh (as loaded, before any word was added)."""
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(_loaded().FREQ), _loaded().total, True
    return tok


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_PIECES, min_size=1, max_size=4), known=st.lists(st.sampled_from(_NAMES), max_size=3))
def test_lazy_dictionary_cuts_as_the_full_one_through_added_and_deleted_words(texts, known):
    lazy, full = lazy_tokenizer(), _full()
    for tok in (lazy, full):
        for w in known:
            tok.add_word(w, freq=1_000_000)
    for text in texts:
        assert list(lazy.cut(text, HMM=False)) == list(full.cut(text, HMM=False))
    for tok in (lazy, full):
        for w in known[:1]:
            tok.del_word(w)
    for text in texts:
        assert list(lazy.cut(text, HMM=False)) == list(full.cut(text, HMM=False))
    assert lazy.total == full.total


def test_first_char_groups_hold_every_entry_with_its_frequency():
    freq = {"市": 5, "市教": 0, "市教育局": 9, "区": 0, "": 3}
    lazy = FirstCharFreq(group_entries(freq))
    assert "市教" in lazy and lazy["市教育局"] == 9 and lazy.get("区") == 0 and lazy.get("县") is None
    lazy["区城"] = 7  # set before its group was read: the group does not overwrite it
    assert lazy.get("区城") == 7 and lazy[""] == 3
    assert dict(lazy.items()) == {**freq, "区城": 7}
