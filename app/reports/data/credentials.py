"""Report data, password rotation (密码轮换记录, 司法局 §2.3.1.4 "change login passwords regularly").

The rotations recorded in the counted span — when, which system/host/account, who, how, the new
due date — and the entries overdue at the span's end.  Never a password: the vault's tables hold
none (``app.services.vault``).  ``blocks(data)`` words them as a subsection of the report, shown
only when the contract keeps a vault.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import _
from app.core.timeutil import to_local
from app.core.vocab import RotationHow, label_of
from app.reports.compose.document import Block, Heading, Table
from app.reports.data.shapes import ReportData
from app.services.vault.entries import rotation_rows
from app.store.models import Contract, Credential


def rotations(session: Session, contract: Contract, start_i: datetime, end_i: datetime, data: ReportData) -> None:
    """Fill ``data.credential_rotations`` with ``{at (UTC), system, host, account, actor, how (code),
    next_due_on}`` for the rotations in ``[start_i, end_i)``, oldest first, and
    ``data.credentials_overdue`` with ``{system, host, account, next_due_on}`` for entries whose due
    date lay before the span's last local day."""
    rows = rotation_rows(session, contract_id=contract.id, start=start_i, end=end_i)
    data.credential_rotations = [
        {"at": r.at, "system": r.system, "host": r.host, "account": r.account, "actor": r.actor, "how": r.how,
         "next_due_on": r.next_due_on} for r in reversed(rows)]
    last_day: date = to_local(end_i).date()
    data.credentials_overdue = [
        {"system": c.system, "host": c.host, "account": c.account, "next_due_on": c.next_due_on}
        for c in session.scalars(select(Credential).where(
            Credential.contract_id == contract.id, Credential.next_due_on < last_day)
            .order_by(Credential.next_due_on))]


def blocks(data: ReportData) -> list[Block]:
    """The 密码轮换记录 subsection (nothing when the period has no rotation and nothing is overdue)."""
    rot, late = data.credential_rotations, data.credentials_overdue
    if not rot and not late:
        return []
    b: list[Block] = [Heading(_("Password rotation"), 2)]
    if rot:
        b.append(Table([_("Changed at"), _("System or device"), _("Host address"), _("Account name"), _("By"),
                        _("How"), _("Next change due")],
                       [[to_local(r["at"]), r["system"], r["host"], r["account"], r["actor"],
                         label_of(RotationHow, r["how"]), r["next_due_on"]] for r in rot],
                       title=_("Passwords changed in the period (never the values)")))
    if late:
        b.append(Table([_("System or device"), _("Host address"), _("Account name"), _("Next change due")],
                       [[c["system"], c["host"], c["account"], c["next_due_on"]] for c in late],
                       title=_("Passwords overdue for a change at the end of the period"),
                       highlight_rows=list(range(len(late)))))
    return b
