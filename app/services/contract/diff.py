"""Re-import preview: what importing a profile file again would change (重新导入预览).

``diff_profiles(old, new)`` compares two profile dicts and lists every difference as a
``ProfileChange``: added / removed / changed services, groups, calendars, checklists and their
items, KPIs, SLA targets, reports, payments, engineers … with old → new values.  Lists of objects
are matched by their identifying key (``code``, ``kind``, ``milestone``, ``name``; checklist items
by section and text), so reordering is no change.  It walks the dicts generically, so keys the
profile format adds later are compared as well.

``preview_reimport(ledger, contract_id, path)`` validates the file (``ProfileError`` for a
refused one; nothing written) and returns a ``ReimportPreview``; ``apply_reimport(ledger,
preview, actor=…)`` imports exactly the previewed data in one transaction (audit
``contract.update``).  Cancelling is not calling it: nothing is written before.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.i18n import N_, _
from app.core.profile import ContractProfile, profile_of
from app.errors import NotFoundError
from app.services.changes import Changes, Outcome
from app.services.contract import profiles
from app.services.ledger import Ledger
from app.store.models import Contract

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
_KEYS = ("code", "kind", "milestone", "name", "text")
#: Fields of a severity / the service desk that are SLA targets (shown in section ``sla``).
_SLA_FIELDS = {"response_minutes", "restore_minutes", "resolve_minutes", "onsite_minutes", "arrival_minutes"}

SECTION_NAMES = {
    "contract": N_("Contract"), "calendars": N_("Service calendars"), "severities": N_("Severities"),
    "sla": N_("SLA targets"), "service_desk": N_("Service desk"), "services": N_("Services"),
    "assets": N_("Assets"), "engineers": N_("Engineers"), "kpis": N_("KPIs"), "reports": N_("Reports owed"),
    "checklists": N_("Checklists"), "items": N_("Checklist items"), "payments": N_("Payment schedule"),
    "request_categories": N_("Request categories"),
}
#: Profile keys shown by a label (a key not listed is shown as written in the file).
FIELD_NAMES = {
    "response_minutes": N_("Response target (min)"), "restore_minutes": N_("Restore target (min)"),
    "resolve_minutes": N_("Resolve target (min)"), "name": N_("Name"), "title": N_("Title"),
    "description": N_("Description"), "kind": N_("Kind"), "target": N_("Target"), "comparison": N_("Comparison"),
    "unit": N_("Unit"), "calendar": N_("Calendar"), "frequency": N_("Frequency"), "slots": N_("Slots"),
    "days": N_("Service days"), "hours": N_("Hours"), "normal_min": N_("Normal minimum"),
    "normal_max": N_("Normal maximum"), "choices": N_("Choices"), "normal_choices": N_("Normal choices"),
    "source": N_("Source"), "availability_target_pct": N_("Availability target %"),
    "default_severity": N_("Default severity"), "due_days_after": N_("Due day"), "acceptance": N_("Client acceptance"),
    "amount": N_("Amount (yuan)"), "due": N_("Pay by"), "depends_on": N_("Depends on"), "major": N_("Major"),
    "metric": N_("Metric"), "role": N_("Role"), "phone": N_("Phone"), "client": N_("Client"),
    "provider": N_("Provider"), "term": N_("Contract term"), "channels": N_("Channels"),
}
_CHANGE_NAMES = {ADDED: N_("added"), REMOVED: N_("removed"), CHANGED: N_("changed")}


@dataclass(frozen=True)
class ProfileChange:
    """One difference: ``section`` (``services``, ``items``, ``sla`` …), ``key`` (the object's
    code, ``checklist / section / item text`` for an item), ``change`` (added/removed/changed),
    ``field`` (the changed field, ``""`` for an added/removed object), ``old``/``new`` values as
    text (``""`` where there is none)."""

    section: str
    key: str
    change: str
    field: str = ""
    old: str = ""
    new: str = ""

    @property
    def section_text(self) -> str:
        """The section's name in the current language."""
        return _(SECTION_NAMES[self.section]) if self.section in SECTION_NAMES else self.section

    @property
    def field_text(self) -> str:
        """The changed field's label in the current language (the key itself when unlisted)."""
        return _(FIELD_NAMES[self.field]) if self.field in FIELD_NAMES else self.field

    @property
    def change_text(self) -> str:
        """新增 / 删除 / 修改 in the current language."""
        return _(_CHANGE_NAMES[self.change])


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _summary(obj: Any) -> str:
    """An added/removed object as the user knows it: its name (or text, title), else the JSON."""
    if isinstance(obj, dict):
        for k in ("name", "text", "title", "milestone"):
            if obj.get(k):
                return str(obj[k])
    return _text(obj)


