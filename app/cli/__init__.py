"""``opsledger`` command line: the same operations as the GUI, headless.

Each command group lives in its own module exposing ``register(subparsers)``; ``COMMANDS`` maps
every command name to that module and its one-line help (add one line to add a command).  Only
the module of the command being run is imported; ``--version`` and ``--help`` import nothing of
the application beyond ``app/__init__``.  With no command, ``opsledger`` starts the GUI.  Exit
codes: 0 success, 1 refused input (the message names the field or row), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from app import __version__

if TYPE_CHECKING:
    from app.errors import OpsLedgerError

COMMANDS: dict[str, tuple[str, str]] = {
    "contract": ("app.cli.contract", "import, export or list contract profiles"),
    "demo": ("app.cli.demo", "fill a database with demo data for a shipped contract"),
    "inspect": ("app.cli.inspect", "inspection due list and history"),
    "export": ("app.cli.export", "export a log to Excel (.xlsx)"),
    "import": ("app.cli.importing", "import incidents or service requests from an Excel workbook"),
    "check": ("app.cli.check", "integrity and schema version check of a database"),
    "report": ("app.cli.report", "generate a contract report (pdf/xlsx/docx), list or verify exported ones"),
    "calendar": ("app.cli.calendar", "official holiday arrangements (节假日安排) per year"),
    "backup": ("app.cli.backup", "take a verified online copy of the ledger (备份)"),
    "restore": ("app.cli.backup", "replace the ledger with a verified backup (恢复)"),
    "asset": ("app.cli.asset", "the asset register: list, import (simulated first), export, labels (资产)"),
    "incident": ("app.cli.records", "the files of an incident: attach, list, detach (故障附件)"),
    "request": ("app.cli.records", "the files of a service request: attach, list, detach (服务请求附件)"),
    "vault": ("app.cli.vault", "credential vault: accounts and password rotation (密码库)"),
    "audit": ("app.cli.audit", "verify, list or export the audit trail (审计日志)"),
    "gui": ("app.cli.gui", "start the desktop application (default)"),
}
"""command name → (module whose ``register(subparsers)`` adds it, help shown by ``--help``)."""

COMMAND_MODULES = tuple(dict.fromkeys(module for module, _help in COMMANDS.values()))
INFO_FLAGS = ("-h", "--help", "--version")


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first positional word, ``--db VALUE`` skipped), or ``None``."""
    skip = False
    for tok in argv:
        if skip:
            skip = False
            continue
        if tok == "--db":
            skip = True
            continue
        if tok.startswith("-"):
            continue
        return tok
    return None


def top_parser() -> argparse.ArgumentParser:
    """The parser of the options before any command (``--version``, ``--db``), no command."""
    parser = argparse.ArgumentParser(prog="opsledger", description="OpsLedger 运维台账")
    parser.add_argument("--version", action="version", version=f"opsledger {__version__}")
    parser.add_argument("--db", help="database file path or SQLAlchemy URL (default: OPSLEDGER_DB "
                        "or the embedded file in the user data directory)")
    return parser


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser.  With ``argv``, only the module of the command it names is imported
    (the other commands are listed by name and help); without, every command is registered."""
    parser = top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if argv is None:
        for module in COMMAND_MODULES:
            importlib.import_module(module).register(sub)
        return parser
    wanted = COMMANDS.get(command_in(argv) or "")
    if wanted is not None:
        importlib.import_module(wanted[0]).register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def cli_language() -> str:
    """The language the CLI speaks: env ``OPSLEDGER_LANG``, else the ``language`` setting, else
    ``zh_CN`` (Chinese first).  Returns what it passed to :func:`app.core.i18n.set_language`."""
    import os  # noqa: PLC0415

    from app import settings  # noqa: PLC0415
    from app.core.i18n import language, set_language  # noqa: PLC0415

    choice = os.environ.get("OPSLEDGER_LANG", "").strip()
    if not choice:
        try:
            choice = str(settings.get("language") or "").strip()
        except (OSError, ValueError):  # an unreadable settings file must not stop the CLI
            choice = ""
    set_language(choice or None)
    return language()


def error_text(exc: OpsLedgerError) -> str:
    """``exc`` as the CLI prints it: a refused command-line option is named as typed
    (``--period（报告期间）：…``), everything else as ``str(exc)`` in the current language."""
    from app.core.i18n import _  # noqa: PLC0415
    from app.errors import ValidationError  # noqa: PLC0415

    if isinstance(exc, ValidationError) and exc.field.startswith("--"):
        from app.core.fields import label  # noqa: PLC0415

        return _("{option} ({label}): {message}", option=exc.field, label=label(exc.field), message=exc.message)
    return str(exc)


#: Young-generation threshold of the garbage collector while a command runs (Python's default is
#: 700).  A command is one short burst that allocates hundreds of thousands of objects (imports,
#: ORM rows, report flowables) and frees them by reference counting; at 700 the collector walks
#: that heap every few thousand allocations — about 6 % of an annual PDF's CPU time.  Same peak
#: memory (cycles are still collected, less often).  The GUI keeps Python's defaults.
CLI_GC_THRESHOLD = 10_000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code.  Messages are in :func:`cli_language`.
    Commands run with the collector's ``CLI_GC_THRESHOLD`` (restored on return, and for the GUI)."""
    import gc  # noqa: PLC0415

    gc_defaults = gc.get_threshold()
    gc.set_threshold(CLI_GC_THRESHOLD, gc_defaults[1], gc_defaults[2])
    try:
        return _main(list(sys.argv[1:] if argv is None else argv), gc_defaults)
    finally:
        gc.set_threshold(*gc_defaults)


