"""Build ``resources/translations/opsledger_zh_CN.ts`` and ``.qm`` from the UI sources.

1. ``pyside6-lupdate`` collects every ``tr()`` string in ``app/ui`` into the .ts file.
2. Chinese translations come from ``resources/translations/zh_CN/*.tsv`` (one file per UI area,
   lines ``context<TAB>source<TAB>translation``; context ``*`` matches any class).
3. ``pyside6-lrelease`` compiles the .qm the application loads.
Prints the strings still untranslated, so none is missed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own generated file
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "opsledger_zh_CN.ts"
QM = TS.with_suffix(".qm")


def load_tables() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for tsv in sorted((ROOT / "resources" / "translations" / "zh_CN").glob("*.tsv")):
        for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{tsv.name}:{n}: expected context<TAB>source<TAB>translation")
            ctx, src, tr = parts
            table[(ctx, src.replace("\\n", "\n"))] = tr.replace("\\n", "\n")
    return table


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(TS), "-no-obsolete"], check=True,
                   capture_output=True)
    table = load_tables()
    tree = ET.parse(TS)  # noqa: S314
    missing = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr_el = msg.find("translation")
            assert tr_el is not None
            text = table.get((cname, src)) or table.get(("*", src))
            if text:
                tr_el.text = text
                tr_el.attrib.pop("type", None)
            else:
                missing.append(f"{cname}\t{src}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for m in missing:
        print("untranslated:", m)
    print(f"{TS.name}: {len(missing)} untranslated; wrote {QM.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
