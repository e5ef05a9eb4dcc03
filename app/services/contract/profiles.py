"""Contract profiles: load, validate, import into the store, export back.

A profile (YAML or JSON, format ``opsledger-contract-profile`` version 1) describes one contract
as data; its schema is ``resources/schemas/contract-profile.schema.json`` and its documentation
``docs/profile-format.md``.  Validation is the JSON Schema plus cross-checks the schema cannot
express (references between codes, ranges, term order).  A malformed profile is refused whole:
``ProfileError`` lists every problem as ``<file>: <field path>: <what is wrong>`` and nothing is
written.

Re-importing a contract of the same name updates it in place: templates and items are matched by
code and (section, text); items no longer present are deactivated, never deleted, so recorded
inspections keep their items (results copy text, unit and range anyway).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError as ModelError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.core.i18n import N_
from app.core.profile import ChecklistSpec, ContractProfile, profile_of
from app.core.timeutil import utcnow
from app.errors import Msg, OpsLedgerError
from app.services import audit
from app.store.models import Asset, ChecklistItem, ChecklistTemplate, Contract, Engineer, Service

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

FORMAT = "opsledger-contract-profile"
VERSION = 1


class ProfileError(OpsLedgerError):
    """A profile refused whole; ``problems`` are ``(field_path, message)`` pairs.

    A message is a :class:`~app.errors.Msg` (rendered in the current language) or a plain text
    (the schema validator's own English, which has no catalogue).
    """

    def __init__(self, source: str, problems: list[tuple[str, str | Msg]]) -> None:
        super().__init__(N_("contract profile refused, nothing imported:"), code="profile.refused")
        self.source = source
        self.problems = problems

    def __str__(self) -> str:
        from app.core.i18n import _  # noqa: PLC0415

        top = _("(top level)")
        lines = [f"{self.source}: {path or top}: {msg}" for path, msg in self.problems]
        return "\n".join([_(self.msgid), *lines])


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    """The profile schema's validator; jsonschema loads when a profile is imported, not at start."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    schema_file = paths.resources_dir() / "schemas" / "contract-profile.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _path_str(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def load_profile_file(path: str | Path) -> dict[str, Any]:
    """Read and validate a YAML/JSON profile file; returns the profile dict.

    Raises ``ProfileError`` naming the file for unreadable files, syntax errors and every schema
    or cross-reference problem.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(str(p), [("", Msg(N_("cannot read the file: {error}"), error=exc))]) from exc
    try:
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ProfileError(str(p), [("", Msg(N_("not valid {syntax}: {error}"),
                                             syntax="JSON" if p.suffix == ".json" else "YAML", error=exc))]) from exc
    validate_profile(data, str(p))
    return data


def _normalise_dates(data: Any) -> Any:
    # YAML turns 2026-05-01 into a date; the schema (and JSON) want ISO strings.
    if isinstance(data, dict):
        return {k: _normalise_dates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise_dates(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def validate_profile(data: Any, source: str = "<profile>") -> ContractProfile:
    """Validate a profile dict in place (dates normalised to ISO strings) and type it.

    The JSON Schema and the cross-checks run here, on import and export only; what is stored is
    read back through ``app.core.profile.profile_of`` without them.  Raises ``ProfileError`` with
    every problem found; returns the ``ContractProfile`` when the profile is sound.
    """
    if isinstance(data, dict):
        data.update(_normalise_dates(data))
    problems = [
        (_path_str(e.absolute_path), e.message)
        for e in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        raise ProfileError(source, problems)
    problems = _cross_check(data)
    if problems:
        raise ProfileError(source, problems)
    return typed_profile(data, source)


def typed_profile(data: dict[str, Any], source: str = "<profile>") -> ContractProfile:
    """The ``ContractProfile`` of a schema-valid dict; ``ProfileError`` (same shape as the schema's
    problems) should the models refuse what the schema let through."""
    try:
        return ContractProfile.model_validate(data)
    except ModelError as exc:
        problems: dict[str, str] = {}
        for e in exc.errors():
            loc = list(e["loc"])
            while loc and loc[-1] in _UNION_TAGS:  # "restore_minutes.int" / ".float": one field
                loc.pop()
            problems.setdefault(_path_str(loc), e["msg"])
        raise ProfileError(source, list(problems.items())) from exc


_UNION_TAGS = {"int", "float", "str", "bool", "none"}


def _dupes(items: list[dict[str, Any]], key: str, where: str) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for i, it in enumerate(items):
        if it[key] in seen:
            out.append((f"{where}[{i}].{key}", Msg(N_("duplicate {key} “{key2}”"), key=key, key2=it[key])))
        seen.add(it[key])
    return out


def _cross_check(d: dict[str, Any]) -> list[tuple[str, str]]:
    """What the schema cannot express: term order, duplicate codes, references between codes
    (calendars, severities, services, assets), hour ranges, slots and item ranges."""
    out: list[tuple[str, str]] = []
    term = d["contract"]["term"]
    if term["end"] < term["start"]:
        out.append(("contract.term.end", Msg(N_("term ends ({end}) before it starts ({start})"), end=term['end'], start=term['start'])))
    out += _dupes(d["calendars"], "code", "calendars")
    out += _dupes(d["severities"], "code", "severities")
    out += _dupes(d["services"], "code", "services")
    out += _dupes(d.get("assets", []), "code", "assets")
    out += _dupes(d.get("engineers", []), "name", "engineers")
    out += _dupes(d["checklists"], "code", "checklists")
    out += _dupes(d.get("request_categories", []), "code", "request_categories")
    out += _dupes(d.get("kpis", []), "code", "kpis")
    out += _check_calendars(d)
    sev_ref = _severity_ref(d, out)
    for i, s in enumerate(d["services"]):
        sev_ref(s, f"services[{i}]")
    for i, a in enumerate(d.get("assets", [])):
        sev_ref(a, f"assets[{i}]")
    for i, t in enumerate(d["checklists"]):
        _check_checklist(d, t, f"checklists[{i}]", sev_ref, out)
    return out


def _severity_ref(d: dict[str, Any], out: list[tuple[str, str]]) -> Any:
    severities = [s["code"] for s in d["severities"]]

    def sev_ref(obj: dict[str, Any], where: str) -> None:
        code = obj.get("default_severity")
        if code is not None and code not in severities:
            out.append((f"{where}.default_severity", Msg(N_("unknown severity “{code}”; known: {known}"),
                                                                code=code, known=list(severities))))

    return sev_ref


def _check_calendars(d: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    cals = {c["code"] for c in d["calendars"]}

    def cal_ref(code: str | None, where: str) -> None:
        if code is not None and code not in cals:
            out.append((where, Msg(N_("unknown calendar “{code}”; known: {cals}"), code=code, cals=sorted(cals))))

    cal_ref(d.get("default_calendar"), "default_calendar")
    if "default_calendar" not in d and len(cals) > 1:
        out.append(("default_calendar", Msg(N_("required when more than one calendar is defined"))))
    for i, c in enumerate(d["calendars"]):
        if c["kind"] == "working_days":
            if not c.get("hours"):
                out.append((f"calendars[{i}].hours", Msg(N_("working_days calendars need working hours"))))
            prev = ""
            for j, (a, b) in enumerate(c.get("hours", [])):
                if not a < b:
                    out.append((f"calendars[{i}].hours[{j}]", Msg(N_("{a}–{b} does not end after it starts"), a=a, b=b)))
                if a < prev:
                    out.append((f"calendars[{i}].hours[{j}]", Msg(N_("hour ranges must be in order and not overlap"))))
                prev = b
    for i, s in enumerate(d["severities"]):
        cal_ref(s.get("calendar"), f"severities[{i}].calendar")
    for i, s in enumerate(d["services"]):
        cal_ref(s.get("calendar"), f"services[{i}].calendar")
    for i, k in enumerate(d.get("kpis", [])):
        cal_ref(k.get("calendar"), f"kpis[{i}].calendar")
    cal_ref(d.get("service_desk", {}).get("calendar"), "service_desk.calendar")
    return out


def _check_checklist(
    d: dict[str, Any], t: dict[str, Any], base: str, sev_ref: Any, out: list[tuple[str, str]],
) -> None:
    services = {s["code"] for s in d["services"]}
    assets = {a["code"] for a in d.get("assets", [])}
    sev_ref(t, base)
    slots = t.get("slots", [])
    if t["frequency"] == "twice_daily" and len(slots) != 2:
        out.append((f"{base}.slots", Msg(N_("twice_daily needs exactly two slots, e.g. [\"09:00\", \"14:30\"]"))))
    if t["frequency"] == "daily" and len(slots) > 1:
        out.append((f"{base}.slots", Msg(N_("daily takes at most one slot"))))
    if slots != sorted(slots) or len(set(slots)) != len(slots):
        out.append((f"{base}.slots", Msg(N_("slots must be distinct and in time order"))))
    for si, sec in enumerate(t["sections"]):
        for ii, it in enumerate(sec["items"]):
            where = f"{base}.sections[{si}].items[{ii}]"
            sev_ref(it, where)
            if it.get("service") and it["service"] not in services:
                out.append((f"{where}.service", Msg(N_("unknown service “{service}”"), service=it["service"])))
            if it.get("asset") and it["asset"] not in assets:
                out.append((f"{where}.asset", Msg(N_("unknown asset “{asset}”"), asset=it["asset"])))
            out.extend(_check_item(it, where))


def _check_item(it: dict[str, Any], where: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    kind = it.get("kind", "check")
    lo, hi = it.get("normal_min"), it.get("normal_max")
    if kind == "reading":
        if lo is None and hi is None:
            out.append((where, Msg(N_("a reading needs normal_min and/or normal_max"))))
        if lo is not None and hi is not None and lo > hi:
            out.append((f"{where}.normal_max", Msg(N_("normal_max {hi} is below normal_min {lo}"), hi=hi, lo=lo)))
    elif lo is not None or hi is not None:
        out.append((where, Msg(N_("normal_min/normal_max only apply to readings, not {kind}"), kind=kind)))
    if kind == "choice":
        if not it.get("choices"):
            out.append((f"{where}.choices", Msg(N_("a choice item needs choices"))))
        bad = set(it.get("normal_choices", [])) - set(it.get("choices", []))
        if bad:
            out.append((f"{where}.normal_choices", Msg(N_("not among choices: {bad}"), bad=sorted(bad))))
    return out


@dataclass(frozen=True)
class ShippedProfile:
    """A profile shipped in ``resources/profiles``: its contract name, title and file."""

    name: str
    title: str
    client: str
    path: Path


def shipped_profiles() -> list[ShippedProfile]:
    """The profiles shipped with OpsLedger, sorted by name (each validated on read)."""
    out = []
    for p in sorted(paths.profiles_dir().glob("*.y*ml")):
        c = typed_profile(load_profile_file(p), str(p)).contract
        out.append(ShippedProfile(c.name, c.title, c.client, p))
    return out


def find_profile(name_or_path: str) -> Path:
    """A shipped profile by contract name, or an existing file path; raises ``OpsLedgerError``."""
    p = Path(name_or_path)
    if p.exists():
        return p
    for sp in shipped_profiles():
        if sp.name == name_or_path:
            return sp.path
    known = ", ".join(sp.name for sp in shipped_profiles())
    raise OpsLedgerError(N_("no profile file or shipped contract called “{name_or_path}”; shipped: {known}"), name_or_path=name_or_path, known=known)


def import_profile(session: Session, data: dict[str, Any] | ContractProfile, *, actor: str = "") -> Contract:
    """Create or update the contract a validated profile describes, in the caller's transaction.

    The caller must have validated ``data`` (``load_profile_file``/``validate_profile``); it is
    typed once here and stored as ``ContractProfile.to_dict()`` in ``Contract.profile``.
    Returns the ``Contract``; writes one audit event.
    """
    prof = ContractProfile.of(data)
    c = prof.contract
    contract = session.scalars(select(Contract).where(Contract.name == c.name)).one_or_none()
    created = contract is None
    if contract is None:
        contract = Contract(name=c.name)
        session.add(contract)
    contract.title, contract.client, contract.provider = c.title, c.client, c.provider
    contract.term_start, contract.term_end = c.term.start, c.term.end
    contract.profile_version = prof.version
    contract.profile = prof.to_dict()
    contract.imported_at = utcnow()
    session.flush()
    services = _import_services(session, contract, prof)
    assets = _import_assets(session, contract, prof)
    engineers = {e.name: e for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}
    for e in prof.engineers:
        row = engineers.get(e.name) or Engineer(contract_id=contract.id, name=e.name)
        row.role, row.phone, row.active = e.role, e.phone, True
        session.add(row)
    session.flush()
    _import_checklists(session, contract, prof, services, assets)
    audit.record(
        session, actor=actor, action="contract.import" if created else "contract.update",
        entity_kind="contract", entity_id=contract.id, summary=f"{contract.name}: {contract.title}",
    )
    return contract


def _import_services(session: Session, contract: Contract, prof: ContractProfile) -> dict[str, Service]:
    services = {s.code: s for s in session.scalars(select(Service).where(Service.contract_id == contract.id))}
    for s in prof.services:
        row = services.get(s.code) or Service(contract_id=contract.id, code=s.code)
        row.name, row.calendar = s.name, prof.calendar_for(service=s.code)
        row.availability_target_pct, row.active = s.availability_target_pct, True
        session.add(row)
        services[s.code] = row
    return services


def _import_assets(session: Session, contract: Contract, prof: ContractProfile) -> dict[str, Asset]:
    assets = {a.code: a for a in session.scalars(select(Asset).where(Asset.contract_id == contract.id))}
    for a in prof.assets:
        row = assets.get(a.code) or Asset(contract_id=contract.id, code=a.code)
        row.name, row.kind, row.model, row.location, row.ip = a.name, a.kind, a.model, a.location, a.ip
        session.add(row)
        assets[a.code] = row
    return assets


def _import_checklists(
    session: Session, contract: Contract, prof: ContractProfile,
    services: dict[str, Service], assets: dict[str, Asset],
) -> None:
    templates = {
        t.code: t
        for t in session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract.id))
    }
    for t in prof.checklists:
        tpl = templates.get(t.code) or ChecklistTemplate(contract_id=contract.id, code=t.code)
        tpl.name, tpl.frequency = t.name, t.frequency
        tpl.slots, tpl.description, tpl.active = list(t.slots), t.description, True
        session.add(tpl)
        session.flush()
        existing = {
            (i.section, i.text): i
            for i in session.scalars(select(ChecklistItem).where(ChecklistItem.template_id == tpl.id))
        }
        kept = set()
        pos = 0
        for sec in t.sections:
            for it in sec.items:
                key = (sec.name, it.text)
                row = existing.get(key) or ChecklistItem(template_id=tpl.id, section=sec.name, text=it.text)
                row.position, row.kind, row.unit = pos, it.kind, it.unit
                row.normal_min, row.normal_max = it.normal_min, it.normal_max
                row.choices, row.normal_choices = list(it.choices), list(it.normal_choices)
                row.service_id = services[it.service].id if it.service else None
                row.asset_id = assets[it.asset].id if it.asset else None
                row.active = True
                session.add(row)
                kept.add(key)
                pos += 1
        for key, row in existing.items():
            if key not in kept:
                row.active = False
    for code, tpl in templates.items():
        if prof.checklist(code) is None:
            tpl.active = False
    session.flush()


def export_profile(session: Session, contract: Contract) -> dict[str, Any]:
    """The contract as a profile dict: the imported profile with its checklists as they are now.

    Items keep the ``source`` and ``default_severity`` the imported profile gave them (matched by
    template code, section and text), so export → import keeps the file's meaning.  The result
    is validated like an import; ``ProfileError`` if the stored contract no longer makes one.
    """
    prof = profile_of(contract)
    data = prof.to_dict()
    services = {s.id: s.code for s in session.scalars(select(Service).where(Service.contract_id == contract.id))}
    assets = {a.id: a.code for a in session.scalars(select(Asset).where(Asset.contract_id == contract.id))}
    by_code = {t["code"]: t for t in data.get("checklists", [])}
    checklists = []
    tpls = session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract.id, ChecklistTemplate.active)
        .order_by(ChecklistTemplate.code)
    )
    for tpl in tpls:
        items = session.scalars(
            select(ChecklistItem).where(ChecklistItem.template_id == tpl.id, ChecklistItem.active)
            .order_by(ChecklistItem.position)
        )
        spec = prof.checklist(tpl.code)
        sections: list[dict[str, Any]] = []
        for it in items:
            if not sections or sections[-1]["name"] != it.section:
                sections.append({"name": it.section, "items": []})
            sections[-1]["items"].append(_item_entry(it, spec, services, assets))
        t = dict(by_code.get(tpl.code, {}))
        t.update({"code": tpl.code, "name": tpl.name, "frequency": tpl.frequency, "sections": sections})
        if tpl.slots:
            t["slots"] = list(tpl.slots)
        checklists.append(t)
    data["checklists"] = checklists
    validate_profile(data, f"export of {contract.name}")
    return data


def _item_entry(
    it: ChecklistItem, spec: ChecklistSpec | None, services: dict[Any, str], assets: dict[Any, str],
) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": it.text, "kind": it.kind}
    if it.unit:
        entry["unit"] = it.unit
    for key in ("normal_min", "normal_max"):
        if getattr(it, key) is not None:
            entry[key] = getattr(it, key)
    if it.choices:
        entry["choices"] = list(it.choices)
        entry["normal_choices"] = list(it.normal_choices)
    if it.service_id in services:
        entry["service"] = services[it.service_id]
    if it.asset_id in assets:
        entry["asset"] = assets[it.asset_id]
    same = next((x for sec in spec.sections if sec.name == it.section for x in sec.items if x.text == it.text),
                None) if spec else None
    if same is not None:
        entry.update(same.model_dump(mode="json", exclude_unset=True, include={"default_severity", "source"}))
    return entry


def write_profile(data: dict[str, Any], out: str | Path) -> Path:
    """Write a profile as YAML (``.yaml``/``.yml``) or JSON (``.json``); returns the path."""
    p = Path(out)
    if p.suffix.lower() == ".json":
        p.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p
