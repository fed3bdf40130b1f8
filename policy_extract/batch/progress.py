"""Progress of a run: callbacks the runner and executors call; a rich bar on a terminal, else nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class Progress:
    """Progress callbacks of a run; this base class shows nothing (stdout not a terminal)."""

    def start(self, file: str) -> None:
        """``file`` is being processed now."""

    def done(self, file: str) -> None:
        """``file`` is finished (whatever its status)."""


class RichProgress(Progress):
    """A rich progress bar: current file, bar, documents done / total, elapsed time."""

    def __init__(self, bar: Any, total: int) -> None:
        self.bar = bar
        self.task = bar.add_task("", total=total)

    def start(self, file: str) -> None:
        self.bar.update(self.task, description=Path(file).name)

    def done(self, file: str) -> None:
        self.bar.update(self.task, advance=1, description=Path(file).name)


@contextmanager
def progress_display(total: int, enabled: bool) -> Iterator[Progress]:
    """The progress callbacks of a run; a rich progress bar when ``enabled``."""
    if not enabled:
        yield Progress()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichBar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with RichBar(*columns) as bar:
        yield RichProgress(bar, total)
