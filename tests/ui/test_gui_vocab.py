"""Forms offer the vocabularies with their one label (app.core.vocab) and store the code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.i18n import language, set_language
from app.core.vocab import (
    CauseCategory,
    Channel,
    IncidentSource,
    IncidentStatus,
    RequestStatus,
    RequirementStatus,
    Satisfaction,
    codes,
    label,
)
from app.store.models import ServiceRequest
from tests.ui.test_gui_records import _page

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(autouse=True)
def _chinese():
    """These tests read the Chinese labels: run them in zh_CN whatever an earlier test left set
    (a main window installs the system locale's language), and put the language back after."""
    before = language()
    set_language("zh_CN")
    yield
    set_language(before)


def _texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_request_channel_by_its_label_is_stored_as_code(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, "app.ui.pages.requests.RequestsPage")
    page.new_request()
    form = page.form
    assert _texts(form.channel) == [label(m) for m in Channel]
    assert form.channel.currentData() == "phone"
    form.channel.setCurrentIndex(form.channel.findText("电子邮件"))
    qtbot.keyClicks(form.title, "Printer driver question by email")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    assert not form.error.isVisible(), form.error.text()
    with gui_ctx.db.session() as s:
        assert s.scalars(select(ServiceRequest.channel)).one() == "email"


def test_incident_form_and_detail_offer_the_vocabularies(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, "app.ui.pages.incidents.IncidentsPage")
    page.new_incident()
    assert _texts(page.form.source) == [label(m) for m in IncidentSource]
    assert page.form.source.currentData() == "phone"
    cause = page.detail.cause_category
    assert _texts(cause) == [label(m) for m in CauseCategory]
    assert "未知" in _texts(cause) and "不明" not in _texts(cause)


def _codes(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_status_filters_and_panes_offer_the_vocabularies(qtbot, gui_ctx):
    """Status filters, the requirement status combo and the satisfaction combo list every code of
    their vocabulary with its one label (未采纳 for a rejected requirement, never 已拒绝)."""
    incidents = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    status = incidents.filters.status  # all statuses, open, then each status
    assert _codes(status)[2:] == list(codes(IncidentStatus))
    assert _texts(status)[2:] == [label(m) for m in IncidentStatus]
    requests = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requests_page.RequestsPage")
    assert _texts(requests.filters.status)[2:] == [label(m) for m in RequestStatus]
    assert _codes(requests.detail.satisfaction) == list(codes(Satisfaction))
    assert _texts(requests.detail.satisfaction) == [label(m) for m in Satisfaction]
    reqs = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requirements_page.RequirementsPage")
    for combo in (reqs.detail.status, reqs.filters.status):
        shown = _texts(combo)[-len(RequirementStatus):]
        assert shown == [label(m) for m in RequirementStatus]
        assert "未采纳" in shown and "已拒绝" not in shown
    assert _codes(reqs.detail.status) == list(codes(RequirementStatus))
