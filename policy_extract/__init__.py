"""policy-extract: Chinese government policy PDFs → structured, reviewable data.

Library API (the CLI is a thin shell over it)::

    from policy_extract import process_pdf, run_batch
    doc = process_pdf("notice.pdf")            # -> policy_extract.core.model.Document
    result = run_batch(["pdfs/"], "out/")      # writes the SPEC's OUTDIR layout
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "process_pdf", "run_batch"]

if TYPE_CHECKING:  # pragma: no cover
    from .core.model import Document


def process_pdf(path: str, **options: Any) -> Document:
    """Extract and normalize one PDF into a :class:`~policy_extract.core.model.Document`."""
    from .pipeline import process_pdf as _process

    return _process(path, **options)


def run_batch(inputs: list[str], outdir: str = "out", **options: Any) -> Any:
    """Run the batch job over files and folders, writing the SPEC's output layout to ``outdir``."""
    from .batch import run_batch as _run

    return _run(inputs, outdir, **options)
