"""The ``policy-extract`` command (a thin shell over :mod:`policy_extract.batch`).

Only ``os`` and ``sys`` are imported here; argparse when the parser is built, the pipeline, writers and rich
when a command runs, so ``policy-extract --help`` is fast, and an unchanged rerun is answered before argparse
even loads (:mod:`policy_extract.batch.rerun`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from pathlib import Path

PROG = "policy-extract"
DEFAULT_OUTDIR = "out"
EXIT_INTERRUPTED = 130
OCR_CHOICES = ("auto", "off", "force")
"""``policy_extract.extract.document.OCR_MODES``, spelled here so ``--help`` loads no PDF library (a test
keeps the two equal)."""
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DESCRIPTION = "Chinese government policy PDFs (通知, 规划, 工作方案) → outline, tables, indicators, duties."
RUN_EPILOG = """\
examples:
  policy-extract run notices/ extra.pdf -o results
  policy-extract run                      # the bundled samples/pdf/ → out/
  policy-extract run pdfs/ --timeout 60 --max-memory 1024 --password PW
  policy-extract run pdfs/ --executor dask --scheduler tcp://10.0.0.5:8786

output (OUTDIR): manifest.json, run.json, indicators.csv, duties.csv, review.xlsx, docs/<doc_id>/...
exit status: 0 every document ok or partial; 1 at least one document failed (see manifest.json);
             2 bad usage (no such input, bad option value) or the environment stopped the run (OUTDIR
             not writable, disk full, OUTDIR in use by another run); the message says what to do.
"""


def samples_dir() -> Path:
    """The bundled sample PDFs: package data ``policy_extract.bundled_samples`` (``samples/pdf`` in a checkout
    or an editable install, a folder inside the installed package otherwise)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("policy_extract.bundled_samples")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "samples" / "pdf"


def default_inputs() -> list[str]:
    """The bundled samples, used by ``run`` without INPUT; bad usage when they are not there."""
    from .core.errors import UsageError

    folder = samples_dir()
    if not folder.is_dir():
        raise UsageError(
            f"no INPUT given and the bundled samples folder {folder} does not exist "
            "(reinstall the package, build them with `python samples/build.py`, or name the PDFs or folders "
            "to process)"
        )
    return [str(folder)]


# ------------------------------------------------------------------------------------------ option types


def positive_int(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return value


def positive_float(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text!r}")
    return value


# ----------------------------------------------------------------------------------------------- parser


def add_run_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    from .batch.executors import DEFAULT_EXECUTOR, EXECUTORS
    from .batch.workers import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT

    p = subparsers.add_parser(
        "run",
        help="process PDFs into OUTDIR",
        description="Process PDF files and folders into the output layout of OUTDIR.",
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="PDF files and folders (searched recursively for *.pdf, any case); default: the bundled samples",
    )  # fmt: skip
    p.add_argument("-o", "--outdir", default=DEFAULT_OUTDIR, help="output folder (default: %(default)s)")
    p.add_argument(
        "--workers", type=positive_int, default=os.cpu_count() or 1, metavar="N",
        help="documents processed in parallel (default: CPU count, %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--ocr", choices=OCR_CHOICES, default="auto",
        help="auto: read pages without a usable text layer (scans, fonts without a Unicode map) with OCR "
        "(default); force: every page; off: never (an image-only PDF then fails as 'no_text')",
    )  # fmt: skip
    p.add_argument(
        "--timeout", type=positive_float, default=DEFAULT_TIMEOUT, metavar="S",
        help="seconds per document before it fails as 'timeout', a hard cap (default: a limit sized to each "
        "document, 60 s + 10 s per page + 60 s per page read with OCR); a worker still busy 1 s later is "
        "killed and replaced, and the batch goes on",
    )  # fmt: skip
    p.add_argument(
        "--max-memory", type=positive_int, default=DEFAULT_MAX_MEMORY, metavar="MB",
        help="memory limit per worker process (default: %(default)s); a document that needs more fails as "
        "'too_large' and the batch goes on",
    )  # fmt: skip
    p.add_argument(
        "--page-source", "--backend", dest="page_source", metavar="NAME",
        help="where characters and rules are read from: pdfminer (pdfplumber's pages) or pdfium (native "
        "code); default: the settings' default (settings.extract.page_source)",
    )  # fmt: skip
    p.add_argument("--password", metavar="PW", help="password for encrypted PDFs (tried on every input)")
    p.add_argument(
        "--force", action="store_true",
        help="reprocess every document; without it a rerun reuses documents whose file, pipeline version "
        "and options are unchanged (state in OUTDIR/.state/)",
    )  # fmt: skip
    p.add_argument(
        "--executor", choices=list(EXECUTORS), default=DEFAULT_EXECUTOR,
        help="; ".join(f"{name}: {cls.help}" for name, cls in EXECUTORS.items())
        + f" (default: {DEFAULT_EXECUTOR}); dask needs --scheduler, the dask extra, and inputs/OUTDIR on a "
        "shared file system",
    )  # fmt: skip
    p.add_argument(
        "--scheduler", metavar="ADDR",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask)",
    )  # fmt: skip
    p.set_defaults(handler=cmd_run)


def add_other_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_diff_parser(subparsers)

    debug = subparsers.add_parser(
        "debug", help="PNG of what the table finder saw on one page",
        description="Render one page with the rules, frames and table cells the extractor found.",
    )  # fmt: skip
    debug.add_argument("pdf", metavar="PDF")
    debug.add_argument("--page", type=positive_int, required=True, metavar="N", help="1-based page number")
    debug.add_argument("-o", "--output", metavar="PNG", help="output file (default: <PDF stem>-page<N>.png)")
    debug.set_defaults(handler=cmd_debug)

    add_review_parser(subparsers)


