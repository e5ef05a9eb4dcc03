"""The .ts is the one Qt translation source: complete for the code, and the committed .qm is its build."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "opsledger_zh_CN.ts"
QM = TS.with_suffix(".qm")

pytestmark = pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="PySide6 tools not installed")


def _tool():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "tools" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_tr_string_in_the_ui_has_a_finished_translation(tmp_path: Path) -> None:
    tool = _tool()
    ts = tmp_path / "check.ts"
    shutil.copyfile(TS, ts)
    tool.lupdate(ts)  # the sources as they are now, translations kept from the committed .ts
    missing = tool.unfinished(ts)
    assert not missing, ("strings without a Chinese translation — add them in Qt Linguist "
                         "(python tools/build_translations.py):\n" + "\n".join(missing))
    assert ts.read_bytes() == TS.read_bytes(), "the committed .ts is not up to date: run tools/build_translations.py"


def test_committed_qm_is_what_lrelease_builds_from_the_ts(tmp_path: Path) -> None:
    tool = _tool()
    qm = tmp_path / "check.qm"
    tool.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "the .qm is stale: run python tools/build_translations.py lrelease"


def test_no_tsv_copies_of_the_translations_remain() -> None:
    assert not list((ROOT / "resources" / "translations").rglob("*.tsv")), \
        "fold them into the .ts: python tools/build_translations.py --fold-tsv"


def test_fold_tsv_merges_into_the_ts_and_deletes_the_files(tmp_path: Path) -> None:
    tool = _tool()
    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
                  "<context><name>Page</name><message><source>Save</source>"
                  '<translation type="unfinished"></translation></message>'
                  "<message><source>Line\nbreak</source><translation type=\"unfinished\"></translation></message>"
                  "</context></TS>", encoding="utf-8")
    tsv_dir = tmp_path / "zh_CN"
    tsv_dir.mkdir()
    (tsv_dir / "records2.tsv").write_text("Page\tSave\t保存\n*\tLine\\nbreak\t换\\n行\nGone\tOld\t旧\n",
                                          encoding="utf-8")
    assert tool.fold_tsv(ts, tsv_dir) == 2
    assert not tsv_dir.exists()
    assert tool.unfinished(ts) == []
    text = ts.read_text(encoding="utf-8")
    assert "<translation>保存</translation>" in text and "换\n行" in text
