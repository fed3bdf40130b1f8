"""A long document's extract stage shared among workers (policy_extract.batch.split): pieces joined in page
order give the unsplit run's bytes, the split is decided by the work left, and a piece's failure is the
document's, recorded as an unsplit one is."""

from __future__ import annotations

import json
import pickle
import sys
from collections import deque
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))

import itertools

from batch_helpers import snapshot
from policy_extract.extract.document import extract_document, extract_pages, joined_document
from policy_extract.extract.settings import ExtractSettings

from policy_extract.batch import TMP_DIRNAME, run_batch
from policy_extract.batch.plan import Job
from policy_extract.batch.progress import Progress
from policy_extract.batch.split import Finish, Piece, PieceDone, Splitter, piece_ranges
from policy_extract.batch.workers import JobFailure

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"
LONG = SAMPLES / "000_5d3202af9fddf20f.pdf"  # 55 pages
TABLES = SAMPLES / "002_2334d2a9bd2ede71.pdf"  # 31 pages of tables


@given(st.integers(1, 2000), st.integers(1, 8), st.sampled_from([0.0, 0.05, 0.45, 0.5, 0.9]))
def test_piece_ranges_cover_the_pages_in_order(pages: int, parts: int, prime: float) -> None:
    parts = min(parts, pages)
    ranges = piece_ranges(pages, parts, prime)
    assert len(ranges) == parts and ranges[0][0] == 1 and ranges[-1][1] == pages
    assert all(first <= last for first, last in ranges)
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(ranges))


def test_piece_ranges_balance_the_priming_of_the_pages_before() -> None:
    assert piece_ranges(100, 2, 0.0) == [(1, 50), (51, 100)]
    (a, b), (c, d) = piece_ranges(500, 2, 0.5)
    assert (a, b, d) == (1, 333, 500) and abs((b - a + 1) - ((d - c + 1) + 0.5 * b)) <= 1


