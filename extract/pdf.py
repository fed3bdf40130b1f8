"""Open a PDF once, and turn every way that can fail into a project error that says what to do."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from policy_extract.core.errors import CorruptPDFError, EncryptedPDFError, NotPDFError

if TYPE_CHECKING:  # pragma: no cover
    import pdfplumber

# pdfplumber and pdfminer load when a PDF is opened through them, not with the extract stage: a rerun that
# reuses every document, or a run on the pdfium page source, never pays for them.

DEFAULT_HEADER_WINDOW = 1024
"""The PDF spec allows junk before ``%PDF-``; readers accept it within the first KiB."""


def check_pdf_header(path: str | Path) -> None:
    """Raise NotPDFError unless the file starts (within 1 KiB) like a PDF."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(DEFAULT_HEADER_WINDOW)
    except IsADirectoryError as exc:
        raise NotPDFError(f"{path} is a directory, not a PDF file.") from exc
    except OSError as exc:
        raise NotPDFError(f"{path} cannot be read ({exc.strerror}); check the path and permissions.") from exc
    if b"%PDF-" not in head:
        raise NotPDFError(
            f"{path} is not a PDF (no %PDF- header); convert it to PDF first or remove it from the input."
        )


def open_pdf(path: str | Path, password: str | None = None) -> pdfplumber.PDF:
    """The opened document; raises NotPDFError, EncryptedPDFError or CorruptPDFError."""
    import pdfplumber

    check_pdf_header(path)
    try:
        pdf = pdfplumber.open(path, password=password or "")
        _ = pdf.pages  # forces the page tree: a broken xref or catalogue fails here, not halfway through
    except Exception as exc:  # pdfplumber wraps pdfminer errors; classify by the root cause
        raise classify_open_error(path, exc, password) from exc
    return pdf


def root_cause(exc: BaseException) -> BaseException:
    """pdfplumber ≥0.11 wraps pdfminer errors in PdfminerException(original)."""
    if type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def classify_open_error(path: str | Path, exc: BaseException, password: str | None) -> Exception:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    cause = root_cause(exc)
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        if password:
            return EncryptedPDFError(
                f"{path} is encrypted and the given password is wrong; check it, or decrypt the file with "
                "`qpdf --decrypt --password=PW in.pdf out.pdf`."
            )
        return EncryptedPDFError(
            f"{path} is password-protected; pass --password PW, or decrypt it first with "
            "`qpdf --decrypt --password=PW in.pdf out.pdf`."
        )
    if isinstance(cause, PDFSyntaxError) and "No /Root" in str(cause):
        return CorruptPDFError(
            f"{path} has a PDF header but no document catalogue ({cause}); it is truncated or damaged — "
            "re-download it, or try `qpdf in.pdf repaired.pdf`."
        )
    return CorruptPDFError(
        f"{path} is damaged and cannot be read ({type(cause).__name__}: {cause}); "
        "re-download it or repair it with `qpdf in.pdf repaired.pdf`."
    )


_PARSER_MODULES = ("pdfminer", "pdfplumber", "pypdfium2")


def is_parser_error(exc: BaseException) -> bool:
    """Whether ``exc`` (or what pdfplumber wrapped) was raised by a PDF parser rather than by our own code."""
    cause = root_cause(exc)
    return any(type(e).__module__.split(".")[0] in _PARSER_MODULES for e in (exc, cause))
