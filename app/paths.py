"""Where OpsLedger keeps its files: resolved once, redirectable by tests.

``init_paths(home)`` points data and config at one folder (tests use a temporary one);
otherwise ``OPSLEDGER_HOME`` or the platform's user data directory (platformdirs) is used.
Resources (profiles, fonts, translations) sit beside the code, or inside the PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "OpsLedger"
_home: Path | None = None


def init_paths(home: str | os.PathLike[str] | None = None) -> None:
    """Redirect data and config to ``home`` (``None``: back to the environment/platform default)."""
    global _home
    _home = Path(home) if home is not None else None


def data_dir() -> Path:
    """The user data directory (created): default database, pre-upgrade copies (and the
    ``attachments`` folder of ledgers before migration 0013, read once by it)."""
    base = _home or (Path(os.environ["OPSLEDGER_HOME"]) if os.environ.get("OPSLEDGER_HOME") else None)
    path = base / "data" if base else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The user config directory (created): settings.json."""
    base = _home or (Path(os.environ["OPSLEDGER_HOME"]) if os.environ.get("OPSLEDGER_HOME") else None)
    path = base / "config" if base else Path(user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """The user cache directory (created): files derived from the resources that may be deleted
    at any time (e.g. the parsed report font)."""
    base = _home or (Path(os.environ["OPSLEDGER_HOME"]) if os.environ.get("OPSLEDGER_HOME") else None)
    path = base / "cache" if base else Path(user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The embedded default database file, ``<data_dir>/opsledger.sqlite3``."""
    return data_dir() / "opsledger.sqlite3"


def resources_dir() -> Path:
    """The read-only ``resources/`` folder (inside the bundle when frozen by PyInstaller)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def profiles_dir() -> Path:
    """Shipped contract profiles (``resources/profiles/*.yaml``)."""
    return resources_dir() / "profiles"


def fonts_dir() -> Path:
    """Bundled fonts (``resources/fonts``) with their licences."""
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    """Qt translation files (``resources/translations/*.qm``)."""
    return resources_dir() / "translations"
