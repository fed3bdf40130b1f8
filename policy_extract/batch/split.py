"""A long document's extract stage shared among workers, so one document cannot keep the others idle at the
end of a batch (issue 18).

Rules:

* Only with the local executor, more than one worker, the pipeline's own process function
  (:func:`policy_extract.pipeline.process_pdf`) and ``--ocr`` other than ``force``.  When a document is about
  to be dispatched, the parent counts its pages (pdfium; no page is parsed).  It is split when it has at
  least ``2 × MIN_PIECE_PAGES`` pages and more than its workers' share of the pages still to start
  (``pages > SPLIT_SHARE × (pages + pages of the documents waiting) / workers``): it would otherwise be the
  batch's tail.  Its pages are cut into up to ``workers`` ranges of about equal cost (a range after the first
  primes the pages before it, :func:`~policy_extract.extract.document.extract_pages`; :data:`PRIME_COST`),
  queued ahead of every other document.
* Each piece extracts its range in a worker under the document's time limit and the worker's memory cap, into
  a scratch file of OUTDIR.  When all are in, one more job, the finish, joins them in page order, runs the
  normalize stage once, validates and writes the document (:func:`~.task.process_job`, as unsplit): the
  output is byte-identical to the unsplit run's.
* A piece that met state spanning pages (a page read with OCR, a garbled font) or failed for any reason but
  the time limit or the memory cap hands the document back: the finish processes it whole, as an unsplit run
  does (same output, same error).  A piece stopped by the time limit or the memory cap, or whose worker was
  killed or died, is the document's failure, recorded as an unsplit one is; its other pieces are dropped.
* The manifest, run.json, progress and resume state see one document (its outcome is the finish's, or the
  failed piece's), written in input order as always.  Its seconds in run.json are the longest piece's plus
  the finish's.  Each piece gets the document's time limit, the finish what the longest piece left of it
  (the pieces run side by side), so the document's work still fits in its limit; a document handed back
  gets its whole limit again, as unsplit.
"""

from __future__ import annotations

import functools
import os
import pickle
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import ErrorCode

from .outcome import DocOutcome, error_code_and_message
from .plan import Job
from .task import JobContext, ProcessFn, failure, process_job, release_frames

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.extract.document import PagePiece

    from .progress import Progress

MIN_PIECE_PAGES = 16
"""Pages of the smallest piece: below it, the piece's fixed costs (opening the file, the finish's transfer)
outweigh what sharing gains."""
SPLIT_SHARE = 1.2
"""How far beyond its workers' share of the waiting pages a document must go to be split."""
PRIME_COST: dict[str, float] = {"pdfminer": 0.0}
"""Share of a page's extract time that priming it costs, by page source (pdfminer carries nothing over;
pdfium primes by reading the page's characters, measured 0.45 on the 55-page sample)."""
DEFAULT_PRIME_COST = 0.5
STOPPING_CODES = frozenset({ErrorCode.TIMEOUT, ErrorCode.TOO_LARGE})
"""A piece's failures that are the document's (see the module docstring); any other redoes it whole."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Pages ``first``..``last`` of ``job``'s document, the ``part``-th of ``parts``."""

    job: Job
    first: int
    last: int
    part: int
    parts: int


@dataclass(frozen=True, slots=True)
class PieceDone:
    """A piece's pages in a scratch file (``None``: the document is to be processed whole)."""

    file: str | None
    seconds: float


@dataclass(frozen=True, slots=True)
class Finish:
    """Join ``files`` (the pieces, in page order) and write the document; ``whole``: a piece handed it back,
    so process it whole (the files are removed)."""

    job: Job
    files: tuple[str, ...]
    whole: bool
    spent: float
    """The longest piece's seconds."""


# --------------------------------------------------------------------------------------------- worker


def run_item(item: Job | Piece | Finish, process: ProcessFn, context: JobContext) -> Any:
    """The batch task: a whole document, a piece of one or a finish (runs in a worker process)."""
    if isinstance(item, Piece):
        return run_piece(item, context)
    if isinstance(item, Finish):
        return run_finish(item, process, context)
    return process_job(item, process, context)


