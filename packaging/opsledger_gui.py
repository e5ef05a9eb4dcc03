"""PyInstaller entry point of the windowed executable ``opsledger-gui`` (accepts ``--db``)."""

from app.cli import gui_main

raise SystemExit(gui_main())
