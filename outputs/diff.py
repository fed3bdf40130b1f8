"""What changed between two runs: ``policy-extract diff OLD NEW`` (OLD/NEW: two OUTDIRs or two document.json).

:func:`diff_paths` returns a :class:`DiffResult` (a flat, ordered list of :class:`Change`); the renderers
below turn it into plain or coloured text, Markdown or JSON, and the CLI only prints one of them.

How records are matched (ids such as ``t3``/``i12``/``d40`` are renumbered whenever something is added
earlier in a document, so they never decide a match):

* documents by ``doc_id`` (the manifest order of NEW, then documents only OLD has);
* tables by title (the n-th table titled X with the n-th table titled X), then untitled or renamed leftovers
  by their position in the document;
* table rows by content: the two dense grids are aligned like lines of a text diff, so an inserted row is
  one added row, not a change of every row below it; the cells of a changed row are compared one by one;
* indicators by ``group`` + ``name``; their values by year, kind and scope;
* duties by ``source`` + ``number``, or ``source`` + ``task`` when they have no number;
* sidebars by number (or title), outline headings and paragraphs as sequences, warnings as a set.

Fields that are positions or cross-references (:data:`DEFAULT_IGNORED_FIELDS`) are not compared: they
change whenever anything earlier moves, and the content they point at is compared where it lives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

from policy_extract.core.errors import UsageError
from policy_extract.core.model import (
    Document,
    Duty,
    Indicator,
    Meta,
    Sidebar,
    Source,
    Table,
    Value,
    to_jsonable,
)

from .csvio import table_grid
from .jsonio import read_document_json, read_manifest_json

Op = Literal["added", "removed", "changed"]
T = TypeVar("T")

DEFAULT_IGNORED_FIELDS: frozenset[str] = frozenset(
    {"id", "bbox", "bboxes", "row", "page", "table", "section"}
)
"""Positions and cross-references: not compared (see the module docstring)."""
IGNORABLE_FIELDS: frozenset[str] = DEFAULT_IGNORED_FIELDS | {"raw", "method", "pages", "sha256", "file"}
DEFAULT_MAX_TEXT = 60
"""Longest text shown in one place by the text and Markdown renderers (JSON is never cut)."""
DEFAULT_MAX_LABEL = 20
TABLE_FIELDS: tuple[str, ...] = ("title", "pages", "n_cols", "header_rows", "method")
ARROW = "→"
OP_MARKS: dict[str, str] = {"added": "+", "removed": "-", "changed": "~"}
OP_STYLES: dict[str, str] = {"added": "green", "removed": "red", "changed": "yellow"}


@dataclass(frozen=True, slots=True)
class DiffSettings:
    ignore_fields: frozenset[str] = DEFAULT_IGNORED_FIELDS
    max_text: int = DEFAULT_MAX_TEXT

    def __post_init__(self) -> None:
        unknown = set(self.ignore_fields) - IGNORABLE_FIELDS
        if unknown:
            raise UsageError(f"cannot ignore field(s) {', '.join(sorted(unknown))}; ignorable: "
                             f"{', '.join(sorted(IGNORABLE_FIELDS))}")  # fmt: skip
        if not isinstance(self.max_text, int) or self.max_text < 10:
            raise UsageError(f"max_text must be a whole number ≥ 10, not {self.max_text!r}")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference.  ``key`` names the record (a table title, ``group / name`` of an indicator, a duty
    number), ``field`` what inside it changed (``2025``, ``lead``, ``row 4 产品合格率 · 2025年``).
    ``old``/``new`` are JSON values: the changed field's values, or the whole record when it was added or
    removed."""

    doc_id: str
    part: str
    """``document source meta outline paragraph sidebar table row cell indicator duty warning``."""
    op: Op
    key: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DiffResult:
    old: str
    new: str
    documents: list[str]
    """doc_ids present on either side, in report order."""
    changes: list[Change] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, int]:
        return {op: sum(1 for c in self.changes if c.op == op) for op in OP_MARKS}

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "equal": self.equal,
            "documents": self.documents,
            "counts": self.counts(),
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(frozen=True, slots=True)
class RunEntry:
    """One document of one side: its manifest status and (unless it failed) its document."""

    doc_id: str
    status: str
    error: dict[str, Any] | None
    document: Document | None


