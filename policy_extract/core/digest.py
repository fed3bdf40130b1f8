"""The SHA-256 of an input file: the identity of a document in the manifest, the resume state and review."""

from __future__ import annotations

import hashlib
import os

DEFAULT_HASH_CHUNK = 1 << 20
"""Read in 1 MiB chunks so a large PDF is never held in memory just to be hashed."""


def sha256_of(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(DEFAULT_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
