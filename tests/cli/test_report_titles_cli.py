"""``opsledger report`` names the kind it generated and lists as the profile titles it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.store.db import open_database
from tests.conftest import load_contract


def test_generate_and_list_name_the_kind_by_the_profiles_title(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    for kind, out in (("monthly", "m.xlsx"), ("weekly", "w.xlsx")):
        assert main(["report", "--db", str(path), "--kind", kind, "--period", "2026-10" if kind == "monthly"
                     else "2026-W42", "--format", "xlsx", "--out", str(tmp_path / out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[2] == "monthly 2026-10 (2026-10-01 – 2026-10-31) 运维月报"
    assert printed[5].endswith(" 周报")
    assert main(["report", "--db", str(path), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit("\t", 1)[1] for line in lines] == ["周报", "运维月报"]
