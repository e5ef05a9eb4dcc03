"""Password policy (密码策略) of a credential: length, character classes, rotation period.

司法局 §2.3.1.4: "set complexity and rotation periods for the passwords of every server and
database and change login passwords regularly".  :func:`generate` draws a password that meets a
policy with the ``secrets`` module; :func:`problems` says where a typed one falls short;
:func:`next_due` is the one rule for the due date (last change + rotation period, calendar days).
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import date, timedelta

from app.core.i18n import N_
from app.errors import Msg, ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 128
MAX_ROTATION_DAYS = 3650
#: Windows Credential Manager stores at most 2,560 bytes, i.e. 1,280 UTF-16 code units; a longer
#: secret fails there with the opaque error 1783, so every store refuses it (the vault stays portable).
MAX_SECRET_CHARS = 1280
SYMBOLS = "!@#$%^&*()-_=+[]{};:,.?/~"

CLASSES: dict[str, str] = {
    "lower": string.ascii_lowercase,
    "upper": string.ascii_uppercase,
    "digits": string.digits,
    "symbols": SYMBOLS,
}
"""Character class code → its characters (the generator draws from these)."""

CLASS_LABELS: dict[str, str] = {
    "lower": N_("lower-case letters"),
    "upper": N_("upper-case letters"),
    "digits": N_("digits"),
    "symbols": N_("symbols"),
}


@dataclass(frozen=True)
class Policy:
    """``length`` (characters, :data:`MIN_LENGTH`–:data:`MAX_LENGTH`), the required character
    ``classes`` (codes of :data:`CLASSES`, at least one) and ``rotation_days`` (1–3650)."""

    length: int = 16
    classes: tuple[str, ...] = ("lower", "upper", "digits", "symbols")
    rotation_days: int = 90

    def validate(self) -> Policy:
        """Return ``self``; raise ``ValidationError`` naming the field that is out of range."""
        if not MIN_LENGTH <= self.length <= MAX_LENGTH:
            raise ValidationError("credential.length", N_("must be between {low} and {high} characters"),
                                  low=MIN_LENGTH, high=MAX_LENGTH)
        unknown = [c for c in self.classes if c not in CLASSES]
        if unknown or not self.classes:
            raise ValidationError("credential.classes", N_("choose at least one character class"))
        if not 1 <= self.rotation_days <= MAX_ROTATION_DAYS:
            raise ValidationError("credential.rotation_days", N_("must be between {low} and {high} days"),
                                  low=1, high=MAX_ROTATION_DAYS)
        return self

    @property
    def classes_text(self) -> str:
        """The classes as stored: comma-separated codes in :data:`CLASSES` order."""
        return ",".join(c for c in CLASSES if c in self.classes)

    @classmethod
    def of(cls, length: int, classes_text: str, rotation_days: int) -> Policy:
        """The policy of stored columns (``classes_text`` as :attr:`classes_text` writes it)."""
        return cls(length, tuple(c for c in classes_text.split(",") if c), rotation_days)


def generate(policy: Policy) -> str:
    """A random password of ``policy.length`` characters with at least one of each required
    class (``secrets.choice`` and ``secrets.SystemRandom().shuffle``)."""
    policy.validate()
    pools = [CLASSES[c] for c in CLASSES if c in policy.classes]
    alphabet = "".join(pools)
    chars = [secrets.choice(pool) for pool in pools]
    chars += [secrets.choice(alphabet) for _ in range(policy.length - len(chars))]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)


def check_length_limit(secret: str) -> None:
    """Refuse a secret longer than Windows Credential Manager's limit (:data:`MAX_SECRET_CHARS`
    UTF-16 code units: a character outside the BMP counts twice) or an empty one; raises
    ``ValidationError`` on ``credential.secret``."""
    if not secret:
        raise ValidationError("credential.secret", N_("{field} is required"))
    units = len(secret.encode("utf-16-le")) // 2
    if units > MAX_SECRET_CHARS:
        raise ValidationError(
            "credential.secret",
            N_("is {count} characters long; the Windows credential store holds at most {limit} "
               "characters (2,560 bytes), shorten it"), count=units, limit=MAX_SECRET_CHARS)


def problems(secret: str, policy: Policy) -> list[Msg]:
    """Where ``secret`` falls short of ``policy`` (too short, a class missing); empty when it meets it."""
    found: list[Msg] = []
    if len(secret) < policy.length:
        found.append(Msg(N_("shorter than {length} characters"), length=policy.length))
    found += [Msg(N_("contains no {what}"), what=Msg(CLASS_LABELS[code])) for code in policy.classes
              if code in CLASSES and not any(ch in CLASSES[code] for ch in secret)]
    return found


def require_policy(secret: str, policy: Policy) -> None:
    """Raise ``ValidationError`` on ``credential.secret`` listing :func:`problems`, if any; also
    applies :func:`check_length_limit`."""
    check_length_limit(secret)
    found = problems(secret, policy)
    if found:
        raise ValidationError("credential.secret", N_("does not meet the policy: {problems}"), problems=found)


def next_due(last_changed_on: date | None, rotation_days: int) -> date | None:
    """The date the password must be changed by: ``last_changed_on + rotation_days`` (calendar
    days, 司法局 §2.3.1.4 "change regularly"); ``None`` when it was never changed."""
    if last_changed_on is None:
        return None
    return last_changed_on + timedelta(days=rotation_days)
