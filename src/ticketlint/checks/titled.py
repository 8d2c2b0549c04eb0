"""``titled``: the candidate is a passage titled for the decision (or a field), not a
sentence found in running text.

A sentence that merely mentions a rule, a number and "today" may be about anything;
under a heading titled for the decision the same words are an answer. Combine it to ask
more of running text than of a titled passage:

    check:
      any:
        - titled: {}
        - filled: {pattern: "can't|cannot|only|fails", what: reason the alternative fails}
"""

from __future__ import annotations

from dataclasses import dataclass

from ticketlint.checks.base import BuildContext, Check, Options, Outcome, values_of
from ticketlint.model import Epic
from ticketlint.targets import Target


@dataclass(frozen=True)
class Titled:
    targets: tuple[Target, ...]

    def evaluate(self, epic: Epic) -> Outcome:
        for target in self.targets:
            for value in values_of(target, epic):
                if value.present and value.placed:
                    return Outcome(True, value.target, "")
        return Outcome(False, self.targets[0].describe(), "", "found only in running text")


def build(options: Options, ctx: BuildContext) -> Check:
    return Titled(ctx.with_targets(options).targets)
