"""The floors of the code base, checked on every module's imports (inside functions and TYPE_CHECKING too).

* ``policy_extract.core`` (model, errors, geometry, digest, vocabulary) imports nothing of the project;
* each stage (``extract``, ``normalize``, ``outputs``) imports only the core and itself;
* only the orchestration on top (pipeline, settings, batch, cli, ``__init__``) imports the stages;
* nothing imports the stages by their folder names (``import extract``): installed, they exist only as
  ``policy_extract.extract`` and so on, and nothing of the library imports the benchmarks' code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "policy_extract"
STAGES = ("extract", "normalize", "outputs")
# Source folder → the package it installs as (pyproject.toml's package-dir mapping).
SOURCES: dict[str, Path] = {
    PACKAGE: ROOT / "policy_extract",
    **{f"{PACKAGE}.{stage}": ROOT / stage for stage in STAGES},
}
FOLDER_NAMES = frozenset({*STAGES, "golden", "compare"})
"""Top-level names that must never be imported: the stages' folder names and the benchmarks' modules."""

# (importing module, imported module) pairs that break a floor today and are being removed; the list must
# shrink to empty (test_known_violations_are_still_there keeps it honest).
KNOWN_VIOLATIONS: frozenset[tuple[str, str]] = frozenset()


def modules() -> Iterator[tuple[str, Path]]:
    """Every project module's dotted name and file."""
    for package, folder in SOURCES.items():
        for path in sorted(folder.rglob("*.py")):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            name = ".".join([package, *parts])
            if package == PACKAGE and parts and parts[0] in STAGES:
                continue  # not a source folder of its own (the stages live at the top)
            yield name, path


MODULE_FILES = dict(modules())


def is_package(name: str) -> bool:
    return MODULE_FILES.get(name, Path()).name == "__init__.py"


def imported_names(name: str, path: Path) -> Iterator[str]:
    """Every module ``name`` imports, absolute, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            yield base
            # ``from policy_extract import pipeline`` imports a module, not just a name.
            yield from (f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULE_FILES)


def floor(name: str) -> str | None:
    """``core``, a stage name, ``orchestration`` (the rest of the package), or None (not the project)."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    if len(parts) > 1 and parts[1] in ("core", *STAGES):
        return parts[1]
    return "orchestration"


def allowed(source: str, target: str) -> bool:
    """May a module of floor ``source`` import one of floor ``target``?"""
    if source == "orchestration":
        return True
    if source == "core":
        return target == "core"
    return target in ("core", source)


def all_imports() -> list[tuple[str, str]]:
    return sorted({(name, target) for name, path in MODULE_FILES.items() for target in imported_names(name, path)})


def violations() -> set[tuple[str, str]]:
    found = set()
    for name, target in all_imports():
        src, dst = floor(name), floor(target)
        if dst is not None and src is not None and not allowed(src, dst):
            found.add((name, target))
    return found


def test_every_stage_and_the_core_are_found() -> None:
    floors = {floor(name) for name in MODULE_FILES}
    assert floors == {"core", *STAGES, "orchestration"}
    assert "policy_extract.core.model" in MODULE_FILES and "policy_extract.batch.runner" in MODULE_FILES


def test_imports_inside_functions_are_seen() -> None:
    """The pipeline imports the stages only inside its functions; the parse must still see them."""
    targets = {t for n, t in all_imports() if n == "policy_extract.pipeline"}
    assert {"policy_extract.extract", "policy_extract.normalize"} <= targets


def test_relative_imports_are_resolved() -> None:
    targets = {t for n, t in all_imports() if n == "policy_extract.batch.runner"}
    assert {"policy_extract.batch.plan", "policy_extract.batch.executors"} <= targets
    inits = {t for n, t in all_imports() if n == "policy_extract.normalize"}
    assert "policy_extract.normalize.document" in inits


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("orchestration", "extract", True),
        ("core", "core", True),
        ("core", "outputs", False),
        ("extract", "core", True),
        ("extract", "extract", True),
        ("extract", "normalize", False),
        ("outputs", "orchestration", False),
    ],
)
def test_the_floor_rules(source: str, target: str, ok: bool) -> None:
    assert allowed(source, target) is ok


def test_imports_go_down_the_floors_only() -> None:
    new = sorted(violations() - KNOWN_VIOLATIONS)
    assert not new, "imports that break the floors (core ← stages ← orchestration):\n" + "\n".join(
        f"  {a} imports {b}" for a, b in new
    )


def test_known_violations_are_still_there() -> None:
    """A violation that was fixed must leave :data:`KNOWN_VIOLATIONS`, so the list only shrinks."""
    fixed = sorted(KNOWN_VIOLATIONS - violations())
    assert not fixed, f"fixed, remove from KNOWN_VIOLATIONS: {fixed}"


def test_no_module_imports_a_folder_name() -> None:
    bad = sorted((n, t) for n, t in all_imports() if t.split(".")[0] in FOLDER_NAMES)
    assert not bad


def test_every_package_is_installed() -> None:
    """A package folder missing from pyproject.toml's list works in a checkout and is absent from a wheel."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {name for name in MODULE_FILES if is_package(name)}
    assert packages <= listed, sorted(packages - listed)
