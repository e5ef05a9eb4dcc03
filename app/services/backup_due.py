"""What the ledger's own backups owe (agenda provider ``app.services.backup_due:due_items``).

A SQLite ledger whose last verified backup (``backup_record``) is more than one local day old
gives one overdue item "账本已 N 天没有校验通过的备份" (due the day after that backup); a
ledger with none at all gives one item due today.  The first start of each day takes a backup by
itself (``backup_records.ensure_daily_backup``), so the item appears only when that did not
happen (the app was not started, or the copy failed).  A team-server ledger (PostgreSQL) is
backed up with the server's tools and owes nothing here.  The rule follows the contracts' daily
database backup (司法局 §2.3.5.2 数据库文件备份管理: 制定数据库每天备份计划任务).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.core.i18n import _
from app.core.timeutil import to_local
from app.services.agenda import DueItem, DueState, state_of
from app.services.backup_records import last_verified

SOURCE = "司法局 §2.3.5.2"


def due_items(session: Session, contract: Any, today: date) -> Iterator[DueItem]:
    """The backup item for local date ``today`` (none when a verified backup is at most a day
    old, or the ledger is on a server); ``contract`` is unused (the ledger is one file)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    last = last_verified(session)
    if last is None:
        yield DueItem("backup", _("The ledger has no verified backup yet; back it up (File → Back up the "
                                  "ledger…)"), today, DueState.DUE, 0, entity_kind="backup", source=SOURCE)
        return
    days = (today - to_local(last.taken_at).date()).days
    if days <= 1:
        return
    due_on = today - timedelta(days=days - 1)
    yield DueItem("backup", _("No verified backup of the ledger for {days} days", days=days), due_on,
                  state_of(due_on, today), (due_on - today).days, entity_kind="backup", source=SOURCE)
