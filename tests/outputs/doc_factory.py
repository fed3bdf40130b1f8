"""A small, complete Document for output tests, and fake ``process`` functions for the batch runner.

Module-level functions only, so they pickle into worker processes (spawn-safe).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from policy_extract.core.errors import EncryptedPDFError
from policy_extract.core.model import (
    STAGE_FAILED,
    Cell,
    Deadline,
    Document,
    DocWarning,
    Duty,
    Indicator,
    Meta,
    OutlineNode,
    Paragraph,
    Source,
    Table,
    Value,
)


def make_document(file: str = "notice.pdf", sha256: str = "0" * 64, *, partial: bool = False) -> Document:
    """One table with a merged cell, one indicator with two values, one duty."""
    cells = [
        Cell(0, 0, 1, 1, "项目", 5, (10.0, 10.0, 50.0, 20.0)),
        Cell(0, 1, 1, 1, "2020年", 5, (50.0, 10.0, 90.0, 20.0)),
        Cell(0, 2, 1, 1, "2025年", 5, (90.0, 10.0, 130.0, 20.0)),
        Cell(1, 0, 2, 1, "制造业产品质量合格率(%)", 5, (10.0, 20.0, 50.0, 40.0),
             raw="制造业产品\n质量合格率(%)"),
        Cell(1, 1, 1, 2, '国家: 93.86, "省"', 5, (50.0, 20.0, 130.0, 30.0)),
        Cell(2, 1, 1, 1, "100.0", 5, (50.0, 30.0, 90.0, 40.0)),
    ]
    table = Table("t1", "2021-2025 质量发展总体指标", [5], 3, 3, 1, cells, section="s1",
                  bboxes=[(5, (10.0, 10.0, 130.0, 40.0))])
    indicator = Indicator(
        "i1", "t1", 1, 5, "制造业质量发展指标", "制造业产品质量合格率", "%", "预期性",
        values=[
            Value(2020, "baseline", "国家: 93.86%", op="=", value=93.86, unit="%", scope="国家"),
            Value(2025, "target", "100.0", op=">=", value=100.0, unit="%"),
        ],
        bbox=(10.0, 20.0, 130.0, 40.0),
    )
    duty = Duty(
        "d1", "table", "t1", 1, 5, "s1", "1.1.1", "城市质量发展战略规划明确清晰", "1.1 制定规划",
        "依据《质量发展纲要（2011～2020 年）》，制定规划,\n并出台。",
        deadline=Deadline("2014年12月31日", end="2014-12-31"),
        lead=["区强区办"], support=["区发改委", "各成员单位"],
    )
    warnings = [DocWarning("odd_date", "date looks odd", 2, "normalize")]
    if partial:
        warnings.append(DocWarning(STAGE_FAILED, "normalize.indicators: ValueError: boom", None, "normalize.indicators"))
    return Document(
        source=Source(file, sha256, 6),
        meta=Meta(issuer="某区人民政府办公室", doc_number="某政办〔2021〕7号", date="2021-11-30",
                  recipients=["各有关单位"], raw={"doc_number": "某政办〔2021〕 7 号"}),
        outline=[OutlineNode("s1", None, 1, "一", "总体要求", 2, (1.0, 2.0, 3.0, 4.0))],
        paragraphs=[Paragraph("s1", 2, "第一段。")],
        tables=[table],
        indicators=[indicator],
        duties=[duty],
        warnings=warnings,
    )


def fake_process(path: str, *, password: str | None = None, settings: object = None) -> Document:
    """Stands in for ``pipeline.process_pdf``: files whose name contains ``locked`` fail as encrypted,
    ``boom`` raises a plain bug, ``partial`` gives a partial document; the rest succeed."""
    name = Path(path).name
    if "locked" in name:
        raise EncryptedPDFError("the PDF is encrypted; pass --password")
    if "boom" in name:
        raise RuntimeError("simulated bug")
    data = Path(path).read_bytes()
    return make_document(name, hashlib.sha256(data).hexdigest(), partial="partial" in name)


def logging_process(path: str, **kwargs: Any) -> Document:
    """:func:`fake_process`, after appending the file's name to ``started.log`` beside it (the order in
    which the workers took the documents)."""
    with open(Path(path).parent / "started.log", "a", encoding="utf-8") as log:
        log.write(Path(path).name + "\n")
    return fake_process(path, **kwargs)


def bad_schema_process(path: str, **_: Any) -> Document:
    """Returns a document that breaks the schema (op outside the enum)."""
    doc = make_document(Path(path).name, hashlib.sha256(Path(path).read_bytes()).hexdigest())
    doc.indicators[0].values[0].op = "≥"
    return doc


def dangling_process(path: str, **_: Any) -> Document:
    """Returns a document whose indicator points at a table it does not have (a pipeline bug)."""
    doc = make_document(Path(path).name, hashlib.sha256(Path(path).read_bytes()).hexdigest())
    doc.indicators[0].table = "t9"
    return doc


def slow_process(path: str, **_: Any) -> Document:
    """Never finishes on its own within a test: the batch's timeout has to stop it."""
    import time

    time.sleep(30)
    return make_document(Path(path).name)
