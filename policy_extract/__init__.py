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

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .batch import run_batch
    from .pipeline import process_pdf
    from .settings import PipelineSettings

__all__ = ["PipelineSettings", "__version__", "process_pdf", "run_batch"]


def __getattr__(name: str) -> Any:
    """The API is imported when first asked for: importing the package alone (``python -m policy_extract``
    before an unchanged rerun's check, :mod:`policy_extract.batch.rerun`) loads none of the batch, the
    settings or the stages."""
    if name == "run_batch":
        from .batch import run_batch

        return run_batch
    if name == "process_pdf":
        from .pipeline import process_pdf

        return process_pdf
    if name == "PipelineSettings":
        from .settings import PipelineSettings

        return PipelineSettings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
