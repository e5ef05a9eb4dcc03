"""Rich-text helpers for summary labels and history panes."""

from __future__ import annotations


def esc(text: str) -> str:
    """``text`` escaped for Qt rich text (``&``, ``<``, ``>``)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
