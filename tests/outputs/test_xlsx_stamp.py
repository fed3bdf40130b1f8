"""review.xlsx is rebuilt only when the rows it shows change (an unchanged rerun skips openpyxl)."""

from __future__ import annotations

from pathlib import Path

from policy_extract.outputs.xlsx import workbook_bytes, write_review_xlsx_if_changed

ROW = ["d", "i1", "质量", "合格率", "预期性", 2025, "target", ">=", 95, None, "%", None, None, "≥95", 3]


def test_unchanged_rows_leave_the_workbook_alone_and_changed_rows_rebuild_it(tmp_path: Path) -> None:
    book, stamp = tmp_path / "review.xlsx", tmp_path / ".state" / "review.xlsx.sha256"
    assert write_review_xlsx_if_changed(book, [ROW], [], stamp) is True
    assert book.read_bytes() == workbook_bytes([ROW], [])
    assert write_review_xlsx_if_changed(book, [ROW], [], stamp) is False
    changed = [*ROW[:8], 96, *ROW[9:]]
    assert write_review_xlsx_if_changed(book, [changed], [], stamp) is True
    assert book.read_bytes() == workbook_bytes([changed], [])


def test_a_deleted_workbook_is_written_again_even_with_a_matching_stamp(tmp_path: Path) -> None:
    book, stamp = tmp_path / "review.xlsx", tmp_path / "stamp"
    write_review_xlsx_if_changed(book, [ROW], [], stamp)
    book.unlink()
    assert write_review_xlsx_if_changed(book, [ROW], [], stamp) is True
    assert book.exists()
