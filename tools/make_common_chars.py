"""Write ``policy_extract/core/data/common_chars.txt``: the text-layer check's characters in common use.

    python tools/make_common_chars.py            # from the installed jieba's dict.txt

The rule is :func:`policy_extract.extract.textlayer.derive_common_chars` at ``DEFAULT_COMMON_MIN_FREQ``;
``tests/extract/test_textlayer.py`` fails when the shipped table and the installed jieba disagree (rerun this
script then, and check the scoreboard).  Characters are written in code-point order, 50 a line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_extract.extract.textlayer import DEFAULT_COMMON_MIN_FREQ, jieba_common_chars

TABLE = Path(__file__).resolve().parents[1] / "policy_extract" / "core" / "data" / "common_chars.txt"
PER_LINE = 50
HEADER = (
    "# CJK characters in common use for the text-layer check (extract/textlayer.py): every ideograph\n"
    "# of a word of jieba {version}'s dict.txt whose words' frequencies sum to at least {min_freq}.\n"
    "# {count} characters, in code-point order.  Written by tools/make_common_chars.py; do not edit.\n"
)


def table_text(chars: frozenset[str], version: str, min_freq: int) -> str:
    ordered = sorted(chars)
    lines = ["".join(ordered[i:i + PER_LINE]) for i in range(0, len(ordered), PER_LINE)]
    header = HEADER.format(version=version, min_freq=min_freq, count=len(ordered))
    return header + "\n".join(lines) + "\n"


def main() -> None:
    import jieba

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TABLE)
    args = parser.parse_args()
    chars = jieba_common_chars(DEFAULT_COMMON_MIN_FREQ)
    args.output.write_text(table_text(chars, jieba.__version__, DEFAULT_COMMON_MIN_FREQ), encoding="utf-8")
    print(f"{len(chars)} characters → {args.output}")


if __name__ == "__main__":
    main()
