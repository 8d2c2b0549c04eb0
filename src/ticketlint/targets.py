"""Where a rule looks on an epic: the passages about a concept, a field, description
sections by title, or a raw path.

A rule lists several targets when teams write the same decision in several places; a
check passes when any of them satisfies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ticketlint.detection.attribution import attribution
from ticketlint.detection.concepts import ConceptSet
from ticketlint.fields import STANDARD_FIELDS, Value, absent, value_of
from ticketlint.model import Epic
from ticketlint.text.titles import TitleSet, title_words


class TargetSpecError(ValueError):
    """A target in a rule file is malformed; ``key`` is where, inside the target."""

    def __init__(self, message: str, key: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.key = key


class Target(Protocol):
    def values(self, epic: Epic) -> Sequence[Value]: ...

    def describe(self) -> str: ...


# Targets compare by identity: a check's targets are looked up in each epic's memo.
@dataclass(frozen=True, eq=False)
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


Words = tuple[tuple[str, ...], ...]
_TITLE_CACHE = 10_000


@dataclass(frozen=True, eq=False)
class SectionTarget:
    """Description sections whose heading, bold label or table row matches a synonym.

    ``others`` are the titles other rules look for. A section whose title matches one of
    them better ("Acceptable error rate" is error tolerance, not "Acceptable error" kind)
    belongs to that rule; a sub-section titled like one of them ("h3. Error tolerance"
    under "h2. Success metric") is another decision, not this one's answer, and is left out.
    """

    synonyms: tuple[str, ...]
    others: Words = ()
    own: TitleSet = field(init=False, repr=False)
    foreign: TitleSet = field(init=False, repr=False)
    rank: dict[tuple[str, ...], int] = field(init=False, repr=False)
    cache: dict[str, int] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        own = {title_words(s) for s in self.synonyms}
        rank: dict[tuple[str, ...], int] = {}
        for index, synonym in enumerate(self.synonyms):
            rank.setdefault(title_words(synonym), index)
        object.__setattr__(self, "rank", rank)
        object.__setattr__(self, "own", TitleSet(own))
        object.__setattr__(self, "foreign", TitleSet(w for w in self.others if w not in own))

    def describe(self) -> str:
        return f'section "{self.synonyms[0]}"'

    def _matched(self, title: str) -> int:
        """Words of the title our longest synonym covers; 0 when another rule's synonym fits better.

        Titles repeat across epics (templates), so the answer is remembered per title.
        """
        cache = self.cache
        if title not in cache:
            if len(cache) > _TITLE_CACHE:
                cache.clear()
            matched = self.own.match_length(title)
            if matched and self.foreign and self.foreign.match_length(title) > matched:
                matched = 0
            cache[title] = matched
        return cache[title]

    def _foreign(self, part: str) -> bool:
        return self.foreign.matches(part) and not self.own.matches(part)

    def values(self, epic: Epic) -> list[Value]:
        found = []
        for section in epic.description.sections:
            matched = self._matched(section.title)
            if not matched:
                continue
            if self.foreign and section.parts:
                section = section.without_parts(self._foreign)
            rank = self.rank.get(title_words(section.title)[:matched], len(self.rank))
            value = Value(f'section "{section.title}"', True, section.lines, section.items, section.tasks)
            found.append((rank, value))
        # The section titled by the first-listed synonym ("Roles") is the one a message names.
        found.sort(key=lambda pair: pair[0])
        return [value for _, value in found] or [absent(self.describe())]


@dataclass(frozen=True, eq=False)
class ConceptTarget:
    """The passages about a concept, wherever they are (see ``detection.attribution``).

    Each passage is a candidate of its own: a rule with a concept target passes when one
    candidate satisfies its whole check. With ``together``, its checks look at all the
    passages at once (the roles of a team may be spread over fields and a table).
    """

    concept: str
    concepts: ConceptSet
    together: bool = False

    def describe(self) -> str:
        names = self.concepts[self.concept].names
        return (
            f'a "{names[0][:1].upper()}{names[0][1:]}" section'
            if names
            else f'what the epic says about "{self.concept}"'
        )

    def values(self, epic: Epic) -> Sequence[Value]:
        found = attribution(epic, self.concepts).candidates(self.concept)
        return found if _any(found) else [absent(self.describe())]


def _any(values: Sequence[Value]) -> bool:
    """Whether there is at least one value, reading no further than the first."""
    return next(iter(values), None) is not None


_PATH_PART = re.compile(r"[^.\[\]]+|\[\d+\]")


@dataclass(frozen=True, eq=False)
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


def _target_specs(spec: object) -> Iterator[object]:
    """Every target written anywhere in a rule spec: under any ``targets:`` list."""
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            targets = node.get("targets")
            if isinstance(targets, list):
                yield from targets
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def section_titles(spec: object) -> set[str]:
    """Every section title a rule (or any structure of rule specs) looks for."""
    found: set[str] = set()
    for target in _target_specs(spec):
        titles = target.get("section") if isinstance(target, Mapping) else None
        if isinstance(titles, str):
            found.add(titles)
        elif isinstance(titles, list):
            found.update(t for t in titles if isinstance(t, str))
    return found


def referenced_concepts(spec: object) -> set[str]:
    """The concepts a rule (or any structure of rule specs) looks at."""
    return {
        t["concept"]
        for t in _target_specs(spec)
        if isinstance(t, Mapping) and isinstance(t.get("concept"), str)
    }


def referenced_fields(spec: object, concepts: ConceptSet | None = None) -> set[str]:
    """The issue fields a rule reads (names or ids), so a tracker asks only for those.

    A concept reads the description and the fields it lists; fields it names by their
    display name are added by the tracker, which knows the site's field names.
    """
    found: set[str] = set()
    for target in _target_specs(spec):
        if isinstance(target, str):
            found.add(target)
        elif isinstance(target, Mapping):
            if isinstance(target.get("field"), str):
                found.add(target["field"])
            elif "section" in target:
                found.add("description")
            elif isinstance(target.get("concept"), str):
                found.add("description")
                if concepts is not None and target["concept"] in concepts:
                    found.update(concepts[target["concept"]].fields)
            elif isinstance(target.get("path"), str):
                parts = _PATH_PART.findall(target["path"])
                if len(parts) >= 2 and parts[0] == "fields":
                    found.add(parts[1])
    return found


def build_target(spec: object, others: Words = (), concepts: ConceptSet | None = None) -> Target:
    """Build one target from its rule-file form; raise TargetSpecError when malformed."""
    if isinstance(spec, str):
        spec = {"field": spec}
    if isinstance(spec, Mapping) and "concept" in spec and set(spec) <= {"concept", "together"}:
        return _concept_target(spec, concepts)
    if not isinstance(spec, Mapping) or len(spec) != 1:
        raise TargetSpecError(
            "a target is one of {concept: ID}, {field: NAME}, {section: [TITLE, ...]} or {path: DOTTED.PATH}"
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
        return SectionTarget(tuple(synonyms), others)
    if kind == "path":
        if not isinstance(arg, str) or not _PATH_PART.findall(arg):
            raise TargetSpecError("path: needs a dotted path such as fields.customfield_10010", ("path",))
        return PathTarget(arg)
    raise TargetSpecError(f'unknown target "{kind}"; use concept, field, section or path', (kind,))


def _concept_target(spec: Mapping[str, Any], concepts: ConceptSet | None) -> ConceptTarget:
    name, together = spec["concept"], spec.get("together", False)
    if concepts is None or not isinstance(name, str) or name not in concepts:
        known = ", ".join(sorted(concepts.concepts)) if concepts is not None and concepts.concepts else ""
        listed = known or "none: declare them under concepts: in the pack"
        raise TargetSpecError(
            f'concept: "{name}" is not a concept of this pack; concepts: {listed}', ("concept",)
        )
    if not isinstance(together, bool):
        raise TargetSpecError("together: is true or false", ("together",))
    return ConceptTarget(name, concepts, together)


def build_targets(
    specs: object, others: Words = (), concepts: ConceptSet | None = None
) -> tuple[Target, ...]:
    if not isinstance(specs, list) or not specs:
        raise TargetSpecError("targets: needs a list of at least one target")
    targets = []
    for index, spec in enumerate(specs):
        try:
            targets.append(build_target(spec, others, concepts))
        except TargetSpecError as error:
            raise TargetSpecError(str(error), (index, *error.key)) from None
    return tuple(targets)


__all__ = [
    "STANDARD_FIELDS",
    "ConceptTarget",
    "Target",
    "TargetSpecError",
    "Words",
    "build_target",
    "build_targets",
    "referenced_concepts",
    "referenced_fields",
    "section_titles",
]
