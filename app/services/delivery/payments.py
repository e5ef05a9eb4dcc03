"""付款节点: the profile's payment schedule and whether each milestone's conditions are met.

A milestone (``profile.payments[*]``: ``milestone``, ``amount``, ``due``, ``depends_on``,
``source``; see ``app.core.profile.Payment``) is met (已满足) when every entry of its
``depends_on`` is:

* a report kind (``"annual"``): every report of that kind due by the milestone's ``due`` (no
  ``due``: every period of the term) is accepted — or submitted, when the report needs no
  acceptance — and there is at least one such period;
* ``"<kind>:<period key>"`` (``"annual:CY1"``): that one report likewise;
* an ISO date (``"2026-11-30"``): reached on that day;
* ``"term_end"``: the term is over (today after its last day).

Entries naming a report the profile does not owe are unmet and say so.  Reads only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.i18n import _
from app.core.profile import profile_of
from app.services.changes import Outcome
from app.services.delivery import schedule
from app.services.delivery.queries import DeliveryRow, DeliveryStatus, status_rows
from app.services.ledger import Ledger
from app.store.models import Contract


@dataclass(frozen=True)
class Condition:
    """One ``depends_on`` entry: ``code`` as written, ``text`` in the current language, ``met``."""

    code: str
    text: str
    met: bool


@dataclass(frozen=True)
class PaymentRow:
    """One milestone: ``milestone``, ``amount`` (yuan or None), ``due`` (local date or None),
    ``conditions``, ``met`` (all conditions met; True for a milestone without any), ``source``."""

    milestone: str
    amount: float | None
    due: date | None
    conditions: tuple[Condition, ...]
    met: bool
    source: str

    @property
    def met_text(self) -> str:
        """已满足 / 未满足 in the current language."""
        return _("Conditions met") if self.met else _("Conditions not met")


def _delivered(row: DeliveryRow) -> bool:
    if row.needs_acceptance:
        return row.status == DeliveryStatus.ACCEPTED
    return row.status in (DeliveryStatus.SUBMITTED, DeliveryStatus.ACCEPTED)


def _report_condition(code: str, contract: Contract, rows: list[DeliveryRow], cutoff: date | None) -> Condition:
    kind, _sep, key = code.partition(":")
    report = schedule.owed_report(contract, kind)
    if report is None:
        return Condition(code, _("{code}: the contract owes no such report", code=code), False)
    mine = [r for r in rows if r.kind == kind and (r.period_key == key if key else cutoff is None or r.due_on <= cutoff)]
    done = [r for r in mine if _delivered(r)]
    word = _("accepted") if report.acceptance else _("submitted")
    if key:
        label = mine[0].period_label if mine else key
        return Condition(code, _("{title} {period} {word}", title=report.title, period=label, word=word),
                         bool(mine) and len(done) == len(mine))
    return Condition(code, _("{title}: {done} of {total} {word}", title=report.title, done=len(done),
                             total=len(mine), word=word), bool(mine) and len(done) == len(mine))


def payment_rows_of(session: Session, contract: Contract, today: date) -> list[PaymentRow]:
    """The contract's milestones in profile order with their conditions as of ``today``."""
    specs = tuple(getattr(profile_of(contract), "payments", ()) or ())
    if not specs:
        return []
    rows = status_rows(session, contract, today, until=contract.term_end)
    out = []
    for p in specs:
        cutoff = p.due
        conds = []
        for code in p.depends_on:
            if code == "term_end":
                conds.append(Condition(code, _("contract term ended ({day})", day=contract.term_end.isoformat()),
                                       today > contract.term_end))
                continue
            try:
                day = date.fromisoformat(code)
            except ValueError:
                conds.append(_report_condition(code, contract, rows, cutoff))
            else:
                conds.append(Condition(code, _("from {day} on", day=day.isoformat()), today >= day))
        amount = float(p.amount) if p.amount is not None else None
        out.append(PaymentRow(p.milestone, amount, p.due, tuple(conds), all(c.met for c in conds), p.source))
    return out


def payment_rows(ledger: Ledger, contract_id: uuid.UUID | None, today: date) -> Outcome[list[PaymentRow]]:
    """The payment schedule of the contract ``contract_id`` as of ``today``.  Reads only."""
    if contract_id is None:
        return Outcome([])
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        return Outcome([] if c is None else payment_rows_of(s, c, today))