@pytest.mark.parametrize(("pdf", "source"), [(LONG, "pdfium"), (TABLES, "pdfminer")])
def test_pieces_joined_in_page_order_are_the_whole_pass(pdf: Path, source: str) -> None:
    settings = ExtractSettings(page_source=source)
    whole = extract_document(pdf, settings=settings)
    n = len(whole.pages)
    pieces = [extract_pages(pdf, settings=settings, first=a, last=b)
              for a, b in [(1, n // 3), (n // 3 + 1, n - 5), (n - 4, n)]]
    assert all(piece.alone for piece in pieces)
    assert pickle.dumps(joined_document(pdf, pieces, "auto")) == pickle.dumps(whole)


def test_a_page_with_a_garbled_font_keeps_its_piece_from_standing_alone() -> None:
    piece = extract_pages(SAMPLES / "garbled_stress_continued_table.pdf", first=2)
    assert not piece.alone and [p.number for p in piece.pages] == [2, 3]


class _Spy:
    def __init__(self, pages: dict[str, int], workers: int = 2) -> None:
        self.jobs = [Job(i, f"{name}.pdf", f"/in/{name}.pdf", name, "0" * 64) for i, name in enumerate(pages)]
        self.done: list[tuple[str, object]] = []
        self.splitter = Splitter(self.jobs, workers, (None, "pdfium"),
                                 lambda job, result: self.done.append((job.doc_id, result)), Progress())
        self.splitter.pages = {job.index: pages[job.doc_id] for job in self.jobs}

    def start_next(self) -> list:
        return self.splitter.expand(self.splitter.pending.popleft())


def test_a_document_is_split_only_when_it_would_be_the_batch_tail() -> None:
    spy = _Spy({"long": 55, "mid": 31, "a": 4, "b": 4, "c": 3, "d": 3, "e": 3})
    assert [type(i) for i in spy.start_next()] == [Job]  # 55 pages against 48 waiting on 2 workers: no
    spy = _Spy({"mid": 10, "long": 500, "a": 4})
    assert spy.start_next() == [spy.jobs[0]]  # too short to split
    pieces = spy.start_next()
    assert [(p.first, p.last) for p in pieces] == [(1, 333), (334, 500)]
    assert _Spy({"long": 31}).start_next()[0].doc_id == "long"  # under 2 × MIN_PIECE_PAGES
    assert len(_Spy({"long": 500}, workers=4).start_next()) == 4


def test_the_finish_follows_the_last_piece_ahead_of_the_waiting_documents() -> None:
    spy = _Spy({"long": 500, "a": 4})
    first, second = spy.start_next()
    spy.splitter.on_done(second, PieceDone("/tmp/2", 3.0))
    assert list(spy.splitter.pending) == [spy.jobs[1]] and spy.done == []
    spy.splitter.on_done(first, PieceDone("/tmp/1", 2.0))
    assert spy.splitter.pending[0] == Finish(spy.jobs[0], ("/tmp/1", "/tmp/2"), False, 3.0)
    spy.splitter.on_done(spy.splitter.pending.popleft(), "outcome")
    assert spy.done == [("long", "outcome")]


def test_a_piece_handed_back_has_the_document_processed_whole() -> None:
    spy = _Spy({"long": 500})
    first, second = spy.start_next()
    spy.splitter.on_done(first, PieceDone(None, 1.0))
    spy.splitter.on_done(second, PieceDone("/tmp/2", 1.0))
    assert spy.splitter.pending == deque([Finish(spy.jobs[0], ("/tmp/2",), True, 1.0)])


def test_a_stopped_piece_is_the_documents_failure_and_its_other_pieces_go() -> None:
    spy = _Spy({"long": 800, "a": 4}, workers=3)
    first, *rest = spy.start_next()
    spy.splitter.pending.extendleft(reversed(rest))
    killed = JobFailure("timeout", "stopped")
    spy.splitter.on_done(first, killed)
    assert spy.done == [("long", killed)] and list(spy.splitter.pending) == [spy.jobs[1]]
    spy.splitter.on_done(rest[0], PieceDone("/tmp/x", 1.0))  # a piece still running when it failed
    assert spy.done == [("long", killed)]


def test_a_split_document_is_written_byte_for_byte_as_unsplit(tmp_path: Path, monkeypatch) -> None:
    starts: list[object] = []
    expand = Splitter.expand

    def spy(self: Splitter, item: object) -> list:
        items = expand(self, item)
        starts.extend(items)
        return items

    monkeypatch.setattr(Splitter, "expand", spy)
    run_batch([str(LONG)], tmp_path / "one", workers=1, progress=False)
    run_batch([str(LONG)], tmp_path / "two", workers=2, progress=False)
    assert any(isinstance(item, Piece) for item in starts)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert not (tmp_path / "two" / TMP_DIRNAME).exists()  # the pieces' scratch files are gone
    documents = json.loads((tmp_path / "two" / "run.json").read_text(encoding="utf-8"))["documents"]
    assert [d["status"] for d in documents] == ["ok"]


def test_a_piece_out_of_time_fails_the_document_as_a_timeout(tmp_path: Path) -> None:
    result = run_batch([str(LONG), str(SAMPLES / "stress_spaced_table.pdf")], tmp_path / "out", workers=2,
                       timeout=0.05, progress=False)
    records = {r.doc_id: r for r in result.records}
    assert records["000_5d3202af9fddf20f"].error.code == "timeout"
    assert result.count("failed") >= 1 and not (tmp_path / "out" / "docs" / "000_5d3202af9fddf20f").exists()



def test_the_finish_has_what_the_pieces_left_of_the_documents_time(monkeypatch) -> None:
    """The pieces ran side by side for ``spent`` seconds: the joined finish's clock starts that much earlier
    (a document handed back gets its whole limit, as unsplit), and its seconds count them."""
    import time
    import types

    from policy_extract.batch import split as split_module
    from policy_extract.batch.budget import document_clock
    from policy_extract.batch.workers import Limits

    with document_clock(str(LONG), None, Limits(timeout=5.0), "off", spent=4.0) as clock:
        assert time.monotonic() - clock.start >= 4.0
    seen: list[float] = []

    def fake_job(_job: Job, _process: object, _context: object, spent: float = 0.0) -> object:
        seen.append(spent)
        return types.SimpleNamespace(seconds=1.0)

    monkeypatch.setattr(split_module, "process_job", fake_job)
    job = Job(0, LONG.name, str(LONG), "long", None)
    joined = split_module.run_finish(Finish(job, (), False, 3.0), None, None)
    whole = split_module.run_finish(Finish(job, (), True, 3.0), None, None)
    assert seen == [3.0, 0.0] and joined.seconds == whole.seconds == 4.0