# ------------------------------------------------------------------------------------------------ loading


def load_document(path: Path) -> Document:
    """A document.json as a :class:`Document`; anything else (or another contract version) is bad usage."""
    return read_document_json(path)


def doc_id_of_file(path: Path) -> str:
    """``docs/<doc_id>/document.json`` → doc_id; any other file name → its stem."""
    return path.parent.name if path.name == "document.json" and path.parent.name else path.stem


def load_outdir(outdir: Path) -> dict[str, RunEntry]:
    """The documents of an OUTDIR in manifest order (or ``docs/*`` sorted when there is no manifest)."""
    manifest = outdir / "manifest.json"
    if manifest.is_file():
        entries = [entry_of_record(outdir, r) for r in read_manifest_json(manifest)]
    elif (outdir / "docs").is_dir():
        found = sorted(p for p in (outdir / "docs").glob("*/document.json"))
        entries = [RunEntry(p.parent.name, "ok", None, load_document(p)) for p in found]
    else:
        raise UsageError(f"{outdir} is not an OUTDIR (no manifest.json and no docs/ folder)")
    return {e.doc_id: e for e in entries}


def entry_of_record(outdir: Path, record: dict[str, Any]) -> RunEntry:
    """A manifest record and its document; a document the manifest lists as written must be there."""
    doc_id, status = str(record["doc_id"]), str(record["status"])
    if status == "failed":
        return RunEntry(doc_id, status, record.get("error"), None)
    path = outdir / "docs" / doc_id / "document.json"
    if not path.is_file():
        raise UsageError(f"{outdir / 'manifest.json'} lists {doc_id} as {status}, but {path} is missing")
    return RunEntry(doc_id, status, record.get("error"), load_document(path))


def load_side(path: Path) -> dict[str, RunEntry]:
    if path.is_dir():
        return load_outdir(path)
    return {doc_id_of_file(path): RunEntry(doc_id_of_file(path), "ok", None, load_document(path))}


def diff_paths(
    old: str | os.PathLike[str], new: str | os.PathLike[str], settings: DiffSettings | None = None
) -> DiffResult:
    """Compare two OUTDIRs or two document.json files (both of one kind); raises UsageError otherwise."""
    settings = settings or DiffSettings()
    old_path, new_path = Path(old), Path(new)
    for p in (old_path, new_path):
        if not p.exists():
            raise UsageError(f"no such file or folder: {os.fspath(p)}")
    if old_path.is_dir() != new_path.is_dir():
        raise UsageError("OLD and NEW must both be OUTDIRs or both be document.json files")
    old_side, new_side = load_side(old_path), load_side(new_path)
    if not old_path.is_dir():  # two files: compare them whatever their folders are called
        old_side = {doc_id: entry for doc_id, entry in zip(new_side, old_side.values(), strict=True)}
    return diff_runs(os.fspath(old), os.fspath(new), old_side, new_side, settings)


def diff_runs(
    old_name: str, new_name: str, old: dict[str, RunEntry], new: dict[str, RunEntry], settings: DiffSettings
) -> DiffResult:
    ids = list(new) + [d for d in old if d not in new]
    changes: list[Change] = []
    for doc_id in ids:
        changes += entry_changes(doc_id, old.get(doc_id), new.get(doc_id), settings)
    return DiffResult(old_name, new_name, ids, changes)


def entry_changes(
    doc_id: str, old: RunEntry | None, new: RunEntry | None, settings: DiffSettings
) -> list[Change]:
    if old is None or new is None:
        op: Op = "added" if old is None else "removed"
        entry = new or old
        assert entry is not None
        record = {"status": entry.status, "error": entry.error}
        return [
            Change(doc_id, "document", op, doc_id, None, None if new else record, record if new else None)
        ]
    out = [
        Change(doc_id, "document", "changed", doc_id, name, getattr(old, name), getattr(new, name))
        for name in ("status", "error")
        if getattr(old, name) != getattr(new, name)
    ]
    if old.document is not None and new.document is not None:
        out += diff_documents(old.document, new.document, doc_id, settings)
    return out


