"""Vocabularies (app.core.vocab): one label per code in each language, old labels still parse."""

from __future__ import annotations

import re

import pytest

from app.core import i18n
from app.core import vocab as V

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def zh():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.mark.parametrize("enum", V.VOCABULARIES, ids=lambda e: e.__name__)
def test_every_code_has_a_chinese_and_an_english_label(enum):
    for m in enum:
        zh, en = V.label(m, "zh_CN"), V.label(m, "en")
        assert HAN.search(zh), f"{enum.__name__}.{m.name}: no Chinese label ({zh!r})"
        assert not HAN.search(en) and en, f"{enum.__name__}.{m.name}: English label {en!r}"


@pytest.mark.parametrize("enum", V.VOCABULARIES, ids=lambda e: e.__name__)
def test_labels_within_a_vocabulary_are_distinct_and_parse_back(enum):
    for lang in ("zh_CN", "en"):
        labels = [V.label(m, lang) for m in enum]
        assert len(set(labels)) == len(labels), (enum.__name__, lang, labels)
    for m in enum:
        assert V.parse(enum, m.value) is m
        assert V.parse(enum, f"  {V.label(m, 'zh_CN')} ") is m
        assert V.parse(enum, V.label(m, "en").upper()) is m


def test_terms_chosen_where_tables_used_to_differ(zh):
    assert V.label(V.CauseCategory.UNKNOWN) == "未知"
    assert V.label(V.RequirementStatus.REJECTED) == "未采纳"
    assert V.label(V.Channel.EMAIL) == "电子邮件"
    assert V.label(V.CauseCategory.POWER_ENVIRONMENT) == "电力环境"


def test_labels_follow_the_current_language(zh):
    assert V.label(V.IncidentStatus.CLOSED) == "已关闭"
    i18n.set_language("en")
    assert V.label(V.IncidentStatus.CLOSED) == "Closed"
    assert V.label_of(V.Satisfaction, "mostly_satisfied") == "Mostly satisfied"


@pytest.mark.parametrize(
    ("enum", "text", "code"),
    [
        (V.CauseCategory, "不明", "unknown"),
        (V.CauseCategory, "未知", "unknown"),
        (V.CauseCategory, "电力/环境", "power_environment"),
        (V.RequirementStatus, "已拒绝", "rejected"),
        (V.RequirementStatus, "未采纳", "rejected"),
        (V.Channel, "邮件", "email"),
        (V.Channel, "电子邮件", "email"),
        (V.IncidentSource, "Monitoring", "monitoring"),
        (V.IncidentSource, "监控告警", "monitoring"),
    ],
)
def test_every_label_ever_exported_still_parses(enum, text, code):
    assert V.parse(enum, text) == code


def test_unknown_text_and_codes():
    assert V.parse(V.Channel, "carrier pigeon") is None
    assert V.parse(V.Channel, "") is None
    assert V.label_of(V.Channel, None) == ""
    assert V.label_of(V.Channel, "pigeon") == "pigeon"


def test_members_are_their_stored_codes():
    assert V.IncidentStatus.CLOSED == "closed"
    assert V.codes(V.InspectionOutcome) == ("normal", "abnormal", "na")
    assert V.label(V.IncidentStatus.NEW, "zh_CN") == V.label(V.RequestStatus.NEW, "zh_CN")


def test_vocab_catalogue_translates_every_label():
    from babel.messages.pofile import read_po

    with (i18n.locale_dir() / "zh_CN" / "vocab.po").open("rb") as fh:
        cat = read_po(fh, locale="zh_CN")
    translated = {m.id for m in cat if m.id and m.string}
    wanted = {V.msgid(m) for e in V.VOCABULARIES for m in e}
    assert wanted <= translated, sorted(wanted - translated)
