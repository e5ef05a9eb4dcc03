"""How a profile part's ``source`` (the contract clause a rule comes from) is worded (no Qt, no
session).

A ``source`` is one or more parts separated by ``;``: clause texts such as ``第七条第1款 及时响应``
or ``合同 §7.1``, and the marker ``practice`` — the contract gives no figure and both parties agreed
on a value (``docs/profile-format.md``).  The marker is never shown as the word "practice": it
reads ``双方约定`` / "Agreed by both parties".
"""

from __future__ import annotations

import re

from app.core.i18n import _

#: a clause's own word for the contract before its number (``合同 §7.1``, ``合同条款 第三条``,
#: ``Contract clause §2``), which a caller that writes its own prefix drops
CONTRACT_WORD = re.compile(r"^(合同条款|合同|contract\s+clauses?|contract)\s*(?=[§第附\d])", re.IGNORECASE)


def source_parts(text: str | None) -> tuple[list[str], bool]:
    """``(clauses, agreed)`` of a profile ``source``: the clause parts in their order, stripped,
    and whether the ``practice`` marker is among the parts."""
    parts = [p.strip() for p in (text or "").split(";") if p.strip()]
    clauses = [p for p in parts if not p.lower().startswith("practice")]
    return clauses, len(clauses) < len(parts)


def source_text(text: str | None) -> str:
    """A ``source`` as the engineer reads it on the contract page, in the current language:
    the clauses as written, then ``双方约定`` for the ``practice`` marker, joined by ``；`` / ``; ``
    (``"第七条第1款 及时响应; practice"`` → ``第七条第1款 及时响应；双方约定``); ``""`` for none."""
    clauses, agreed = source_parts(text)
    return _("; ").join([*clauses, *([_("Agreed by both parties")] if agreed else [])])
