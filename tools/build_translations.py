"""Qt translations: ``resources/translations/opsledger_zh_CN.ts`` is the one source (edit it with
Qt Linguist); the ``.qm`` next to it is built from it and committed (the bundle ships it).

    python tools/build_translations.py            # --fold-tsv, then lupdate, then lrelease
    python tools/build_translations.py lupdate    # collect tr() strings of app/ui into the .ts
    python tools/build_translations.py lrelease   # build the .qm from the .ts
    python tools/build_translations.py --fold-tsv # merge any resources/translations/zh_CN/*.tsv
                                                  # into the .ts, then delete the TSV files

``lupdate`` runs ``pyside6-lupdate`` over every ``app/ui/**.py``: new strings are added as
unfinished, strings no longer in the code are dropped (``-no-obsolete``), existing translations
are kept.  Locations are not written (``-locations none``) so that editing a page does not
rewrite the .ts and eight engineers' branches merge without conflicts in it.

``--fold-tsv`` is for branches that still add TSV files (lines ``context<TAB>source<TAB>
translation``; context ``*`` = any class; ``\\n`` for a newline): their translations are written
into the .ts (for messages lupdate already collected; run ``lupdate`` first on a fresh merge —
the default command does both in the right order) and the files are deleted.

Prints every message still without a finished translation; exits 1 if there is one (the test
``tests/ui/test_translations.py`` fails on it too).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own translation file
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "opsledger_zh_CN.ts"
QM = TS.with_suffix(".qm")
TSV_DIR = TRANSLATIONS / "zh_CN"


def ui_sources(root: Path = ROOT) -> list[str]:
    """Every Python file under ``app/ui`` (the only code that calls Qt's ``tr``)."""
    return sorted(str(p) for p in (root / "app" / "ui").rglob("*.py"))


def lupdate(ts: Path = TS, sources: list[str] | None = None) -> None:
    """Update ``ts`` from the sources, keeping its translations (``pyside6-lupdate``)."""
    cmd = ["pyside6-lupdate", *(sources or ui_sources()), "-ts", str(ts), "-no-obsolete",
           "-locations", "none", "-target-language", "zh_CN"]
    subprocess.run(cmd, check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    """Compile ``ts`` into ``qm`` (``pyside6-lrelease``)."""
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def read_tsv(paths: list[Path]) -> dict[tuple[str, str], str]:
    """``(context, source) → translation`` from TSV files; exits naming a malformed line."""
    table: dict[tuple[str, str], str] = {}
    for tsv in paths:
        for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{tsv.name}:{n}: expected context<TAB>source<TAB>translation")
            ctx, src, text = parts
            table[(ctx, src.replace("\\n", "\n"))] = text.replace("\\n", "\n")
    return table


def fold_tsv(ts: Path = TS, tsv_dir: Path = TSV_DIR) -> int:
    """Write the translations of every ``tsv_dir/*.tsv`` into ``ts``, then delete the files.

    Returns how many messages received a translation.  Run :func:`lupdate` first: a TSV line
    whose message is then not in the .ts is a string the code no longer has; it is reported and
    dropped.
    """
    files = sorted(tsv_dir.glob("*.tsv")) if tsv_dir.is_dir() else []
    if not files:
        return 0
    table = read_tsv(files)
    tree = ET.parse(ts)  # noqa: S314
    used: set[tuple[str, str]] = set()
    count = 0
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            key = (cname, src) if (cname, src) in table else ("*", src)
            if key not in table:
                continue
            tr_el = msg.find("translation")
            if tr_el is None:
                tr_el = ET.SubElement(msg, "translation")
            tr_el.text = table[key]
            tr_el.attrib.pop("type", None)
            used.add(key)
            count += 1
    write_ts(tree, ts)
    for ctx_name, src in (k for k in table if k not in used):
        print(f"dropped, no longer in the sources: {ctx_name}\t{src}")
    for f in files:
        f.unlink()
    if not any(tsv_dir.iterdir()):
        shutil.rmtree(tsv_dir)
    return count


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write the .ts the way Qt Linguist reads it (UTF-8, DOCTYPE)."""
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(ts: Path = TS) -> list[str]:
    """``context<TAB>source`` of every message without a finished, non-empty translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):  # noqa: S314
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            kind = tr_el.get("type") if tr_el is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if tr_el is None or kind == "unfinished" or not (tr_el.text or "").strip():
                out.append(f"{cname}\t{msg.findtext('source') or ''}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", nargs="?", choices=("lupdate", "lrelease", "all"), default="all")
    parser.add_argument("--fold-tsv", action="store_true", help="only merge and delete the TSV files")
    args = parser.parse_args(argv)
    if args.fold_tsv or args.step in ("lupdate", "all"):
        lupdate()
    if args.fold_tsv or args.step == "all":
        folded = fold_tsv()
        if folded:
            lupdate()  # back to lupdate's own layout, so the next run changes nothing
            print(f"{folded} translations folded from TSV")
    if args.step in ("lrelease", "all") and not args.fold_tsv:
        lrelease()
    missing = unfinished()
    for m in missing:
        print("untranslated:", m)
    print(f"{TS.name}: {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
