"""``python -m app``: the same entry point as the ``opsledger`` console script."""

from app.cli import run

run()
