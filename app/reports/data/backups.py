"""Backups of the ledger in a report (备份记录): what the ``backup_record`` table says about the
period — backups taken, the last verified one, days without one.

The contracts ask the engineer for daily, verified backups of the systems they keep (司法局
§2.3.5.2 数据库文件备份管理); the report shows the ledger is kept to that rule too.  A ledger with no
backup record at all (a team-server ledger, backed up with ``pg_dump``) shows no section.

``backups(session, start_i, end_i, now, data)`` fills ``data.backups``::

    {"taken": [{taken_at, kind (BackupKind code), file_name, size_bytes, verified}],
     "taken_count", "verified_count",
     "last_verified": {taken_at, file_name, size_bytes, sha256} | None   (as at the period end),
     "days_without": int | None   (local days from the last verified backup to the period end
                                   or now, whichever is earlier; None without any)}

and ``blocks(data)`` words it (after 八、工作量).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.i18n import _
from app.core.timeutil import fmt_local, to_local
from app.core.vocab import BackupKind, label_of
from app.reports.compose.document import Block, KeyValues, Table
from app.store.models import BackupRecord


def backups(session: Session, start_i: datetime, end_i: datetime, now: datetime, data: Any) -> None:
    """Fill ``data.backups`` for the instants ``[start_i, end_i)`` (see the module docstring);
    ``{}`` when the ledger has no backup record at all."""
    if not session.scalar(select(func.count()).select_from(BackupRecord)):
        data.backups = {}
        return
    as_at = min(end_i, now)
    taken = list(session.scalars(select(BackupRecord).where(
        BackupRecord.taken_at >= start_i, BackupRecord.taken_at < end_i).order_by(BackupRecord.taken_at)))
    last = session.scalars(select(BackupRecord).where(BackupRecord.verified.is_(True), BackupRecord.taken_at < as_at)
                           .order_by(BackupRecord.taken_at.desc()).limit(1)).first()
    data.backups = {
        "taken": [{"taken_at": r.taken_at, "kind": r.kind, "file_name": r.file_name, "size_bytes": r.size_bytes,
                   "verified": r.verified} for r in taken],
        "taken_count": len(taken),
        "verified_count": sum(1 for r in taken if r.verified),
        "last_verified": ({"taken_at": last.taken_at, "file_name": last.file_name, "size_bytes": last.size_bytes,
                           "sha256": last.sha256} if last else None),
        "days_without": (to_local(as_at).date() - to_local(last.taken_at).date()).days if last else None,
    }


def blocks(data: Any) -> list[Block]:
    """The report's ledger-backup lines and table (nothing when ``data.backups`` is empty)."""
    b = getattr(data, "backups", None)
    if not b:
        return []
    last = b["last_verified"]
    out: list[Block] = [KeyValues(title=_("Backups of the ledger"), items=[
        (_("Backups taken in the period"), _("{count} ({verified} verified)", count=b["taken_count"],
                                              verified=b["verified_count"])),
        (_("Last verified backup"), _("{time}, {file}", time=fmt_local(last["taken_at"]), file=last["file_name"])
         if last else _("none")),
        (_("Days without a verified backup"), "—" if b["days_without"] is None else b["days_without"]),
    ])]
    if b["taken"]:
        out.append(Table([_("Taken at"), _("Why"), _("File"), _("Size (MB)"), _("Verified")],
                         [[fmt_local(r["taken_at"]), label_of(BackupKind, r["kind"]), r["file_name"] or "—",
                           f"{r['size_bytes'] / (1 << 20):.1f}", _("yes") if r["verified"] else _("no")]
                          for r in b["taken"][-31:]],
                         title=_("Backups of the ledger in the period (the last 31)"),
                         highlight_rows=[i for i, r in enumerate(b["taken"][-31:]) if not r["verified"]]))
    return out
