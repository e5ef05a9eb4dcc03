"""Every audit action the app writes has a label in Chinese and English (``vocab.AuditAction``),
and so has what it is about (``vocab.AuditSubject``).  Fails when someone adds an
``audit.record(…, action=…)`` without a label, or leaves a label no code writes any more."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from app.core import timeline
from app.core import vocab as V  # noqa: N812 - as tests/core/test_vocab.py
from app.core.i18n import catalogue
from app.services.incident.workflow import TRANSITIONS

ROOT = Path(__file__).resolve().parents[2]

#: How each f-string action/entity code expands: its placeholder → the codes it can take.
EXPANSIONS: dict[str, tuple[str, ...]] = {
    "to_status": tuple(sorted({s for targets in TRANSITIONS.values() for s in targets})),
    "owner_kind": V.codes(V.AttachmentOwner),
    "purpose": ("view", "copy"),  # vault.actions.reveal refuses any other purpose
}


def _texts(node: ast.expr) -> list[str]:
    """The codes an ``action=``/``entity_kind=`` argument can take; ``[]`` for a plain variable."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                out = [o + str(part.value) for o in out]
                continue
            assert isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name), ast.dump(part)
            name = part.value.id
            assert name in EXPANSIONS, f"declare in EXPANSIONS what {{{name}}} of an audit code can be"
            out = [o + v for o in out for v in EXPANSIONS[name]]
        return out
    return []


def _written() -> tuple[dict[str, str], dict[str, str]]:
    """(action code → where, entity kind → where) of every ``record(…)`` call under app/, and of
    every ``audit_action=`` a record spec hands to the code that records it."""
    actions: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            for kw in node.keywords:  # a spec naming the action its runner records (transfer.row_import)
                if kw.arg == "audit_action":
                    actions.update((code, where) for code in _texts(kw.value))
            if getattr(node.func, "id", getattr(node.func, "attr", "")) != "record":
                continue
            for kw in node.keywords:
                if kw.arg == "action":
                    actions.update((code, where) for code in _texts(kw.value))
                elif kw.arg == "entity_kind":
                    kinds.update((code, where) for code in _texts(kw.value))
    return actions, kinds


def _labelled_in_both(enum: type, code: str) -> bool:
    en, zh = V.label_of(enum, code, "en"), V.label_of(enum, code, "zh_CN")
    return en != code and bool(en.strip()) and zh != en and bool(re.search(r"[\u4e00-\u9fff]", zh))


def test_every_audit_action_written_has_a_label_in_both_languages() -> None:
    actions, _kinds = _written()
    assert len(actions) > 50  # the scan found the writers
    missing = [f"{where}: {code}" for code, where in sorted(actions.items())
               if not _labelled_in_both(V.AuditAction, code)]
    assert not missing, "audit actions without a label in vocab.AuditAction (and its Chinese):\n" + "\n".join(missing)
    stale = sorted(set(V.codes(V.AuditAction)) - set(actions))
    assert not stale, f"labels of actions no code writes any more: {stale}"


def test_what_every_event_is_about_has_a_label_in_both_languages() -> None:
    actions, kinds = _written()
    subjects = {code.split(".", 1)[0]: where for code, where in actions.items()} | kinds
    missing = [f"{where}: {code}" for code, where in sorted(subjects.items())
               if not _labelled_in_both(V.AuditSubject, code)]
    assert not missing, "audit subjects without a label in vocab.AuditSubject:\n" + "\n".join(missing)


def test_the_labels_read_as_the_user_expects() -> None:
    assert V.label_of(V.AuditAction, "incident.update", "zh_CN") == "编辑故障"
    assert V.label_of(V.AuditAction, "inspection.answer", "en") == "Inspection item answered"
    assert V.label_of(V.AuditSubject, "service_request", "zh_CN") == "工单"
    assert V.label_of(V.AuditAction, "legacy.code", "zh_CN") == "legacy.code"  # shown, never hidden
    zh = catalogue("zh_CN")
    assert all(zh.get(V.msgid(m)) for m in V.AuditAction)
    assert set(V.codes(V.ClockJump)) == {timeline.CLOCK_BACK, timeline.CLOCK_AHEAD}  # the codes clock_jump writes
