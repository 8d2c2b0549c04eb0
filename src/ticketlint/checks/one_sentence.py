"""``one_sentence``: one sentence of the answer matches every pattern.

Options: ``patterns`` (a list of regular expressions, ``ignore_case`` as for ``matches``)
and ``what``. For decisions whose parts must be said together: a direction and a target
in one sentence, not a direction in one and a number about something else in the next.
Non-answers (leftovers, deferrals, links) are left out first, as for ``filled``.

    check:
      one_sentence: {patterns: ['\\b(up|down|increase|reduce)\\b', '\\d'], what: direction and target}
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
from ticketlint.checks.matches import Pattern, compile_pattern
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target
from ticketlint.text.placeholders import read_answer


@dataclass(frozen=True)
class OneSentence:
    targets: tuple[Target, ...]
    patterns: tuple[Pattern, ...]
    hints: frozenset[str]
    what: str

    def _passes(self, value: Value) -> bool:
        return value.present and any(
            all(p.search(sentence) for p in self.patterns)
            for sentence in read_answer(value.lines, self.hints).kept
        )

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, self._passes, lambda v: f"no {self.what}")


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    sources = option(options, "patterns", list)
    if not sources:
        raise CheckSpecError("needs patterns: a list of regular expressions", ("patterns",))
    patterns = []
    for index, source in enumerate(sources):
        try:
            patterns.append(compile_pattern({**options, "pattern": source}))
        except CheckSpecError as error:
            raise CheckSpecError(str(error), ("patterns", index)) from None
    what = option(options, "what", str) or "sentence matching every pattern"
    return OneSentence(ctx.targets, tuple(patterns), ctx.hints, what)
