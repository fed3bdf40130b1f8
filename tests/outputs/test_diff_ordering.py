"""Output order is fixed by the inputs, not by the worker count: two runs' CSVs diff cleanly with git."""

from __future__ import annotations

from pathlib import Path

from policy_extract.outputs.diff import diff_paths

from policy_extract.batch import run_batch

REPO = Path(__file__).resolve().parents[2]
# Small samples of different lengths, so that with two workers they finish out of input order.
SAMPLES = ("stress_inline_owners", "stress_continued_table", "stress_narrow_column")


def files(outdir: Path) -> dict[str, bytes]:
    """Every CSV and document.json of an OUTDIR, by relative path."""
    found = [*outdir.rglob("*.csv"), *outdir.rglob("document.json")]
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(found)}


def test_one_and_two_workers_write_the_same_bytes(tmp_path: Path) -> None:
    pdfs = [str(REPO / "samples" / "pdf" / f"{name}.pdf") for name in SAMPLES]
    run_batch(pdfs, tmp_path / "w1", workers=1, progress=False)
    run_batch(pdfs, tmp_path / "w2", workers=2, progress=False)
    one, two = files(tmp_path / "w1"), files(tmp_path / "w2")
    assert "indicators.csv" in one and "docs/stress_continued_table/tables/t1.csv" in one
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
    assert (tmp_path / "w1" / "manifest.json").read_bytes() == (
        tmp_path / "w2" / "manifest.json"
    ).read_bytes()
    # Combined CSVs follow input order (not alphabetical, not completion order).
    rows = (tmp_path / "w2" / "duties.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and rows[0].startswith("stress_inline_owners,")
    assert diff_paths(tmp_path / "w1", tmp_path / "w2").equal
