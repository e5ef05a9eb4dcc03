"""One language per document: every report kind, in every format, in Chinese and in English.

A demo ledger (Pinggu, 120 days) is reported in each kind; the text read back (pypdf, openpyxl,
python-docx) of the English documents holds no Chinese and the Chinese ones no English words,
once the texts the user typed (names, titles, profile entries — anything stored in the database)
and record codes (INC-2026-0001) are taken out.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from app.core.i18n import set_language
from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.compose.composer import compose
from app.reports.data.builder import build_report_data
from app.reports.render.docx import render_docx
from app.reports.render.pdf import render_pdf
from app.reports.render.xlsx import render_xlsx
from app.services.demo import generate_demo
from app.store.db import Database
from app.store.models import Contract

TODAY = date(2026, 12, 1)
NOW = local_dt(TODAY, time(9))
PERIODS = [("weekly", "2026-W47"), ("monthly", "2026-11"), ("quarterly", "CY1-Q2"), ("half-year", "CY1-H1"),
           ("annual", "CY1"), ("requirements", "2026-11")]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
CODE = re.compile(r"\b[A-Z]{2,5}-\d{4}-\d{3,5}\b")
#: Latin words a Chinese report legitimately contains (acronyms the contracts themselves use)
CODE_COLUMNS = {"status", "from_status", "to_status", "cause_category", "channel", "category", "frequency",
                "kind", "outcome", "satisfaction", "role", "action", "entity_kind", "format", "source", "days"}
LATIN_OK = {"SLA", "KPI", "Excel", "OA", "UPS", "IVR", "IP", "PDF", "CY", "W"}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        try:
            parsed = json.loads(value) if value[:1] in "{[" else None
        except ValueError:
            parsed = None
        if parsed is not None:
            yield from _strings(parsed)
        else:
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def typed_texts(path: Path) -> list[str]:
    """Every text stored in the database that a user (or a profile) typed, whitespace removed,
    longest first.  Vocabulary codes (``closed``, ``hardware``: the columns in ``CODE_COLUMNS``)
    are not typed text — the report must label them."""
    con = sqlite3.connect(path)
    out: set[str] = set()
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        cur = con.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        for row in cur:
            for name, v in zip(names, row, strict=True):
                if name in CODE_COLUMNS:
                    continue
                for s in _strings(v):
                    s = re.sub(r"\s+", "", s)
                    if len(s) > 1 or CJK.match(s):
                        out.add(s)
    con.close()
    return sorted(out, key=len, reverse=True)


def read_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        parts = list(wb.sheetnames)
        for ws in wb.worksheets:
            parts += [str(c) for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
        return "\n".join(parts)
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    for sec in d.sections:
        parts += [p.text for p in sec.header.paragraphs + sec.footer.paragraphs]
    return "\n".join(parts)


def leftover(text: str, typed: list[str]) -> str:
    """``text`` without whitespace, typed texts and record codes."""
    flat = re.sub(r"\s+", "", CODE.sub(" ", text))
    for s in typed:
        if s in flat:
            flat = flat.replace(s, " ")
    return flat


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    from app.services.contract.profiles import import_profile, load_profile_file
    from app.store.db import open_database
    from tests.conftest import PROFILES

    path = tmp_path_factory.mktemp("lang") / "demo.sqlite3"
    db = open_database(path)
    with db.session() as s:
        c = import_profile(s, load_profile_file(PROFILES / "pinggu-court-2026.yaml"), actor="test")
        generate_demo(s, c, days=120, end=date(2026, 11, 30), seed=7)
    yield db, path
    db.close()
    set_language("zh_CN")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_report_kind_and_format_in_one_language(ledger: tuple[Database, Path], tmp_path: Path,
                                                      lang: str) -> None:
    db, path = ledger
    typed = typed_texts(path)
    set_language(lang)
    try:
        problems = []
        with db.session() as s:
            c = s.scalars(__import__("sqlalchemy").select(Contract)).one()
            for kind, key in PERIODS:
                doc = compose(build_report_data(s, c, parse_period(kind, key, c, today=TODAY), now=NOW))
                for render, ext in ((render_pdf, "pdf"), (render_xlsx, "xlsx"), (render_docx, "docx")):
                    out = render(doc, tmp_path / f"{kind}-{lang}.{ext}")
                    rest = leftover(read_text(Path(out)), typed)
                    if lang == "en":
                        bad = sorted({m.group() for m in CJK.finditer(rest)})
                        if bad:
                            i = CJK.search(rest).start()
                            problems.append(f"{kind}.{ext}: Chinese {''.join(bad)[:20]} near {rest[max(0, i - 30):i + 30]!r}")
                    else:
                        words = {w for w in re.findall(r"[A-Za-z]{2,}", rest) if w not in LATIN_OK}
                        if words:
                            problems.append(f"{kind}.{ext}: English {sorted(words)[:12]}")
    finally:
        set_language("zh_CN")
    assert not problems, "\n".join(problems)
