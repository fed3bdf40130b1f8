"""Write the ``gen_rl_*`` sources (``samples/generated/src/gen_rl_*.yaml``) of the reportlab producer.

    python samples/generated/rl_sources.py          # then: python samples/generated/build.py --producer rl

The YAML files are the single source of truth (committed); this script only saves typing: the documents are
written here as Python data, and the expected indicator values and duty deadlines are spelt out through small
helpers over the few value forms these documents print (``[5]``, ``≥95``, ``下降8%``, ``3—5``, ``—`` …), so a
number typed once in a table cell cannot disagree with its expected record.  The SPEC rules applied are noted
in each file's header comment.  Edit the documents here and rerun, or edit a YAML by hand and stop using this
script for it (``--only``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

SRC_DIR = Path(__file__).resolve().parent / "src"
_NUM = r"(\d+(?:\.\d+)?)"
CANONICAL_UNITS = {"微克/立方米": "μg/m³", "平方米": "m²", "千米": "km", "公里": "km", "分贝": "dB(A)"}
"""SPEC unit symbols; any other unit is kept as written (万吨标准煤, 个百分点, 亿斤, 元/人, 公顷)."""


def num(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def value(raw: str, year: int | None, kind: str, unit: str | None,
          base_year: int | None = None) -> dict[str, Any]:
    """One expected value from a printed cell, by the SPEC word → op table (only forms used here)."""
    out: dict[str, Any] = {"year": year, "kind": kind, "raw": raw, "op": None, "value": None,
                           "value_max": None, "unit": None, "scope": None, "base_year": None, "text": None}
    s = raw.strip()
    if s in ("—", "--", "/", "－", ""):
        return out
    cell_unit = "%" if "%" in s else unit
    forms: list[tuple[str, str]] = [
        (rf"^\[{_NUM}\]$", "="), (rf"^{_NUM}%?$", "="), (rf"^(?:≥|不低于|达到){_NUM}%?(?:以上)?$", ">="),
        (rf"^{_NUM}%?以上$", ">="), (rf"^(?:≤|控制在|不超过){_NUM}%?(?:以内)?$", "<="),
        (rf"^{_NUM}%?以下$", "<="),
        (rf"^(?:累计)?(?:下降|降低){_NUM}%?$", "decrease_by"), (rf"^(?:年均)?增长{_NUM}%?$", "increase_by"),
        (rf"^>{_NUM}%?$", ">"), (rf"^<{_NUM}%?$", "<"),
    ]
    for pattern, op in forms:
        m = re.match(pattern, s)
        if m:
            out.update(op=op, value=num(m.group(1)), unit=cell_unit, base_year=base_year)
            return out
    m = re.match(rf"^{_NUM}[—-]{_NUM}%?$", s)
    if m:
        out.update(op="range", value=num(m.group(1)), value_max=num(m.group(2)), unit=cell_unit)
        return out
    out["text"] = raw  # qualitative
    return out


def name_unit(name: str) -> tuple[str, str | None]:
    """``单位GDP能耗降低（%）`` → (``单位GDP能耗降低``, ``%``): a trailing unit in brackets."""
    m = re.match(r"^(.+)[（(]([^（）()]+)[）)]$", name)
    if not m:
        return name, None
    return m.group(1), CANONICAL_UNITS.get(m.group(2), m.group(2))


def year_of(header: str) -> tuple[int | None, str]:
    """``2020年（基期）`` → (2020, baseline); ``2025年目标`` / ``2025年`` → (2025, target)."""
    m = re.match(r"^((?:19|20)\d\d)年", header)
    if not m:
        return None, "target"
    return int(m.group(1)), "baseline" if "基期" in header or "基准" in header else "target"


def indicators(table: dict[str, Any], *, name_col: int, years: Sequence[int], group: str | int | None,
               attr_col: int | None = None, unit_col: int | None = None,
               baseline_col_years: dict[int, int] | None = None) -> list[dict[str, Any]]:
    """Expected indicators of an indicator table: one per data row, one value per year column.

    ``group`` is a column index (category column, merged cells repeat their text) or None (no category
    column: group null); ``years`` the column indexes of the value columns, whose header (last header row)
    gives year and kind."""
    rows = table["rows"]
    hdr = rows[table.get("header_rows", 1) - 1]
    out = []
    for r in range(table.get("header_rows", 1), len(rows)):
        row = rows[r]
        name, unit = name_unit(row[name_col].replace("\n", ""))
        if unit_col is not None:
            unit = row[unit_col] or None
        values = []
        for c in years:
            year, kind = year_of(hdr[c])
            values.append(value(row[c], year, kind, unit))
        out.append({"table": table["id"], "row": r,
                    "group": row[group].replace("\n", "") if isinstance(group, int) else group,
                    "name": name, "unit": unit,
                    "attribute": row[attr_col] if attr_col is not None else None, "values": values})
    return out


def deadline(raw: str | None, doc_year: int) -> dict[str, Any] | None:
    """A deadline at the precision written (SPEC); a year-less one takes the 成文日期's year."""
    if not raw:
        return None
    out: dict[str, Any] = {"raw": raw, "start": None, "end": None, "note": None}
    if raw in ("长期坚持", "持续推进", "长期"):
        out["note"] = raw
        return out
    ends = []
    # 底 ends the year only after 年 (2023年底前, 年底前); 6月底前 is June, not a second, year-end match
    for m in re.finditer(r"(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日)?|(?<=年)底)", raw):
        year = int(m.group(1)) if m.group(1) else doc_year
        if m.group(2) is None:
            ends.append(f"{year}-12-31")
        elif m.group(3):
            ends.append(f"{year}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
        else:
            ends.append(f"{year}-{int(m.group(2)):02d}")
    if not ends:
        m = re.match(r"^(\d{4})年", raw)
        ends = [m.group(1)] if m else []
    out["end"] = ends[-1] if ends else None
    return out


def write(doc: dict[str, Any]) -> Path:
    doc = dict(doc)
    comment = doc.pop("_comment", "").strip()
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None)
    head = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    path = SRC_DIR / f"{doc['doc_id']}.yaml"
    path.write_text(head + text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write samples/generated/src/gen_rl_*.yaml.")
    ap.add_argument("--only", nargs="+", default=[])
    args = ap.parse_args(argv)
    from samples.generated.rl_docs import DOCS  # the documents use the helpers above

    for doc in DOCS:
        if not args.only or doc["doc_id"] in args.only:
            print(f"wrote {write(doc)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