def _change(name: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    return ADDED if name not in old else REMOVED if name not in new else CHANGED


def _key_field(items: list[Any]) -> str | None:
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    return next((k for k in _KEYS if all(k in i for i in items)), None)


def _fields(section: str, key: str, old: dict[str, Any], new: dict[str, Any], out: list[ProfileChange],
            skip: frozenset[str] = frozenset()) -> None:
    for name in [*old, *(k for k in new if k not in old)]:
        if name in skip or old.get(name) == new.get(name):
            continue
        sec = "sla" if name in _SLA_FIELDS else section
        out.append(ProfileChange(sec, key, _change(name, old, new), name, _text(old.get(name)), _text(new.get(name))))


def _objects(section: str, old: list[Any], new: list[Any], out: list[ProfileChange]) -> None:
    keyf = _key_field(old + new)
    if keyf is None:
        if old != new:
            out.append(ProfileChange(section, section, CHANGED, "", _text(old), _text(new)))
        return
    before = {str(o[keyf]): o for o in old}
    after = {str(n[keyf]): n for n in new}
    for key, o in before.items():
        if key not in after:
            out.append(ProfileChange(section, key, REMOVED, "", _summary(o), ""))
    for key, n in after.items():
        if key not in before:
            out.append(ProfileChange(section, key, ADDED, "", "", _summary(n)))
        elif section == "checklists":
            _fields(section, key, before[key], n, out, frozenset({"sections"}))
            _items(key, before[key].get("sections", []), n.get("sections", []), out)
        else:
            _fields(section, key, before[key], n, out)


def _items(code: str, old: list[dict[str, Any]], new: list[dict[str, Any]], out: list[ProfileChange]) -> None:
    def flat(sections: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {f"{code} / {s.get('name', '')} / {it.get('text', '')}": it
                for s in sections for it in s.get("items", [])}

    before, after = flat(old), flat(new)
    for key, o in before.items():
        if key not in after:
            out.append(ProfileChange("items", key, REMOVED, "", _summary(o), ""))
    for key, n in after.items():
        if key not in before:
            out.append(ProfileChange("items", key, ADDED, "", "", _summary(n)))
        else:
            _fields("items", key, before[key], n, out)


def diff_profiles(old: dict[str, Any], new: dict[str, Any]) -> list[ProfileChange]:
    """Every difference between the profile dicts ``old`` and ``new`` (both as ``to_dict()`` or
    a validated file gives them), in the file's section order."""
    out: list[ProfileChange] = []
    for name in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if isinstance(a, list) or isinstance(b, list):
            _objects(name, list(a or []), list(b or []), out)
        elif isinstance(a, dict) or isinstance(b, dict):
            _fields(name, name, dict(a or {}), dict(b or {}), out)
        else:
            out.append(ProfileChange(name, name, _change(name, old, new), name, _text(a), _text(b)))
    return out


@dataclass(frozen=True)
class ReimportPreview:
    """What importing ``path`` would do: ``contract_name`` it describes, ``other_contract`` (True
    when that is not the current contract: importing adds or updates that one), ``changes``
    against the stored profile (empty: the file says what is stored), ``data`` the validated
    profile that :func:`apply_reimport` imports."""

    path: str
    contract_name: str
    other_contract: bool
    changes: list[ProfileChange]
    data: dict[str, Any] = field(repr=False)


def preview_reimport(ledger: Ledger, contract_id: uuid.UUID | None, path: str | Path) -> Outcome[ReimportPreview]:
    """Validate the profile at ``path`` and compare it with the stored profile of the contract it
    names (the current one ``contract_id`` when the names agree; both as ``to_dict()`` gives
    them, so a key the file leaves at its default is no change).  Raises ``ProfileError`` for a refused file.
    Writes nothing."""
    data = profiles.load_profile_file(Path(path))
    name = str(data["contract"]["name"])
    with ledger.session() as s:
        current = s.get(Contract, contract_id) if contract_id is not None else None
        target = s.scalars(select(Contract).where(Contract.name == name)).one_or_none()
        old = profile_of(target).to_dict() if target is not None else {}
    other = current is None or current.name != name
    new = ContractProfile.of(data).to_dict()
    return Outcome(ReimportPreview(str(path), name, other, diff_profiles(old, new), data))


def apply_reimport(ledger: Ledger, preview: ReimportPreview, *, actor: str) -> Outcome[uuid.UUID]:
    """Import the previewed profile in one transaction (audit ``contract.import``/``update``);
    returns the contract's id.  Raises ``NotFoundError`` for a preview without data."""
    if not preview.data:
        raise NotFoundError(N_("No contract is loaded."))
    with ledger.session() as s:
        c = profiles.import_profile(s, preview.data, actor=actor or "?")
        return Outcome(c.id, Changes.of("contract", ids=(c.id,)))
