"""Text hygiene shared by every document OpsLedger writes (PDF, DOCX, XLSX).

One rule, one place: ``clean_text`` is the only function that decides which characters a
document cannot hold and what is written instead.  Pure (no I/O, no Qt), so the renderers in
``app/reports/render/`` and the xlsx exports in ``app/services/transfer/`` all call it.

Why: text an engineer pastes into a note or a cause can carry characters that break or vanish in
a document — a terminal colour code (``\\x1b[31m``), a NUL from a binary log, a vertical tab from
Word, a lone UTF-16 surrogate from a broken clipboard.  XML 1.0 (DOCX and XLSX are XML) forbids
them and lxml/openpyxl raise ("All strings must be XML compatible"); a PDF cannot encode a lone
surrogate at all.  They are replaced, never dropped, so the reader sees that something was there.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

T = TypeVar("T")

#: What is written in place of a character a document cannot hold: U+FFFD REPLACEMENT CHARACTER
#: (drawn as a diamond with a question mark; the bundled font has it, see resources/fonts).
REPLACEMENT = "\ufffd"

#: Characters replaced: C0 controls except tab, LF and CR; DEL and the C1 controls (invisible,
#: and U+0080–U+009F are "discouraged" in XML); lone surrogates; the non-characters U+FFFE/U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with every character a document cannot hold replaced by ``REPLACEMENT``.

    One character in → one character out (length and positions are kept); tab, ``\\n`` and
    ``\\r`` are kept.  Example: ``"\\x1b[31m红\\x1b[0m"`` → ``"\\ufffd[31m红\\ufffd[0m"``.
    Never raises for a ``str``.
    """
    return _UNWRITABLE.sub(REPLACEMENT, text)


def clean_strings(value: T) -> T:
    """A copy of ``value`` with ``clean_text`` applied to every string inside it.

    Walks dataclass instances (rebuilt with ``dataclasses.replace``, so a report document and its
    blocks keep their types), lists, tuples and dict keys/values; anything else (numbers, dates,
    ``None``, bytes) is returned as it is.  ``value`` itself is not modified.  Renderers call it
    once on the document they are given, so no path into the file is missed.
    """
    if isinstance(value, str):
        return clean_text(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean_strings(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)  # type: ignore[return-value]
    if isinstance(value, list):
        return [clean_strings(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        items = [clean_strings(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}  # type: ignore[return-value]
    return value
