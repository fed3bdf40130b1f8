"""Helpers shared by the batch tests: fake inputs, output snapshots, manifest records, worker liveness."""

from __future__ import annotations

import json
from pathlib import Path

import psutil


def pid_alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper is dead)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def fake_pdfs(folder: Path, *names: str) -> Path:
    """Files that pass the PDF header check; injected process functions decide what each one does."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"%PDF-1.4 " + name.encode())
    return folder


def snapshot(outdir: Path) -> dict[str, bytes]:
    """Every output file's bytes except run.json (which holds timings)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != "run.json"
    }


def manifest_records(out: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))}
