"""The message catalogue: coded errors render in the current language; every msgid is translated."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from app.core import fields
from app.core.i18n import catalogue, language, set_language
from app.errors import (
    CalendarCoverageError,
    FieldRef,
    Header,
    ImportRejected,
    NotFoundError,
    RowProblem,
    ValidationError,
)

ROOT = Path(__file__).resolve().parents[2]
_ERRORS = ("ValidationError", "fail", "_not_before", "parse_date")


@pytest.fixture
def lang():
    """Restore the process language after a test switches it."""
    before = language()
    yield set_language
    set_language(before)


def test_validation_error_names_the_field_by_its_label_in_each_language(lang) -> None:
    exc = ValidationError("title", "{field} is required")
    lang("zh_CN")
    assert str(exc) == "请填写标题"
    lang("en")
    assert str(exc) == "Title is required"
    assert exc.field == "title" and exc.code == "{field} is required"


def test_a_message_without_the_field_is_prefixed_by_the_label_never_the_code(lang) -> None:
    exc = ValidationError("root_cause_analysis", "severity {severity} is a major incident: fill in {field} "
                          "before closing it", severity="P1")
    lang("zh_CN")
    assert str(exc) == "P1 级为重大故障：关闭前请填写根因分析"
    other = ValidationError("restored_at", "restore time is before the response time")
    assert str(other) == "恢复时间：恢复时间早于响应时间"
    lang("en")
    assert str(other) == "Restored at: restore time is before the response time"
    assert "restored_at" not in str(other) and "root_cause_analysis" not in str(exc)


def test_arguments_render_at_str_time_local_time_labels_and_lists(lang) -> None:
    at = datetime(2026, 12, 1, 8, 53, 19, tzinfo=UTC)
    exc = ValidationError("slot", "{name} {day} {slot} was already inspected ({number}, finished {finished})",
                          name="机房巡检", day=at.date(), slot="09:30", number="INS-2026-0002", finished=at)
    lang("zh_CN")
    assert str(exc) == "巡检时段：机房巡检 2026-12-01 09:30 已巡检（INS-2026-0002，完成于 2026-12-01 16:53）"
    cat = ValidationError("category", "unknown request category “{category}”; the contract defines {codes}",
                          category="x", codes=["account", "other"])
    assert str(cat).endswith("account、other")
    lang("en")
    assert str(cat).endswith("account, other")
    assert fields.label(FieldRef("holidays[2].to")) == "Public holidays [2].to"


def test_not_found_calendar_and_import_refusals_follow_the_language(lang) -> None:
    lang("zh_CN")
    assert str(NotFoundError("no incident {number_or_id}", number_or_id="INC-9")) == "没有故障 INC-9"
    assert "2027 年" in str(CalendarCoverageError([2027]))
    rej = ImportRejected("log.xlsx", [RowProblem(5, "发生时间", "“{value}” is not a date/time; use {forms}",
                                                 {"value": "昨天", "forms": "2026-05-06 09:00"})])
    assert str(rej).splitlines() == ["log.xlsx：导入被拒绝，共 1 处问题，未写入任何数据",
                                     "  第 5 行“发生时间”：“昨天”不是日期时间；请使用 2026-05-06 09:00"]
    lang("en")
    assert str(rej).splitlines()[1] == "  Row 5, “发生时间”: “昨天” is not a date/time; use 2026-05-06 09:00"
    assert "2027" in str(CalendarCoverageError([2027])) and "年" not in str(CalendarCoverageError([2027]))
    named = RowProblem(5, Header("发生时间", "Occurred at"), "required; the cell is empty")
    assert named.column == "发生时间" and str(named) == "Row 5, “Occurred at”: required; the cell is empty"
    lang("zh_CN")
    assert str(named) == "第 5 行“发生时间”：必填，单元格为空"


def _msgids() -> dict[str, str]:
    """Every ``_("…")`` / ``N_("…")`` literal under app/ → where it is."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        for lineno, msg, _c, _ctx in extract_from_file("python", str(path), keywords={"_": None, "N_": None}):
            text = msg[0] if isinstance(msg, tuple) else msg
            if text:
                found.setdefault(text, f"{path.relative_to(ROOT)}:{lineno}")
    return found


