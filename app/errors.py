"""Errors the domain raises for the UI and CLI to show as they are.

Every error carries a **code** and **arguments**, and ``str(exc)`` renders a sentence in the
*current* language (:mod:`app.core.i18n`) each time it is called, so the same exception reads
in Chinese in the Chinese UI and in English in the English one.  The message argument of each
error is an English msgid (marked with ``N_`` at the raise site so the catalogue test finds it)
with ``str.format`` placeholders; its Chinese is in ``resources/locale/zh_CN/messages.po``::

    raise ValidationError("title", N_("{field} is required"))        # → 请填写标题
    raise NotFoundError(N_("No incident {number}"), number="INC-9")  # → 没有故障 INC-9

``field`` (or ``row``/``column`` for imports) says where; a field is shown by the label the form
gives it (:func:`app.core.fields.label`), never by its attribute name.  ``code`` defaults to the
msgid (the English text is the stable key, as in gettext); tests match on ``exc.field`` and
``exc.code``.  Arguments are rendered at ``str()`` time: a datetime as local time, a date as
ISO, a :class:`FieldRef` as its label, a :class:`Msg` as its own translated text, a list joined
with the language's separator.  No layer catches these only to log them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.core.i18n import N_


class FieldRef(str):
    """A field code used as an argument: rendered as the field's form label."""

    __slots__ = ()


class Msg:
    """A translatable text used as an argument of another message (rendered lazily)."""

    def __init__(self, msgid: str, /, **params: Any) -> None:
        self.msgid = msgid
        self.params = params

    def __str__(self) -> str:
        return render(self.msgid, self.params)

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r}, {self.params!r})"


def _display(value: Any) -> str:
    """One argument as the user reads it in the current language."""
    from app.core import fields  # noqa: PLC0415 - fields imports i18n only; keep errors light
    from app.core.i18n import _  # noqa: PLC0415
    from app.core.timeutil import fmt_local  # noqa: PLC0415

    if isinstance(value, FieldRef):
        return fields.label(value)
    if isinstance(value, Msg):
        return str(value)
    if isinstance(value, datetime):
        return fmt_local(value) if value.tzinfo is not None else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return _(", ").join(_display(v) for v in items) if items else _("none")
    return str(value)


def render(msgid: str, params: Mapping[str, Any] | None = None) -> str:
    """``msgid`` in the current language with ``params`` rendered by :func:`_display`."""
    from app.core.i18n import _  # noqa: PLC0415

    if not params:
        return _(msgid)
    shown = {k: _display(v) for k, v in params.items()}
    try:
        return _(msgid, **shown)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        try:
            return msgid.format(**shown)
        except (KeyError, IndexError, ValueError):
            return msgid


