"""SLA clock of an incident open two years (5×8, Pinggu P2) against a 2-hour closed incident.

    python benchmarks/sla_clock.py [--runs 50]

Prints the median milliseconds of ``incident_clocks`` (both clocks, explanation included) for each
and their ratio; the target is ≤ 5 ms for the 2-year clock (the index is built once per calendar
year and cached, as in the list and the exports).  Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from datetime import time as dtime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.timeutil import local_dt  # noqa: E402
from app.paths import resources_dir  # noqa: E402
from app.services.calendar.service_time import OfficialCalendar, calendars_from_profile  # noqa: E402
from app.services.contract.profiles import load_profile_file  # noqa: E402
from app.services.incident.sla import incident_clocks  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    profile = load_profile_file(resources_dir() / "profiles" / "pinggu-court-2026.yaml")
    cals = calendars_from_profile(profile, OfficialCalendar())
    now = local_dt(date(2026, 11, 20), dtime(10))
    opened = now - timedelta(days=730)
    events = [{"kind": "created", "at": opened, "to_status": "new", "from_status": ""},
              {"kind": "status", "at": opened + timedelta(days=3), "to_status": "pending", "from_status": "new"},
              {"kind": "status", "at": opened + timedelta(days=9), "to_status": "in_progress",
               "from_status": "pending"}]
    long_inc = {"severity": "P2", "reported_at": opened, "responded_at": None, "restored_at": None,
                "status": "in_progress"}
    short_at = now - timedelta(hours=2)
    short_inc = {"severity": "P2", "reported_at": short_at, "responded_at": short_at + timedelta(minutes=10),
                 "restored_at": now, "status": "closed"}
    short_ev = [{"kind": "created", "at": short_at, "to_status": "new", "from_status": ""},
                {"kind": "status", "at": now, "to_status": "closed", "from_status": "new"}]

    def timed(inc, evs) -> float:  # type: ignore[no-untyped-def]
        out = []
        for _ in range(args.runs):
            t = time.perf_counter()
            incident_clocks(inc, evs, profile, cals, now)
            out.append(time.perf_counter() - t)
        return statistics.median(out) * 1000

    t = time.perf_counter()
    incident_clocks(long_inc, events, profile, cals, now)
    first = (time.perf_counter() - t) * 1000
    longer, shorter = timed(long_inc, events), timed(short_inc, short_ev)
    print(f"first 2-year clock (builds the index for 3 years): {first:8.2f} ms")
    print(f"SLA clock, incident open 2 years (5×8):            {longer:8.2f} ms   (target ≤ 5 ms)")
    print(f"SLA clock, 2-hour closed incident:                 {shorter:8.2f} ms")
    print(f"ratio 2-year / 2-hour: {longer / shorter:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