def test_every_msgid_in_the_code_has_a_chinese_translation() -> None:
    ids = _msgids()
    assert len(ids) > 200  # the extractor found the catalogue's users
    zh = catalogue("zh_CN")
    missing = [f"{where}: {msgid!r}" for msgid, where in ids.items() if not zh.get(msgid, "").strip()]
    assert not missing, "msgids without a msgstr in resources/locale/zh_CN/*.po:\n" + "\n".join(missing)


def test_translations_keep_every_placeholder() -> None:
    for msgid, msgstr in catalogue("zh_CN").items():
        want = sorted(re.findall(r"\{(\w*)\}", msgid))
        assert sorted(re.findall(r"\{(\w*)\}", msgstr)) == want, msgid


def _raised_field_literals() -> set[str]:
    """First arguments of ValidationError(...) (and helpers taking a field) that are plain literals,
    and the option names the CLI passes to ``parse_date``."""
    out: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        if "app/ui" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in _ERRORS:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                idx = {"_not_before": 2, "parse_date": 1}.get(name, 0)
                if len(node.args) > idx and isinstance(node.args[idx], ast.Constant):
                    value = node.args[idx].value
                    if isinstance(value, str) and value:
                        out.add(value)
    return out


def test_every_field_code_raised_has_a_label() -> None:
    codes = _raised_field_literals()
    assert {"title", "resolution", "root_cause_analysis", "--period", "--end", "at"} <= codes
    assert not sorted(c for c in codes if not fields.has_label(c))


def test_field_labels_match_the_form_labels_in_the_ts() -> None:
    """Where a form labels a field, the error names it with the same Chinese words."""
    ts = (ROOT / "resources" / "translations" / "opsledger_zh_CN.ts").read_text(encoding="utf-8")
    form = {"title": "标题", "cause": "故障原因", "cause_category": "原因分类", "resolution": "解决方式",
            "assignee_id": "处理人", "occurred_at": "发生时间", "reported_at": "报修时间", "channel": "来源渠道",
            "severity": "故障级别", "summary": "工作内容", "received_at": "受理时间", "started_at": "开始时间"}
    zh = catalogue("zh_CN")
    for code, chinese in form.items():
        assert zh[fields.FIELD_LABELS[code]] == chinese, code
        assert f"<translation>{chinese}</translation>" in ts, code


def test_durations_one_formatter_in_each_language(lang) -> None:
    from app.core.durations import format_minutes

    lang("zh_CN")
    assert [format_minutes(m) for m in (29, 119, 120, 1500, -35)] == [
        "29 分钟", "1 小时 59 分", "2 小时", "1 天 1 小时", "35 分钟"]
    # 5×8: 13 days 2 hours of wall-clock arithmetic is 35 working days of 480 service minutes
    assert format_minutes(35 * 480 + 120, working_day_minutes=480) == "35 个工作日 2 小时"
    assert format_minutes(3 * 480 + 120, 480) == "3 个工作日 2 小时" and format_minutes(450, 480) == "7 小时 30 分"
    assert format_minutes(None) == ""
    lang("en")
    assert [format_minutes(m) for m in (29, 119, 1500)] == ["29 min", "1 h 59 min", "1 d 1 h"]
    assert format_minutes(480 + 60, 480) == "1 working day 1 h" and format_minutes(960, 480) == "2 working days"