# ---------------------------------------------------------------------------------------- one document


def diff_documents(
    old: Document, new: Document, doc_id: str = "", settings: DiffSettings | None = None
) -> list[Change]:
    """Every change from ``old`` to ``new``, part by part in document.json order."""
    s = settings or DiffSettings()
    return [
        *record_changes(doc_id, "source", "source", plain(old.source, Source), plain(new.source, Source), s),
        *record_changes(doc_id, "meta", "meta", meta_dict(old.meta), meta_dict(new.meta), s),
        *outline_changes(doc_id, old, new),
        *paragraph_changes(doc_id, old, new),
        *sidebar_changes(doc_id, old.sidebars, new.sidebars, s),
        *table_changes(doc_id, old.tables, new.tables, s),
        *indicator_changes(doc_id, old.indicators, new.indicators, s),
        *duty_changes(doc_id, old.duties, new.duties, s),
        *warning_changes(doc_id, old, new),
    ]


def plain(record: Any, cls: type) -> dict[str, Any]:
    return {f.name: to_jsonable(getattr(record, f.name)) for f in fields(cls)}


def meta_dict(meta: Meta) -> dict[str, Any]:
    """Meta without ``raw``: the printed forms are compared through the normalized fields."""
    return {k: v for k, v in plain(meta, Meta).items() if k != "raw"}


def record_changes(
    doc_id: str,
    part: str,
    key: str,
    old: dict[str, Any],
    new: dict[str, Any],
    s: DiffSettings,
    prefix: str = "",
) -> list[Change]:
    """Field-by-field changes of two records (nested records such as ``deadline`` flattened as ``a.b``)."""
    out: list[Change] = []
    for name in dict.fromkeys([*new, *old]):
        if name in s.ignore_fields:
            continue
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out += record_changes(doc_id, part, key, a, b, s, f"{prefix}{name}.")
        else:
            out.append(Change(doc_id, part, "changed", key, f"{prefix}{name}", a, b))
    return out


def without(record: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    drop = set(names)
    return {k: v for k, v in record.items() if k not in drop}


def match_by_key(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable]
) -> list[tuple[T | None, T | None]]:
    """Pairs of records with equal keys (the n-th with the n-th when a key repeats): NEW order first,
    then the records only OLD has, in OLD order."""

    def numbered(items: Sequence[T]) -> dict[tuple[Hashable, int], T]:
        seen: dict[Hashable, int] = {}
        out: dict[tuple[Hashable, int], T] = {}
        for item in items:
            k = key(item)
            seen[k] = seen.get(k, 0) + 1
            out[(k, seen[k])] = item
        return out

    olds, news = numbered(old), numbered(new)
    pairs: list[tuple[T | None, T | None]] = [(olds.get(k), v) for k, v in news.items()]
    return pairs + [(v, None) for k, v in olds.items() if k not in news]


def aligned(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int | None, int | None]]:
    """Index pairs of two sequences aligned like a line diff; a replaced block pairs its items in order."""
    pairs: list[tuple[int | None, int | None]] = []
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            pairs.append((i1 + k if i1 + k < i2 else None, j1 + k if j1 + k < j2 else None))
    return pairs


def sequence_changes(
    doc_id: str, part: str, old: Sequence[str], new: Sequence[str], keys: tuple[Sequence[str], Sequence[str]]
) -> list[Change]:
    """Added, removed and changed items of two aligned text sequences; ``keys`` label each item."""
    out: list[Change] = []
    for i, j in aligned(old, new):
        if i is not None and j is not None:
            if old[i] != new[j]:
                out.append(Change(doc_id, part, "changed", keys[1][j], None, old[i], new[j]))
        elif j is not None:
            out.append(Change(doc_id, part, "added", keys[1][j], None, None, new[j]))
        elif i is not None:
            out.append(Change(doc_id, part, "removed", keys[0][i], None, old[i], None))
    return out


def heading_label(number: str, title: str) -> str:
    return f"{number} {title}".strip()


