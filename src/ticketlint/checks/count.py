"""``count``: how many items a target holds is within ``min`` / ``max``.

Options: ``of`` — what to count: ``items`` (list fields, bullets under a section; the
default), ``tasks`` (checklist items), ``done_tasks`` (checked ones), ``open_tasks``
(unchecked ones) or ``lines``; ``min`` and/or ``max``; ``pattern``: count only entries
whose text matches this regular expression. Counts add up over all targets.
Placeholder items (TBD, ?, empty checklist items) are not counted, except as open tasks:
an unchecked "[ ] TBD" is still something left to do.

    check:
      count: {targets: [{section: Unacceptable mistakes}], of: items, min: 2}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ticketlint.checks.base import BuildContext, Check, CheckSpecError, Options, Outcome, option, values_of
from ticketlint.checks.matches import Pattern, compile_pattern
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target
from ticketlint.text.placeholders import is_placeholder_line

Entries = Callable[[Value, frozenset[str]], list[str]]

COUNTERS: dict[str, Entries] = {
    "items": lambda v, h: [i for i in v.items if not is_placeholder_line(i, h)],
    "lines": lambda v, h: [i for i in v.lines if not is_placeholder_line(i, h)],
    "tasks": lambda v, h: [t.text for t in v.tasks if not is_placeholder_line(t.text, h)],
    "done_tasks": lambda v, h: [t.text for t in v.tasks if t.done and not is_placeholder_line(t.text, h)],
    "open_tasks": lambda v, h: [t.text for t in v.tasks if not t.done],
}


@dataclass(frozen=True)
class Count:
    targets: tuple[Target, ...]
    entries: Entries
    what: str
    matching: Pattern | None
    minimum: int | None
    maximum: int | None
    hints: frozenset[str]

    def evaluate(self, epic: Epic) -> Outcome:
        total = 0
        looked_at: list[str] = []
        for target in self.targets:
            for value in values_of(target, epic):
                looked_at.append(value.target)
                if value.present:
                    found = self.entries(value, self.hints)
                    total += sum(1 for e in found if not self.matching or self.matching.search(e))
        low = self.minimum is None or total >= self.minimum
        high = self.maximum is None or total <= self.maximum
        return Outcome(low and high, ", ".join(looked_at), f"{total} {self.what.replace('_', ' ')}")


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    what = option(options, "of", str, "items")
    if what not in COUNTERS:
        raise CheckSpecError(f"of: must be one of {', '.join(COUNTERS)}", ("of",))
    minimum = option(options, "min", int)
    maximum = option(options, "max", int)
    if minimum is None and maximum is None:
        raise CheckSpecError("needs min: or max: (or both)")
    if minimum is not None and maximum is not None and minimum > maximum:
        raise CheckSpecError("min: is larger than max:", ("min",))
    matching = compile_pattern(options) if "pattern" in options else None
    return Count(ctx.targets, COUNTERS[what], what, matching, minimum, maximum, ctx.hints)