def test_sla_explanation_reads_in_the_current_language(lang) -> None:
    from datetime import UTC, datetime

    from app.core.profile import ContractProfile
    from app.services.calendar.service_time import OfficialCalendar, ServiceCalendar
    from app.services.contract.profiles import load_profile_file
    from app.services.incident.sla import incident_clocks
    from tests.conftest import PROFILES

    cal = ServiceCalendar("5x8", "工作日", "working_days", [(time_(9), time_(12)), (time_(13), time_(17))],
                          OfficialCalendar())
    assert cal.working_day_minutes == 420
    inc = {"severity": "P2", "reported_at": datetime(2026, 11, 20, 1, tzinfo=UTC), "responded_at": None,
           "restored_at": None, "status": "new"}
    # the typed profile (app.core.profile): Pinggu's P2 responds within 30 service minutes in 5x8
    profile = ContractProfile.of(load_profile_file(PROFILES / "pinggu-court-2026.yaml"))
    assert profile.sla_target("P2", "response") == 30 and profile.calendar_for(severity="P2") == "5x8"
    lang("zh_CN")
    clocks = incident_clocks(inc, [], profile, {"5x8": cal}, now=datetime(2026, 11, 20, 3, tzinfo=UTC))
    text = clocks.response.explain_text()
    assert "故障级别 P2；响应目标 30 分钟（服务时间 5x8）" in text and "超时" in text
    assert "2026-11-20 工作日 — 国家法定节假日安排" in text
    assert clocks.response.working_day_minutes == 420
    lang("en")
    clocks = incident_clocks(inc, [], profile, {"5x8": cal}, now=datetime(2026, 11, 20, 3, tzinfo=UTC))
    text = clocks.response.explain_text()
    assert "severity P2; response target 30 min in service hours 5x8" in text and "BREACHED" in text
    assert not re.search(r"[\u4e00-\u9fff]", text.replace("工作日", ""))


def time_(hour: int):
    from datetime import time

    return time(hour)


def test_history_change_lines_use_labels_local_time_and_status_words(lang) -> None:
    lang("zh_CN")
    assert fields.change_text("occurred_at", "2026-12-01T08:53:19+00:00", "2026-12-01T09:00:00+00:00") == \
        "发生时间：2026-12-01 16:53 → 2026-12-01 17:00"
    assert fields.change_text("cause_category", None, "network") == "原因分类：— → 网络"
    lang("en")
    assert fields.change_text("cause_category", "", "network") == "Cause category: — → Network"


def test_cli_speaks_the_chosen_language(db, tmp_path: Path, monkeypatch, capsys, lang) -> None:
    from app import settings
    from app.cli import main

    db.close()  # the CLI opens the file itself
    args = ["report", "--db", str(db.file), "--kind", "monthly", "--period", "2030-01", "--format", "xlsx",
            "--out", str(tmp_path / "r.xlsx")]
    monkeypatch.delenv("OPSLEDGER_LANG", raising=False)
    assert main(["contract", "import", "pinggu-court-2026", "--db", str(db.file)]) == 0
    capsys.readouterr()
    assert main(args) == 1
    assert "--period（期间）：" in capsys.readouterr().err  # default: Chinese, the option named as typed
    settings.set_value("language", "en")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--period (Period): 2030-01 starts on 2030-01-01, in the future" in err
    monkeypatch.setenv("OPSLEDGER_LANG", "zh_CN")  # the environment wins over the setting
    assert main(args) == 1
    assert "尚未到来" in capsys.readouterr().err


def test_coded_errors_survive_pickling_and_render_in_the_receivers_language(lang) -> None:
    import pickle

    exc = pickle.loads(pickle.dumps(ValidationError("title", "{field} is required", code="required")))
    lang("en")
    assert (exc.field, exc.code, str(exc)) == ("title", "required", "Title is required")
    cov = pickle.loads(pickle.dumps(CalendarCoverageError([2027])))
    assert cov.years == [2027] and "2027" in str(cov)


def test_messages_po_holds_no_msgid_the_code_no_longer_uses() -> None:
    from babel.messages.pofile import read_po

    with (ROOT / "resources" / "locale" / "zh_CN" / "messages.po").open("rb") as fh:
        ids = {str(m.id) for m in read_po(fh, locale="zh_CN") if m.id}
    assert not sorted(ids - set(_msgids()))


def test_no_raise_site_passes_an_unmarked_or_formatted_message() -> None:
    """A message must be an ``N_("…")`` msgid with arguments, never a bare literal or an f-string
    (an f-string cannot be translated; a bare literal is never extracted)."""
    bad = []
    positions = {"ValidationError": 1, "NotFoundError": 0, "OpsLedgerError": 0, "DatabaseLockedError": 0,
                 "RowProblem": 2}
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "app/ui" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            pos = positions.get(name)
            if pos is None or len(node.args) <= pos:
                continue
            arg = node.args[pos]
            if isinstance(arg, ast.JoinedStr) or (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, "wrap the message in N_() and pass its values as arguments:\n" + "\n".join(bad)