class OpsLedgerError(Exception):
    """Base of every error OpsLedger raises on purpose (bad input, refused operation).

    ``OpsLedgerError(msgid, code=None, **params)``: ``msgid`` is the English template,
    ``params`` its arguments; ``code`` (default: the msgid) identifies the error for callers.
    """

    def __init__(self, message: str = "", /, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.msgid = message
        self.code = code or message
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return render(self.msgid, self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by code and arguments (e.g. across a process boundary), rendered on arrival."""
        return (_rebuild, (type(self), self.__dict__.copy(), self.msgid))


def _rebuild(cls: type[OpsLedgerError], state: dict[str, Any], msgid: str) -> OpsLedgerError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, msgid)
    exc.__dict__.update(state)
    return exc


class ValidationError(OpsLedgerError):
    """Input that breaks a rule; nothing was written.

    ``ValidationError(field, msgid, code=None, **params)``.  ``field`` is the attribute or profile
    path at fault (e.g. ``"restored_at"`` or ``"checklists[2].items[0].normal_max"``; for a
    checklist item, the item's own text).  If the msgid has a ``{field}`` placeholder it receives
    the field's label; otherwise ``str()`` is "label：message".  ``message`` is the rendered text
    without the field.
    """

    def __init__(self, field: str, message: str, /, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, **params)
        self.field = field

    @property
    def message(self) -> str:
        """The rendered sentence; the field's label is in it only where the msgid names it."""
        if "{field}" in self.msgid:
            return render(self.msgid, {**self.params, "field": FieldRef(self.field)})
        return render(self.msgid, self.params)

    def __str__(self) -> str:
        from app.core.i18n import _  # noqa: PLC0415

        text = self.message
        if not self.field or "{field}" in self.msgid:
            return text
        return _("{field}: {message}", field=_display(FieldRef(self.field)), message=text)


class NotFoundError(OpsLedgerError):
    """A named record (contract, template, incident number …) does not exist."""


class DatabaseLockedError(OpsLedgerError):
    """Another OpsLedger process already has this database file open for writing."""


class ConcurrentEditError(OpsLedgerError):
    """Someone saved the record after this form or session read it (optimistic version column):
    the save is refused instead of overwriting their change.  ``entity_kind`` is the table
    (``incident`` …), ``entity_id`` the record, ``actor``/``at`` who saved it last and when (from
    the audit trail; empty/None when unknown).  Code ``record.conflict``; the sentence reads
    "该故障已被 王建国 于 14:05 修改，请刷新后重试"."""

    def __init__(self, message: str, /, *, entity_kind: str, entity_id: str, actor: str,
                 at: datetime | None, **params: Any) -> None:
        super().__init__(message, code="record.conflict", actor=actor, **params)
        self.entity_kind, self.entity_id, self.at = entity_kind, entity_id, at


class CalendarCoverageError(OpsLedgerError):
    """An SLA clock ran into a year that no service-calendar source covers.

    ``years`` lists the uncovered years; the message tells the user to enter the year's
    official arrangement (holidays and make-up working days) in Settings.
    """

    def __init__(self, years: list[int]) -> None:
        self.years = sorted(set(years))
        super().__init__(
            N_("No official holiday calendar covers {years}; enter the year's arrangement "
               "(holidays and make-up working days) in Settings or import it"),
            code="calendar.uncovered", years=", ".join(str(y) for y in self.years))


class Header(str):
    """A workbook column header: its value is the Chinese header the export writes; ``en`` is the
    English header the importer also accepts, shown when the UI language is English."""

    en: str

    def __new__(cls, zh: str, en: str) -> Header:
        obj = super().__new__(cls, zh)
        obj.en = en
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Header, (str(self), self.en))

    def shown(self) -> str:
        """The header in the current language."""
        from app.core.i18n import language  # noqa: PLC0415

        return self.en if language() == "en" and self.en else str(self)


@dataclass
class RowProblem:
    """One problem in an imported file: 1-based sheet row, column header, message.

    ``message`` is an English msgid (or an already rendered sentence, e.g. ``str(exc)`` of a
    caught error) and ``params`` its arguments; ``str()`` reads "第 5 行“发生时间”：…".
    """

    row: int
    column: str
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        """The problem's code: its msgid (the English template)."""
        return self.msgid

    @property
    def message(self) -> str:
        """The problem's sentence in the current language, without row and column."""
        return render(self.msgid, self.params)

    def __str__(self) -> str:
        from app.core.i18n import _  # noqa: PLC0415

        if self.column:
            column = self.column.shown() if isinstance(self.column, Header) else self.column
            return _("Row {row}, “{column}”: {message}", row=self.row, column=column, message=self.message)
        return _("Row {row}: {message}", row=self.row, message=self.message)


@dataclass
class ImportRejected(OpsLedgerError):
    """An import that was refused whole; ``problems`` lists every bad row and column."""

    source: str
    problems: list[RowProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        OpsLedgerError.__init__(self, N_("{source}: import refused, {count} problem(s), nothing written"),
                                code="import.rejected")

    def __str__(self) -> str:
        from app.core.i18n import _  # noqa: PLC0415

        head = _("{source}: import refused, {count} problem(s), nothing written",
                 source=self.source, count=len(self.problems))
        return "\n".join([head, *(f"  {p}" for p in self.problems[:200])])
