"""Deterministic mutants of the samples for the fuzz suite: ``python tests/hostile/fuzz.py OUTDIR N``.

Mutant ``i`` comes from source ``i % len(sources)`` and ``random.Random(i)``: the same N files every time.
The operators are the damage seen in the wild and in the issue-17 attack: bytes flipped, cut or inserted, a
stream's /Length wrong, an object number or ``endobj`` lost, a font's /ToUnicode replaced by the name
``/Identity-H`` (lone surrogates), and numbers replaced by NaN/inf-like or huge values.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faults import pdf_with_cids

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"
SOURCE_NAMES = ("stress_spaced_table.pdf", "stress_narrow_column.pdf", "stress_joint_issuers.pdf",
                "stress_continued_table.pdf", "stress_inline_owners.pdf")  # fmt: skip
SURROGATE_SOURCE = "surrogates.pdf"
_NUMBER = re.compile(rb"(?<=[\s\[])-?\d+(?:\.\d+)?(?=[\s\]/>])")
_BAD_NUMBERS = (b"nan", b"inf", b"-1e999", b"1e308", b"99999999999999999999", b"-0", b"0.0.0")


def sources() -> dict[str, bytes]:
    """The clean files the mutants are made from: five samples and the surrogate-font page."""
    found = {name: (SAMPLES / name).read_bytes() for name in SOURCE_NAMES}
    found[SURROGATE_SOURCE] = pdf_with_cids("4E2D56FDD80065875B57" * 5)
    return found


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def cut(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096):]


def insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 512)) + data[at:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) // 10, len(data))]


def sub_one(pattern: bytes, make: Callable[[random.Random], bytes]) -> Callable[[bytes, random.Random], bytes]:
    """An operator replacing one random match of ``pattern`` (unchanged when there is none)."""

    def op(data: bytes, rng: random.Random) -> bytes:
        matches = list(re.finditer(pattern, data))
        if not matches:
            return flip(data, rng)
        m = rng.choice(matches)
        return data[: m.start()] + make(rng) + data[m.end():]

    return op


def bad_number(data: bytes, rng: random.Random) -> bytes:
    matches = list(_NUMBER.finditer(data[:200_000]))
    out = data
    for m in sorted(rng.sample(matches, min(len(matches), rng.randint(1, 5))), key=lambda m: -m.start()):
        out = out[: m.start()] + rng.choice(_BAD_NUMBERS) + out[m.end():]
    return out


OPERATORS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    flip, cut, insert, truncate, bad_number,
    sub_one(rb"/Length \d+", lambda r: b"/Length %d" % r.randint(0, 5000)),
    sub_one(rb"/ToUnicode \d+ 0 R", lambda _r: b"/ToUnicode /Identity-H"),
    sub_one(rb"endobj", lambda _r: b""),
    sub_one(rb"\d+ 0 obj", lambda r: b"%d 0 obj" % r.randint(0, 99)),
    sub_one(rb"/Root \d+ 0 R", lambda r: b"/Root %d 0 R" % r.randint(0, 99)),
)  # fmt: skip


def mutant(index: int, clean: dict[str, bytes]) -> tuple[str, bytes]:
    """Mutant ``index``: its file name and bytes (one to three operators)."""
    names = sorted(clean)
    name = names[index % len(names)]
    rng = random.Random(index)
    data = clean[name]
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(OPERATORS)(data, rng)
    return f"m{index:04d}_{Path(name).stem}.pdf", data


def make_mutants(folder: Path, count: int, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    clean = sources()
    paths = []
    for i in range(first, first + count):
        name, data = mutant(i, clean)
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    print(len(make_mutants(args.outdir, args.count)), "mutants in", args.outdir)


if __name__ == "__main__":
    main()
