"""``opsledger`` command line: the same operations as the GUI, headless.

Each command group lives in its own module exposing ``register(subparsers)``; the module list is
``COMMAND_MODULES``.  With no command, ``opsledger`` starts the GUI.  Exit codes: 0 success,
1 refused input (the message names the field or row), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from app import __version__
from app.cli.common import echo
from app.core.i18n import _, set_language
from app.errors import ImportRejected, OpsLedgerError, ValidationError
from app.logs import setup_logging

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "app.cli.contract",
    "app.cli.demo",
    "app.cli.inspect",
    "app.cli.export",
    "app.cli.importing",
    "app.cli.check",
    "app.cli.report",
    "app.cli.calendar",
    "app.cli.backup",
    "app.cli.vault",
    "app.cli.asset",
    "app.cli.audit",
    "app.cli.gui",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered command."""
    parser = argparse.ArgumentParser(prog="opsledger", description="OpsLedger 运维台账")
    parser.add_argument("--version", action="version", version=f"opsledger {__version__}")
    parser.add_argument("--db", help="database file path or SQLAlchemy URL (default: OPSLEDGER_DB "
                        "or the embedded file in the user data directory)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def cli_language() -> str:
    """The language the CLI speaks: env ``OPSLEDGER_LANG``, else the ``language`` setting, else
    ``zh_CN`` (Chinese first).  Returns what it passed to :func:`app.core.i18n.set_language`."""
    import os  # noqa: PLC0415

    from app import settings  # noqa: PLC0415
    from app.core.i18n import language  # noqa: PLC0415

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
    if isinstance(exc, ValidationError) and exc.field.startswith("--"):
        from app.core.fields import label  # noqa: PLC0415

        return _("{option} ({label}): {message}", option=exc.field, label=label(exc.field), message=exc.message)
    return str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code.  Messages are in :func:`cli_language`."""
    setup_logging()
    cli_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from app.cli.gui import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except ImportRejected as exc:
        log.info("refused %s: %s", args.command, exc)
        echo(str(exc), err=True)
        return 1
    except OpsLedgerError as exc:
        log.info("refused %s: %s", args.command, exc)
        echo(f"opsledger: {error_text(exc)}", err=True)
        return 1
    except OSError as exc:  # an --out/--to/file argument the OS refused: a sentence, no traceback
        from app.cli.common import os_error_sentence

        echo(f"opsledger: {os_error_sentence(exc)}", err=True)
        return 1


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
