"""The options of a batch run and its result (what the CLI prints and run.json records)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import UsageError

from .executors import DEFAULT_EXECUTOR, executor_class

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.outputs.manifest import ManifestRecord
    from policy_extract.settings import PipelineSettings

    from .outcome import DocOutcome
    from .workers import Limits

DEFAULT_WORKERS = os.cpu_count() or 1


def default_settings() -> PipelineSettings:
    """The defaults, imported when first needed (the stages' settings load with them)."""
    from policy_extract.settings import PipelineSettings

    return PipelineSettings()


@dataclass(frozen=True, slots=True)
class BatchOptions:
    workers: int = DEFAULT_WORKERS
    password: str | None = None
    force: bool = False
    """Reprocess documents a rerun would otherwise reuse (see :mod:`policy_extract.batch.resume`)."""
    executor: str = DEFAULT_EXECUTOR
    """A name of :data:`~policy_extract.batch.executors.EXECUTORS`."""
    scheduler: str | None = None
    """Dask scheduler address (``tcp://host:8786``), with ``executor="dask"`` only."""
    progress: bool | None = None
    """Show a progress bar; ``None`` = when stdout is a terminal."""
    settings: PipelineSettings = field(default_factory=default_settings)
    """The pipeline's settings (a dict is resolved by :meth:`PipelineSettings.resolve`), limits included."""

    def __post_init__(self) -> None:
        from policy_extract.settings import PipelineSettings

        if not isinstance(self.workers, int) or self.workers < 1:
            raise UsageError(f"--workers must be a whole number ≥ 1, not {self.workers!r}")
        executor_class(self.executor).check_options(self)
        object.__setattr__(self, "settings", PipelineSettings.resolve(self.settings))

    def to_json(self) -> dict[str, Any]:
        """Options for run.json; the password itself is never written."""
        data = asdict(self)
        data["password"] = "(set)" if self.password else None
        return data

    @property
    def limits(self) -> Limits:
        return self.settings.limits


@dataclass(slots=True)
class BatchResult:
    outdir: Path
    outcomes: list[DocOutcome]
    started: dt.datetime
    finished: dt.datetime
    notes: list[str] = field(default_factory=list)
    """What run.json should tell besides the documents (a stale lock taken over, an early stop)."""
    stopped: str | None = None
    """Why the environment stopped the batch early (exit status 2), else ``None``."""

    @property
    def records(self) -> list[ManifestRecord]:
        return [o.record for o in self.outcomes]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.record.status == status)

    @property
    def reused(self) -> int:
        return sum(1 for o in self.outcomes if o.reused)

    @property
    def exit_code(self) -> int:
        """0 when every document is ok or partial, 1 when any failed, 2 when the environment stopped it."""
        if self.stopped is not None:
            return 2
        return 1 if self.count("failed") else 0

    def summary_line(self) -> str:
        reused = f" ({self.reused} unchanged, reused)" if self.reused else ""
        return (
            f"processed {len(self.outcomes)} documents{reused}: {self.count('ok')} ok, "
            f"{self.count('partial')} partial, {self.count('failed')} failed → {self.outdir}"
        )
