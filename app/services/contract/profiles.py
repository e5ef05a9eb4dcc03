"""Contract profiles: load, validate, import into the store, export back.

A profile (YAML or JSON, format ``opsledger-contract-profile`` version 2; a version-1 file is
upgraded on import and the upgrade shown, ``app.core.profile_upgrade``) describes one contract
as data; its schema is ``resources/schemas/contract-profile.schema.json`` and its documentation
``docs/profile-format.md``.  Validation is the JSON Schema plus cross-checks the schema cannot
express (references between codes, ranges, term order).  A malformed profile is refused whole:
``ProfileError`` lists every problem as ``<file>:<line>:<col>: <field path>: <what is wrong>`` and nothing is
written.  Every problem names file, line and column (``yaml_marks``), the field path and, in a
sentence of the current language (``messages``), what would be valid.

Re-importing a contract of the same name updates it in place: templates and items are matched by
code and (section, text); items no longer present are deactivated, never deleted, so recorded
inspections keep their items (results copy text, unit and range anyway).
"""

from __future__ import annotations

import json
import re
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
from app.core.profile_upgrade import upgrade_v1
from app.core.timeutil import utcnow
from app.errors import Msg, OpsLedgerError
from app.services import audit
from app.services.contract.checks import cross_check
from app.services.contract.messages import model_problem, schema_problem
from app.services.contract.yaml_marks import MAX_BYTES, mark_of, read_yaml
from app.store.models import Asset, ChecklistItem, ChecklistTemplate, Contract, Engineer, Service

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

FORMAT = "opsledger-contract-profile"
VERSION = 2


class ProfileError(OpsLedgerError):
    """A profile refused whole; ``problems`` are ``(field_path, message)`` pairs and ``marks``
    the ``(line, column)`` of each in the file (``None`` where unknown, e.g. a dict not read from
    a file).  Messages are :class:`~app.errors.Msg` sentences in the current language."""

    def __init__(self, source: str, problems: list[tuple[str, str | Msg]],
                 marks: list[tuple[int, int] | None] | None = None) -> None:
        super().__init__(N_("contract profile refused, nothing imported:"), code="profile.refused")
        self.source = source
        self.problems = problems
        self.marks = list(marks) if marks is not None else [None] * len(problems)

    def lines(self) -> list[str]:
        """One line per problem: ``<file>:<line>:<column>: <field path>: <sentence>``."""
        from app.core.i18n import _  # noqa: PLC0415

        top = _("(top level)")
        out = []
        for (path, msg), mark in zip(self.problems, self.marks, strict=False):
            where = f"{self.source}:{mark[0]}:{mark[1]}" if mark else self.source
            out.append(f"{where}: {path or top}: {msg}")
        return out

    def __str__(self) -> str:
        from app.core.i18n import _  # noqa: PLC0415

        return "\n".join([_(self.msgid), *self.lines()])


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


def _parse_path(text: str) -> tuple[str | int, ...]:
    """``"kpis[2].target"`` → ``("kpis", 2, "target")`` (to find a cross-check's mark)."""
    return tuple(int(t) if t.isdigit() else t for t in re.findall(r"[^.\[\]]+", text))


def _refuse(source: str, problems: list[tuple[Any, Msg | str]], marks: dict[Any, tuple[int, int]]) -> ProfileError:
    out, where = [], []
    for path, msg in problems:
        parts = _parse_path(path) if isinstance(path, str) else tuple(path)
        out.append((_path_str(parts), msg))
        where.append(mark_of(marks, parts))
    return ProfileError(source, out, where)


@dataclass
class LoadedProfile:
    """A validated profile file: its ``data`` (format 2) and ``upgrade`` sentences saying what a
    format-1 file had converted (empty for a format-2 file)."""

    data: dict[str, Any]
    upgrade: list[str]


