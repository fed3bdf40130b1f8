from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from doc_factory import make_document

from policy_extract.core.model import Document


@pytest.fixture
def document() -> Document:
    return make_document()
