"""What every check primitive shares: the Check protocol, outcomes, the build context."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ticketlint.detection.concepts import ConceptSet
from ticketlint.fields import Value
from ticketlint.model import Epic, Seen
from ticketlint.targets import Target, TargetSpecError, Words, build_targets

_SHOWN_CHARS = 120


class CheckSpecError(ValueError):
    """A check in a rule file is malformed; ``key`` is the path to the bad part inside it."""

    def __init__(self, message: str, key: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Outcome:
    """Whether a check passed, what it looked at (for the message's placeholders), why
    (``reason``: what was missing or what did not count) and, for a rule judging several
    candidates, what it made of each (``seen``)."""

    passed: bool
    target: str
    value: str
    reason: str = field(default="", compare=False)
    seen: tuple[Seen, ...] = field(default=(), compare=False)


class Check(Protocol):
    def evaluate(self, epic: Epic) -> Outcome: ...


Options = Mapping[str, Any]


@dataclass(frozen=True)
class BuildContext:
    """What building a check needs besides its own options."""

    targets: tuple[Target, ...]
    hints: frozenset[str]
    build: Callable[[object, BuildContext], Check]
    others: Words = ()  # section titles other rules look for (see SectionTarget)
    concepts: ConceptSet | None = None  # the concepts of the run (see ConceptTarget)

    def with_targets(self, options: Options) -> BuildContext:
        """The context for a check that may name its own ``targets:``."""
        if "targets" not in options:
            if not self.targets:
                raise CheckSpecError("this check needs targets: (on the check or on the rule)")
            return self
        try:
            targets = build_targets(options["targets"], self.others, self.concepts)
        except TargetSpecError as error:
            raise CheckSpecError(str(error), ("targets", *error.key)) from None
        return BuildContext(targets, self.hints, self.build, self.others, self.concepts)

    def child(self, node: object, key: tuple[str | int, ...]) -> Check:
        try:
            return self.build(node, self)
        except CheckSpecError as error:
            raise CheckSpecError(str(error), (*key, *error.key)) from None


def shown(text: str) -> str:
    """Text as quoted in a message: one line, at most 120 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN_CHARS else flat[: _SHOWN_CHARS - 1] + "…"


def values_of(target: Target, epic: Epic) -> Sequence[Value]:
    """What a target holds on an epic, resolved once per epic however many checks ask."""
    found: Sequence[Value] | None = epic.memo.get(target)
    if found is None:
        found = epic.memo[target] = target.values(epic)
    return found


def first_passing(
    epic: Epic,
    targets: tuple[Target, ...],
    passes: Callable[[Value], bool],
    why_not: Callable[[Value], str] | None = None,
) -> Outcome:
    """Pass when any value of any target passes; otherwise report the most telling value
    (and, with ``why_not``, why it did not count)."""
    fallback: Value | None = None
    for target in targets:
        for value in values_of(target, epic):
            if passes(value):
                return Outcome(True, value.target, shown(value.text))
            if fallback is None or (value.present and not fallback.present):
                fallback = value
    assert fallback is not None  # every target yields at least one value
    if not fallback.present:
        reason = "nothing written there"
    else:
        reason = why_not(fallback) if why_not is not None else ""
    return Outcome(False, fallback.target, shown(fallback.text), reason)


def option(options: Options, name: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
    """Read one option, checking its type; the schema catches most, this catches the rest."""
    value = options.get(name, default)
    if (value is not None and not isinstance(value, kind)) or (isinstance(value, bool) and kind is int):
        raise CheckSpecError(f"{name}: has the wrong type", (name,))
    return value