def _main(args_list: list[str], gc_defaults: tuple[int, int, int]) -> int:
    import gc  # noqa: PLC0415

    if command_in(args_list) is None:
        if any(a in INFO_FLAGS for a in args_list):
            build_parser(args_list).parse_args(args_list)  # prints the version or the help and exits
        # no command: the desktop application, parsed without the commands and started before
        # anything else loads (it sets the language, and logging once the window has painted)
        from app.cli.gui import run_gui  # noqa: PLC0415

        gc.set_threshold(*gc_defaults)  # a long-lived window: Python's defaults
        return run_gui(top_parser().parse_args(args_list))
    from app.errors import ImportRejected, OpsLedgerError  # noqa: PLC0415
    from app.logs import setup_logging  # noqa: PLC0415

    cli_language()
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        from app.cli.gui import run_gui  # noqa: PLC0415

        gc.set_threshold(*gc_defaults)  # a long-lived window: Python's defaults
        return run_gui(args)  # sets up logging itself, once the window has painted
    setup_logging()
    log = logging.getLogger(__name__)
    try:
        return int(args.func(args) or 0)
    except ImportRejected as exc:
        from app.cli.common import echo  # noqa: PLC0415 - the data layer loads only when needed

        log.info("refused %s: %s", args.command, exc)
        echo(str(exc), err=True)
        return 1
    except OpsLedgerError as exc:
        from app.cli.common import echo  # noqa: PLC0415

        log.info("refused %s: %s", args.command, exc)
        echo(f"opsledger: {error_text(exc)}", err=True)
        return 1
    except OSError as exc:  # an --out/--to/file argument the OS refused: a sentence, no traceback
        from app.cli.common import echo, os_error_sentence  # noqa: PLC0415

        echo(f"opsledger: {os_error_sentence(exc)}", err=True)
        return 1


def run() -> NoReturn:
    """Entry point of the ``opsledger`` console script and ``python -m app``: :func:`main`, then,
    after a command (not the GUI), :func:`exit_now` — the interpreter's one-by-one teardown of a
    report's objects (SQLAlchemy, reportlab, the font) costs ~0.15 s of CPU and changes nothing."""
    argv = sys.argv[1:]
    code = main(argv)
    if command_in(argv) not in (None, "gui"):
        exit_now(code)
    raise SystemExit(code)


def exit_now(code: int) -> NoReturn:
    """End the process with ``code`` without the interpreter's teardown: the ``atexit`` handlers
    run first (logging flushed and closed, temporary folders removed), then stdout and stderr are
    flushed; what is skipped is only freeing memory the OS takes back anyway.  Commands close
    their databases and files themselves."""
    import atexit  # noqa: PLC0415
    import contextlib  # noqa: PLC0415
    import os  # noqa: PLC0415

    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
                stream.flush()
        os._exit(code)


def gui_main() -> int:
    """Entry point of the windowed ``opsledger-gui``: the CLI's arguments, GUI by default
    (``opsledger-gui --db PATH`` opens that database).  The windowed bundle has no console, so an
    unexpected error that ends the start is logged and shown in a dialog (``report_fatal``)."""
    try:
        return main(sys.argv[1:])
    except Exception as exc:  # noqa: BLE001 - logged with its traceback and shown, exit code 1
        from app.ui.crash import report_fatal

        report_fatal(exc)
        return 1
