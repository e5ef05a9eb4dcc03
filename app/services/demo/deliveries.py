"""Demo report deliveries: the reports the profile owes, handed over and accepted (报告提交 / 验收).

For every owed report (``app.services.delivery.schedule``) and each of its periods that ended
before the demo's last day: handed over by the lead engineer on a working day from the day after
the period ends to its due day (about 8 % a few days late), to a person of the client; accepted
one to seven days later by the client's contact when that falls by the end.  A period whose
handing-over would fall after the end stays owed, as it would in the ledger.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from app.core.timeutil import local_dt
from app.services.delivery import schedule
from app.services.demo.state import Gen, walk
from app.store.models import ReportDelivery

LATE_RATE = 0.08


def _day(g: Gen, first: date, last: date) -> date:
    days = [d for d in walk(first, last) if g.working(d)] or [first]
    return g.rng.choice(days)


def deliveries(g: Gen) -> None:
    """Queue the ``ReportDelivery`` rows of the run (count ``report_deliveries``)."""
    rng = g.rng
    contact = g.profile.contract.client_contact or g.person()
    for report in schedule.owed_reports(g.c):
        for p in schedule.report_periods(g.c, report, until=g.end):
            if p.end >= g.end or p.end < g.start:
                continue
            due = schedule.due_on(report, p)
            first = schedule.owed_since(report, p)
            last = due + timedelta(days=rng.randint(1, 5)) if rng.random() < LATE_RATE else due
            on = _day(g, first, max(first, last))
            if on > g.end:
                continue
            submitted = local_dt(on, time(rng.randint(9, 16), rng.randint(0, 59)))
            accepted_on = on + timedelta(days=rng.randint(1, 7))
            accepted = (local_dt(accepted_on, time(rng.randint(9, 17), rng.randint(0, 59)))
                        if accepted_on <= g.end else None)
            g.add(ReportDelivery, {
                "contract_id": g.c.id, "kind": report.kind, "period_key": p.key, "period_start": p.start,
                "period_end": p.end, "version": 1, "submitted_at": submitted, "submitted_by": g.lead.name,
                "submitted_to": contact, "accepted_at": accepted, "accepted_by": contact if accepted else "",
                "notes": "", "report_record_id": None,
            })
            g.counts["report_deliveries"] += 1
