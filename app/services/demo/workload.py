"""Demo work logged by category (工作日志类别): the hours a ``logged_hours`` KPI counts.

For every ``logged_hours`` KPI with a ``category`` (Justice Bureau §2.3.4.4 "代码级维护工作量不少于
342 人·H"), the demo logs that category's work on the working days of its run at the pace that ends
the KPI's period about 10 % above a ``>=``/``>`` target (about 70 % of a ``<=``/``<`` one): the
target per KPI period (month ≈ 30.4 days, quarter ≈ 91.3, contract year 365, term the whole term;
no period: a month), spread evenly over the term's working days, each day's minutes drawn ±30 % and
split into entries of at most a working day (480 min) by the contract's engineers in turn.  A
category no KPI counts gets an entry on about one working day in five.
"""

from __future__ import annotations

from datetime import time

from app.core.profile_parts import Kpi
from app.core.timeutil import local_dt
from app.services.demo.state import Gen, walk
from app.store.models import WorkLogEntry

PERIOD_DAYS = {"month": 30.4, "quarter": 91.3, "contract_year": 365.0}
DAY_MINUTES = 480


def _minutes_per_working_day(g: Gen, spec: Kpi, working_days: int) -> float:
    term_days = (g.c.term_end - g.c.term_start).days + 1
    periods = 1.0 if spec.period == "term" else term_days / PERIOD_DAYS.get(spec.period or "month", 30.4)
    share = 1.1 if spec.comparison in (">=", ">", "==") else 0.7
    return float(spec.target) * 60.0 * share * periods / max(working_days, 1)


def _entry(g: Gen, day_index: int, d, minutes: int, category: str, summary: str) -> None:  # type: ignore[no-untyped-def]
    e = g.engineers[day_index % len(g.engineers)]
    g.add(WorkLogEntry, {
        "contract_id": g.c.id, "engineer_id": e.id, "work_date": d,
        "started_at": local_dt(d, time(9, g.rng2.choice([0, 15, 30]))), "duration_minutes": minutes,
        "summary": summary, "source_kind": "manual", "source_id": None, "category": category,
    })
    g.counts["worklog"] += 1


def category_work(g: Gen) -> None:
    """Queue the categorised ``WorkLogEntry`` rows of the run (counted in ``worklog``)."""
    cats = {c.code: c.name for c in g.profile.work_log_categories}
    if not cats:
        return
    term_working = sum(1 for d in walk(g.c.term_start, g.c.term_end) if g.working(d))
    paced = {k.category: k for k in g.profile.kpis_of("logged_hours") if k.category in cats}
    days = [d for d in walk(g.start, g.end) if g.working(d) and local_dt(d, time(9)) <= g.horizon]
    turn = 0
    for code, name in cats.items():
        spec = paced.get(code)
        per_day = _minutes_per_working_day(g, spec, term_working) if spec is not None else 0.0
        for d in days:
            if spec is None:
                if g.rng2.random() < 0.2:
                    _entry(g, turn, d, g.rng2.choice([30, 60, 90]), code, name)
                    turn += 1
                continue
            left = round(per_day * g.rng2.uniform(0.7, 1.3) / 15) * 15
            while left > 0:
                _entry(g, turn, d, min(left, DAY_MINUTES), code, name)
                turn += 1
                left -= DAY_MINUTES
