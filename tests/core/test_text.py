"""app.core.text: the one sanitiser of every document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.core.text import REPLACEMENT, clean_strings, clean_text

HOSTILE = "终端\x1b[31m红色\x1b[0m 空\x00字符 竖\x0b表 坏\ud800代理 删\x7f C1\x85"


def test_each_unwritable_character_becomes_one_visible_replacement() -> None:
    assert clean_text(HOSTILE) == (f"终端{REPLACEMENT}[31m红色{REPLACEMENT}[0m 空{REPLACEMENT}字符 "
                                   f"竖{REPLACEMENT}表 坏{REPLACEMENT}代理 删{REPLACEMENT} C1{REPLACEMENT}")
    assert len(clean_text(HOSTILE)) == len(HOSTILE)
    clean_text(HOSTILE).encode("utf-8")  # no lone surrogate left: any document can hold it


def test_ordinary_text_is_untouched() -> None:
    text = "第一行\n第二行\r\n\t31.5 ℃（正常范围 18–27 ℃）≥ ① “引号” 😀 e\u0301 a\u200db"
    assert clean_text(text) == text


@dataclass
class _Block:
    text: str
    rows: list[list[object]]
    pairs: list[tuple[str, object]] = field(default_factory=list)
    series: dict[str, list[float]] = field(default_factory=dict)


def test_clean_strings_walks_dataclasses_lists_tuples_and_dicts_without_mutating() -> None:
    block = _Block("a\x1b", [["b\x00", 3, date(2026, 12, 1), None]], [("c\x0b", "d\ud800")],
                   {"e\x1f": [1.5]})
    cleaned = clean_strings([block])[0]
    r = REPLACEMENT
    assert isinstance(cleaned, _Block)
    assert cleaned == _Block(f"a{r}", [[f"b{r}", 3, date(2026, 12, 1), None]],
                             [(f"c{r}", f"d{r}")], {f"e{r}": [1.5]})
    assert block.text == "a\x1b"  # the caller's document is left as it was
