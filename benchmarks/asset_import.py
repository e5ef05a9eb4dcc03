"""Asset import simulation speed: seconds to simulate (and apply) device lists of 80, 1,000 and
5,000 rows with an address each, against a ledger already holding the previous list.

    PYTHONPATH=. python benchmarks/asset_import.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app import paths
from app.services.asset import actions
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.db import open_database


def _book(path: Path, n: int) -> Path:
    wb = Workbook()
    ws: Any = wb.active
    ws.append(["资产编号", "名称", "类别", "SN", "IP地址", "保修截止"])
    for i in range(n):
        ws.append([f"B-{i:05d}", f"设备{i}", "服务器", f"SN{i}", f"10.{i // 250}.{i % 250}.10", "2027-01-01"])
    wb.save(path)
    return path


def main() -> None:
    """Print the timings."""
    tmp = Path(tempfile.mkdtemp())
    paths.init_paths(tmp / "home")
    db = open_database(tmp / "b.sqlite3")
    with db.session() as s:
        cid = import_profile(s, load_profile_file(paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml"),
                             actor="bench").id
    actions.add_subnet(db, cid, actor="bench", cidr="10.0.0.0/8")
    for n in (80, 1000, 5000):
        book = _book(tmp / f"b{n}.xlsx", n)
        t0 = time.perf_counter()
        sim = actions.simulate_import(db, cid, book)
        t1 = time.perf_counter()
        actions.apply_import(db, cid, book, actor="bench", backup_dir=tmp / "bk")
        t2 = time.perf_counter()
        print(f"{n:5d} rows: simulate {t1 - t0:6.2f} s ({sim.count('created')} created, "  # noqa: T201
              f"{sim.count('unchanged')} unchanged), apply {t2 - t1:6.2f} s")
    db.close()


if __name__ == "__main__":
    main()
