"""Placeholder: filled in by the owner of this command group."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register no command yet."""