def read_profile_file(path: str | Path) -> LoadedProfile:
    """Read, upgrade (format 1 → 2) and validate a YAML/JSON profile file.

    Raises ``ProfileError`` naming file, line and column for an unreadable or too large file
    (over ``yaml_marks.MAX_BYTES``), a syntax error, aliases, unquoted times, duplicate keys and
    every schema or cross-reference problem.
    """
    p = Path(path)
    src = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ProfileError(src, [("", Msg(N_("the file is {size} bytes; a profile may be at most {limit}"),
                                              size=size, limit=MAX_BYTES))])
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(src, [("", Msg(N_("cannot read the file: {error}"), error=exc))]) from exc
    marks: dict[Any, tuple[int, int]] = {}
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data, marks, found = read_yaml(text)
            if found:
                raise ProfileError(src, [(_path_str(a), m) for a, m, _mk in found], [mk for _a, _m, mk in found])
    except (ValueError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        detail = getattr(exc, "problem", None) or exc
        raise ProfileError(src, [("", Msg(N_("not valid {syntax}: {error}"),
                                          syntax="JSON" if p.suffix == ".json" else "YAML",
                                          error=Msg(N_("check brackets, quotes and indentation here ({detail})"),
                                                    detail=detail)))],
                           [(mark.line + 1, mark.column + 1)] if mark is not None else None) from exc
    data, said = upgrade_v1(data) if isinstance(data, dict) else (data, [])
    validate_profile(data, src, marks)
    return LoadedProfile(data, said)


def load_profile_file(path: str | Path) -> dict[str, Any]:
    """``read_profile_file(path).data``: the validated (format 2) profile dict."""
    return read_profile_file(path).data


def _normalise_dates(data: Any) -> Any:
    # YAML turns 2026-05-01 into a date; the schema (and JSON) want ISO strings.
    if isinstance(data, dict):
        return {k: _normalise_dates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise_dates(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def validate_profile(data: Any, source: str = "<profile>",
                     marks: dict[Any, tuple[int, int]] | None = None) -> ContractProfile:
    """Validate a profile dict in place (dates normalised to ISO strings; a format-1 dict is
    upgraded in place first) and type it.

    The JSON Schema and the cross-checks (``app.services.contract.checks``) run here, on import
    and export only; what is stored is read back through ``app.core.profile.profile_of`` without
    them.  Raises ``ProfileError`` with every problem found (with its line and column when
    ``marks`` come from the file); returns the ``ContractProfile`` when the profile is sound.
    """
    marks = marks or {}
    if isinstance(data, dict):
        data.update(_normalise_dates(upgrade_v1(data)[0]))
    if isinstance(data, dict) and data.get("version") == 1:  # pragma: no cover - upgraded above
        data["version"] = 2
    problems = [schema_problem(e) for e in sorted(_validator().iter_errors(data),
                                                  key=lambda e: list(map(str, e.absolute_path)))]
    if problems:
        raise _refuse(source, list(problems), marks)
    found = cross_check(data)
    if found:
        raise _refuse(source, list(found), marks)
    return typed_profile(data, source)


def typed_profile(data: dict[str, Any], source: str = "<profile>") -> ContractProfile:
    """The ``ContractProfile`` of a schema-valid dict; ``ProfileError`` (sentences, no pydantic
    English) should the models refuse what the schema let through."""
    try:
        return ContractProfile.model_validate(data)
    except ModelError as exc:
        problems: dict[str, Msg] = {}
        for e in exc.errors():
            path, msg = model_problem(dict(e))
            problems.setdefault(_path_str(path), msg)
        raise ProfileError(source, list(problems.items())) from exc


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
    assets = _import_assets(session, contract, prof, actor)
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


def _import_assets(session: Session, contract: Contract, prof: ContractProfile, actor: str) -> dict[str, Asset]:
    from app.services.asset.register import keep_profile_values  # noqa: PLC0415 - the register's history rule

    assets = {a.code: a for a in session.scalars(select(Asset).where(Asset.contract_id == contract.id))}
    for a in prof.assets:
        row = assets.get(a.code) or Asset(contract_id=contract.id, code=a.code)
        keep_profile_values(session, row, {"name": a.name, "kind": a.kind, "model": a.model, "location": a.location,
                                           "ip": a.ip}, actor)
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
