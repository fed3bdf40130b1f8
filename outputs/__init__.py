"""Writers (JSON, CSV, XLSX), the JSON Schema, and diff.  Serialization only: no extraction logic.

* :mod:`outputs.jsonio` — ``write_document_json`` (document.json), atomic file writes.
* :mod:`outputs.csvio` — ``indicators.csv``, ``duties.csv``, ``tables/<table_id>.csv``.
* :mod:`outputs.xlsx` — ``review.xlsx`` (sheets 指标 and 任务), byte-deterministic.
* :mod:`outputs.manifest` — ``manifest.json`` records and the ok/partial rule.
* :mod:`outputs.schema` — ``validate_document`` / ``validate_manifest`` against ``schema/*.schema.json``.

Nothing is imported here, so that ``import outputs`` stays cheap (openpyxl and jsonschema load on use).
"""
