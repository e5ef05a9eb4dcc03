"""Schema and model errors of a profile as sentences in the current language (no validator English).

``schema_problem(error)`` turns one ``jsonschema`` error into ``(path, Msg)``, ``model_problem``
one pydantic error dict.  Each sentence names what would be valid: the allowed values, the date
format ``YYYY-MM-DD``, a quoted time ``'08:30'``, the code pattern.
"""

from __future__ import annotations

from typing import Any

from app.core.i18n import N_
from app.errors import Msg

Path = tuple[str | int, ...]

_TYPES = {"string": N_("a text"), "number": N_("a number"), "integer": N_("a whole number"),
          "boolean": N_("true or false"), "array": N_("a list"), "object": N_("a mapping of fields"),
          "null": N_("nothing")}


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"


def _one_of(values: Any) -> list[str]:
    """The allowed values as a list (rendered with the language's list separator)."""
    return [str(v) for v in values]


def _required(e: Any, path: Path) -> tuple[Path, Msg]:
    value = e.instance
    missing = next((k for k in e.validator_value if isinstance(value, dict) and k not in value),
                   e.validator_value[0])
    return (*path, missing), Msg(N_("required field “{field}” is missing"), field=missing)


def _additional(e: Any, path: Path) -> tuple[Path, Msg]:
    allowed = sorted(e.schema.get("properties", {}))
    extra = sorted(k for k in e.instance if k not in allowed) if isinstance(e.instance, dict) else []
    field = extra[0] if extra else ""
    return (*path, field), Msg(N_("unknown field “{field}”; allowed here: {allowed}"), field=field,
                               allowed=_one_of(allowed))


def _allowed(e: Any, path: Path) -> tuple[Path, Msg]:
    allowed = e.validator_value if e.validator == "enum" else [e.validator_value]
    return path, Msg(N_("“{value}” is not allowed; one of: {allowed}"), value=_shown(e.instance),
                     allowed=_one_of(allowed))


def _pattern(e: Any, path: Path) -> tuple[Path, Msg]:
    pattern, value = str(e.validator_value), _shown(e.instance)
    if ":" in pattern:
        return path, Msg(N_("“{value}” is not a time of day; write HH:MM quoted, e.g. '08:30'"), value=value)
    if "A-Za-z0-9" in pattern:
        return path, Msg(N_("“{value}” is not a code: letters, digits and _ . - only, starting with a "
                            "letter or digit, at most 60 characters"), value=value)
    return path, Msg(N_("“{value}” is not a contract name: lower-case letters, digits and -, "
                        "2 to 80 characters, e.g. pinggu-court-2026"), value=value)


def _type(e: Any, path: Path) -> tuple[Path, Msg]:
    want = e.validator_value if isinstance(e.validator_value, str) else e.validator_value[0]
    return path, Msg(N_("expected {expected}, got “{value}”"), expected=Msg(_TYPES.get(want, want)),
                     value=_shown(e.instance))


_LIMITS = {"minimum": N_("at least {limit}"), "exclusiveMinimum": N_("more than {limit}"),
           "maximum": N_("at most {limit}"), "exclusiveMaximum": N_("less than {limit}")}


def _limit(e: Any, path: Path) -> tuple[Path, Msg]:
    return path, Msg(N_("{value} is out of range; it must be {limit}"), value=_shown(e.instance),
                     limit=Msg(_LIMITS[e.validator], limit=e.validator_value))


def _items(e: Any, path: Path) -> tuple[Path, Msg]:
    text = N_("the list needs at least {n} entries") if e.validator == "minItems" else N_(
        "the list takes at most {n} entries")
    return path, Msg(text, n=e.validator_value)


def _format(e: Any, path: Path) -> tuple[Path, Msg]:
    if e.validator_value == "date":
        return path, Msg(N_("“{value}” is not a date; write YYYY-MM-DD, e.g. 2026-05-01"), value=_shown(e.instance))
    return _other(e, path)


def _other(e: Any, path: Path) -> tuple[Path, Msg]:
    if e.validator == "minLength":
        return path, Msg(N_("must not be empty"))
    return path, Msg(N_("“{value}” is not valid here"), value=_shown(e.instance))


_BY_VALIDATOR = {"required": _required, "additionalProperties": _additional, "enum": _allowed, "const": _allowed,
                 "format": _format, "pattern": _pattern, "type": _type, "minimum": _limit,
                 "exclusiveMinimum": _limit, "maximum": _limit, "exclusiveMaximum": _limit, "minItems": _items,
                 "maxItems": _items}


def schema_problem(e: Any) -> tuple[Path, Msg]:
    """``(field path, sentence)`` of a ``jsonschema.ValidationError`` (one wording per validator)."""
    return _BY_VALIDATOR.get(e.validator, _other)(e, tuple(e.absolute_path))


def model_problem(err: dict[str, Any]) -> tuple[Path, Msg]:
    """``(field path, sentence)`` of one pydantic error (``ValidationError.errors()`` entry)."""
    loc: list[str | int] = list(err.get("loc", ()))
    while (loc and loc[-1] in ("int", "float", "str", "bool", "none")) or (
            loc and isinstance(loc[-1], str) and loc[-1].startswith(("literal[", "tuple["))):
        loc.pop()
    kind, value = err.get("type", ""), err.get("input")
    if kind == "missing":
        return tuple(loc), Msg(N_("required field “{field}” is missing"), field=loc[-1] if loc else "")
    if kind == "extra_forbidden":
        return tuple(loc), Msg(N_("unknown field “{field}”; allowed here: {allowed}"),
                               field=loc[-1] if loc else "", allowed="-")
    if kind.startswith("date"):
        return tuple(loc), Msg(N_("“{value}” is not a date; write YYYY-MM-DD, e.g. 2026-05-01"), value=_shown(value))
    if kind == "literal_error":
        expected = (err.get("ctx") or {}).get("expected", "")
        return tuple(loc), Msg(N_("“{value}” is not allowed; one of: {allowed}"), value=_shown(value),
                               allowed=[t.strip() for t in str(expected).replace("'", "").split(",")])
    if kind in ("float_parsing", "int_parsing", "float_type", "int_type"):
        return tuple(loc), Msg(N_("expected {expected}, got “{value}”"), expected=Msg(_TYPES["number"]),
                               value=_shown(value))
    return tuple(loc), Msg(N_("“{value}” is not valid here"), value=_shown(value))
