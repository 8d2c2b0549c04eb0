"""``one_of``: the target's value (or every item of a list field) is among allowed values.

Options: ``values`` (the allowed values) and ``ignore_case`` (default true).

    check:
      one_of: {targets: [priority], values: [High, Highest]}
"""

from __future__ import annotations

from dataclasses import dataclass

from ticketlint.checks.base import (
    BuildContext,
    Check,
    CheckSpecError,
    Options,
    Outcome,
    first_passing,
    option,
)
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target


def _normalize(text: str, ignore_case: bool) -> str:
    return text.strip().casefold() if ignore_case else text.strip()


@dataclass(frozen=True)
class OneOf:
    targets: tuple[Target, ...]
    allowed: frozenset[str]
    ignore_case: bool

    def _passes(self, value: Value) -> bool:
        entries = value.items or value.lines
        return (
            value.present
            and bool(entries)
            and all(_normalize(e, self.ignore_case) in self.allowed for e in entries)
        )

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, self._passes)


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    values = option(options, "values", list)
    if not values:
        raise CheckSpecError("needs values: a list of allowed values", ("values",))
    ignore_case = bool(option(options, "ignore_case", bool, True))
    return OneOf(ctx.targets, frozenset(_normalize(str(v), ignore_case) for v in values), ignore_case)
