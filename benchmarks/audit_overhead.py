"""Benchmark: the audit chain's cost per commit of a typical action.

The action is one incident edit through the application layer (``incident.actions.edit_incident``:
one transaction writing an ``IncidentEvent`` and its audit event).  "chain" runs the app as is
(chain lock, head read, SHA-256 over the canonical JSON); "baseline" is the same action with the
chain switched off by monkeypatching ``app.services.audit`` (no lock, no head read: ``seq`` from a
counter, no hash) — the audit event as it was written before the chain.  The two alternate in one
process (ABBA…) on one ledger with 90 days of demo data and 20,000 prior audit events; prints median and p95 milliseconds per
commit and the ratio chain/baseline.

    python benchmarks/audit_overhead.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import paths  # noqa: E402
from app.services import audit  # noqa: E402
from app.services.demo import run_demo  # noqa: E402
from app.services.incident import actions  # noqa: E402
from app.store.db import open_database  # noqa: E402

END = date(2026, 11, 20)
PRIOR_EVENTS = 20_000


class Baseline:
    """Switch the chain off while active (seq from a counter, no lock, no hash)."""

    def __init__(self, start_seq: int) -> None:
        self.seq = start_seq
        self.saved = (audit._lock_chain, audit._read_head, audit.hash_of)

    def __enter__(self) -> Baseline:
        def fake_head(_session: object) -> tuple[int, str, None]:
            self.seq += 1
            return self.seq - 1, "", None

        audit._lock_chain = lambda _s: None  # type: ignore[assignment]
        audit._read_head = fake_head  # type: ignore[assignment]
        audit.hash_of = lambda _ev: ""  # type: ignore[assignment]
        return self

    def __exit__(self, *_exc: object) -> None:
        audit._lock_chain, audit._read_head, audit.hash_of = self.saved


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        paths.init_paths(tmp / "home")
        db = open_database(tmp / "bench.sqlite3")
        try:
            run_demo(db, "pinggu-court-2026", days=90, end=END, seed=1)
            with db.session() as s:  # a trail of a few years' use
                for n in range(PRIOR_EVENTS):
                    audit.record(s, actor="bench", action="test.seed", entity_kind="k", entity_id=str(n),
                                 summary=f"seed {n}", details={"title": ["old", "new"]})
            with db.session() as s:
                from sqlalchemy import func, select  # noqa: PLC0415

                from app.services.incident import workflow  # noqa: PLC0415
                from app.services.queries.lookup import get_contract  # noqa: PLC0415
                from app.store.models import AuditEvent  # noqa: PLC0415

                inc_id = workflow.create_incident(s, get_contract(s, "pinggu-court-2026"), actor="bench",
                                                  title="benchmark", occurred_at=audit.timeutil.utcnow()).id
                events = s.scalar(select(func.count()).select_from(AuditEvent))
            times: dict[str, list[float]] = {"chain": [], "baseline": []}
            for i in range(rounds * 2):
                mode = "chain" if i % 4 in (0, 3) else "baseline"  # ABBA: neither always goes first
                fields = {"description": f"benchmark edit {i}"}
                if mode == "baseline":
                    with db.session() as s:
                        head = audit.chain_head(s).seq
                    with Baseline(head):
                        t0 = time.perf_counter()
                        actions.save_fields(db, inc_id, actor="bench", edits=fields)
                        dt = time.perf_counter() - t0
                else:
                    t0 = time.perf_counter()
                    actions.save_fields(db, inc_id, actor="bench", edits=fields)
                    dt = time.perf_counter() - t0
                times[mode].append(dt * 1000)
            with db.session() as s:  # the whole chain once (the baseline's rows break it: no matter)
                t0 = time.perf_counter()
                checked = audit.verify_chain(s).count
                verify_s = time.perf_counter() - t0
        finally:
            db.close()
    print(f"ledger: 90 demo days, {events} audit events before the run; {rounds} commits per mode, alternated")
    res = {}
    for mode, xs in times.items():
        xs.sort()
        med, p95 = statistics.median(xs), xs[int(0.95 * (len(xs) - 1))]
        res[mode] = (med, p95)
        print(f"{mode:8s}: median {med:.2f} ms, p95 {p95:.2f} ms per commit")
    print(f"verify_chain: {checked} events read in {verify_s:.2f} s (stops at the first unchained baseline row)")
    print(f"ratio chain/baseline: median {res['chain'][0] / res['baseline'][0]:.2f}, "
          f"p95 {res['chain'][1] / res['baseline'][1]:.2f}")


if __name__ == "__main__":
    main()
