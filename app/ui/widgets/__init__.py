"""Widgets the record pages share: inline errors, pickers, filter bar, list frame, transfer runner."""
