"""The credential vault (密码库, 司法局 §2.3.1.4): account metadata, never the secret itself.

A ``Credential`` names a system/host and an account, its owner and purpose, its password
policy and when it was last changed; ``secret_store`` + ``secret_service``/``secret_key`` say
where the secret lives (the OS keyring or the KDBX fallback file).  ``CredentialRotation``
records who rotated it and when — never the value.  ``asset_id`` points at the asset of the
register (migration 0010); ``asset_code`` keeps the code as typed, so an entry whose code matches
no asset (written before 0010, or its asset deleted) still shows it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import RotationHow, SecretStoreKind, codes
from app.store.models.base import Base, UUIDPk, vocab_check


class Credential(UUIDPk, Base):
    """One managed account: ``system`` (业务系统 or device name), ``host``, ``account``.

    Policy: ``length`` characters of the ``char_classes`` (comma-separated codes of
    ``app.services.vault.policy.CLASSES``), changed every ``rotation_days`` calendar days.
    ``last_changed_at`` (UTC) and ``next_due_on`` (local date = last change + period) are set by
    each rotation.
    """

    __tablename__ = "credential"
    __table_args__ = (
        UniqueConstraint("contract_id", "host", "account", "system"),
        vocab_check("secret_store", codes(SecretStoreKind)),
    )

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    system: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(200), default="")
    account: Mapped[str] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    asset_code: Mapped[str | None] = mapped_column(String(80), default=None)
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("asset.id", ondelete="SET NULL"), default=None,
                                                       index=True)
    length: Mapped[int] = mapped_column(default=16)
    char_classes: Mapped[str] = mapped_column(String(60), default="lower,upper,digits,symbols")
    rotation_days: Mapped[int] = mapped_column(default=90)
    last_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    next_due_on: Mapped[date | None] = mapped_column(default=None, index=True)
    secret_store: Mapped[str] = mapped_column(String(20), default="keyring")
    secret_service: Mapped[str] = mapped_column(String(120))
    secret_key: Mapped[str] = mapped_column(String(120))
    notes: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CredentialRotation(UUIDPk, Base):
    """密码轮换: ``actor`` changed the password of ``credential_id`` at ``at`` (UTC); the due date
    moved from ``previous_due_on`` to ``next_due_on``.  ``how`` is ``generated`` or ``typed``."""

    __tablename__ = "credential_rotation"
    __table_args__ = (vocab_check("how", codes(RotationHow)),)

    credential_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("credential.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(60), default="")
    how: Mapped[str] = mapped_column(String(20), default="typed")
    previous_due_on: Mapped[date | None] = mapped_column(default=None)
    next_due_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(default="")
