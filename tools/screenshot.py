"""Render every page of the OpsLedger main window to PNG files (offscreen or under Xvfb).

Usage::

    python tools/screenshot.py --db PATH --out DIR [--profile pinggu-court-2026] [--engineer 王建国]
                               [--day 2026-06-01] [--runner] [--lang en|zh_CN] [--first-start]

``--profile`` loads a shipped profile first when the database holds no contract.  ``--runner``
also opens the first due inspection of ``--day`` in the runner (this starts an inspection: it
writes to the database).  ``--first-start`` renders the first-start dialog too.  Files are named
``NN-<page>.png``.  Uses ``QT_QPA_PLATFORM=offscreen`` unless a platform is already set; fonts come
from the bundled TTC, so Chinese renders without system fonts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, render the pages, print the written files; returns 0."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True, help="database file or URL")
    p.add_argument("--out", required=True, help="folder for the PNG files")
    p.add_argument("--profile", default="pinggu-court-2026", help="shipped profile to load into an empty database")
    p.add_argument("--engineer", default="", help="engineer name (default: the setting, else the profile's first)")
    p.add_argument("--day", type=date.fromisoformat, help="day shown on the Today page")
    p.add_argument("--runner", action="store_true", help="also open the first due inspection in the runner")
    p.add_argument("--first-start", action="store_true", help="also render the first-start dialog")
    p.add_argument("--lang", choices=("en", "zh_CN"), help="UI language (default: as the app decides)")
    p.add_argument("--size", default="1280x800", help="window size WxH")
    args = p.parse_args(argv)
    if args.lang:
        os.environ["OPSLEDGER_LANG"] = args.lang

    from sqlalchemy import select

    from app import settings
    from app.services.contract.profiles import find_profile, import_profile, load_profile_file
    from app.store.db import open_database
    from app.store.models import Contract, Engineer
    from app.ui.app_setup import create_application
    from app.ui.main import build_window, pick_contract

    app = create_application([sys.argv[0]])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:  # noqa: ANN001
        # Let timers and sliced work (SLA cells are computed in short GUI-thread slices) finish
        # for up to a second, so the picture shows what a user sees.
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        path = out / f"{len(written):02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    db = open_database(args.db)
    try:
        if args.first_start:
            from app.ui.first_start import FirstStartDialog

            dlg = FirstStartDialog(db)
            dlg.resize(640, 520)
            dlg.show()
            save(dlg, "first-start")
            dlg.close()
        with db.session() as s:
            empty = s.scalars(select(Contract)).first() is None
        if empty:
            with db.session() as s:
                import_profile(s, load_profile_file(find_profile(args.profile)), actor="screenshot")
        contract_id = pick_contract(db)
        engineer = args.engineer or settings.get("engineer_name")
        if not engineer:
            with db.session() as s:
                first = s.scalars(select(Engineer).where(Engineer.contract_id == contract_id)
                                  .order_by(Engineer.name)).first()
                engineer = first.name if first else "engineer"
        win = build_window(db, contract_id, engineer)
        w, h = (int(x) for x in args.size.split("x"))
        win.resize(w, h)
        win.show()
        today = win.pages["today"]
        if args.day and hasattr(today, "set_day"):
            today.set_day(args.day)
            history = win.pages.get("inspections")
            if hasattr(history, "set_range"):
                history.set_range(args.day - timedelta(days=30), args.day)
        for spec_key in win.page_keys():  # every page (each is built when first shown)
            win.show_page(spec_key)
            save(win, spec_key)
        if args.runner and hasattr(today, "model") and today.model.rowCount():
            win.show_page("today")
            open_rows = [n for n, r in enumerate(today.model.rows()) if r.status != "done"]
            if open_rows:
                win.open_runner(today.model.row(open_rows[0]).entry)
                save(win, "runner")
        win.close()
    finally:
        db.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