def outline_changes(doc_id: str, old: Document, new: Document) -> list[Change]:
    def labels(doc: Document) -> list[str]:
        return [heading_label(o.number, o.title) for o in doc.outline]

    def keys(doc: Document) -> list[str]:
        return [f"level {o.level}" for o in doc.outline]

    return sequence_changes(doc_id, "outline", labels(old), labels(new), (keys(old), keys(new)))


def paragraph_changes(doc_id: str, old: Document, new: Document) -> list[Change]:
    """Paragraphs as a sequence; each is named by the heading it stands under."""

    def keys(doc: Document) -> list[str]:
        names = {o.id: heading_label(o.number, o.title) for o in doc.outline}
        return [names.get(p.section or "", "(before the first heading)") for p in doc.paragraphs]

    texts = ([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    return sequence_changes(doc_id, "paragraph", *texts, (keys(old), keys(new)))


def sidebar_key(b: Sidebar) -> Hashable:
    return ("n", b.number) if b.number is not None else ("title", b.title)


def sidebar_label(b: Sidebar) -> str:
    return f"专栏{b.number} {b.title}" if b.number is not None else b.title


def sidebar_changes(doc_id: str, old: list[Sidebar], new: list[Sidebar], s: DiffSettings) -> list[Change]:
    out: list[Change] = []
    for a, b in match_by_key(old, new, sidebar_key):
        if a is None or b is None:
            out.append(added_or_removed(doc_id, "sidebar", sidebar_label(b or a), a, b))  # type: ignore[arg-type]
            continue
        key = sidebar_label(b)
        fa = without(plain(a, Sidebar), ("items", "tables"))
        out += record_changes(doc_id, "sidebar", key, fa, without(plain(b, Sidebar), ("items", "tables")), s)
        items = ([i.text for i in a.items], [i.text for i in b.items])
        labels = ([f"item {i.n}" for i in a.items], [f"item {i.n}" for i in b.items])
        out += [
            Change(c.doc_id, c.part, c.op, key, c.key, c.old, c.new)
            for c in sequence_changes(doc_id, "sidebar", *items, labels)
        ]
    return out


def added_or_removed(doc_id: str, part: str, key: str, old: Any, new: Any, fld: str | None = None) -> Change:
    """A record only one side has; the record itself (as JSON) is the old or new value."""
    op: Op = "added" if old is None else "removed"
    return Change(doc_id, part, op, key, fld, to_jsonable(old), to_jsonable(new))


# ------------------------------------------------------------------------------------------------ tables


def table_label(t: Table) -> str:
    return t.title or f"untitled table on page {t.pages[0] if t.pages else '?'}"


def match_tables(old: list[Table], new: list[Table]) -> list[tuple[Table | None, Table | None]]:
    """By title first; leftovers on both sides at the same position in their document are one table."""
    by_title = match_by_key(old, new, lambda t: t.title)
    paired = [p for p in by_title if p[0] is not None and p[1] is not None and p[0].title is not None]
    used_old = {id(a) for a, _ in paired}
    used_new = {id(b) for _, b in paired}
    left_old = {i: t for i, t in enumerate(old) if id(t) not in used_old}
    left_new = {j: t for j, t in enumerate(new) if id(t) not in used_new}
    pairs: list[tuple[Table | None, Table | None]] = []
    for j, t in enumerate(new):
        if id(t) in used_new:
            pairs.append(next(p for p in paired if p[1] is t))
        else:
            pairs.append((left_old.pop(j, None), left_new[j]))
    return pairs + [(t, None) for t in left_old.values()]


def table_changes(doc_id: str, old: list[Table], new: list[Table], s: DiffSettings) -> list[Change]:
    out: list[Change] = []
    for a, b in match_tables(old, new):
        if a is None or b is None:
            t = b or a
            assert t is not None
            out.append(added_or_removed(doc_id, "table", table_label(t), a, b))
            continue
        key = table_label(b)
        fa = {k: to_jsonable(getattr(a, k)) for k in TABLE_FIELDS}
        fb = {k: to_jsonable(getattr(b, k)) for k in TABLE_FIELDS}
        out += record_changes(doc_id, "table", key, fa, fb, s)
        out += grid_changes(doc_id, key, a, b)
    return out


def column_labels(t: Table, grid: list[list[str]]) -> list[str]:
    """Each column named by its header text (header rows joined with ``/``), else ``col N``."""
    labels = []
    for c in range(t.n_cols):
        parts = list(dict.fromkeys(grid[r][c] for r in range(min(t.header_rows, len(grid))) if grid[r][c]))
        labels.append(" / ".join(parts) or f"col {c}")
    return labels


def anchored(t: Table) -> dict[int, dict[int, tuple[int, int, str]]]:
    """``row → col → (rowspan, colspan, text)`` of the cells that start in each row."""
    out: dict[int, dict[int, tuple[int, int, str]]] = {}
    for cell in t.cells:
        out.setdefault(cell.row, {})[cell.col] = (cell.rowspan, cell.colspan, cell.text)
    return out


def row_label(row: int, cells: dict[int, tuple[int, int, str]]) -> str:
    """``row 4 产品质量合格率``: the row number and its first one-row cell's text (cut short)."""
    texts = [text for _c, (rs, _cs, text) in sorted(cells.items()) if text and rs == 1]
    texts = texts or [text for _c, (_rs, _cs, text) in sorted(cells.items()) if text]
    name = texts[0].replace("\n", " ")[:DEFAULT_MAX_LABEL] if texts else ""
    return f"row {row} {name}".rstrip()


def grid_changes(doc_id: str, key: str, a: Table, b: Table) -> list[Change]:
    """Added and removed rows, changed cells of rows that were aligned, and changed cell spans."""
    ga, gb = table_grid(a), table_grid(b)
    cols_a, cols_b = column_labels(a, ga), column_labels(b, gb)
    anch_a, anch_b = anchored(a), anchored(b)
    out: list[Change] = []
    for i, j in aligned([tuple(r) for r in ga], [tuple(r) for r in gb]):
        if j is None:
            out.append(Change(doc_id, "row", "removed", key, row_label(i, anch_a.get(i, {})), ga[i], None))
        elif i is None:
            out.append(Change(doc_id, "row", "added", key, row_label(j, anch_b.get(j, {})), None, gb[j]))
        else:
            label = row_label(j, anch_b.get(j, {}))
            out += cell_changes(doc_id, key, label, (ga[i], gb[j]), cols_b or cols_a)
            out += span_changes(doc_id, key, label, (anch_a.get(i, {}), anch_b.get(j, {})), cols_b)
    return out


def cell_changes(
    doc_id: str, key: str, label: str, rows: tuple[list[str], list[str]], cols: list[str]
) -> list[Change]:
    """Changed positions of one aligned row; a merged cell's change is reported once, not per column."""
    old, new = rows
    out: list[Change] = []
    previous: tuple[str | None, str | None] | None = None
    for c in range(max(len(old), len(new))):
        pair = (old[c] if c < len(old) else None, new[c] if c < len(new) else None)
        if pair[0] != pair[1] and pair != previous:
            col = cols[c] if c < len(cols) else f"col {c}"
            out.append(Change(doc_id, "cell", "changed", key, f"{label} · {col}", pair[0], pair[1]))
        previous = pair
    return out


def span_changes(
    doc_id: str,
    key: str,
    label: str,
    cells: tuple[dict[int, tuple[int, int, str]], dict[int, tuple[int, int, str]]],
    cols: list[str],
) -> list[Change]:
    """Cells starting in the same row and column whose ``rowspan×colspan`` differs."""
    old, new = cells
    out: list[Change] = []
    for c in sorted(set(old) | set(new)):
        a = f"{old[c][0]}×{old[c][1]}" if c in old else None
        b = f"{new[c][0]}×{new[c][1]}" if c in new else None
        if a != b and a is not None and b is not None:
            col = cols[c] if c < len(cols) else f"col {c}"
            out.append(Change(doc_id, "cell", "changed", key, f"{label} · {col} span", a, b))
    return out


# ------------------------------------------------------------------------------------ indicators, duties


def indicator_label(i: Indicator) -> str:
    return f"{i.group} / {i.name}" if i.group else i.name


def value_label(v: Value) -> str:
    year = str(v.year) if v.year is not None else "(no year)"
    return f"{year} {v.scope}" if v.scope else year


def indicator_changes(
    doc_id: str, old: list[Indicator], new: list[Indicator], s: DiffSettings
) -> list[Change]:
    out: list[Change] = []
    for a, b in match_by_key(old, new, lambda i: (i.group, i.name)):
        if a is None or b is None:
            out.append(added_or_removed(doc_id, "indicator", indicator_label(b or a), a, b))  # type: ignore[arg-type]
            continue
        key = indicator_label(b)
        fa, fb = without(plain(a, Indicator), ["values"]), without(plain(b, Indicator), ["values"])
        out += record_changes(doc_id, "indicator", key, fa, fb, s)
        out += value_changes(doc_id, key, a.values, b.values, s)
    return out


def value_changes(doc_id: str, key: str, old: list[Value], new: list[Value], s: DiffSettings) -> list[Change]:
    """A value whose printed text changed is one change (``2025: 80 → 82``): the parsed fields follow from
    the text; with the same text, each parsed field that changed is reported (``2025 op``)."""
    out: list[Change] = []
    for a, b in match_by_key(old, new, lambda v: (v.year, v.kind, v.scope)):
        if a is None or b is None:
            v = b or a
            assert v is not None
            out.append(added_or_removed(doc_id, "indicator", key, a, b, value_label(v)))
        elif a.raw != b.raw:
            out.append(Change(doc_id, "indicator", "changed", key, value_label(b), a.raw, b.raw))
        else:
            for c in record_changes(doc_id, "indicator", key, plain(a, Value), plain(b, Value), s):
                out.append(
                    Change(doc_id, "indicator", "changed", key, f"{value_label(b)} {c.field}", c.old, c.new)
                )
    return out


def duty_key(d: Duty) -> Hashable:
    return (d.source, "number", d.number) if d.number else (d.source, "task", d.task)


def duty_label(d: Duty) -> str:
    return f"{d.source} {d.number}" if d.number else f"{d.source} {d.task[:DEFAULT_MAX_LABEL]}"


def duty_changes(doc_id: str, old: list[Duty], new: list[Duty], s: DiffSettings) -> list[Change]:
    out: list[Change] = []
    for a, b in match_by_key(old, new, duty_key):
        if a is None or b is None:
            out.append(added_or_removed(doc_id, "duty", duty_label(b or a), a, b))  # type: ignore[arg-type]
            continue
        out += record_changes(doc_id, "duty", duty_label(b), plain(a, Duty), plain(b, Duty), s)
    return out


def warning_changes(doc_id: str, old: Document, new: Document) -> list[Change]:
    out: list[Change] = []
    for a, b in match_by_key(old.warnings, new.warnings, lambda w: (w.code, w.message, w.page)):
        if a is None or b is None:
            w = b or a
            assert w is not None
            out.append(added_or_removed(doc_id, "warning", w.code, a, b))
    return out


# ---------------------------------------------------------------------------------------------- rendering


def shown(value: Any, max_text: int = DEFAULT_MAX_TEXT) -> str:
    """A value as a reviewer reads it: lists joined with 、, null as ∅, long text cut with …."""
    if value is None:
        text = "∅"
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "、".join(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", "⏎")
    return text if len(text) <= max_text else text[: max_text - 1] + "…"


DEFAULT_CONTEXT = 12
"""Characters kept before the first difference when two long texts are shown side by side."""


def shown_pair(old: Any, new: Any, max_text: int = DEFAULT_MAX_TEXT) -> tuple[str, str]:
    """Two changed values; long texts start a little before their first difference (``…前文 120 家`` vs
    ``…前文120 家``), so that a change beyond the cut is still visible."""
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= max_text:
        return shown(old, max_text), shown(new, max_text)
    first = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
    )
    start = max(0, first - DEFAULT_CONTEXT)
    cut = "…" if start else ""
    return shown(cut + old[start:], max_text), shown(cut + new[start:], max_text)


def summary(part: str, record: Any, max_text: int = DEFAULT_MAX_TEXT) -> str:
    """A short description of an added or removed record."""
    if part == "row" and isinstance(record, list):
        return shown(" | ".join(str(v) for v in record), max_text)
    if not isinstance(record, dict):
        return shown(record, max_text)
    if part == "indicator" and "values" in record:
        values = ", ".join(f"{v['year'] or '-'}: {v['raw']}" for v in record["values"])
        return shown(f"{record['name']} ({values})", max_text)
    if part == "indicator":
        return shown(record.get("raw"), max_text)
    if part == "table":
        return f"{record['n_rows']}×{record['n_cols']}, pages {shown(record['pages'])}"
    for name in ("task", "title", "message", "status"):
        if record.get(name):
            return shown(record[name], max_text)
    return shown(record, max_text)


def change_text(c: Change, max_text: int = DEFAULT_MAX_TEXT) -> str:
    """``~ indicator 制造业质量发展指标 / 制造业质量竞争力指数 2025: 80 → 82``"""
    where = c.part if c.key == c.part else f"{c.part} {c.key}"  # "meta copies", not "meta meta copies"
    where += f" {c.field}" if c.field else ""
    if c.op == "changed":
        old, new = shown_pair(c.old, c.new, max_text)
        return f"~ {where}: {old} {ARROW} {new}"
    record = c.new if c.op == "added" else c.old
    return f"{OP_MARKS[c.op]} {where}: {summary(c.part, record, max_text)}"


def counts_line(result: DiffResult) -> str:
    if result.equal:
        return f"no differences ({len(result.documents)} documents)"
    n = result.counts()
    return (f"{len(result.changes)} changes: {n['added']} added, {n['removed']} removed, "
            f"{n['changed']} changed")  # fmt: skip


def styled_lines(result: DiffResult, max_text: int = DEFAULT_MAX_TEXT) -> list[tuple[str, str]]:
    """``(style, text)`` lines of the terminal report: a heading per document with changes, then its
    changes, then a count line."""
    lines: list[tuple[str, str]] = []
    current = None
    for c in result.changes:
        if c.doc_id != current:
            lines.append(("bold", c.doc_id))
            current = c.doc_id
        lines.append((OP_STYLES[c.op], "  " + change_text(c, max_text)))
    lines.append(("bold", counts_line(result)))
    return lines


def render_text(result: DiffResult, max_text: int = DEFAULT_MAX_TEXT) -> str:
    return "".join(text + "\n" for _style, text in styled_lines(result, max_text))


def print_report(result: DiffResult, file: IO[str], *, color: bool, max_text: int = DEFAULT_MAX_TEXT) -> None:
    """The text report; coloured with rich when ``color`` (the CLI: only when stdout is a terminal)."""
    if not color:
        file.write(render_text(result, max_text))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=file, force_terminal=True, highlight=False, soft_wrap=True, emoji=False)
    for style, text in styled_lines(result, max_text):
        console.print(Text(text, style=style))


def md_cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(result: DiffResult, max_text: int = DEFAULT_MAX_TEXT) -> str:
    """A Markdown report for pasting into a review: a table of changes per document."""
    lines = [f"**diff** `{result.old}` {ARROW} `{result.new}`: {counts_line(result)}", ""]
    current = None
    for c in result.changes:
        if c.doc_id != current:
            current = c.doc_id
            lines += [
                "",
                f"### {c.doc_id}",
                "",
                "| | part | record | field | old | new |",
                "|---|---|---|---|---|---|",
            ]
        if c.op == "changed":
            old, new = shown_pair(c.old, c.new, max_text)
        elif c.op == "added":
            old, new = "", summary(c.part, c.new, max_text)
        else:
            old, new = summary(c.part, c.old, max_text), ""
        row = [OP_MARKS[c.op], c.part, c.key, c.field or "", old, new]
        lines.append("| " + " | ".join(md_cell(v) for v in row) + " |")
    return "\n".join(lines).rstrip() + "\n"


def render_json(result: DiffResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
