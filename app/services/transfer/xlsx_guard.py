"""Defence against hostile workbooks, run BEFORE openpyxl parses anything.

An ``.xlsx`` file is a zip of XML members.  ``check_workbook`` refuses, with a message a user can
act on:

- a file that is not a zip, or a zip without ``[Content_Types].xml`` and ``xl/workbook.xml``
  ("file is not an .xlsx workbook");
- a zip bomb: the sum of the members' uncompressed sizes over ``max_uncompressed_bytes``, or one
  member (larger than 1 MiB uncompressed) whose compression ratio is over ``max_ratio``, or more
  than ``MAX_MEMBERS`` members.  The sizes come from the zip central directory, nothing is
  inflated for this check; Python's ``zipfile`` never yields more bytes than the directory
  declares, so a lying directory cannot make a later read bigger;
- XML entity tricks: a ``<!DOCTYPE`` or ``<!ENTITY`` in the first ``PROLOG_SCAN_BYTES`` bytes of
  any member (whatever its name; an XML-named member's prolog must end within them).  openpyxl also parses
  through defusedxml, which stays installed;
- more than ``max_rows`` rows in a worksheet: the ``<dimension ref=…>`` is read, and the ``<row``
  elements are counted while streaming the member in bounded chunks (the dimension may lie).
  Every worksheet part the workbook declares is counted, wherever it is stored (``sheet_parts``):
  the parts ``[Content_Types].xml`` types as worksheets (an ``Override``, or a ``Default`` for an
  extension), the targets of the worksheet relationships of each workbook part (``xl/workbook.xml``
  and any part typed as a workbook, through its ``_rels/*.rels``), any part under ``worksheets/``,
  and any part whose root element is ``<worksheet>`` — a sheet stored at ``xl/elsewhere/`` is
  counted like one under ``xl/worksheets/``.

Raises ``app.errors.ValidationError("file", message)``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from app.core.i18n import N_
from app.errors import Msg, ValidationError

MAX_MEMBERS = 10_000
PROLOG_SCAN_BYTES = 65_536
RATIO_CHECK_MIN_BYTES = 1 << 20
CHUNK_BYTES = 1 << 20
NOT_XLSX = N_("the file is not an .xlsx workbook ({reason})")

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::[A-Z]+(\d+))?\"")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
_ROOT = re.compile(rb"<[A-Za-z_]")


def _refuse(message: str, code: str, **params: object) -> ValidationError:
    """A refusal of the file: ``message`` an msgid, ``code`` e.g. ``"xlsx.not_xlsx"``."""
    return ValidationError("file", message, code=code, **params)


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip; raises ``ValidationError`` ("file is not an .xlsx workbook")."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(NOT_XLSX, "xlsx.not_xlsx", reason=Msg(
            N_("{error}; an old .xls or a CSV file? save it as .xlsx in Excel"), error=exc)) from None


def check_workbook(
    path: str | Path,
    *,
    max_uncompressed_bytes: int = 50_000_000,
    max_ratio: int = 100,
    max_rows: int = 200_000,
) -> None:
    """Refuse a hostile or broken ``.xlsx`` file before any XML parser sees it.

    ``max_uncompressed_bytes`` bounds the sum of member sizes (bytes), ``max_ratio`` the
    uncompressed ÷ compressed size of any member over 1 MiB, ``max_rows`` the rows of any sheet.
    Returns ``None`` when the file passes; raises ``ValidationError`` naming the reason otherwise.
    Memory stays bounded (chunks of 1 MiB) whatever the file holds.
    """
    path = Path(path)
    if not path.is_file():
        raise _refuse(N_("{path} does not exist or is not a file"), "xlsx.missing", path=path)
    with open_zip(path) as zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise _refuse(NOT_XLSX, "xlsx.not_xlsx", reason=Msg(N_("no [Content_Types].xml / xl/workbook.xml inside")))
        if len(infos) > MAX_MEMBERS:
            raise _refuse(N_("the workbook holds {count} parts (more than {limit}); refused"), "xlsx.parts",
                          count=len(infos), limit=MAX_MEMBERS)
        total = 0
        for info in infos:
            total += info.file_size
            if total > max_uncompressed_bytes:
                raise _refuse(N_("the workbook unpacks to more than {limit} bytes (possible zip bomb); refused"),
                              "xlsx.zip_bomb", limit=f"{max_uncompressed_bytes:,}")
            if info.file_size > RATIO_CHECK_MIN_BYTES:
                ratio = info.file_size / max(1, info.compress_size)
                if ratio > max_ratio:
                    raise _refuse(N_("part {part} is compressed {ratio}:1 (limit {limit}:1; possible zip bomb); "
                                     "refused"), "xlsx.ratio", part=info.filename, ratio=f"{ratio:.0f}",
                                  limit=max_ratio)
        for info in infos:
            if info.is_dir():
                continue
            # Every part is scanned (a relationship may point a parser at any name); only parts
            # named as XML must show their root element within the scanned bytes.
            is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
            try:
                _check_prolog(zf, info, is_xml)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise _refuse(NOT_XLSX, "xlsx.not_xlsx", reason=Msg(
                    N_("part {part} cannot be read: {error}"), part=info.filename, error=exc)) from None
        _check_rows(zf, infos, max_rows)


def _check_rows(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], max_rows: int) -> None:
    """Refuse when any sheet part (``sheet_parts``) has more than ``max_rows`` rows."""
    sheets = sheet_parts(zf)
    for info in infos:
        if info.filename in sheets:
            rows = _count_rows(zf, info, max_rows)
            if rows > max_rows:
                raise _refuse(N_("sheet {part} has more than {limit} rows; refused"), "xlsx.rows",
                              part=info.filename, limit=f"{max_rows:,}")


#: Content types (``[Content_Types].xml``) of worksheet parts and of workbook parts.
_SHEET_TYPE = re.compile(r"spreadsheetml\.(worksheet|chartsheet|dialogsheet)\+xml$|\.macrosheet\+xml$")
_BOOK_TYPE = re.compile(r"spreadsheetml\.(sheet|template)\.main\+xml$|\.sheet\.macroEnabled\.main\+xml$"
                        r"|\.template\.macroEnabledTemplate\.main\+xml$")
_SHEET_REL = re.compile(r"/(worksheet|chartsheet|dialogsheet|xlMacrosheet)$")
_SHEET_ROOT = re.compile(rb"<(?:\w+:)?worksheet[\s>/]")
#: Largest manifest or relationships part read to find the sheets (bytes); a bigger one is refused.
MANIFEST_MAX_BYTES = 4 << 20


def _xml_part(zf: zipfile.ZipFile, name: str) -> Any:
    """The parsed element tree of a small manifest part (``None`` when absent); defusedxml, and
    the prolog scan already refused DOCTYPE/ENTITY in every part."""
    from defusedxml import ElementTree  # type: ignore[import-untyped]  # noqa: PLC0415

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MANIFEST_MAX_BYTES:
        raise _refuse(N_("part {part} is larger than {limit} bytes; refused"), "xlsx.manifest", part=name,
                      limit=f"{MANIFEST_MAX_BYTES:,}")
    try:
        return ElementTree.fromstring(zf.read(info))
    except Exception as exc:  # noqa: BLE001 - any parse failure is a refusal naming the part
        raise _refuse(NOT_XLSX, "xlsx.not_xlsx", reason=Msg(
            N_("part {part} cannot be read: {error}"), part=name, error=exc)) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _resolve(base_dir: str, target: str) -> str:
    """A relationship ``target`` relative to the folder ``base_dir`` of its source part."""
    parts = ([] if target.startswith("/") else [p for p in base_dir.split("/") if p])
    for piece in target.lstrip("/").split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def sheet_parts(zf: zipfile.ZipFile) -> set[str]:
    """The names of every member the workbook declares as a sheet, wherever stored (see the
    module docstring), plus any part under ``worksheets/`` or whose root is ``<worksheet>``."""
    names = [i.filename for i in zf.infolist() if not i.is_dir()]
    found = {n for n in names if "worksheets/" in n}
    books = {"xl/workbook.xml"}
    types = _xml_part(zf, "[Content_Types].xml")
    for el in types if types is not None else ():
        kind, ctype = _local(el.tag), el.get("ContentType", "")
        if kind == "Override" and _SHEET_TYPE.search(ctype):
            found.add(el.get("PartName", "").lstrip("/"))
        elif kind == "Override" and _BOOK_TYPE.search(ctype):
            books.add(el.get("PartName", "").lstrip("/"))
        elif kind == "Default" and _SHEET_TYPE.search(ctype):
            ext = "." + el.get("Extension", "").lower()
            found.update(n for n in names if n.lower().endswith(ext))
    for book in books:
        folder, _sep, leaf = book.rpartition("/")
        rels = _xml_part(zf, f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels")
        for el in rels if rels is not None else ():
            if _SHEET_REL.search(el.get("Type", "")) and el.get("TargetMode", "") != "External":
                found.add(_resolve(folder, el.get("Target", "")))
    for n in names:
        if n not in found and n.lower().endswith(".xml"):
            with zf.open(n) as fh:
                if _SHEET_ROOT.search(fh.read(PROLOG_SCAN_BYTES)):
                    found.add(n)
    return found & set(names)


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, is_xml: bool = True) -> None:
    with zf.open(info) as fh:
        head = fh.read(PROLOG_SCAN_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    upper = head.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        raise _refuse(N_("part {part} declares a DOCTYPE/ENTITY (XML entity attack); refused"), "xlsx.entity",
                      part=info.filename)
    if is_xml and len(head) == PROLOG_SCAN_BYTES:
        # The prolog (declaration, comments, PIs) must end within the scanned bytes.
        stripped = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.DOTALL)
        if not _ROOT.search(stripped):
            raise _refuse(N_("part {part} has no XML root element in its first {limit} bytes; refused"),
                          "xlsx.no_root", part=info.filename, limit=PROLOG_SCAN_BYTES)


def _stream_matches(fh, pattern: re.Pattern[bytes]):  # type: ignore[no-untyped-def]
    """Yield every match of ``pattern`` in the stream ``fh``, read in 1 MiB chunks.

    After each chunk only the bytes after the last match (at most 256) are kept, so a tag split
    across chunks is still found once and memory stays bounded."""
    buf = b""
    while True:
        chunk = fh.read(CHUNK_BYTES)
        if not chunk:
            break
        buf += chunk
        pos = 0
        for m in pattern.finditer(buf):
            yield m
            pos = m.end()
        buf = buf[max(pos, len(buf) - 256):]


def _count_rows(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_rows: int) -> int:
    """Rows of one worksheet: the larger of the declared dimension and the ``<row`` elements
    counted while streaming (stops counting past ``max_rows``)."""
    with zf.open(info) as fh:
        head = fh.read(4096)
    m = _DIMENSION.search(head)
    declared = int(m.group(3) or m.group(2) or 0) if m else 0
    if declared > max_rows:
        return declared
    count = 0
    with zf.open(info) as fh:
        for _ in _stream_matches(fh, _ROW):
            count += 1
            if count > max_rows:
                break
    return max(count, declared)


def merged_ranges(path: str | Path, member: str) -> list[str]:
    """The ``mergeCell`` ranges (e.g. ``"A3:B4"``) of worksheet ``member`` of a checked workbook,
    read by streaming the XML in bounded chunks (openpyxl's read-only mode does not report them)."""
    return sheet_markup(path, member)[0]


_MARKUP = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"|<(?:\w+:)?f[\s>/]")


def sheet_markup(path: str | Path, member: str) -> tuple[list[str], bool]:
    """``(merged ranges, has formulas)`` of worksheet ``member`` of a checked workbook in one
    streamed pass: the ``mergeCell`` ranges as ``merged_ranges`` gives them, and whether any cell
    holds a formula (an ``<f>`` element) — a sheet without one can be read as plain values."""
    merged: list[str] = []
    formulas = False
    with open_zip(Path(path)) as zf, zf.open(member) as fh:
        for m in _stream_matches(fh, _MARKUP):
            if m.group(1) is not None:
                merged.append(m.group(1).decode())
            else:
                formulas = True
    return merged, formulas
