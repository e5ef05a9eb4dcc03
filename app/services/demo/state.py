"""The state of one demo run (``Gen``: rng, id source, number counters, row buffers) and small draws."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.profile import Severity, profile_of
from app.core.timeutil import LOCAL_TZ, local_dt
from app.errors import OpsLedgerError, ValidationError
from app.services.calendar.working_days import working_day_rule
from app.services.demo.data import AGENCY_DEPTS, COURT_DEPTS, GIVEN, HORIZON_TIME, SURNAMES
from app.store.models import (
    Asset,
    Contract,
    Engineer,
    NumberSequence,
    Service,
)


class Gen:
    """State of one generation run (rng, id source, number counters, row buffers)."""

    def __init__(self, session: Session, contract: Contract, start: date, end: date, seed: int) -> None:
        self.s, self.c, self.start, self.end = session, contract, start, end
        self.rng = random.Random(f"opsledger-demo:{contract.name}:{seed}")
        #: draws for the format-2 constructs (incident classes, categorised work): a stream of their
        #: own, so a profile without them gets the very history it got before format 2
        self.rng2 = random.Random(f"opsledger-demo-v2:{contract.name}:{seed}")
        self.idrng = random.Random(f"opsledger-demo-ids:{contract.name}:{seed}:{start}:{end}")
        self.horizon = local_dt(end, HORIZON_TIME)
        self.rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)
        self.numbers: dict[tuple[str, int], int] = {
            (n.prefix, n.year): n.last for n in session.scalars(select(NumberSequence))
        }
        self.profile = profile_of(contract)
        self.engineers = list(session.scalars(
            select(Engineer).where(Engineer.contract_id == contract.id, Engineer.active).order_by(Engineer.name)))
        if not self.engineers:
            raise ValidationError("engineers", N_("contract {name} has no active engineer to do the work"), name=contract.name)
        self.workers = [e for e in self.engineers if e.role != "lead"] or self.engineers
        self.lead = next((e for e in self.engineers if e.role == "lead"), self.engineers[0])
        self.services = list(session.scalars(
            select(Service).where(Service.contract_id == contract.id, Service.active).order_by(Service.code)))
        self.assets = list(session.scalars(select(Asset).where(Asset.contract_id == contract.id).order_by(Asset.code)))
        self.severities = list(self.profile.severities)
        self.depts = COURT_DEPTS if "法院" in (contract.client or "") else AGENCY_DEPTS
        self.classes = self.profile.incident_class_codes
        self.key_days = {d for cal in self.profile.calendars for o in cal.overrides for d in walk(o.start, o.end)}
        self.working_rule = working_day_rule(session)
        self.calendars: Any = None
        try:
            from app.services.calendar import load_calendars  # type: ignore[attr-defined]  # not every build has it

            self.calendars = load_calendars(session, contract)
        except (ImportError, AttributeError, OpsLedgerError):
            self.calendars = None

    # -- helpers -------------------------------------------------------------------------------
    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.idrng.getrandbits(128), version=4)

    def number(self, prefix: str, at: datetime) -> str:
        year = at.astimezone(LOCAL_TZ).year
        self.numbers[(prefix, year)] = self.numbers.get((prefix, year), 0) + 1
        return f"{prefix}-{year}-{self.numbers[(prefix, year)]:04d}"

    def working(self, d: date) -> bool:
        """Is ``d`` an official working day (the one rule: ``app.services.calendar.working_days``)."""
        return self.working_rule(d)

    def on_duty(self, d: date) -> bool:
        """A working day, or a day of a dated override (重点保障期) of any calendar: the demo reports
        faults on those days as on working days, so the override's hours are exercised."""
        return self.working(d) or d in self.key_days

    def incident_class(self) -> str:
        """A class of ``profile.incident_classes``: ``operational`` most often, ``security`` about one
        fault in eight, any other class about one in twenty (format 2, docs/profile-format.md)."""
        weights = [80 if c == "operational" else 12 if c == "security" else 5 for c in self.classes]
        return self.rng2.choices(self.classes, weights=weights)[0]

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def phone(self) -> str:
        return "1" + self.rng.choice("3589") + "".join(str(self.rng.randrange(10)) for _ in range(9))

    def office_time(self, d: date) -> datetime:
        """A local office-hours instant on ``d`` (08:30–17:30, lunch less likely)."""
        minute = self.rng.choice([self.rng.randint(510, 720), self.rng.randint(810, 1050), self.rng.randint(510, 1050)])
        return local_dt(d, time(minute // 60, minute % 60)) + timedelta(seconds=self.rng.randint(0, 59))

    def add(self, model: type, row: dict[str, Any]) -> dict[str, Any]:
        row.setdefault("id", self.uid())
        self.rows[model].append(row)
        return row

    def severity(self) -> Severity:
        sev = self.severities
        weights = [10, 30, 60][-len(sev):] if len(sev) <= 3 else [5] * (len(sev) - 2) + [30, 60]
        return self.rng.choices(sev, weights=weights)[0]


def walk(d0: date, d1: date) -> list[date]:
    return [d0 + timedelta(days=i) for i in range((d1 - d0).days + 1)]


def reading_value(rng: random.Random, lo: float | None, hi: float | None, unit: str, abnormal: bool) -> float:
    if abnormal:
        if hi is not None and (lo is None or rng.random() < 0.6):
            return round(hi * rng.uniform(1.05, 1.3) + (1 if hi == 0 else 0), 1)
        if lo is not None:
            return round(lo * rng.uniform(0.6, 0.95) - (1 if lo == 0 else 0), 1)
    if lo is not None and hi is not None:
        span = hi - lo
        v = rng.uniform(lo + 0.25 * span, hi - 0.25 * span)
    elif hi is not None:
        v = hi * rng.uniform(0.3, 0.8)
    elif lo is not None:
        v = lo * rng.uniform(1.01, 1.08) if lo > 0 else rng.uniform(1, 10)
        if unit == "%":
            v = min(v, 100.0)
    else:
        v = rng.uniform(1, 100)
    if lo is not None and lo >= 1 and float(lo).is_integer() and unit in ("个", "台", "次"):
        return float(round(v))
    return round(v, 1)

