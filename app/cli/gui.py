"""``opsledger gui`` (and ``opsledger`` with no command): start the desktop application."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Register the ``gui`` command."""
    p = sub.add_parser("gui", help="start the desktop application (default)")
    p.add_argument("--sub-db", dest="sub_db", help=argparse.SUPPRESS)
    p.set_defaults(func=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    """Start the Qt application on the database the arguments name; returns Qt's exit code."""
    from app.ui.main import main as gui_main

    return gui_main(db=getattr(args, "sub_db", None) or getattr(args, "db", None))
