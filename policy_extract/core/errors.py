"""One exception root for the project, and the manifest's error codes defined once.

Each subclass also inherits the built-in error it resembles (as pdfminer.six does), so callers that catch
``ValueError`` or ``OSError`` keep working.  Every subclass carries the manifest ``code`` it maps to and a
message that says what the user can do about it.

:class:`ErrorCode` is the only place the codes are spelled; :data:`ERROR_CODES` says what each means (the
manifest schema's enum and description are tested equal to it) and whether a rerun may reuse it (the resume
rules read :data:`REUSABLE_FAILURES`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class ErrorCode(StrEnum):
    """The ``error.code`` of a failed manifest record (a ``str``: it serializes as its value)."""

    NOT_PDF = "not_pdf"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    NO_TEXT = "no_text"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class ErrorCodeRule:
    """What a code means to the user, and whether a rerun may reuse the failure instead of retrying it."""

    meaning: str
    reusable: bool
    """A rerun of the same bytes with the same fingerprint would fail the same way."""
    unless_changed: str | None = None
    """The run limit (``timeout``, ``max_memory``) whose change makes a reusable failure worth retrying."""


ERROR_CODES: Mapping[ErrorCode, ErrorCodeRule] = MappingProxyType(
    {
        ErrorCode.NOT_PDF: ErrorCodeRule("not a PDF file", reusable=True),
        ErrorCode.ENCRYPTED: ErrorCodeRule("needs a (different) --password", reusable=False),
        ErrorCode.CORRUPT: ErrorCodeRule("unreadable PDF structure", reusable=True),
        ErrorCode.TIMEOUT: ErrorCodeRule(
            "took longer than --timeout", reusable=True, unless_changed="timeout"
        ),
        ErrorCode.TOO_LARGE: ErrorCodeRule(
            "over a size or memory limit", reusable=True, unless_changed="max_memory"
        ),
        ErrorCode.NO_TEXT: ErrorCodeRule("no text layer and OCR off or failed", reusable=True),
        ErrorCode.INTERNAL: ErrorCodeRule(
            "a bug or an output that broke the document schema (message says which)", reusable=False
        ),
    }
)

REUSABLE_FAILURES: Mapping[str, str | None] = MappingProxyType(
    {code.value: rule.unless_changed for code, rule in ERROR_CODES.items() if rule.reusable}
)
"""Failure codes a rerun may reuse → the limit whose change makes it retry (None: nothing can)."""


def error_codes_description() -> str:
    """The ``description`` of the manifest schema's ``error.code`` (tested equal to the schema file)."""
    return "; ".join(f"{code.value}: {rule.meaning}" for code, rule in ERROR_CODES.items()) + "."


class PolicyExtractError(Exception):
    """Root of every error this project raises on purpose."""

    code: str = ErrorCode.INTERNAL

    def __init__(self, message: str, *, page: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.page = page


class NotPDFError(PolicyExtractError, ValueError):
    code = ErrorCode.NOT_PDF


class EncryptedPDFError(PolicyExtractError, PermissionError):
    code = ErrorCode.ENCRYPTED


class CorruptPDFError(PolicyExtractError, ValueError):
    code = ErrorCode.CORRUPT


class DocumentTimeoutError(PolicyExtractError, TimeoutError):
    code = ErrorCode.TIMEOUT


class TooLargeError(PolicyExtractError, MemoryError):
    code = ErrorCode.TOO_LARGE


class NoTextError(PolicyExtractError, ValueError):
    code = ErrorCode.NO_TEXT


class UsageError(PolicyExtractError, ValueError):
    """Bad command-line usage (exit status 2); never recorded in a manifest."""

    code = "usage"


class SettingsError(UsageError):
    """Pipeline settings that cannot work (an unknown name, a wrong type, a value out of range).

    Bad usage like a bad option (exit status 2), raised when the settings are created, before any document
    is read, so a batch never fails the same way on every document.
    """


class SchemaVersionError(PolicyExtractError, ValueError):
    """A document.json written under a contract version this code does not read (newer, or unknown).

    Reading it anyway would fail later on a missing or renamed key, far from the cause; ``diff`` and
    ``review`` report this instead (exit status 2).
    """

    def __init__(self, found: object, supported: str) -> None:
        self.found, self.supported = found, supported
        super().__init__(_version_message(found, supported))


def _version_message(found: object, supported: str) -> str:
    """Both versions named, and what to do: a newer file wants a newer program, an unknown one a rerun."""
    shown = "(missing)" if found is None else repr(found)
    newer = isinstance(found, str) and found.isdigit() and supported.isdigit() and int(found) > int(supported)
    if newer:
        return (f"schema_version {shown} is newer than the {supported!r} this policy-extract reads; "
                "upgrade policy-extract (or rerun this one on the PDFs)")  # fmt: skip
    return f"schema_version {shown} is unknown: this policy-extract reads {supported!r}; rerun it on the PDFs"


class DocumentReferenceError(PolicyExtractError, ValueError):
    """A record of a Document points at an id the document does not have (or an id is repeated).

    A programming error in the stage that built the document; the batch records it as ``internal``.
    """
