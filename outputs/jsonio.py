"""document.json (and other JSON files of OUTDIR): stable, human-readable, written atomically."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from policy_extract.core.model import Document, to_jsonable

DEFAULT_INDENT = 2


def dumps_json(data: Any) -> str:
    """The canonical text of a JSON file: UTF-8 Chinese as is, 2-space indent, trailing newline.

    Floats keep Python's shortest round-trip form (``93.86`` stays ``93.86``, ``100.0`` stays ``100.0``),
    so the text is byte-stable across reruns.  NaN/Infinity are refused: they are not JSON.
    """
    return json.dumps(data, ensure_ascii=False, indent=DEFAULT_INDENT, allow_nan=False) + "\n"


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temp file beside ``path``, then ``os.replace`` it: no reader sees half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkstemp: its 0600 mode would stick to the result; 0666 lets the user's umask decide.
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_json(data: Any, path: str | os.PathLike[str]) -> Path:
    """Write any JSON-able value with :func:`dumps_json`, atomically."""
    return write_bytes_atomic(path, dumps_json(data).encode("utf-8"))


def write_document_json(doc: Document, path: str | os.PathLike[str]) -> Path:
    """Write ``doc`` as document.json (SPEC key order, see :func:`policy_extract.core.model.to_jsonable`)."""
    return write_json(to_jsonable(doc), path)
