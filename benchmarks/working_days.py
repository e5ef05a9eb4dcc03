"""The shared working-day rule (rruleset counting) against the day loops it replaced.

    python benchmarks/working_days.py [--runs 7] [--credentials 200]

For ``--credentials`` password entries due 90–290 days ahead, times alternately (baseline, new,
baseline, …) and prints the median milliseconds and the ratio new ÷ baseline of:

* the credential list's reminder state (baseline: count every working day up to the due date;
  new: ``vault.due.reminder_state``, which looks back ``lead + 1`` working days);
* "N working days left" (baseline: the day loop; new: ``working_days_between`` on the rruleset);
* the asset thresholds (baseline: step back day by day; new: ``nth_working_day_before``).

Both sides use the same ``WorkingDays`` rule of a session of a fresh ledger (its official calendar
loaded once, as in the app); the rule's per-month lists are built before the runs and timed
separately ("listing two years", once per session).  Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.services.asset.due import threshold_start  # noqa: E402
from app.services.calendar.working_days import (  # noqa: E402
    IsWorking,
    WorkingDays,
    working_day_rule,
    working_days_between,
)
from app.services.vault.due import reminder_state  # noqa: E402
from app.store.db import open_database  # noqa: E402


def loop_between(today: date, due_on: date, is_working: IsWorking) -> int:
    """The day loop ``vault.due`` had before (baseline)."""
    n, day = 0, today
    while day < due_on:
        day += timedelta(days=1)
        if is_working(day):
            n += 1
    return n


def loop_threshold(day: date, is_working: IsWorking) -> date:
    """The step-back loop ``asset.due`` had before (baseline)."""
    probe = day
    for _i in range(30):
        if is_working(probe):
            return probe
        probe -= timedelta(days=1)
    return day


def _median_ms(fn: Callable[[], object], runs: int, other: Callable[[], object]) -> tuple[float, float]:
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        for f, out in ((other, a), (fn, b)):
            t = time.perf_counter()
            f()
            out.append((time.perf_counter() - t) * 1000)
    return statistics.median(a), statistics.median(b)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--credentials", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        try:
            with db.session() as session:
                _run(working_day_rule(session), args)
        finally:
            db.close()
    return 0


def _run(rule: WorkingDays, args: argparse.Namespace) -> None:
    rule(date(2026, 1, 1))  # loads the session's calendar
    rule(date(2027, 1, 1))  # and the message catalogue (the warning of an uncovered day)
    t = time.perf_counter()
    for month in range(24):
        rule.month(2026 + month // 12, month % 12 + 1)
    print(f"listing two years  {(time.perf_counter() - t) * 1000:7.1f} ms (once per session)")
    today = date(2026, 9, 1)
    dues = [today + timedelta(days=90 + i % 200) for i in range(args.credentials)]
    cases = {
        "reminder state": (lambda: [loop_between(today, d, rule) <= 5 for d in dues],
                           lambda: [reminder_state(d, today, rule) for d in dues]),
        "working days left": (lambda: [loop_between(today, d, rule) for d in dues],
                              lambda: [working_days_between(today, d, rule) for d in dues]),
        "asset thresholds": (lambda: [loop_threshold(d - timedelta(days=k), rule) for d in dues for k in (90, 30, 7)],
                             lambda: [threshold_start(d - timedelta(days=k), rule) for d in dues for k in (90, 30, 7)]),
    }
    for name, (old, new) in cases.items():
        base, mine = _median_ms(new, args.runs, old)
        print(f"{name:18} baseline {base:7.1f} ms   new {mine:7.1f} ms   ratio {mine / base:5.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
