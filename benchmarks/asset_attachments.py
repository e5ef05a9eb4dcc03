"""Asset attachments kept inside the ledger: what they cost the screens that do not show them.

An asset with 12 files of 5 MB (60 MB in the ledger).  Timed alternately, best of 7 runs each:

- the 附件 tab's list (``attachments.listing``: columns only, the bytes never read) against a
  baseline that loads the whole rows with their bytes (what an undeferred column would cost);
- opening the asset detail (``asset_view``) and the register page query with and without those
  60 MB in the ledger (ratio ≈ 1 means the bytes cost the other screens nothing);
- adding one 20 MB file (read, hash, write, audit) in seconds.

    PYTHONPATH=. python benchmarks/asset_attachments.py
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import undefer

from app import paths
from app.services.asset import actions, attachments
from app.services.asset.queries import asset_view, query_assets
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.db import open_database
from app.store.models import Attachment


def _best(fn: Callable[[], object], runs: int = 7) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    """Print the timings and ratios."""
    tmp = Path(tempfile.mkdtemp())
    paths.init_paths(tmp / "home")
    db = open_database(tmp / "b.sqlite3")
    with db.session() as s:
        cid = import_profile(s, load_profile_file(paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml"),
                             actor="bench").id
    bare = actions.create_asset(db, cid, actor="bench", values={"name": "无附件"}).value
    full = actions.create_asset(db, cid, actor="bench", values={"name": "有附件"}).value
    before = _best(lambda: asset_view(db, bare))
    files = []
    for i in range(12):
        f = tmp / f"scan-{i:02d}.pdf"
        f.write_bytes(os.urandom(5 * 1024 * 1024))
        files.append(f)
    actions.add_attachments(db, full, files, actor="bench")

    def listing() -> object:
        return attachments.listing(db, full)

    def whole_rows() -> object:
        with db.session() as s:
            return [len(a.content or b"") for a in s.scalars(
                select(Attachment).options(undefer(Attachment.content)).where(Attachment.owner_id == full))]

    t_list, t_whole = 0.0, 0.0
    for _ in range(3):  # alternately
        t_list += _best(listing)
        t_whole += _best(whole_rows)
    print(f"附件 list, 12 × 5 MB: {t_list / 3 * 1000:.2f} ms; whole rows with bytes: {t_whole / 3 * 1000:.1f} ms;"
          f" ratio {t_whole / t_list:.0f}×")

    def register_page() -> object:
        with db.session() as s:
            return query_assets(s, cid)

    d_bare, d_full = _best(lambda: asset_view(db, bare)), _best(lambda: asset_view(db, full))
    print(f"asset detail without / with 60 MB attached: {d_bare * 1000:.2f} / {d_full * 1000:.2f} ms"
          f" (ratio {d_full / d_bare:.2f}; before any file {before * 1000:.2f} ms)")
    print(f"register page query with 60 MB in the ledger: {_best(register_page) * 1000:.2f} ms")
    big = tmp / "contract.pdf"
    big.write_bytes(os.urandom(20 * 1024 * 1024))
    t0 = time.perf_counter()
    actions.add_attachments(db, bare, [big], actor="bench")
    print(f"adding one 20 MB file: {time.perf_counter() - t0:.2f} s")
    db.close()


if __name__ == "__main__":
    main()
