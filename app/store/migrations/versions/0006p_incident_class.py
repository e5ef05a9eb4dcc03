"""Profile format 2: incident class, work-log category, more checklist frequencies

Revision ID: 0006p
Revises: 0003
Create Date: 2026-12-01 13:15:00

* ``incident.incident_class`` (故障类别: a class code of the contract profile's
  ``incident_classes``, e.g. operational 运行 / security 安全; existing rows become
  ``operational``).  Profile codes, so no CHECK: the profile validates them.
* ``work_log_entry.category`` (a ``work_log_categories`` code of the profile, "" when none),
  counted by ``logged_hours`` KPIs (Justice Bureau §2.3.4.4 代码级维护 ≥ 342 人时).
* ``checklist_template.frequency`` CHECK widened to half_yearly, yearly and n_per_period.

Batch mode for SQLite (the table is rebuilt); PostgreSQL alters in place.
"""
from __future__ import annotations

import sqlalchemy as sa
from typing import Literal

from alembic import op

revision = "0006p"
down_revision = "0008"
branch_labels = None
depends_on = None

_OLD = ("twice_daily", "daily", "weekly", "monthly", "quarterly", "ad_hoc")
_NEW = ("twice_daily", "daily", "weekly", "monthly", "quarterly", "half_yearly", "yearly", "n_per_period", "ad_hoc")


def _in_list(values: tuple[str, ...]) -> str:
    return f"frequency IN ({', '.join(repr(v) for v in values)})"


def _recreate() -> Literal["auto", "always", "never"]:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("incident", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("incident_class", sa.String(length=30), nullable=False,
                                      server_default="operational"))
        batch_op.create_index(op.f("ix_incident_incident_class"), ["incident_class"])
    with op.batch_alter_table("work_log_entry", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("category", sa.String(length=40), nullable=False, server_default=""))
    with op.batch_alter_table("checklist_template", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f("ck_checklist_template_frequency"), type_="check")
        batch_op.create_check_constraint(op.f("ck_checklist_template_frequency"), _in_list(_NEW))


def downgrade() -> None:
    with op.batch_alter_table("checklist_template", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f("ck_checklist_template_frequency"), type_="check")
        batch_op.create_check_constraint(op.f("ck_checklist_template_frequency"), _in_list(_OLD))
    with op.batch_alter_table("work_log_entry", recreate=_recreate()) as batch_op:
        batch_op.drop_column("category")
    with op.batch_alter_table("incident", recreate=_recreate()) as batch_op:
        batch_op.drop_index(op.f("ix_incident_incident_class"))
        batch_op.drop_column("incident_class")
