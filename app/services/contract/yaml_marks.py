"""Read a profile file's YAML keeping where every value stands (line, column), and refuse early.

``read_yaml(text)`` returns ``(data, marks, problems)``: the plain data (as ``yaml.safe_load``
would give it), ``marks`` mapping each field path (``("kpis", 2, "target")``) to its 1-based
``(line, column)``, and the problems found while reading — each ``(path, Msg, (line, col))``:

* an alias or anchor (``&a`` / ``*a``) is refused at its mark before anything is built, so an
  alias bomb ("billion laughs") costs one pass over the events, never the memory to expand it;
* a plain (unquoted) scalar like ``12:00`` that YAML 1.1 reads as the base-60 number 720 is
  refused with the quoted form to write (``'12:00'``), detected from the node's raw text;
* a key given twice in one mapping is refused (YAML loaders silently keep the last);
* a plain key YAML 1.1 reads as a boolean (``on``, ``yes``, ``no`` …) is refused with its quoted form.

Files over ``MAX_BYTES`` are refused by the caller before parsing.  Syntax errors raise
``yaml.YAMLError`` (with its own mark) for the caller to word.
"""

from __future__ import annotations

from typing import Any

import yaml

from app.core.i18n import N_
from app.errors import Msg

MAX_BYTES = 1_000_000
"""Largest profile file read (1 MB; the Justice Bureau profile is about 40 kB)."""

Path = tuple[str | int, ...]
Mark = tuple[int, int]
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
"""Tags YAML 1.1 resolves a plain ``12:00`` to (base 60); ``"09:00"`` (leading zero) stays a string."""


def _mark(node: Any) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _aliases(text: str) -> list[tuple[Path, Msg, Mark]]:
    """Problems for every anchor/alias event (one pass over the event stream, nothing built)."""
    out: list[tuple[Path, Msg, Mark]] = []
    for ev in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            out.append(((), Msg(N_("anchors and aliases (&name / *name) are not allowed in a profile; "
                                   "write the values out")),
                        (ev.start_mark.line + 1, ev.start_mark.column + 1) if ev.start_mark else (0, 0)))
            if len(out) >= 5:
                break
    return out


def _walk(node: Any, path: Path, marks: dict[Path, Mark], out: list[tuple[Path, Msg, Mark]]) -> None:
    marks.setdefault(path, _mark(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if isinstance(key, yaml.ScalarNode) and key.style is None and key.tag == _BOOL_TAG:
                out.append(((*path, k), Msg(N_("the key {raw} unquoted is read by YAML as true/false; write it "
                                               "quoted: \"{raw}\""), raw=k), _mark(key)))
            if k in seen:
                out.append(((*path, k), Msg(N_("key “{key}” given twice in the same mapping"), key=k), _mark(key)))
            seen.add(k)
            marks[(*path, k)] = _mark(value)
            _walk(value, (*path, k), marks, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _walk(value, (*path, i), marks, out)
    elif (isinstance(node, yaml.ScalarNode) and node.style is None and ":" in node.value
          and node.tag in _NUMBER_TAGS):
        out.append((path, Msg(N_("{raw} unquoted is read by YAML as the number {number}; write the time "
                                 "quoted: '{raw}'"), raw=node.value, number=_sexagesimal(node.value)),
                    _mark(node)))


def _sexagesimal(raw: str) -> str:
    try:
        return str(yaml.safe_load(raw))
    except yaml.YAMLError:  # pragma: no cover - the pattern only matches numbers
        return raw


def read_yaml(text: str) -> tuple[Any, dict[Path, Mark], list[tuple[Path, Msg, Mark]]]:
    """``(data, marks, problems)`` of YAML ``text`` (see the module doc); data is None when a
    problem was found.  Raises ``yaml.YAMLError`` for a syntax error."""
    problems = _aliases(text)
    if problems:
        return None, {}, problems
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        marks: dict[Path, Mark] = {}
        if node is None:
            return None, marks, []
        _walk(node, (), marks, problems)
        if problems:
            return None, marks, problems
        return loader.construct_document(node), marks, []
    finally:
        loader.dispose()


def mark_of(marks: dict[Path, Mark], path: Path) -> Mark | None:
    """The mark of ``path``, else of its nearest ancestor that has one, else None."""
    p = tuple(path)
    while True:
        if p in marks:
            return marks[p]
        if not p:
            return None
        p = p[:-1]
