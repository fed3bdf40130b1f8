"""PipelineSettings: one validated object for every tunable, reachable from process_pdf and run_batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_extract.extract.settings import ExtractSettings, OcrSettings
from policy_extract.normalize.settings import LayoutSettings, ParagraphSettings

from policy_extract import PipelineSettings, process_pdf
from policy_extract.batch import BatchOptions, run_batch
from policy_extract.core.errors import PolicyExtractError, SettingsError, UsageError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "pdf" / "stress_narrow_column.pdf"


def test_none_dict_and_instance_resolve() -> None:
    default = PipelineSettings.resolve(None)
    assert default == PipelineSettings()
    assert PipelineSettings.resolve(default) is default
    s = PipelineSettings.resolve(
        {"extract": {"ocr": {"dpi": 300}, "snap_tolerance": 3.0}, "layout": {"margin_band": 0.12},
         "ocr": "off", "limits": {"timeout": 60}}
    )  # fmt: skip
    assert s.extract == ExtractSettings(snap_tolerance=3.0, ocr=OcrSettings(dpi=300))
    assert s.layout == LayoutSettings(margin_band=0.12)
    assert s.paragraphs == ParagraphSettings()
    assert s.ocr == "off"
    assert (s.limits.timeout, s.limits.max_memory) == (60, PipelineSettings().limits.max_memory)


def test_sections_may_be_instances_inside_a_dict() -> None:
    s = PipelineSettings.resolve({"paragraphs": ParagraphSettings(gap_ratio=2.0)})
    assert s.paragraphs.gap_ratio == 2.0


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ({"extrct": {}}, "extrct"),
        ({"extract": {"ocr": {"dpi": 10}}}, "settings.extract.ocr"),
        ({"extract": {"snap_tolerance": "wide"}}, "settings.extract"),
        ({"layout": {"margin_band": 0.7}}, "settings.layout"),
        ({"paragraphs": {"gap_ratio": 0.5}}, "settings.paragraphs"),
        ({"ocr": "sometimes"}, "settings.ocr"),
        ({"ocr": {"dpi": 300}}, "settings.ocr"),
        ({"limits": {"timeout": -1}}, "settings.limits"),
        ({"layout": 3}, "settings.layout"),
        (42, "settings"),
    ],
)
def test_bad_settings_fail_at_creation_and_name_the_setting(value: object, names: str) -> None:
    with pytest.raises(SettingsError) as err:
        PipelineSettings.resolve(value)  # type: ignore[arg-type]
    assert names in str(err.value)
    assert isinstance(err.value, UsageError) and isinstance(err.value, PolicyExtractError)


def test_a_wrong_section_type_is_refused() -> None:
    with pytest.raises(SettingsError, match=r"settings\.layout must be a LayoutSettings"):
        PipelineSettings(layout=ParagraphSettings())  # type: ignore[arg-type]


def test_canonical_json_and_output_changes() -> None:
    s = PipelineSettings.resolve({"layout": {"margin_band": 0.12}, "limits": {"timeout": 5}})
    assert s.canonical_json() == PipelineSettings.resolve(s.to_json()).canonical_json()
    assert json.loads(s.canonical_json())["layout"]["margin_band"] == 0.12
    assert PipelineSettings().output_changes() == {}
    assert s.output_changes() == {"layout": {"margin_band": 0.12}}  # limits never shape the output
    deep = PipelineSettings.resolve({"extract": {"ocr": {"min_score": 0.6}}, "ocr": "force"})
    assert deep.output_changes() == {"extract": {"ocr": {"min_score": 0.6}}, "ocr": "force"}


def test_process_pdf_refuses_bad_settings_before_opening_the_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError):
        process_pdf(str(tmp_path / "missing.pdf"), settings={"paragraphs": {"indent_min": -1}})


def test_settings_reach_the_stages() -> None:
    """Paragraph settings that never break a paragraph give fewer paragraphs than the defaults."""
    default = process_pdf(str(SAMPLE))
    merged = process_pdf(
        str(SAMPLE), settings={"paragraphs": {"indent_min": 50, "indent_max": 60, "short_line": 1000,
                                              "gap_ratio": 1000, "size_change": 1000}}
    )  # fmt: skip
    assert 0 < len(merged.paragraphs) < len(default.paragraphs)
    assert process_pdf(str(SAMPLE), settings=PipelineSettings()).paragraphs == default.paragraphs


def test_batch_options_resolve_settings_and_run_batch_shortcuts(tmp_path: Path) -> None:
    opts = BatchOptions(settings={"ocr": "off"})
    assert isinstance(opts.settings, PipelineSettings) and opts.settings.ocr == "off"
    with pytest.raises(SettingsError):
        BatchOptions(settings={"ocr": "never"})
    with pytest.raises(UsageError):
        run_batch([tmp_path], tmp_path / "out", timeout=-1)
