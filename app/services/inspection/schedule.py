"""Inspection schedules (巡检计划): which checklist slots are due, their windows, and the due list.

Rules (issue #2, contract profiles ``checklists[*]``):

- ``twice_daily`` / ``daily`` templates are due on each working day (``days: working_days``, the
  default) or every day (``days: every_day``), once per named local slot in ``slots``
  (e.g. ``["09:00", "14:30"]``); a daily template without slots has one slot ``""``.
  Working days come from the one working-day rule ``app.services.calendar.working_days`` (official
  Chinese calendar with make-up days).  A year the calendar does not cover (``CalendarCoverageError``)
  is treated as "every Monday–Friday is due" and the slot carries a ``calendar_warning`` — never a crash.
- Windows (aware UTC): a twice-daily slot runs from its time until the next slot starts, the last
  slot until the end of the local day; a daily slot runs the whole local day; period kinds run
  their period, whose starts come from a python-dateutil ``rrule`` (``period_rule``): ``weekly``
  the ISO week (``due_date`` = Monday), ``monthly`` the calendar month (the 1st), ``quarterly``,
  ``half_yearly``, ``yearly`` their calendar period, ``n_per_period`` ``times`` per ``per``
  (month/quarter/year split evenly).  ``due_on: first_working_day`` / ``last_working_day`` moves
  ``due_date`` to that official working day of the period (``working_day_set``, the calendar's ``rruleset``
  of Monday–Friday minus holidays plus make-up days): "每月第一个工作日".
- A slot is *overdue* when its window has passed and no finished inspection exists for it.
- ``ad_hoc`` templates are never due.
- Start of use (启用日期, ``Contract.effective_ledger_start``): no slot whose ``due_date`` (its
  day, or its period's first day) lies before it is due, overdue or missed — on the first day
  of an empty ledger nothing is overdue, and a weekly/monthly check whose period began before the
  start of use is first due in the next period.

The inspections themselves are kept by ``app.services.inspection.runs``; a slot is identified by
``(template_id, due_date, slot)``, the unique key of ``Inspection``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil.rrule import MONTHLY, WEEKLY, rrule, rruleset
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.profile import ChecklistSpec, profile_of
from app.core.timeutil import as_utc, local_dt
from app.services.calendar import working_days
from app.store.models import ChecklistTemplate, Contract, Engineer, Inspection

DAILY_KINDS = ("twice_daily", "daily")
PERIOD_KINDS = ("weekly", "monthly", "quarterly", "half_yearly", "yearly", "n_per_period")
OVERDUE_LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class DueSlot:
    """One due performance of a template.

    ``due_date`` is the local date of the slot's day or period start; ``slot`` is ``"HH:MM"`` for
    timed daily slots and ``""`` otherwise.  ``window_start``/``window_end`` are aware UTC
    (end exclusive).  ``label`` is human: ``"2026-11-23 09:00"``, ``"2026-W48"``, ``"2026-11"``,
    ``"2026-Q4"``.
    """

    template_id: uuid.UUID
    template_code: str
    template_name: str
    frequency: str
    due_date: date
    slot: str
    window_start: datetime
    window_end: datetime
    label: str


@dataclass
class DueEntry:
    """A due slot with its state on the due list.

    ``status``: ``done`` (a finished inspection exists), ``in_progress`` (started, unfinished),
    ``due`` (window open), ``overdue`` (window passed, not finished), ``upcoming`` (window not yet
    open).  ``calendar_warning`` is set when the working-day calendar did not cover the day.
    """

    slot: DueSlot
    status: str
    inspection_id: uuid.UUID | None = None
    inspection_number: str | None = None
    engineer: str | None = None
    abnormal_count: int = 0
    calendar_warning: str | None = None


def _parse_slot(text: str) -> time:
    hh, mm = str(text).strip().split(":")
    return time(int(hh), int(mm))


def template_days(contract: Contract, code: str) -> str:
    """``"working_days"`` or ``"every_day"`` for template ``code`` from the contract profile
    (``checklists[i].days``, default ``working_days``)."""
    spec = profile_of(contract).checklist(code)
    return spec.days if spec is not None else "working_days"


def _anchor(freq: str, per: str | None, d: date) -> date:
    """The start of the period (of the rule's base kind) containing ``d``."""
    base = per if freq == "n_per_period" else freq
    if base == "weekly":
        return d - timedelta(days=d.weekday())
    if base in ("quarterly", "quarter"):
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if base == "half_yearly":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if base in ("yearly", "year"):
        return date(d.year, 1, 1)
    return d.replace(day=1)


def period_rule(freq: str, first: date, times: int | None = None, per: str | None = None) -> rrule:
    """The dateutil ``rrule`` of the period starts of a period checklist from ``first`` (itself a
    period start): weekly Mondays, monthly 1sts, quarterly/half-yearly/yearly first days, and
    ``n_per_period`` — ``times`` per ``per`` (month: on the 1st/16th or 1st/8th/16th/24th;
    quarter: monthly; year: every 12 ÷ ``times`` months).  Raises ``ValueError`` for a
    frequency that is no period kind."""
    start = datetime.combine(first, time())
    if freq == "weekly":
        return rrule(WEEKLY, dtstart=start)
    if freq == "n_per_period":
        n = times or 1
        if per == "month" and n > 1:
            return rrule(MONTHLY, dtstart=start, bymonthday=(1, 16) if n == 2 else (1, 8, 16, 24))
        every = {"month": 1, "quarter": 3 // n if n <= 3 else 1, "year": 12 // n}[per or "year"]
        return rrule(MONTHLY, dtstart=start, interval=max(every, 1))
    months = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}.get(freq)
    if months is None:
        raise ValueError(freq)
    return rrule(MONTHLY, dtstart=start, interval=months)


def _label(freq: str, d: date, spec: ChecklistSpec | None) -> str:
    if freq == "weekly":
        iso = d.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if freq == "monthly":
        return f"{d.year}-{d.month:02d}"
    if freq == "quarterly":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if freq == "half_yearly":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if freq == "yearly":
        return f"{d.year}"
    per = spec.per if spec else "year"
    return {"month": f"{d.year}-{d.month:02d}-{d.day:02d}", "quarter": f"{d.year}-{d.month:02d}"}.get(
        per or "year", f"{d.year}-{d.month:02d}")


def working_day_set(session: Session | None, first: date, last: date) -> rruleset:
    """The official working days ``first``–``last`` of ``session``'s calendar as a dateutil
    ``rruleset`` (``app.services.calendar.working_days.working_day_set``: Monday–Friday, minus
    holidays, plus make-up days; a year no calendar covers counts Monday–Friday)."""
    return working_days.working_day_set(first, last, working_days.working_day_rule(session))


def _period_slots(tpl: ChecklistTemplate, start: date, end: date, spec: ChecklistSpec | None = None,
                  session: Session | None = None) -> list[DueSlot]:
    """Slots of a period template whose ``due_date`` lies in ``[start, end]``: one per period of
    ``period_rule``; ``due_date`` the period's first day, or with ``due_on`` its first / last official
    working day (``working_day_set``)."""
    freq = tpl.frequency
    if freq not in PERIOD_KINDS:
        return []
    times, per, on = (spec.times, spec.per, spec.due_on) if spec else (None, None, None)
    first = _anchor(freq, per, start)
    if on is not None:  # the previous period's working day may still fall on or after ``start``
        first = _anchor(freq, per, first - timedelta(days=1))
    rule = period_rule(freq, first, times, per)
    starts = [d.date() for d in rule.between(datetime.combine(first, time()),
                                              datetime.combine(end, time()), inc=True)]
    out: list[DueSlot] = []
    for ps in starts:
        nxt_dt = rule.after(datetime.combine(ps, time()))
        pe = nxt_dt.date() if nxt_dt else ps + timedelta(days=1)
        due, ws = ps, ps
        if on is not None:
            days = list(working_day_set(session, ps, pe - timedelta(days=1)))
            if days:
                due = (days[0] if on == "first_working_day" else days[-1]).date()
                ws = due if on == "first_working_day" else ps
        if start <= due <= end:
            out.append(_mk(tpl, due, "", local_dt(ws, time()), local_dt(pe, time()), _label(freq, ps, spec)))
    return out


def _mk(tpl: ChecklistTemplate, d: date, slot: str, ws: datetime, we: datetime, label: str) -> DueSlot:
    return DueSlot(tpl.id, tpl.code, tpl.name, tpl.frequency, d, slot, ws, we, label)


def _daily_slots_for(tpl: ChecklistTemplate, d: date) -> list[DueSlot]:
    slots = [str(s) for s in (tpl.slots or [])]
    day_start, day_end = local_dt(d, time()), local_dt(d + timedelta(days=1), time())
    if not slots:
        return [_mk(tpl, d, "", day_start, day_end, d.isoformat())]
    if tpl.frequency == "daily" and len(slots) == 1:
        return [_mk(tpl, d, slots[0], day_start, day_end, f"{d.isoformat()} {slots[0]}")]
    ordered = sorted(slots, key=_parse_slot)
    out = []
    for i, s in enumerate(ordered):
        ws = local_dt(d, _parse_slot(s))
        we = local_dt(d, _parse_slot(ordered[i + 1])) if i + 1 < len(ordered) else day_end
        out.append(_mk(tpl, d, s, ws, we, f"{d.isoformat()} {s}"))
    return out


def _active_templates(session: Session, contract: Contract) -> list[ChecklistTemplate]:
    return list(session.scalars(
        select(ChecklistTemplate)
        .where(ChecklistTemplate.contract_id == contract.id, ChecklistTemplate.active)
        .order_by(ChecklistTemplate.code)
    ))


def ledger_start(contract: Contract) -> date | None:
    """启用日期 of ``contract`` (``effective_ledger_start``: ``ledger_start``, else the term start)."""
    return getattr(contract, "effective_ledger_start", None)


def due_slots_with_warnings(
    session: Session, contract: Contract, start: date, end: date
) -> list[tuple[DueSlot, str | None]]:
    """Like ``due_slots`` but each slot paired with its calendar warning (or ``None``).

    Slots start at the start of use: ``start`` is raised to ``ledger_start(contract)``.
    """
    first_day = ledger_start(contract)
    if first_day is not None and first_day > start:
        start = first_day
    if end < start:
        return []
    rule = working_days.working_day_rule(session)
    out: list[tuple[DueSlot, str | None]] = []
    for tpl in _active_templates(session, contract):
        if tpl.frequency in DAILY_KINDS:
            every_day = template_days(contract, tpl.code) == "every_day"
            d = start
            while d <= end:
                warning = None
                if not every_day:
                    working, warning = rule.check(d)
                    if not working:
                        d += timedelta(days=1)
                        continue
                out.extend((s, warning) for s in _daily_slots_for(tpl, d))
                d += timedelta(days=1)
        elif tpl.frequency in PERIOD_KINDS:
            spec = profile_of(contract).checklist(tpl.code)
            out.extend((s, None) for s in _period_slots(tpl, start, end, spec, session))
    out.sort(key=lambda p: (p[0].due_date, p[0].slot, p[0].template_code))
    return out


def due_slots(session: Session, contract: Contract, start: date, end: date) -> list[DueSlot]:
    """Every slot of the contract's active templates with ``due_date`` in ``[start, end]`` (local
    dates, inclusive) and not before the start of use, sorted by due date, slot time ("" first),
    template code.  See the module doc for the rules.  Never raises for calendar gaps (weekdays
    are assumed due)."""
    return [s for s, _ in due_slots_with_warnings(session, contract, start, end)]


def slot_for(session: Session, contract: Contract, template: ChecklistTemplate, due_date: date,
             slot: str) -> DueSlot | None:
    """The scheduled ``DueSlot`` of ``template`` for (``due_date``, ``slot``), or ``None`` if that
    is not a scheduled slot (wrong day, unknown slot time, ad-hoc template)."""
    if template.frequency in DAILY_KINDS:
        for s in _daily_slots_for(template, due_date):
            if s.slot == slot:
                return s
        return None
    if template.frequency in PERIOD_KINDS:
        spec = profile_of(contract).checklist(template.code)
        for s in _period_slots(template, due_date, due_date, spec, session):
            if s.slot == slot:
                return s
    return None


def _inspections_by_slot(
    session: Session, contract: Contract, start: date, end: date
) -> dict[tuple[uuid.UUID, date, str], Any]:
    """(template id, due date, slot) → the inspection's row (the columns the due list and
    ``completion`` read; plain rows, no ORM objects: a 3-year ledger has thousands)."""
    rows = session.execute(
        select(Inspection.id, Inspection.number, Inspection.template_id, Inspection.template_name,
               Inspection.due_date, Inspection.slot, Inspection.engineer_id, Inspection.finished_at,
               Inspection.abnormal_count).where(
            Inspection.contract_id == contract.id, Inspection.due_date >= start, Inspection.due_date <= end
        )
    )
    return {(i.template_id, i.due_date, i.slot): i for i in rows}


def _engineer_names(session: Session, contract: Contract) -> dict[uuid.UUID, str]:
    return {e.id: e.name for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}


def _status(slot: DueSlot, insp: Any, now: datetime) -> str:
    if insp is not None and insp.finished_at is not None:
        return "done"
    if insp is not None:
        return "in_progress" if now < slot.window_end else "overdue"
    if now < slot.window_start:
        return "upcoming"
    if now >= slot.window_end:
        return "overdue"
    return "due"


def due_list(session: Session, contract: Contract, day: date, now: datetime) -> list[DueEntry]:
    """The due list for local ``day`` as seen at instant ``now`` (aware; naive = local).

    Contains: the day's daily/twice-daily slots, the weekly/monthly/quarterly periods that contain
    the day, and slots whose window ended within the ``OVERDUE_LOOKBACK_DAYS`` (7) days before the
    day that are not finished (status ``overdue``; an unfinished started one stays ``overdue``
    with its inspection id so it can be resumed).  Sorted by due date, slot time, template code.
    """
    now = as_utc(now)
    day_start = local_dt(day, time())
    day_end = local_dt(day + timedelta(days=1), time())
    lookback = day_start - timedelta(days=OVERDUE_LOOKBACK_DAYS)
    first = day - timedelta(days=OVERDUE_LOOKBACK_DAYS + 92)
    pairs = due_slots_with_warnings(session, contract, first, day)
    insp = _inspections_by_slot(session, contract, first, day)
    names = _engineer_names(session, contract)
    out: list[DueEntry] = []
    for slot, warning in pairs:
        current = slot.window_start < day_end and slot.window_end > day_start
        i = insp.get((slot.template_id, slot.due_date, slot.slot))
        recent = lookback < slot.window_end <= day_start and (i is None or i.finished_at is None)
        if not (current or recent):
            continue
        out.append(DueEntry(
            slot=slot,
            status=_status(slot, i, now),
            inspection_id=i.id if i else None,
            inspection_number=i.number if i else None,
            engineer=names.get(i.engineer_id) if i and i.engineer_id else None,
            abnormal_count=i.abnormal_count if i else 0,
            calendar_warning=warning,
        ))
    out.sort(key=lambda e: (e.slot.due_date, e.slot.slot, e.slot.template_code))
    return out


def completion(session: Session, contract: Contract, start: date, end: date, now: datetime) -> dict[str, Any]:
    """Inspection counts (巡检完成率) for ``[start, end]`` (local dates, inclusive) as at ``now`` —
    THE one computation the inspection-log export, every report and the KPI table read.

    A scheduled slot (``due_slots``: not before the start of use) is *due* once its window has
    ended by ``now`` or a finished inspection exists for it (finishing early counts); it is
    *done* when a finished inspection exists (late ones count), else *missed*.  A slot whose
    window is still open and not finished is *open* — neither due nor missed yet.  Finished
    inspections in the range that match no scheduled slot (ad-hoc templates, a day off) are
    *extra*.  ``performed`` = every finished inspection in the range = ``done + extra``;
    ``unfinished`` = started but not finished.

    Returns ``{"due", "done", "missed", "open", "extra", "performed", "unfinished": int,
    "rate_pct": float | None, "by_template": {code: {"name", "frequency", "due", "done",
    "missed", "open", "extra", "rate_pct"}}, "by_engineer": {name: finished count},
    "missed_slots": [DueSlot]}`` (``missed_slots``: the missed slots in schedule order);
    ``rate_pct`` = done ÷ due × 100 (0–100), ``None`` when nothing was due.  KPI
    ``inspection_completion_rate`` in the profiles.
    """
    now = as_utc(now)
    insp = _inspections_by_slot(session, contract, start, end)
    names = _engineer_names(session, contract)
    codes = {t.id: (t.code, t.name, t.frequency) for t in session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract.id))}
    by_t: dict[str, dict[str, Any]] = {}
    by_e: dict[str, int] = defaultdict(int)

    def row(code: str, name: str, frequency: str) -> dict[str, Any]:
        return by_t.setdefault(code, {"name": name, "frequency": frequency, "due": 0, "done": 0,
                                      "missed": 0, "open": 0, "extra": 0, "rate_pct": None})

    scheduled: set[tuple[uuid.UUID, date, str]] = set()
    missed: list[DueSlot] = []
    for s in due_slots(session, contract, start, end):
        key = (s.template_id, s.due_date, s.slot)
        scheduled.add(key)
        t = row(s.template_code, s.template_name, s.frequency)
        i = insp.get(key)
        finished = i is not None and i.finished_at is not None
        if finished:
            t["due"] += 1
            t["done"] += 1
        elif s.window_end <= now:
            t["due"] += 1
            t["missed"] += 1
            missed.append(s)
        else:
            t["open"] += 1
    unfinished = 0
    for key, i in insp.items():
        if i.finished_at is None:
            unfinished += 1
            continue
        by_e[names.get(i.engineer_id, "") if i.engineer_id else ""] += 1
        if key not in scheduled:
            code, name, frequency = codes.get(i.template_id, ("", i.template_name, ""))
            row(code, name, frequency)["extra"] += 1
    for t in by_t.values():
        t["rate_pct"] = round(100.0 * t["done"] / t["due"], 2) if t["due"] else None
    due = sum(t["due"] for t in by_t.values())
    done = sum(t["done"] for t in by_t.values())
    extra = sum(t["extra"] for t in by_t.values())
    return {
        "due": due, "done": done, "missed": due - done,
        "open": sum(t["open"] for t in by_t.values()), "extra": extra, "performed": done + extra,
        "unfinished": unfinished,
        "rate_pct": round(100.0 * done / due, 2) if due else None,
        "by_template": by_t,
        "by_engineer": dict(by_e),
        "missed_slots": missed,
    }
