"""One exception root for the project.

Each subclass also inherits the built-in error it resembles (as pdfminer.six does), so callers that catch
``ValueError`` or ``OSError`` keep working.  Every subclass carries the manifest ``code`` it maps to and a
message that says what the user can do about it.
"""

from __future__ import annotations


class PolicyExtractError(Exception):
    """Root of every error this project raises on purpose."""

    code: str = "internal"

    def __init__(self, message: str, *, page: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.page = page


class NotPDFError(PolicyExtractError, ValueError):
    code = "not_pdf"


class EncryptedPDFError(PolicyExtractError, PermissionError):
    code = "encrypted"


class CorruptPDFError(PolicyExtractError, ValueError):
    code = "corrupt"


class DocumentTimeoutError(PolicyExtractError, TimeoutError):
    code = "timeout"


class TooLargeError(PolicyExtractError, MemoryError):
    code = "too_large"


class NoTextError(PolicyExtractError, ValueError):
    code = "no_text"


class UsageError(PolicyExtractError, ValueError):
    """Bad command-line usage (exit status 2); never recorded in a manifest."""

    code = "usage"


class SettingsError(UsageError):
    """Pipeline settings that cannot work (an unknown name, a wrong type, a value out of range).

    Bad usage like a bad option (exit status 2), raised when the settings are created, before any document
    is read, so a batch never fails the same way on every document.
    """
