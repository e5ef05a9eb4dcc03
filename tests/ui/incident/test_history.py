"""The incident history pane reads stored codes and instants as words and local time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.i18n import language, set_language
from app.core.vocab import IncidentSource, label
from app.services.queries.incident import HistoryLine
from app.ui.pages.incident.history import history_html

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(autouse=True)
def _chinese():
    before = language()
    set_language("zh_CN")
    yield
    set_language(before)


def test_history_lines_show_labels_and_local_time_not_codes():
    at = datetime(2026, 12, 1, 8, 53, tzinfo=UTC)
    lines = [
        HistoryLine(at, "王建国", "status", "new", "assigned", {}, ""),
        HistoryLine(at, "王建国", "field", "", "", {
            "cause_category": ("", "unknown"),
            "source": ("phone", "walk_in"),
            "occurred_at": ("2026-12-01T08:53:19+00:00", "2026-12-01T09:00:00+00:00"),
        }, ""),
    ]
    html = history_html(lines)
    assert "新建 → 已派单" in html
    assert f"{label(IncidentSource.PHONE)} → {label(IncidentSource.WALK_IN)}" in html
    for code in ("new →", "assigned", "unknown", "walk_in", "phone", "+00:00", "T08:53"):
        assert code not in html, code
    assert "未知" in html and "2026-12-01 16:53" in html and "2026-12-01 17:00" in html
