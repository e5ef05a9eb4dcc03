"""SLA clocks (响应/恢复时限): time to respond and time to restore, in contract service time.

Clocks are DERIVED, never kept as running counters: every figure is recomputed from the record's
timeline (``reported_at``, ``responded_at``, ``restored_at``) and its status-change history
(``IncidentEvent`` rows of kind ``created``/``status``/``reopen``).  Recomputing after a calendar
correction or a changed SLA target therefore gives exactly what a fresh computation gives, and a
pause can never be lost.

Rules:

* A clock counts service minutes of its calendar (``app.services.calendar.service_time``; the severity's
  ``calendar`` or the profile's ``default_calendar``) from its start to its stop (or ``now``).
* Status ``pending`` (waiting for the vendor or the user) pauses both clocks: the service minutes
  inside a pending span are taken out.
* The restore clock also leaves out spans in ``restored``/``closed`` that a later move back to
  work ended (the fix did not hold, or the incident was reopened): only time the fault was open
  counts.
* ``breached`` is ``elapsed_minutes > target_minutes`` (reaching the target exactly is on time).

Contract clauses these clocks measure:

* Justice Bureau §2.5.1.4 — blocking bugs fixed within 2 h, others within 48 h; emergency
  recovery within 1 h (restore targets).
* Justice Bureau §2.5.1.1 — 7×24 fault reporting answered; 5×8 repair work starts within
  1 working day (response targets, in the 7×24 and 5×8 calendars).
* Justice Bureau §2.9 — no more than 2 outages over 2 h in working time (restore minutes in the
  5×8 calendar feed that count).
* Pinggu §7.1–7.2 — respond promptly to fault reports; record time, cause and resolution.

Every clock explains itself: ``Clock.explanation`` lists the counted working periods, the pauses
taken out, the calendar source of every day and notes on start, stop and target.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.profile import ContractProfile, profile_of
from app.core.timeutil import fmt_local, local_dt, utcnow
from app.errors import ValidationError
from app.services.calendar.minute_index import MinuteIndex, index_for
from app.services.calendar.service_time import (
    ServiceCalendar,
    _aware,
    calendar_for_severity,
    load_calendars,
    merge_windows,
)

CLOCK_EVENT_KINDS = ("created", "status", "reopen")
PAUSED, REOPENED = "paused", "reopened"
PAUSE_STATUS = "pending"
DONE_STATUSES = ("restored", "closed")


@dataclass
class ExplainLine:
    """One line of a clock's explanation.

    ``kind``: ``"period"`` (service time counted), ``"pause"`` (service time taken out),
    ``"source"`` (which calendar source decided a local day; start/end = that day's bounds),
    ``"note"`` (start, stop, target, result).  ``minutes`` are service minutes (0 for source
    lines; the elapsed figure on the closing note); instants are aware UTC or ``None``.
    """

    kind: str
    start: datetime | None
    end: datetime | None
    minutes: float
    text: str


@dataclass
class Clock:
    """One SLA clock, derived from the record's history at ``now``.

    ``name``: ``"response"`` | ``"restore"`` | ``"request_response"``.
    ``target_minutes``: the contract target in service minutes (``None`` when the profile names
    none).  ``elapsed_minutes``: service minutes counted so far, pauses taken out.
    ``remaining_minutes``: ``target - elapsed`` (negative = overdue; ``None`` without target).
    ``deadline``: the instant the target is (or was) reached at the current pace — ``None`` while
    paused, when stopped within target, or without a target.  ``running``: counting now;
    ``paused``: in a pending span now; ``stopped_at``: the instant the clock stopped (responded /
    restored) or ``None``.  ``breached``: ``elapsed > target`` (``None`` without target).
    """

    name: str
    target_minutes: float | None
    elapsed_minutes: float
    remaining_minutes: float | None
    deadline: datetime | None
    running: bool
    paused: bool
    stopped_at: datetime | None
    breached: bool | None
    calendar_code: str
    explanation: list[ExplainLine] = field(default_factory=list)
    working_day_minutes: float | None = None
    """Length of one working day of the clock's calendar in service minutes (``None`` for 7×24);
    pass it to :func:`app.core.durations.format_minutes` to show the figures in working days."""

    def explain_text(self) -> str:
        """The explanation as plain text lines (local times), for exports and tooltips."""
        return "\n".join(line.text for line in self.explanation)


@dataclass
class IncidentClocks:
    """Both clocks of an incident plus its pending spans ``(start, end|None)`` (UTC, sorted)."""

    response: Clock
    restore: Clock
    pauses: list[tuple[datetime, datetime | None]]
    on_site: Clock | None = None
    """到场: ``reported_at`` → ``onsite_at``; None when the profile sets no on-site target."""
    resolve: Clock | None = None
    """解决: ``reported_at`` → ``closed_at`` (pauses out); None when the profile sets no resolve target."""

    def clock(self, kind: str) -> Clock | None:
        """The clock of SLA target ``kind`` (``response``/``on_site``/``restore``/``resolve``)."""
        return {"response": self.response, "on_site": self.on_site, "restore": self.restore,
                "resolve": self.resolve}.get(kind)

    # The figures ``close_incident`` stores on the Incident row (same names as its columns).
    @property
    def response_minutes(self) -> float:
        """Service minutes to respond (pauses taken out)."""
        return self.response.elapsed_minutes

    @property
    def restore_minutes(self) -> float:
        """Service minutes to restore (pauses and reopened spans taken out)."""
        return self.restore.elapsed_minutes

    @property
    def response_breached(self) -> bool | None:
        """Response target exceeded (``None`` without target)."""
        return self.response.breached

    @property
    def restore_breached(self) -> bool | None:
        """Restore target exceeded (``None`` without target)."""
        return self.restore.breached


# -- history ----------------------------------------------------------------------------------


CLOCK_NAMES = {
    "response": N_("Response"),
    "restore": N_("Restore"),
    "request_response": N_("Request response"),
    "request_resolve": N_("Request resolution"),
    "on_site": N_("On-site arrival"),
    "resolve": N_("Final resolution"),
}
"""Clock name → msgid of the name the explanation pane shows."""

_EXCLUDED_LABELS = {
    PAUSED: N_("Paused (pending: waiting for vendor/user)"),
    REOPENED: N_("Not counted (restored/closed, later reopened)"),
}
"""Kind of a span taken out of a clock → msgid of how the explanation words it."""
_DAY_KINDS = {
    "working day": N_("working day"),
    "day off": N_("day off"),
    "make-up working day": N_("make-up working day"),
    "holiday": N_("public holiday"),
}


HOLIDAY_NAMES = {
    "New Year's Day": N_("New Year's Day"),
    "Spring Festival": N_("Spring Festival"),
    "Tomb-sweeping Day": N_("Tomb-sweeping Day"),
    "Labour Day": N_("Labour Day"),
    "Dragon Boat Festival": N_("Dragon Boat Festival"),
    "National Day": N_("National Day"),
    "Mid-autumn Festival": N_("Mid-autumn Festival"),
    "Anti-Fascist 70th Day": N_("Anti-Fascist 70th Day"),
}
"""``chinesecalendar``'s (English) holiday names → msgids; names a user entered pass unchanged."""


def source_text(source: str) -> str:
    """A calendar source (``"chinesecalendar 1.11.0"``, ``"user: <notice>"``, ``"7x24"``) in words."""
    if source.startswith("user: "):
        return _("entered arrangement: {source}", source=source[6:])
    if source.startswith("override: "):
        name, _sep, hours = source[10:].partition("|")
        return _("key period {hours} ({name})", hours=hours, name=name)
    if source == "7x24":
        return _("7×24 service hours")
    return _("official holiday calendar ({source})", source=source)


def _fmt_min(minutes: float) -> str:
    """Minutes for an explanation line, to 0.1 min (``60``, ``62.5``, ``0``)."""
    return f"{round(minutes, 1):g}"


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def status_spans(events: Iterable[Any]) -> list[tuple[str, datetime, datetime | None]]:
    """The status timeline ``(status, start, end|None)`` from status events, sorted by ``at``.

    Only events of kind ``created``/``status``/``reopen`` with a ``to_status`` count; consecutive
    events into the same status merge.  Events may be ``IncidentEvent`` rows or dicts.
    """
    timed = sorted((_aware(_get(e, "at"), "event.at"), i, _get(e, "to_status"))
                   for i, e in enumerate(events) if _get(e, "kind") in CLOCK_EVENT_KINDS and _get(e, "to_status"))
    spans: list[tuple[str, datetime, datetime | None]] = []
    for at, _i, status in timed:
        if spans and spans[-1][0] == status:
            continue
        if spans:
            spans[-1] = (spans[-1][0], spans[-1][1], at)
        spans.append((status, at, None))
    return [s for s in spans if s[2] is None or s[2] > s[1]]


def pauses_from_events(events: Iterable[Any]) -> list[tuple[datetime, datetime | None]]:
    """Pending spans ``(start, end|None)`` from status events, sorted by ``at``.

    ``None`` end: still pending.  Status ``pending`` = waiting for the vendor or the user; the SLA
    clocks do not run then.
    """
    return [(a, b) for status, a, b in status_spans(events) if status == PAUSE_STATUS]


# -- core computation -------------------------------------------------------------------------


def _subtract(
    periods: list[Any], windows: list[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime, str]]:
    """Working periods minus (merged) excluded windows → counted ``(start, end, source)``."""
    out = []
    for p in periods:
        pieces = [(p.start, p.end)]
        for a, b in windows:
            nxt = []
            for s, e in pieces:
                if b <= s or a >= e:
                    nxt.append((s, e))
                    continue
                if s < a:
                    nxt.append((s, a))
                if b < e:
                    nxt.append((b, e))
            pieces = nxt
        out.extend((s, e, p.source) for s, e in pieces if s < e)
    return out


def _minutes(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 60.0


DETAIL_DAYS = 31
"""A clock spanning at most this many days explains itself day by day and period by period;
a longer one month by month (its cost then does not grow with the days open)."""


def _detail_lines(
    lines: list[ExplainLine], cal: ServiceCalendar, start: datetime, end: datetime,
    windows: list[tuple[datetime, datetime, str]], merged: list[tuple[datetime, datetime]],
) -> list[tuple[datetime, datetime]]:
    """Append the per-day source, per-period counted and per-window pause lines of a short clock;
    returns the counted stretches ``(start, end)`` between the excluded windows."""
    for day, working, source, day_name in ([] if cal.kind == "always" and not cal.overrides
                                           else cal.days(start, end)):
        if source.startswith("override: "):
            lines.append(ExplainLine("source", local_dt(day, time(0)), local_dt(day + timedelta(days=1), time(0)),
                                     0.0, _("{day} {source}", day=day.isoformat(), source=source_text(source))))
            continue
        if cal.kind == "always":
            continue
        what = "working day" if working else "day off"
        if working and day.weekday() >= 5:
            what = "make-up working day"
        elif not working and day.weekday() < 5:
            what = "holiday"
        label = f" {_(HOLIDAY_NAMES[day_name]) if day_name in HOLIDAY_NAMES else day_name}" if day_name else ""
        lines.append(ExplainLine("source", local_dt(day, time(0)), local_dt(day + timedelta(days=1), time(0)),
                                 0.0, _("{day} {what}{label} — {source}", day=day.isoformat(),
                                        what=_(_DAY_KINDS[what]), label=label, source=source_text(source))))
    if cal.kind == "always" and not cal.overrides:
        lines.append(ExplainLine("source", start, end, 0.0, _("every minute counts — 7×24")))
    periods = cal.periods(start, end)
    for s, e, source in _subtract(periods, merged):
        end_fmt = "%H:%M" if fmt_local(s, "%Y%m%d") == fmt_local(e, "%Y%m%d") else "%Y-%m-%d %H:%M"
        lines.append(ExplainLine("period", s, e, _minutes(s, e),
                                 _("counted {start}–{end}: {minutes} min ({source})", start=fmt_local(s),
                                   end=fmt_local(e, end_fmt), minutes=_fmt_min(_minutes(s, e)),
                                   source=source_text(source))))
    for a, b, label in windows:
        taken = sum(max(0.0, _minutes(max(p.start, a), min(p.end, b))) for p in periods
                    if min(p.end, b) > max(p.start, a))
        lines.append(ExplainLine("pause", a, b, taken,
                                 _("{label} {start}–{end}: {minutes} service min taken out",
                                   label=_(_EXCLUDED_LABELS.get(label, label)), start=fmt_local(a),
                                   end=fmt_local(b), minutes=_fmt_min(taken))))
    return _gaps(start, end, merged)


def _gaps(start: datetime, end: datetime, merged: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """``[start, end)`` minus the merged (sorted, disjoint) windows, as ``(start, end)`` stretches."""
    out, at = [], start
    for a, b in merged:
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if at < end:
        out.append((at, end))
    return out


def _month_lines(
    lines: list[ExplainLine], idx: MinuteIndex, start: datetime, end: datetime,
    windows: list[tuple[datetime, datetime, str]], merged: list[tuple[datetime, datetime]],
) -> list[tuple[datetime, datetime]]:
    """Append month-by-month source and counted lines and one line per excluded window of a long
    clock (service minutes from the index); returns the counted stretches like ``_detail_lines``."""
    for m in idx.months(start, end):
        names = "、".join(_(HOLIDAY_NAMES[n]) if n in HOLIDAY_NAMES else n for n in m.names)
        lines.append(ExplainLine("source", m.start, m.end, 0.0, _(
            "{month}: {working} working days, {makeup} make-up working days, {holidays} public holidays"
            "{names}, {weekend} weekend days — {source}", month=m.month.strftime("%Y-%m"),
            working=m.working_days, makeup=m.makeup_days, holidays=m.holidays,
            names=f" ({names})" if names else "", weekend=m.weekend_days,
            source="; ".join(source_text(x) for x in m.sources))))
        taken = sum(idx.service_minutes(max(a, m.start), min(b, m.end)) for a, b in merged)
        lines.append(ExplainLine("period", m.start, m.end, m.minutes - taken, _(
            "counted in {month}: {minutes} min", month=m.month.strftime("%Y-%m"),
            minutes=_fmt_min(m.minutes - taken))))
    for a, b, label in windows:
        taken = idx.service_minutes(a, b)
        lines.append(ExplainLine("pause", a, b, taken,
                                 _("{label} {start}–{end}: {minutes} service min taken out",
                                   label=_(_EXCLUDED_LABELS.get(label, label)), start=fmt_local(a),
                                   end=fmt_local(b), minutes=_fmt_min(taken))))
    return _gaps(start, end, merged)


def _closing_note(elapsed: float, target: float | None, breached: bool | None, deadline: datetime | None,
                  paused: bool) -> ExplainLine:
    """The last explanation line: elapsed against the target, the verdict, when it is reached."""
    if target is None:
        return ExplainLine("note", None, None, elapsed,
                           _("elapsed {minutes} service min; no target", minutes=_fmt_min(elapsed)))
    verdict = _("BREACHED") if breached else _("within target")
    return ExplainLine(
        "note", None, deadline, elapsed,
        _("elapsed {minutes} of {target} service min — {verdict}", minutes=_fmt_min(elapsed),
          target=f"{target:g}", verdict=verdict)
        + (_("; target reached at {deadline}", deadline=fmt_local(deadline)) if deadline is not None else "")
        + (_("; paused now") if paused else ""),
    )


def _clock(
    name: str,
    cal: ServiceCalendar,
    start: datetime,
    stopped_at: datetime | None,
    now: datetime,
    target: float | None,
    excluded: list[tuple[datetime, datetime | None, str]],
    head_notes: list[str],
    explain: bool = True,
) -> Clock:
    """Count ``cal`` service time from ``start`` to ``stopped_at`` (or ``now``) minus ``excluded``.

    ``excluded``: ``(start, end|None, kind)`` spans taken out (``None`` end = still open;
    ``kind`` ``PAUSED`` or ``REOPENED``).  Every explanation line is in the current language
    (``app.core.i18n``; calendar sources and codes as stored).
    """
    end = stopped_at if stopped_at is not None else now
    end = max(end, start)
    lines: list[ExplainLine] = [ExplainLine("note", start, end, 0.0, t) for t in head_notes]
    if explain:
        state = _("stopped") if stopped_at is not None else _("now, still running")
        lines.append(ExplainLine(
            "note", start, end, 0.0,
            _("{clock}: from {start} to {end} ({state}), service hours {code} ({name})",
              clock=_(CLOCK_NAMES.get(name, name)), start=fmt_local(start), end=fmt_local(end), state=state,
              code=cal.code, name=cal.name),
        ))
    windows: list[tuple[datetime, datetime, str]] = []
    for a, b, label in excluded:
        a2, b2 = max(a, start), min(b if b is not None else end, end)
        if a2 < b2:
            windows.append((a2, b2, label))
    merged = merge_windows([(a, b) for a, b, _lbl in windows])
    idx = index_for(cal)
    if not explain:  # figures only (bulk exports): no explanation lines
        counted = _gaps(start, end, merged)
    elif cal.kind == "always" or end - start <= timedelta(days=DETAIL_DAYS):
        counted = _detail_lines(lines, cal, start, end, windows, merged)
    else:
        counted = _month_lines(lines, idx, start, end, windows, merged)
    # elapsed: the index (constant time per year) — equal to summing the counted periods
    elapsed = idx.service_minutes(start, end) - sum(idx.service_minutes(a, b) for a, b in merged)
    elapsed = max(0.0, round(elapsed, 9))

    paused = False
    if stopped_at is None:
        for a, b, label in excluded:
            if label == PAUSED and a <= now and (b is None or b > now):
                paused = True
    running = stopped_at is None and not paused

    remaining = None if target is None else target - elapsed
    breached = None if target is None else elapsed > target
    deadline: datetime | None = None
    if target is not None:
        if elapsed >= target:
            acc = 0.0
            for s, e in counted:
                length = idx.service_minutes(s, e)
                if acc + length >= target:
                    deadline = idx.add_service_minutes(s, target - acc)
                    break
                acc += length
            if target == 0:
                deadline = start
        elif running:
            deadline = idx.add_service_minutes(max(now, start), target - elapsed)
    if explain:
        lines.append(_closing_note(elapsed, target, breached, deadline, paused))
    return Clock(
        name=name,
        target_minutes=target,
        elapsed_minutes=elapsed,
        remaining_minutes=remaining,
        deadline=deadline,
        running=running,
        paused=paused,
        stopped_at=stopped_at,
        breached=breached,
        calendar_code=cal.code,
        explanation=lines,
        working_day_minutes=cal.working_day_minutes,
    )


def _shown(minutes: float | None) -> str:
    return "-" if minutes is None else f"{minutes:g}"


_CLOCK_KINDS = ("response", "restore", "on_site", "resolve")


def _terms(prof: ContractProfile, calendars: dict[str, ServiceCalendar], severity: str | None,
           incident_class: str | None, scope: Iterable[str]) -> dict[str, tuple[float | None, Any]]:
    """Clock kind → (target minutes or None, the calendar it runs in) for an incident of this
    severity, class and scope: ``ContractProfile.sla_target`` / ``sla_calendar``, a calendar the
    loaded ones lack being the severity's (``calendar_for_severity``).  Calendars are looked up
    for the response and restore clocks always, for the others only when they have a target."""
    out: dict[str, tuple[float | None, Any]] = {}
    for kind in _CLOCK_KINDS:
        target = prof.sla_target(severity, kind, incident_class, scope)  # type: ignore[arg-type]
        if target is None and kind not in ("response", "restore"):
            out[kind] = (None, None)
            continue
        code = prof.sla_calendar(severity, kind, incident_class, scope)
        cal = calendars[code] if code in calendars else calendar_for_severity(calendars, prof, severity)
        out[kind] = (target, cal)
    return out


def incident_clocks(
    incident: Any,
    events: Iterable[Any],
    profile: ContractProfile | Mapping[str, Any],
    calendars: dict[str, ServiceCalendar],
    now: datetime,
    scope: tuple[str, ...] = (),
    *,
    explain: bool = True,
    rules: dict[Any, Any] | None = None,
) -> IncidentClocks:
    """Both SLA clocks of ``incident`` at ``now`` from its history ``events``.

    Response: ``reported_at`` → ``responded_at`` (or ``now``); when no response time is recorded
    but the incident is restored, the response clock stops at the restore instant.  Restore:
    ``reported_at`` → ``restored_at`` (or ``now``) while the status is ``restored``/``closed``;
    after a reopen the clock runs again and the restored/closed span is left out.  Both minus
    pending spans.  Targets: the severity's ``response_minutes``/``restore_minutes`` in the
    severity's calendar (Justice Bureau §2.5.1.1/§2.5.1.4, Pinggu §7.1), read with
    ``ContractProfile.sla_target``/``sla_calendar`` for the incident's severity, ``incident_class``
    and ``scope`` (the service-group / asset-class codes it touches) — each target kind in its own
    calendar.  On-site (``reported_at`` → ``onsite_at``) and resolve (``reported_at`` →
    ``closed_at``) clocks exist only when the profile sets such a target (``sla_targets``); both
    minus pending spans.  ``profile`` typed, or a validated profile dict.
    ``incident`` and ``events`` may be model rows or dicts.  Raises ``CalendarCoverageError`` for
    an uncovered year and ``ValidationError`` for naive instants.  ``explain=False`` leaves the
    explanations empty (figures only — bulk exports compute thousands of clocks); ``rules``, a
    dict the caller keeps for one run over the same ``profile`` and ``calendars``, remembers the
    targets and calendars of each (severity, class, scope) met (``_terms``), so a bulk run reads
    the profile once per distinct kind of incident rather than once per clock.
    """
    now = _aware(now, "now")
    spans = status_spans(events)
    pauses = [(a, b) for s, a, b in spans if s == PAUSE_STATUS]
    sev_code = _get(incident, "severity")
    prof = ContractProfile.of(profile)
    cls_code = _get(incident, "incident_class")
    key = (sev_code, cls_code, tuple(scope))
    terms = rules.get(key) if rules is not None else None
    if terms is None:
        terms = _terms(prof, calendars, sev_code, cls_code, scope)
        if rules is not None:
            rules[key] = terms
    response_target, cal = terms["response"]
    restore_target, rcal = terms["restore"]
    start = _aware(_get(incident, "reported_at"), "reported_at")

    status = spans[-1][0] if spans else _get(incident, "status")
    restored_at = _get(incident, "restored_at")
    restore_stop: datetime | None = None
    if status in DONE_STATUSES:
        if restored_at is not None:
            restore_stop = _aware(restored_at, "restored_at")
        else:
            restore_stop = spans[-1][1] if spans else None
            # the last run of restored/closed started where the status first became one of them
            for s, a, _b in reversed(spans):
                if s not in DONE_STATUSES:
                    break
                restore_stop = a
    if restore_stop is not None and restore_stop < start:
        restore_stop = start

    responded_at = _get(incident, "responded_at")
    response_stop = _aware(responded_at, "responded_at") if responded_at is not None else None
    resp_notes = [_("severity {severity}; response target {target} min in service hours {code}",
                    severity=sev_code or "-", target=_shown(response_target), code=cal.code)] if explain else []
    if response_stop is None and restore_stop is not None:
        response_stop = restore_stop
        if explain:
            resp_notes.append(_("no response time recorded: counted up to the restore time"))
    if response_stop is not None and response_stop < start:
        response_stop = start

    pause_excl = [(a, b, PAUSED) for a, b in pauses]
    done_excl = [(a, b, REOPENED) for s, a, b in spans if s in DONE_STATUSES and b is not None]

    response = _clock("response", cal, start, response_stop, now,
                      response_target, pause_excl, resp_notes, explain)
    restore = _clock("restore", rcal, start, restore_stop, now,
                     restore_target, pause_excl + done_excl,
                     [_("severity {severity}; restore target {target} min in service hours {code}",
                        severity=sev_code or "-", target=_shown(restore_target), code=rcal.code)]
                     if explain else [], explain)
    extra: dict[str, Clock] = {}
    for kind, field_name in (("on_site", "onsite_at"), ("resolve", "closed_at")):
        target, kcal = terms[kind]
        if target is None:
            continue
        stop_raw = _get(incident, field_name)
        stop = None if stop_raw is None else max(_aware(stop_raw, field_name), start)
        extra[kind] = _clock(kind, kcal, start, stop, now, target, pause_excl,
                             [_("severity {severity}; {clock} target {target} min in service hours {code}",
                                severity=sev_code or "-", clock=_(CLOCK_NAMES[kind]), target=_shown(target),
                                code=kcal.code)] if explain else [], explain)
    return IncidentClocks(response=response, restore=restore, pauses=pauses, on_site=extra.get("on_site"),
                          resolve=extra.get("resolve"))


def request_clocks(
    request: Any,
    profile: ContractProfile | Mapping[str, Any],
    calendars: dict[str, ServiceCalendar],
    now: datetime,
    *,
    explain: bool = True,
) -> Clock:
    """The service-desk response clock of ``request`` (工单) at ``now``.

    ``received_at`` → ``responded_at`` (or ``now``) in the profile's ``desk_calendar_code``
    (``service_desk.calendar``, default: the default calendar), target ``service_desk.response_minutes``
    (Pinggu §7.1 respond promptly).  Service requests have no pending status: nothing pauses.
    ``explain=False`` leaves the explanation empty (figures only, as ``incident_clocks``).
    """
    now = _aware(now, "now")
    prof = ContractProfile.of(profile)
    cal, target = _desk_calendar(calendars, prof), prof.sla_target(None, "request_response")
    start = _aware(_get(request, "received_at"), "received_at")
    responded = _get(request, "responded_at")
    stop = None if responded is None else max(_aware(responded, "responded_at"), start)
    return _clock("request_response", cal, start, stop, now, target, [],
                  [_("service desk response target {target} min in service hours {code}",
                     target=_shown(target), code=cal.code)] if explain else [], explain)


def request_resolve_clock(
    request: Any,
    profile: ContractProfile | Mapping[str, Any],
    calendars: dict[str, ServiceCalendar],
    now: datetime,
) -> Clock:
    """The service-desk resolve clock (name ``"request_resolve"``): ``received_at`` →
    ``resolved_at`` (or ``now``) vs ``service_desk.resolve_minutes``, same calendar
    as ``request_clocks``; nothing pauses."""
    now = _aware(now, "now")
    prof = ContractProfile.of(profile)
    cal, target = _desk_calendar(calendars, prof), prof.sla_target(None, "request_resolve")
    start = _aware(_get(request, "received_at"), "received_at")
    resolved = _get(request, "resolved_at")
    stop = None if resolved is None else max(_aware(resolved, "resolved_at"), start)
    return _clock("request_resolve", cal, start, stop, now, target, [],
                  [_("service desk resolve target {target} min in service hours {code}",
                     target=_shown(target), code=cal.code)])


def _desk_calendar(calendars: dict[str, ServiceCalendar], prof: ContractProfile) -> ServiceCalendar:
    code = prof.desk_calendar_code
    if code not in calendars:
        raise ValidationError("service_desk.calendar", N_("calendar “{the_code}” is not defined in the profile"),
                              the_code=code)
    return calendars[code]


def outages_over(
    cal: ServiceCalendar,
    windows: Iterable[tuple[datetime, datetime | None]],
    start: datetime,
    end: datetime,
    threshold_minutes: float = 120,
) -> list[tuple[datetime, datetime, float]]:
    """Outages longer than ``threshold_minutes`` of ``cal`` service time within ``[start, end)``.

    Justice Bureau §2.9: no more than 2 outages over 2 h in working time per period — pass the
    5×8 calendar and 120.  Overlapping windows merge into one outage first; an open window
    (``None`` end) runs to ``end``.  Returns ``(start, end, service_minutes)`` in time order.
    """
    start, end = _aware(start, "start"), _aware(end, "end")
    clipped = []
    for a, b in windows:
        a2 = max(_aware(a, "window start"), start)
        b2 = end if b is None else min(_aware(b, "window end"), end)
        if a2 < b2:
            clipped.append((a2, b2))
    out = []
    for a, b in merge_windows(clipped):
        m = cal.service_minutes(a, b)
        if m > threshold_minutes:
            out.append((a, b, m))
    return out


def compute_incident_clocks(session: Session, incident: Any, now: datetime | None = None) -> IncidentClocks:
    """``incident_clocks`` loading the incident's events, contract profile and calendars itself.

    Convenience for the UI, exports and reports; ``now`` defaults to the current instant.
    """
    from sqlalchemy import select

    from app.store.models import Contract, IncidentEvent

    contract = session.get(Contract, incident.contract_id)
    events = session.scalars(
        select(IncidentEvent).where(IncidentEvent.incident_id == incident.id).order_by(IncidentEvent.at)
    ).all()
    calendars = load_calendars(session, contract)
    prof = profile_of(contract)
    scope = incident_scope(session, prof, incident.id)
    return incident_clocks(incident, events, prof, calendars, now or utcnow(), scope)


def incident_scope(session: Session, prof: ContractProfile, incident_id: Any) -> tuple[str, ...]:
    """The service-group / asset-class codes incident ``incident_id`` falls in (its linked services
    and affected assets), by ``ContractProfile.scopes_of``."""
    from sqlalchemy import select

    from app.store.models import Asset, IncidentAsset, IncidentService, Service

    if not prof.service_groups and not prof.asset_classes:
        return ()
    svc = session.scalars(select(Service.code).join(IncidentService, IncidentService.service_id == Service.id)
                          .where(IncidentService.incident_id == incident_id)).all()
    assets = session.scalars(select(Asset.code).join(IncidentAsset, IncidentAsset.asset_id == Asset.id)
                             .where(IncidentAsset.incident_id == incident_id)).all()
    return prof.scopes_of(services=svc, assets=assets)
