"""A profile ``source`` reads the same in the contract page and the report: the ``practice``
marker is worded in the user's language, never shown as the English word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.clauses import source_text
from app.core.i18n import language, set_language
from app.reports.compose.labels import source


@pytest.fixture
def lang() -> Iterator[object]:
    before = language()
    yield set_language
    set_language(before)


@pytest.mark.parametrize(("code", "page", "report"), [
    ("zh_CN", "第七条第1款 及时响应；双方约定", "合同条款 第七条第1款 及时响应"),
    ("en", "第七条第1款 及时响应; Agreed by both parties", "Contract clause 第七条第1款 及时响应"),
])
def test_practice_is_worded_on_the_page_and_in_the_report(lang: object, code: str, page: str, report: str) -> None:
    set_language(code)
    text = "第七条第1款 及时响应; practice"
    assert source_text(text) == page
    assert source(text) == report
    assert source_text("practice") == ("双方约定" if code == "zh_CN" else "Agreed by both parties")
    assert source_text("") == ""