def run_piece(piece: Piece, context: JobContext) -> PieceDone | DocOutcome:
    from policy_extract import pipeline

    from .budget import document_clock
    from .outdir import tmp_root

    start, job, limits = time.perf_counter(), piece.job, context.settings.limits
    try:
        with document_clock(job.path, context.password, limits, context.settings.ocr):
            part = pipeline.extract_piece(job.path, piece.first, piece.last, password=context.password,
                                          settings=context.settings)
        if not part.alone:
            return PieceDone(None, time.perf_counter() - start)
        name = f"{job.doc_id}.{piece.part}.{os.getpid()}.{os.urandom(4).hex()}.pages"
        file = tmp_root(Path(context.outdir)) / name
        file.write_bytes(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as exc:
        code, message = error_code_and_message(exc, limits.max_memory)
        if code not in STOPPING_CODES:
            return PieceDone(None, time.perf_counter() - start)
        if code == ErrorCode.TOO_LARGE:
            release_frames(exc)
        return failure(job, Path(context.outdir), exc, code, message, time.perf_counter() - start)
    return PieceDone(str(file), time.perf_counter() - start)


def run_finish(finish: Finish, process: ProcessFn, context: JobContext) -> DocOutcome:
    from policy_extract import pipeline

    if finish.whole:
        for file in finish.files:
            Path(file).unlink(missing_ok=True)
        outcome = process_job(finish.job, process, context)  # its whole limit, as when it is not split
    else:
        load = functools.partial(load_pieces, finish.files)
        process = functools.partial(pipeline.process_pieces, pieces=load)
        outcome = process_job(finish.job, process, context, finish.spent)
    outcome.seconds += finish.spent
    return outcome


def load_pieces(files: tuple[str, ...]) -> list[PagePiece]:
    """The pieces' pages, their scratch files removed."""
    pieces = []
    for file in files:
        path = Path(file)
        pieces.append(pickle.loads(path.read_bytes()))
        path.unlink(missing_ok=True)
    return pieces


# --------------------------------------------------------------------------------------------- parent


def piece_ranges(pages: int, parts: int, prime: float) -> list[tuple[int, int]]:
    """``parts`` page ranges covering 1..``pages`` whose costs are about equal when each primes the pages
    before it at ``prime`` of a page's cost: range k starts after ``x_k`` pages, ``x_{k+1} = (1 − prime)
    x_k + L`` with ``L = pages × prime / (1 − (1 − prime)^parts)`` (``pages / parts`` without priming)."""
    share = pages / parts if prime <= 0 else pages * prime / (1 - (1 - prime) ** parts)
    ranges, before, first = [], 0.0, 1
    for part in range(parts):
        before = (1 - prime) * before + share
        last = pages - (parts - 1 - part)  # every later range keeps a page at least
        last = min(max(first, round(before)), last) if part < parts - 1 else pages
        ranges.append((first, last))
        first = last + 1
    return ranges


class Splitter:
    """The parent's side (rules in the module docstring): which documents to split, and their pieces'
    results gathered into the finish; ``on_done`` gets one result per document."""

    def __init__(self, jobs: list[Job], workers: int, context: tuple[str | None, str],
                 on_done: Callable[[Job, Any], None], progress: Progress) -> None:
        self.pending: deque[Job | Piece | Finish] = deque(jobs)
        self.workers, (self.password, source) = workers, context
        self.prime = PRIME_COST.get(source, DEFAULT_PRIME_COST)
        self.outer, self.progress = on_done, progress
        self.pages: dict[int, int] = {}
        self.results: dict[int, list[PieceDone | None]] = {}
        self.lost: set[int] = set()

    def count(self, job: Job) -> int:
        if job.index not in self.pages:
            from .budget import count_pages

            self.pages[job.index] = count_pages(job.path, self.password)
        return self.pages[job.index]

    def expand(self, item: Job | Piece | Finish) -> list[Job | Piece | Finish]:
        """What to start for ``item``: the item itself, or its document's pieces."""
        if not isinstance(item, Job) or not self.worth_splitting(item):
            return [item]
        pages = self.count(item)
        parts = min(self.workers, pages // MIN_PIECE_PAGES)
        self.results[item.index] = [None] * parts
        ranges = piece_ranges(pages, parts, self.prime)
        return [Piece(item, first, last, k, parts) for k, (first, last) in enumerate(ranges)]

    def worth_splitting(self, job: Job) -> bool:
        pages = self.count(job)
        if pages < 2 * MIN_PIECE_PAGES:
            return False
        limit = pages * self.workers / SPLIT_SHARE - pages  # the waiting pages under which it is the tail
        waiting = 0
        for other in self.pending:
            if waiting >= limit:
                break
            waiting += self.count(other) if isinstance(other, Job) else 0
        return waiting < limit

    def on_start(self, item: Job | Piece | Finish) -> None:
        if isinstance(item, Job) or (isinstance(item, Piece) and item.part == 0):
            self.progress.start(item.job.file if isinstance(item, Piece) else item.file)

    def on_done(self, item: Job | Piece | Finish, result: Any) -> None:
        if isinstance(item, Piece):
            self.piece_done(item, result)
        elif isinstance(item, Finish):
            self.outer(item.job, result)
        else:
            self.outer(item, result)

    def piece_done(self, piece: Piece, result: Any) -> None:
        index = piece.job.index
        if index in self.lost:
            return  # the document has its outcome already
        if not isinstance(result, PieceDone):  # stopped by a limit, or its worker was killed or died
            self.lost.add(index)
            kept = [i for i in self.pending if not (isinstance(i, Piece) and i.job.index == index)]
            self.pending.clear()
            self.pending.extend(kept)
            self.outer(piece.job, result)
            return
        done = self.results[index]
        done[piece.part] = result
        if all(d is not None for d in done):
            files = tuple(d.file for d in done if d is not None and d.file is not None)
            spent = max(d.seconds for d in done if d is not None)
            self.pending.appendleft(Finish(piece.job, files, len(files) < len(done), spent))
