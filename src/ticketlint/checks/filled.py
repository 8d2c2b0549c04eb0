"""``filled``: the target holds an answer, not a template leftover.

Options: ``min_words`` (default 1), ``allow_not_applicable`` (default false: when true,
"N/A because <a reason of at least five words>" counts as an answer) and ``hints``
(template sentences that must not count, on top of the pack's ``placeholders``) and
``pattern``: a regular expression the answer itself must contain (e.g. a number for a
target), searched after placeholder lines are dropped, so "e.g. precision ≥ 0.9" has none.
Placeholders never count: TBD, N/A, ?, "[describe the metric]", "e.g. ...", and so on.

    check:
      filled: {min_words: 3}
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
    shown,
)
from ticketlint.checks.matches import Pattern, compile_pattern
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target
from ticketlint.text.placeholders import (
    is_bare_not_applicable,
    is_not_applicable_with_reason,
    normalize,
    read_answer,
    word_count,
)


@dataclass(frozen=True)
class Filled:
    targets: tuple[Target, ...]
    min_words: int
    allow_not_applicable: bool
    hints: frozenset[str]
    pattern: Pattern | None
    what: str

    def _passes(self, value: Value) -> bool:
        if not value.present:
            return False
        if self.allow_not_applicable and any(is_not_applicable_with_reason(line) for line in value.lines):
            return self.pattern is None or self.pattern.search(value.text)
        answer = read_answer(value.lines, self.hints).text
        if is_bare_not_applicable(answer) or word_count(answer) < self.min_words:
            return False
        return self.pattern is None or self.pattern.search(answer)

    def _why_not(self, value: Value) -> str:
        answer = read_answer(value.lines, self.hints)
        if not answer.kept:
            if answer.dropped:
                sentence, kind = answer.dropped[0]
                return f"not an answer: {kind} ({shown(sentence)!r})".replace("'", '"')
            return "nothing written there"
        if is_bare_not_applicable(answer.text):
            return "N/A without a reason of five words or more"
        if word_count(answer.text) < self.min_words:
            return f"too short to say anything ({word_count(answer.text)} words)"
        return f"no {self.what}"

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, self._passes, self._why_not)


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    min_words = option(options, "min_words", int, 1)
    if min_words < 1:
        raise CheckSpecError("min_words: must be 1 or more", ("min_words",))
    hints = option(options, "hints", list, [])
    pattern = compile_pattern(options) if "pattern" in options else None
    what = option(options, "what", str) or (f"text matching {pattern.source!r}" if pattern else "answer")
    return Filled(
        ctx.targets,
        min_words,
        bool(option(options, "allow_not_applicable", bool, False)),
        ctx.hints | {normalize(str(h)) for h in hints},
        pattern,
        what,
    )