DIFF_EPILOG = """\
Documents are matched by doc_id, tables by title and position, table rows by content, indicators by
group + name, duties by number (or task). Ids, pages and boxes are not compared.
exit status: 0 no differences; 1 differences; 2 bad usage (no such path, not an OUTDIR or document.json).
"""
DIFF_FORMATS = ("text", "markdown", "json")
COLOR_CHOICES = ("auto", "always", "never")


def add_diff_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    diff = subparsers.add_parser(
        "diff", help="compare two runs (two OUTDIRs or two document.json files)",
        description="Compare two OUTDIRs or two document.json files: added, removed and changed tables, "
        "rows, cells, indicators, duties and meta.",
        epilog=DIFF_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument(
        "--format", choices=DIFF_FORMATS, default="text", dest="diff_format",
        help="text (default; coloured on a terminal), markdown (for pasting into a review) or json",
    )  # fmt: skip
    diff.add_argument(
        "--json", action="store_const", const="json", dest="diff_format", help="the same as --format json"
    )
    diff.add_argument(
        "--color", choices=COLOR_CHOICES, default="auto",
        help="colour the text report: auto (only when stdout is a terminal, the default), always, never",
    )  # fmt: skip
    diff.set_defaults(handler=cmd_diff)


def add_review_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = subparsers.add_parser(
        "review", help="static HTML review pages (OUTDIR/review/index.html)",
        description="Write static HTML review pages for OUTDIR into OUTDIR/review/: one page per document "
        "(each PDF page rendered with the boxes of tables, indicators and duties drawn on it, the extracted "
        "tables beside it, the warnings) and index.html. Everything is inline: no server, no internet.",
    )  # fmt: skip
    review.add_argument("outdir", metavar="OUTDIR")
    review.add_argument(
        "--pdf-dir", metavar="DIR", action="append", default=[],
        help="also look for the PDFs here (by file name) when the manifest's path is not found; repeatable",
    )  # fmt: skip
    review.set_defaults(handler=cmd_review)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    epilog = f"example:\n  {PROG} run pdfs/ -o out\n\nmore: {PROG} COMMAND --help"
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=epilog, formatter_class=raw)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_run_parser(subparsers)
    add_other_parsers(subparsers)
    return parser


# ---------------------------------------------------------------------------------------------- commands


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, run_batch

    settings: dict[str, Any] = {"ocr": args.ocr,
                                "limits": {"timeout": args.timeout, "max_memory": args.max_memory}}
    if args.page_source is not None:  # an unknown name is a SettingsError naming the known ones (exit 2)
        settings["extract"] = {"page_source": args.page_source}
    options = BatchOptions(
        workers=args.workers,
        password=args.password,
        force=args.force,
        executor=args.executor,
        scheduler=args.scheduler,
        settings=settings,
    )
    inputs = args.inputs or default_inputs()
    result = run_batch(inputs, args.outdir, options=options, command=getattr(args, "argv", None))
    print(result.summary_line())
    for note in result.notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    return result.exit_code


def cmd_debug(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .core.errors import UsageError

    pdf = Path(args.pdf)
    if not pdf.is_file():
        raise UsageError(f"no such PDF file: {args.pdf}")
    out_png = Path(args.output) if args.output else Path(f"{pdf.stem}-page{args.page}.png")
    try:
        from policy_extract.extract.debug import render_debug
    except ImportError as exc:
        print(f"{PROG} debug: the debug renderer is not available in this build ({exc})", file=sys.stderr)
        return EXIT_FAILED
    render_debug(str(pdf), args.page, str(out_png))
    print(out_png)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from policy_extract.outputs.diff import diff_paths, print_report, render_json, render_markdown

    result = diff_paths(args.old, args.new)
    if args.diff_format == "json":
        sys.stdout.write(render_json(result))
    elif args.diff_format == "markdown":
        sys.stdout.write(render_markdown(result))
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        print_report(result, sys.stdout, color=color)
    return EXIT_OK if result.equal else EXIT_FAILED


def cmd_review(args: argparse.Namespace) -> int:
    from policy_extract.outputs.review import ReviewSettings, write_review

    pages = write_review(args.outdir, ReviewSettings(pdf_dirs=tuple(args.pdf_dir)))
    print(pages[0])
    return EXIT_OK


def interrupted() -> int:
    """Ctrl-C: say so (no traceback) and return :data:`EXIT_INTERRUPTED`."""
    print(f"{PROG}: interrupted; finished documents are kept, rerun the same command to resume",
          file=sys.stderr)
    return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (``--help`` returns 0 instead of exiting).  Ctrl-C at
    any moment, start-up included, is :func:`interrupted`, with the workers started early killed."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return start_and_run(argv)
    except KeyboardInterrupt:
        return interrupted()
    finally:
        spawn = sys.modules.get("policy_extract.batch.spawn")  # not imported: nothing was started early
        if spawn is not None:
            spawn.discard_prestarted()


def start_and_run(argv: list[str]) -> int:
    """The unchanged rerun's answer, else the workers started early and the command line parsed and run."""
    from .batch.rerun import unchanged_rerun

    status = unchanged_rerun(argv)
    if status is not None:  # nothing changed since the last run of this command: answered from its record
        return status
    from .batch.spawn import prestart_for_command

    prestart_for_command(argv)  # the workers start up while this process builds the parser and plans
    return parse_and_run(argv)


def parse_and_run(argv: list[str]) -> int:
    """The command line past the unchanged rerun's check."""
    from .core.errors import PolicyExtractError, UsageError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits for --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args.argv = argv  # the run's record for an unchanged rerun is keyed by them
    try:
        return handler(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except PolicyExtractError as exc:  # e.g. the debug renderer could not read the PDF
        print(f"{PROG}: {exc.code}: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
