"""policy-extract: Chinese government policy PDFs → structured, reviewable data.

Library API (the CLI is a thin shell over it)::

    from policy_extract import PipelineSettings, process_pdf, run_batch
    doc = process_pdf("notice.pdf")                         # -> policy_extract.core.model.Document
    doc = process_pdf("scan.pdf", settings={"ocr": "force", "extract": {"ocr": {"dpi": 300}}})
    result = run_batch(["pdfs/"], "out/", settings=PipelineSettings())   # the SPEC's OUTDIR layout

Floors: :mod:`policy_extract.core` (model, errors, geometry, digest) imports nothing of the project; the
stages :mod:`~policy_extract.extract`, :mod:`~policy_extract.normalize` and :mod:`~policy_extract.outputs`
import only the core; this package's top (pipeline, settings, batch, cli) imports the stages
(``tests/test_architecture.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["PipelineSettings", "__version__", "process_pdf", "run_batch"]

if TYPE_CHECKING:  # pragma: no cover
    import os

    from .batch import BatchResult
    from .core.model import Document
    from .settings import PipelineSettings


def process_pdf(
    path: str,
    *,
    settings: PipelineSettings | Mapping[str, Any] | None = None,
    password: str | None = None,
) -> Document:
    """Extract and normalize one PDF into a :class:`~policy_extract.core.model.Document`."""
    from .pipeline import process_pdf as _process

    return _process(path, settings=settings, password=password)


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str] = "out",
    *,
    settings: PipelineSettings | Mapping[str, Any] | None = None,
    **options: Any,
) -> BatchResult:
    """Run the batch job over files and folders, writing the SPEC's output layout to ``outdir``."""
    from .batch import run_batch as _run

    return _run(inputs, outdir, settings=settings, **options)


def __getattr__(name: str) -> Any:
    """``PipelineSettings`` loads the stages' settings, so it is imported only when asked for."""
    if name == "PipelineSettings":
        from .settings import PipelineSettings

        return PipelineSettings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
