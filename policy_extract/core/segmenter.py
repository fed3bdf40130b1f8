"""jieba's default dictionary read one first character at a time (speed only, issue 18).

A jieba tokenizer answers ``cut`` from its prefix dictionary (``FREQ``: every word and every prefix of a word,
with its frequency) and the frequencies' sum.  Loading all of it (jieba's own cache: 580 000 entries) costs
half a second of CPU in each worker that splits one list of unit names; a list reads a few dozen characters.
:func:`lazy_tokenizer` gives a ``jieba.Tokenizer`` whose ``FREQ`` holds the same entries grouped by their
first character and unpacks a group when a key starting with that character is first asked for or set, so
``cut``, ``add_word`` and ``del_word`` see exactly the full dictionary.

The groups are built once from jieba's fully loaded dictionary and kept in a cache folder of the user's own
(:func:`cache_dir`), named after jieba's version and its dictionary file's size and time.  The file is read
with ``marshal``, which is not safe against crafted data, so it is never read from a folder another user could
write to (the shared temporary folder's predictable names could be planted by anyone).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

Groups = dict[str, str]
"""First character → its entries, ``word freq`` a line."""


class FirstCharFreq(dict):  # type: ignore[type-arg]
    """A prefix dictionary that unpacks the entries of a first character when a key with it is first used;
    every other way of reading it (iteration, ``len``, ``items``…) unpacks them all first."""

    def __init__(self, groups: Groups) -> None:
        super().__init__()
        self._groups = dict(groups)

    def _unpack(self, key: str) -> None:
        text = self._groups.pop(key[:1], None)
        if text is not None:
            for line in text.split("\n"):
                word, _, freq = line.rpartition(" ")
                dict.__setitem__(self, word, int(freq))

    def _unpack_all(self) -> None:
        for first in list(self._groups):
            self._unpack(first)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key[:1] in self._groups:
            self._unpack(key)
        return dict.__contains__(self, key)

    def __getitem__(self, key: str) -> int:
        if key[:1] in self._groups:
            self._unpack(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        if isinstance(key, str) and key[:1] in self._groups:
            self._unpack(key)
        return dict.get(self, key, default)

    def __setitem__(self, key: str, value: int) -> None:
        if key[:1] in self._groups:
            self._unpack(key)
        dict.__setitem__(self, key, value)

    def __iter__(self) -> Iterator[str]:
        self._unpack_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._unpack_all()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._unpack_all()
        return dict.keys(self)

    def items(self) -> Any:
        self._unpack_all()
        return dict.items(self)

    def values(self) -> Any:
        self._unpack_all()
        return dict.values(self)


def group_entries(freq: dict[str, int]) -> Groups:
    """The entries of a prefix dictionary grouped by first character (an empty key under ``""``)."""
    lines: dict[str, list[str]] = {}
    for word, count in freq.items():
        lines.setdefault(word[:1], []).append(f"{word} {count}")
    return {first: "\n".join(entries) for first, entries in lines.items()}


def _ours(st: os.stat_result) -> bool:
    """Whether a status says ours (where the system has owners) and writable by no one else."""
    getuid = getattr(os, "getuid", None)
    owned = getuid is None or st.st_uid == getuid()
    return owned and not st.st_mode & 0o022


def _private_dir(path: str) -> bool:
    """Whether ``path`` is (made, mode 0o700) a real folder of ours that no one else can write to."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _ours(st)


def cache_dir() -> str | None:
    """The user's own folder for the grouped dictionary: ``$XDG_CACHE_HOME/policy-extract`` (or
    ``~/.cache/policy-extract``), else ``policy_extract_<uid>`` in the temporary folder, made 0o700; a folder
    not owned by us or writable by group or others is refused (``None``: no cache)."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    uid = getattr(os, "getuid", lambda: "user")()
    fallback = os.path.join(tempfile.gettempdir(), f"policy_extract_{uid}")
    for path in (os.path.join(base, "policy-extract"), fallback):
        if _private_dir(path):
            return path
    return None


def import_jieba() -> Any:
    """The ``jieba`` module, imported without ``pkg_resources`` (speed only, issue 18).  jieba imports it
    only to open its own data files and opens the same files by path when it is missing; importing it scans
    every installed distribution, four fifths of jieba's import (0.08 of 0.1 s CPU in a worker).  It is
    held out of the import only while jieba loads (an import of it meanwhile would fail: workers split
    unit names on one thread) and only when nothing imported it before."""
    held = "pkg_resources" not in sys.modules
    if held:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ``import`` raises ImportError
    try:
        import jieba
    finally:
        if held and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def cache_path() -> str | None:
    jieba = import_jieba()

    folder = cache_dir()
    if folder is None:
        return None
    info = os.stat(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    name = f"policy_extract_jieba_{jieba.__version__}_{info.st_size}_{int(info.st_mtime)}.marshal"
    return os.path.join(folder, name)


def _read_cache(path: str) -> tuple[Groups, int] | None:
    """The cached groups, if the file is ours and no one else can write to it or its folder."""
    if not _private_dir(os.path.dirname(path)):
        return None
    try:
        with open(path, "rb") as f:
            if not _ours(os.fstat(f.fileno())):
                return None
            groups, total = marshal.load(f)
        return groups, total
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write_cache(path: str, groups: Groups, total: int) -> None:
    """Written whole or not at all: a temporary file in the same folder, then renamed over the name."""
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
    except OSError:  # no cache: the next worker builds it again
        return
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump((groups, total), f)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def dictionary_groups() -> tuple[Groups, int]:
    """The default dictionary's groups and total frequency: from the cache, or built and cached."""
    path = cache_path()
    cached = _read_cache(path) if path else None
    if cached is not None:
        return cached
    full = import_jieba().Tokenizer()
    full.initialize()
    groups, total = group_entries(full.FREQ), full.total
    if path:
        _write_cache(path, groups, total)
    return groups, total


def lazy_tokenizer() -> Any:
    """A ``jieba.Tokenizer`` over the default dictionary, initialised; its ``FREQ`` a :class:`FirstCharFreq`
    (unpacked as used)."""
    jieba = import_jieba()
    groups, total = dictionary_groups()
    tok = jieba.Tokenizer()
    tok.FREQ = FirstCharFreq(groups)
    tok.total = total
    tok.initialized = True
    return tok


@lru_cache(maxsize=1)
def dictionary() -> FirstCharFreq:
    """jieba's default dictionary as a prefix dictionary unpacked per first character (no tokenizer built)."""
    return FirstCharFreq(dictionary_groups()[0])


def word_frequency(word: str) -> int:
    """How often jieba's default dictionary counts ``word`` as a word (0: not a word, or only the prefix of
    one)."""
    return int(dictionary().get(word, 0) or 0)
