"""Every tunable of the pipeline in one validated object, as pdfplumber takes ``table_settings``.

:class:`PipelineSettings` composes the stages' own settings dataclasses (each validates its values) with the
OCR mode and the per-document limits.  Callers pass ``None`` (the defaults), a dict (merged over the defaults,
nested by section: ``{"extract": {"ocr": {"dpi": 300}}, "ocr": "off", "limits": {"timeout": 60}}``) or an
instance; anything that cannot work is a :class:`~policy_extract.core.errors.SettingsError` at creation, so a
bad value fails the call, never each document.

The sections that shape a document's output (extract, layout, paragraphs, ocr) take part in the resume
fingerprint (:func:`policy_extract.batch.resume.fingerprint`); the limits only decide whether a failure is
retried (see the resume rules).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policy_extract.extract.settings import DEFAULT_OCR_MODE, OCR_MODES, ExtractSettings
from policy_extract.normalize.settings import LayoutSettings, ParagraphSettings

from .batch.workers import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Limits
from .core.errors import SettingsError

OUTPUT_SECTIONS: tuple[str, ...] = ("extract", "layout", "paragraphs", "ocr")
"""The sections that can change a document's output (the limits can only stop it)."""


def default_limits() -> Limits:
    """The batch's limits per document: long enough for a 300-page plan, low enough to stop a bomb."""
    return Limits(timeout=DEFAULT_TIMEOUT, max_memory=DEFAULT_MAX_MEMORY)


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    """The settings of one run: extract, layout, paragraphs, OCR mode, limits (see the module docstring)."""

    extract: ExtractSettings = field(default_factory=ExtractSettings)
    """Rules, cells, text lines, borderless tables; ``extract.ocr`` tunes how OCR reads a page."""
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    """Running headers, footers and page numbers."""
    paragraphs: ParagraphSettings = field(default_factory=ParagraphSettings)
    """Where a paragraph starts: indent, short line, gap, size change."""
    ocr: str = DEFAULT_OCR_MODE
    """When pages are read with OCR: ``auto`` (no usable text layer), ``force`` (every page), ``off``."""
    limits: Limits = field(default_factory=default_limits)
    """Seconds and MB per document in the batch (``None``: no limit)."""

    def __post_init__(self) -> None:
        for name, kind in _SECTION_TYPES.items():
            value = getattr(self, name)
            if not isinstance(value, kind):
                raise SettingsError(f"settings.{name} must be a {kind.__name__} or a dict, not {value!r}")
        if not isinstance(self.ocr, str) or self.ocr not in OCR_MODES:
            raise SettingsError(f"settings.ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")

    @classmethod
    def resolve(cls, value: PipelineSettings | Mapping[str, Any] | None) -> PipelineSettings:
        """``None`` → the defaults; a dict → merged over the defaults; an instance → itself."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            return cls().merged(value)
        kind = type(value).__name__
        raise SettingsError(f"settings must be a PipelineSettings, a dict or None, not a {kind}")

    def merged(self, changes: Mapping[str, Any]) -> PipelineSettings:
        """A copy with ``changes`` (nested by section, as in :meth:`resolve`) applied on top."""
        return merge_dataclass(self, changes, "settings")

    def to_json(self) -> dict[str, Any]:
        """Every setting as plain JSON values, nested by section."""
        return dataclasses.asdict(self)

    def canonical_json(self) -> str:
        """The settings as one stable string (sorted keys): equal settings, equal strings."""
        return json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def output_changes(self) -> dict[str, Any]:
        """The output-shaping settings that differ from the defaults, nested by section (empty: none).

        Only the differences go into the resume fingerprint, so an OUTDIR made with the defaults stays
        reusable, and changing any one setting redoes the documents.
        """
        mine, default = self.to_json(), PipelineSettings().to_json()
        return {k: v for k in OUTPUT_SECTIONS if (v := changed_values(mine[k], default[k])) is not _SAME}


_SECTION_TYPES: dict[str, type] = {
    "extract": ExtractSettings,
    "layout": LayoutSettings,
    "paragraphs": ParagraphSettings,
    "limits": Limits,
}


def merge_dataclass(base: Any, changes: Mapping[str, Any], where: str) -> Any:
    """``base`` (a settings dataclass) with ``changes`` applied, nested dicts into nested dataclasses.

    Unknown names and the ``ValueError``/``TypeError`` a section's own validation raises become a
    :class:`SettingsError` naming the setting (``settings.extract.ocr.dpi``).
    """
    if not isinstance(changes, Mapping):
        raise SettingsError(f"{where} must be a dict of settings, not {changes!r}")
    names = {f.name for f in dataclasses.fields(base)}
    unknown = sorted(str(k) for k in changes if k not in names)
    if unknown:
        known = ", ".join(sorted(names))
        raise SettingsError(f"unknown setting(s) {', '.join(unknown)} in {where}; known: {known}")
    updates: dict[str, Any] = {}
    for name, value in changes.items():
        current = getattr(base, name)
        nested = dataclasses.is_dataclass(current) and isinstance(value, Mapping)
        updates[name] = merge_dataclass(current, value, f"{where}.{name}") if nested else value
    try:
        return dataclasses.replace(base, **updates)
    except SettingsError:
        raise
    except (ValueError, TypeError) as exc:
        raise SettingsError(f"{where}: {exc}") from exc


_SAME = object()


def changed_values(mine: Any, default: Any) -> Any:
    """The parts of ``mine`` (JSON values) that differ from ``default``; ``_SAME`` when nothing does."""
    if isinstance(mine, dict) and isinstance(default, dict):
        diff = {k: d for k, v in mine.items() if (d := changed_values(v, default.get(k, _SAME))) is not _SAME}
        return diff or _SAME
    return _SAME if mine == default else mine
