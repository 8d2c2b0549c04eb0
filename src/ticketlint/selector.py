"""Which epics a rule applies to: issue type, project, labels, status, components.

Every key given must match (values within a key are alternatives, compared ignoring
case); ``not:`` holds a selector the epic must not match, ``any_of:`` a list of selectors
of which at least one must match. An empty selector matches all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ticketlint.model import Epic

_KEYS: dict[str, Callable[[Epic], tuple[str, ...]]] = {
    "issue_type": lambda e: (e.issue_type,),
    "project": lambda e: (e.project,),
    "labels": lambda e: e.labels,
    "status": lambda e: (e.status,),
    "status_category": lambda e: (e.status_category,),
    "components": lambda e: e.components,
}


# Selectors compare by identity: the engine decides each one once per epic.
@dataclass(frozen=True, eq=False)
class Selector:
    wanted: tuple[tuple[str, frozenset[str]], ...] = ()
    excluded: Selector | None = None
    alternatives: tuple[Selector, ...] = ()

    def matches(self, epic: Epic) -> bool:
        for key, allowed in self.wanted:
            if not any(v.casefold() in allowed for v in _KEYS[key](epic)):
                return False
        if self.alternatives and not any(s.matches(epic) for s in self.alternatives):
            return False
        return self.excluded is None or not self.excluded.matches(epic)


def build_selector(spec: Mapping[str, object] | None) -> Selector:
    """Build from the (schema-validated) rule-file form: each key a string or a list."""
    if not spec:
        return Selector()
    wanted = []
    for key, raw in spec.items():
        if key in ("not", "any_of"):
            continue
        values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        wanted.append((key, frozenset(str(v).casefold() for v in values)))
    excluded = spec.get("not")
    alternatives = spec.get("any_of")
    return Selector(
        tuple(wanted),
        build_selector(excluded) if isinstance(excluded, Mapping) else None,
        tuple(build_selector(a) for a in alternatives if isinstance(a, Mapping))
        if isinstance(alternatives, list)
        else (),
    )


@dataclass(frozen=True, eq=False)
class AllOf:
    """Several selectors that must all match: the rule's own and those of its packs."""

    selectors: tuple[Selector, ...]

    def matches(self, epic: Epic) -> bool:
        return all(s.matches(epic) for s in self.selectors)
