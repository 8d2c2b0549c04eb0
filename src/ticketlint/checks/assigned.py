"""``assigned``: user fields are set (a user picker, assignee, or a name typed in a text field).

Options: ``min`` (default 1): how many people must be named across the targets.
A target holding only a placeholder (TBD, ?) names nobody.

    check:
      assigned: {targets: [{field: ML Owner}, assignee]}
"""

from __future__ import annotations

from dataclasses import dataclass

from ticketlint.checks.base import (
    BuildContext,
    Check,
    CheckSpecError,
    Options,
    Outcome,
    option,
    shown,
    values_of,
)
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target
from ticketlint.text.placeholders import is_placeholder_line


def people(value: Value, hints: frozenset[str]) -> tuple[str, ...]:
    """The people a value names: users, else non-placeholder lines of text."""
    if value.users:
        return value.users
    return tuple(line for line in value.lines if not is_placeholder_line(line, hints))


@dataclass(frozen=True)
class Assigned:
    targets: tuple[Target, ...]
    minimum: int
    hints: frozenset[str]

    def evaluate(self, epic: Epic) -> Outcome:
        named: list[str] = []
        looked_at: list[str] = []
        for target in self.targets:
            for value in values_of(target, epic):
                looked_at.append(value.target)
                named.extend(people(value, self.hints) if value.present else ())
        return Outcome(len(named) >= self.minimum, ", ".join(looked_at), shown(", ".join(named)))


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    minimum = option(options, "min", int, 1)
    if minimum < 1:
        raise CheckSpecError("min: must be 1 or more", ("min",))
    return Assigned(ctx.targets, minimum, ctx.hints)
