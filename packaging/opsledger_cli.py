"""PyInstaller entry point of the console executable ``opsledger`` (the CLI)."""

from app.cli import run

run()
