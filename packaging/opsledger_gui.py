"""PyInstaller entry point of the windowed executable ``opsledger-gui``."""

from app.ui.main import main

raise SystemExit(main())
