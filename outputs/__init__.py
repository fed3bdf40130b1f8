"""Writers (JSON, CSV, XLSX), the JSON Schema, and diff.  Serialization only: no extraction logic."""
