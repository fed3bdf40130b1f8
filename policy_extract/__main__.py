"""``python -m policy_extract`` = the ``policy-extract`` command."""

from __future__ import annotations

import os
import sys

from .cli import main


def run_and_exit() -> None:
    """Run the command line and end the process without the interpreter's teardown (issue 18: freeing a few
    hundred modules is milliseconds every run pays after its work is done): the standard streams are flushed
    first, and every file, lock and worker of a run is finished before :func:`main` returns."""
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a closed pipe: let the interpreter's own exit report it
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    run_and_exit()
