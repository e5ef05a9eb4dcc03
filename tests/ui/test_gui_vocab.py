"""Forms offer the vocabularies with their one label (app.core.vocab) and store the code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.i18n import language, set_language
from app.core.vocab import CauseCategory, Channel, IncidentSource, label
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
