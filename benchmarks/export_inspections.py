"""Benchmark: demo data generation and the inspection-log export.

Times ``demo --days 30`` (Pinggu) and the export of those 30 days, then ``demo --days 1095``
(Justice Bureau, three years) and the export of its last 30 days and of a whole year.
Prints seconds; asserts nothing about speed.

    python benchmarks/export_inspections.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import paths  # noqa: E402
from app.services.demo import run_demo  # noqa: E402
from app.services.queries.lookup import get_contract  # noqa: E402
from app.services.transfer.inspection_log import export_inspection_log  # noqa: E402
from app.store.db import open_database  # noqa: E402

END = date(2026, 11, 20)


def bench(tmp: Path, contract: str, days: int, export_days: list[int]) -> None:
    db = open_database(tmp / f"{contract}-{days}.sqlite3")
    try:
        counts, seconds = run_demo(db, contract, days=days, end=END, seed=1)
        print(f"demo {contract} --days {days}: {seconds:.2f} s "
              f"({counts['inspections']} inspections, {counts['results']} results, "
              f"{counts['incidents']} incidents, {counts['requests']} requests)")
        for n in export_days:
            out = tmp / f"{contract}-{n}.xlsx"
            t0 = time.perf_counter()
            with db.session() as s:
                export_inspection_log(s, get_contract(s, contract), END - timedelta(days=n - 1), END, out)
            print(f"export {contract} {n} days: {time.perf_counter() - t0:.2f} s, {out.stat().st_size // 1024} KiB")
    finally:
        db.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        paths.init_paths(tmp / "home")
        bench(tmp, "pinggu-court-2026", 30, [30])
        bench(tmp, "beijing-justice-bureau-2024", 1095, [30, 365])


if __name__ == "__main__":
    main()
