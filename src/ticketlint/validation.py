"""JSON Schema validation of YAML files, with errors a person can act on.

jsonschema's own messages ("Additional properties are not allowed ...", "is not valid
under any of the given schemas") are rewritten to name the key and say what is allowed,
and every problem carries the file, line and column it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ticketlint.errors import Problem
from ticketlint.yamlfile import Key, Located

RuleOf = Callable[[Key], "str | None"]

_FRIENDLY_PATTERNS = {
    "id": "must be kebab-case: lowercase words and digits joined by '-'",
    "name": "must be kebab-case: lowercase words and digits joined by '-'",
    "label": "must be a Jira label: no spaces, at most 255 characters",
    "summary_label": "must be a Jira label: no spaces, at most 255 characters",
    "ready_label": "must be a Jira label: no spaces, at most 255 characters",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped in ``ticketlint/schemas`` (published in the repository too)."""
    text = resources.files("ticketlint").joinpath("schemas").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_problems(located: Located, schema_name: str, rule_of: RuleOf) -> list[Problem]:
    """Every schema violation in the document, located and worded for people."""
    validator = Draft202012Validator(load_schema(schema_name))
    problems = []
    try:
        for error in validator.iter_errors(located.data):
            for leaf in _leaves(error):
                key, message, at_key = describe(leaf)
                problems.append(located.problem(key, message, rule_of(key), at_key=at_key))
    except RecursionError:
        return [located.problem((), "the file is nested too deeply to check")]
    return _unique(problems)


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """For oneOf/anyOf, the most relevant branch error instead of the summary."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = best_match(error.context)
        if best.validator in ("oneOf", "anyOf") and best.context:
            yield from _leaves(best)
            return
        yield best
        return
    yield error


def _name(key: Key) -> str:
    names = [str(k) for k in key if isinstance(k, str)]
    return names[-1] if names else "the file"


def describe(error: ValidationError) -> tuple[Key, str, bool]:
    """``(key path, message, whether to point at the key rather than its value)``."""
    key: Key = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator, instance = error.validator, error.instance
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in instance if k not in schema.get("properties", {})]
        where = (*key, extra[0]) if extra else key
        return (
            where,
            f'unknown key "{extra[0] if extra else "?"}"; allowed here: {", ".join(allowed)}',
            True,
        )
    if "propertyNames" in error.schema_path:  # only check mappings constrain their key names
        names = ", ".join(str(v) for v in _listed(error.validator_value))
        return (*key, str(instance)), f'unknown check "{instance}"; use one of: {names}', True
    if validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        return key, f'missing required key "{missing}"', False
    if validator in ("minProperties", "maxProperties") and "propertyNames" in schema:
        return (
            key,
            "a check is a mapping with exactly one check name, e.g. {filled: {min_words: 3}}",
            False,
        )
    if validator == "enum":
        choices = ", ".join(str(v) for v in _listed(error.validator_value))
        return key, f'{_name(key)}: "{instance}" is not allowed; use one of: {choices}', False
    if validator == "const":
        return key, f'{_name(key)}: expected "{error.validator_value}" or a mapping', False
    if validator == "pattern":
        friendly = _FRIENDLY_PATTERNS.get(_name(key), f"must match {error.validator_value}")
        return key, f'{_name(key)}: "{instance}" {friendly}', False
    if validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = " or ".join(_article(str(k)) for k in kinds)
        return key, f"{_name(key)}: expected {expected}, got {_json_type(instance)}", False
    if validator in ("minItems", "minLength"):
        return key, f"{_name(key)}: must not be empty", False
    if validator == "minimum":
        return key, f"{_name(key)}: must be at least {error.validator_value}", False
    return key, f"{_name(key)}: {error.message}", False


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _article(kind: str) -> str:
    return {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
            "boolean": "true or false", "number": "a number"}.get(kind, kind)  # fmt: skip


def _json_type(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"a date ({value.isoformat()}); put it in quotes to make it text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f'text "{value}"' if len(value) < 40 else "text"
    return f"a number ({value})"


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    return [p for p in problems if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
