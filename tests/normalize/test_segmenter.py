"""The lazily unpacked jieba dictionary (speed, issue 18) cuts exactly as jieba's fully loaded one."""

from __future__ import annotations

import logging
import marshal
import os
import stat
from functools import lru_cache

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_extract.core import segmenter
from policy_extract.core.segmenter import (
    FirstCharFreq,
    cache_path,
    dictionary_groups,
    group_entries,
    lazy_tokenizer,
)
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


def test_dictionary_cache_lives_in_a_folder_of_our_own(tmp_path, monkeypatch):
    """The grouped dictionary was cached under a predictable name in the shared temporary folder and read with
    marshal: another user could plant it.  Its folder is now the user's own, mode 0o700."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = cache_path()
    folder = os.stat(os.path.dirname(path))
    assert os.path.dirname(path) == str(tmp_path / "cache" / "policy-extract")
    assert folder.st_uid == os.getuid() and stat.S_IMODE(folder.st_mode) == 0o700


def test_dictionary_cache_in_a_folder_others_can_write_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = cache_path()
    with open(path, "wb") as f:
        marshal.dump(({"市": "市 1"}, 1), f)
    os.chmod(path, 0o600)
    assert segmenter._read_cache(path) == ({"市": "市 1"}, 1)  # ours, private: read
    os.chmod(os.path.dirname(path), 0o777)
    assert segmenter._read_cache(path) is None  # its folder writable by others: planted data is not read
    os.chmod(os.path.dirname(path), 0o700)
    os.chmod(path, 0o666)
    assert segmenter._read_cache(path) is None  # the file writable by others


def test_dictionary_cache_is_written_whole_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    groups, total = dictionary_groups()  # built and written
    assert os.listdir(os.path.dirname(cache_path())) == [os.path.basename(cache_path())]  # no temporary left
    assert segmenter._read_cache(cache_path()) == (groups, total)


_IMPORT_PROBE = """
import sys
{before}
from policy_extract.normalize.orgs import _tokenizer
tok = _tokenizer()
import jieba._compat
print("pkg_resources" in sys.modules, jieba._compat.get_module_res("dict.txt").name, list(tok.cut("市发展改革委", HMM=False)))
"""


def _probe(before: str) -> list[str]:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _IMPORT_PROBE.format(before=before)], capture_output=True,
                          text=True, check=True)
    return done.stdout.split(" ", 2)


def test_loading_jieba_does_not_import_pkg_resources() -> None:
    """jieba imported pkg_resources only to open its own files, 0.08 s of a worker's CPU (issue 18): it is
    held out while jieba loads, and jieba opens the same dictionary file by path."""
    held, path, tokens = _probe("")
    assert held == "False"
    assert os.path.samefile(path, os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    assert _probe("import pkg_resources")[::2] == ["True", tokens]  # imported before: left as it was
