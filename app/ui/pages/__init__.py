"""Pages of the main window: each a ``QWidget`` built as ``Page(ctx, parent=None)`` with ``refresh()``."""
