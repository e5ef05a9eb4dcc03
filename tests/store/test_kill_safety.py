"""Kill-safety: an inspection killed (SIGKILL) mid-way keeps every answer that was reported saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.db import integrity_check, open_database
from app.store.models import Inspection, InspectionResult

CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from app import paths
    paths.init_paths(sys.argv[2])
    from app.store.db import open_database
    from app.services.inspection import runs as ins
    from app.services.queries.lookup import engineers_by_name, get_contract, get_template

    db = open_database(sys.argv[1])
    with db.session() as s:
        c = get_contract(s)
        tpl = get_template(s, c, "machine-room-daily")
        insp = ins.start_inspection(s, c, tpl, date(2026, 11, 23), "09:30",
                                    engineer=engineers_by_name(s, c)["李晓明"], actor="kill-test")
        ids = [r.id for r in ins.results(s, insp.id) if r.kind == "reading"]
    print("started", insp.id, flush=True)
    n = 0
    while True:  # answer the items again and again until killed
        for rid in ids:
            n += 1
            with db.session() as s:
                ins.record_result(s, rid, value=str(20 + n % 5), note=f"pass {n}",
                                  actor="kill-test")
            print("committed", rid, n, flush=True)
            time.sleep(0.01)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.sqlite_only  # kills a process holding the SQLite file
def test_sigkill_mid_inspection_loses_no_committed_answer(db, pinggu, tmp_path):
    path = Path(db.file)
    db.close()
    env = dict(os.environ, OPSLEDGER_TZ="Asia/Shanghai")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "childhome")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    committed: dict[str, int] = {}
    started = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            parts = line.split()
            if parts[0] == "started":
                started = parts[1]
            elif parts[0] == "committed":
                committed[parts[1]] = int(parts[2])
                if len(committed) >= 4 and max(committed.values()) >= 20:
                    break
        else:
            pytest.fail(f"child ended early: {proc.stderr.read() if proc.stderr else ''}")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert started is not None

    reopened = open_database(path)
    try:
        assert integrity_check(reopened) == ["ok"]
        with reopened.session() as s:
            insp = s.scalars(select(Inspection)).one()
            assert str(insp.id) == started and insp.finished_at is None
            rows = {str(r.id): r for r in s.scalars(select(InspectionResult))}
            assert len(rows) == 8  # the whole snapshot was committed at start
            for rid, n in committed.items():
                # every printed answer is there: the note carries a pass number at least as new
                assert rows[rid].outcome is not None
                assert int(rows[rid].note.split()[1]) >= n
    finally:
        reopened.close()
