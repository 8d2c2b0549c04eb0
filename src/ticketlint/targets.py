"""Where a rule looks on an epic: a field, description sections by title, or a raw path.

A rule lists several targets when teams write the same decision in several places; a
check passes when any of them satisfies it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ticketlint.fields import STANDARD_FIELDS, Value, absent, value_of
from ticketlint.model import Epic
from ticketlint.text.titles import title_matches, title_words


class TargetSpecError(ValueError):
    """A target in a rule file is malformed; ``key`` is where, inside the target."""

    def __init__(self, message: str, key: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.key = key


class Target(Protocol):
    def values(self, epic: Epic) -> list[Value]: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class FieldTarget:
    """A standard field (summary, labels, assignee, ...) or a custom field by name or id."""

    name: str

    def describe(self) -> str:
        return f'field "{self.name}"'

    def values(self, epic: Epic) -> list[Value]:
        if self.name == "description":
            doc = epic.description
            lines = tuple(doc.text.splitlines())
            return [Value(self.describe(), bool(doc.text.strip()), lines, doc.items, doc.tasks)]
        fields = epic.raw.get("fields")
        if not isinstance(fields, Mapping):
            return [absent(self.describe())]
        field_id = epic.catalog.resolve(self.name)
        raw = fields.get(field_id) if field_id is not None else None
        if raw is None:  # hand-written epics name custom fields directly
            raw = fields.get(self.name)
        return [value_of(self.describe(), raw)]


@dataclass(frozen=True)
class SectionTarget:
    """Description sections whose heading, bold label or table row matches a synonym."""

    synonyms: tuple[str, ...]
    words: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(title_words(s) for s in self.synonyms))

    def describe(self) -> str:
        return f'section "{self.synonyms[0]}"'

    def values(self, epic: Epic) -> list[Value]:
        found = [
            Value(f'section "{s.title}"', True, s.lines, s.items, s.tasks)
            for s in epic.description.sections
            if title_matches(s.title, self.words)
        ]
        return found or [absent(self.describe())]


_PATH_PART = re.compile(r"[^.\[\]]+|\[\d+\]")


@dataclass(frozen=True)
class PathTarget:
    """A dotted path into the issue JSON (``fields.customfield_10010.value``): the escape hatch."""

    path: str

    def describe(self) -> str:
        return f'path "{self.path}"'

    def values(self, epic: Epic) -> list[Value]:
        current: Any = epic.raw
        for part in _PATH_PART.findall(self.path):
            if part.startswith("[") and isinstance(current, list):
                index = int(part[1:-1])
                current = current[index] if index < len(current) else None
            elif isinstance(current, Mapping):
                current = current.get(part)
            else:
                current = None
            if current is None:
                return [absent(self.describe())]
        return [value_of(self.describe(), current)]


def build_target(spec: object) -> Target:
    """Build one target from its rule-file form; raise TargetSpecError when malformed."""
    if isinstance(spec, str):
        spec = {"field": spec}
    if not isinstance(spec, Mapping) or len(spec) != 1:
        raise TargetSpecError(
            "a target is one of {field: NAME}, {section: [TITLE, ...]} or {path: DOTTED.PATH}"
        )
    ((kind, arg),) = spec.items()
    if kind == "field":
        if not isinstance(arg, str) or not arg.strip():
            raise TargetSpecError("field: needs a field name or id", ("field",))
        return FieldTarget(arg.strip())
    if kind == "section":
        synonyms = (arg,) if isinstance(arg, str) else arg
        if (
            not isinstance(synonyms, Sequence)
            or not synonyms
            or not all(isinstance(s, str) and title_words(s) for s in synonyms)
        ):
            raise TargetSpecError("section: needs a title or a list of titles", ("section",))
        return SectionTarget(tuple(synonyms))
    if kind == "path":
        if not isinstance(arg, str) or not _PATH_PART.findall(arg):
            raise TargetSpecError("path: needs a dotted path such as fields.customfield_10010", ("path",))
        return PathTarget(arg)
    raise TargetSpecError(f'unknown target "{kind}"; use field, section or path', (kind,))


def build_targets(specs: object) -> tuple[Target, ...]:
    if not isinstance(specs, list) or not specs:
        raise TargetSpecError("targets: needs a list of at least one target")
    targets = []
    for index, spec in enumerate(specs):
        try:
            targets.append(build_target(spec))
        except TargetSpecError as error:
            raise TargetSpecError(str(error), (index, *error.key)) from None
    return tuple(targets)


__all__ = ["STANDARD_FIELDS", "Target", "TargetSpecError", "build_target", "build_targets"]
