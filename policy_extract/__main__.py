"""``python -m policy_extract`` = the ``policy-extract`` command."""

from __future__ import annotations

import os
import sys

EXIT_INTERRUPTED = 130
""":data:`.cli.EXIT_INTERRUPTED`, for a Ctrl-C while the command line's module loads (a test keeps them
equal)."""


def run_and_exit() -> None:
    """Run the command line and end the process without the interpreter's teardown (issue 18: freeing a few
    hundred modules is milliseconds every run pays after its work is done): the standard streams are flushed
    first, and every file, lock and worker of a run is finished before :func:`main` returns.  A Ctrl-C before
    :func:`main` handles it (while its module loads) ends it as one after: no traceback, status 130."""
    try:
        from .cli import main

        status = main()
    except KeyboardInterrupt:
        print("policy-extract: interrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a closed pipe: let the interpreter's own exit report it
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    run_and_exit()
