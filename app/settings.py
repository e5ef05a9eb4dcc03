"""User settings, declared once with type, default and title; stored as JSON in the config dir.

Secrets never go here (they belong in the OS keyring).  ``SCHEMA_VERSION`` is bumped with an
upgrade step in ``_UPGRADES`` whenever a key is renamed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app import paths

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Option:
    """One setting: key, Python type, default, and an English title (translated in the UI)."""

    key: str
    type: type
    default: Any
    title: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("engineer_name", str, "", "Who is using OpsLedger (recorded on every change)"),
        Option("contract_name", str, "", "Contract shown at start"),
        Option("language", str, "", "UI language (empty: follow the system, zh_CN by default)"),
        Option("last_export_dir", str, "", "Folder of the last export"),
        Option("report_number_format", str, "{contract}-{period}",
               "Report document number ({contract}, {kind}, {period} are filled in)"),
        Option("report_prepared_by", str, "", "Report cover: prepared by (编制)"),
        Option("report_reviewed_by", str, "", "Report cover: reviewed by (审核)"),
        Option("report_approved_by", str, "", "Report cover: approved by (批准)"),
        Option("tray_notifications", bool, True,
               "Tray notifications when an inspection falls due or an SLA reaches 75 %"),
        Option("vault_backend", str, "", "Where the vault keeps passwords: keyring or kdbx (empty: probe the keyring)"),
        Option("vault_kdbx_path", str, "", "The vault's KDBX file (its master password is never stored)"),
        Option("vault_idle_lock_minutes", int, 5,
               "Lock the vault's KDBX file after this many minutes without use (0: never)"),
    )
}

_UPGRADES: dict[int, Any] = {}


def _file() -> Any:
    return paths.config_dir() / "settings.json"


def load() -> dict[str, Any]:
    """All settings, defaults filled in; an unreadable file yields the defaults."""
    values = {k: o.default for k, o in OPTIONS.items()}
    try:
        raw = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return values
    version = int(raw.pop("_version", 1))
    while version < SCHEMA_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    values.update({k: v for k, v in raw.items() if k in OPTIONS and isinstance(v, OPTIONS[k].type)})
    return values


def get(key: str) -> Any:
    """One setting's value; ``KeyError`` for an undeclared key."""
    return load()[OPTIONS[key].key]


def set_value(key: str, value: Any) -> None:
    """Store one setting; ``TypeError`` if ``value`` is not of the declared type."""
    opt = OPTIONS[key]
    if not isinstance(value, opt.type):
        raise TypeError(f"setting {key} takes {opt.type.__name__}, not {type(value).__name__}")
    values = load()
    values[key] = value
    path = _file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"_version": SCHEMA_VERSION, **values}, ensure_ascii=False, indent=1), "utf-8")
    tmp.replace(path)
