"""``matches`` / ``not_matches``: a regular expression is (or is not) found in the target.

Options: ``pattern`` (Python regular expression, searched anywhere in the text) and
``ignore_case`` (default true). ``not_matches`` passes when no target's text matches.

    check:
      matches: {pattern: '\\d+(\\.\\d+)?\\s*%'}
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ticketlint.checks.base import (
    BuildContext,
    Check,
    CheckSpecError,
    Options,
    Outcome,
    first_passing,
    option,
    shown,
    values_of,
)
from ticketlint.errors import TicketlintError
from ticketlint.model import Epic
from ticketlint.targets import Target


@dataclass(frozen=True)
class Matches:
    targets: tuple[Target, ...]
    pattern: Pattern

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, lambda v: self.pattern.search(v.text))


@dataclass(frozen=True)
class NotMatches:
    targets: tuple[Target, ...]
    pattern: Pattern

    def evaluate(self, epic: Epic) -> Outcome:
        for target in self.targets:
            for value in values_of(target, epic):
                if self.pattern.search(value.text):
                    return Outcome(False, value.target, shown(value.text))
        return Outcome(True, self.targets[0].describe(), "")


# A pattern gets this long on one epic; a slower one is a rule problem, not a hang.
SEARCH_SECONDS = 1.0


class PatternTimeout(TicketlintError):
    """A rule's regular expression took too long on an epic's text."""


@dataclass(frozen=True)
class Pattern:
    """A rule's regular expression, searched with a time limit (the ``regex`` library allows one)."""

    source: str
    compiled: regex.Pattern[str]

    def search(self, text: str) -> bool:
        try:
            return self.compiled.search(text, timeout=SEARCH_SECONDS) is not None
        except TimeoutError:
            raise PatternTimeout(
                f"the pattern {self.source!r} took more than {SEARCH_SECONDS:g} s on one epic's text; "
                "simplify it (nested repetition such as (a+)+ is the usual cause)"
            ) from None


def compile_pattern(options: Options) -> Pattern:
    source = option(options, "pattern", str)
    if source is None:
        raise CheckSpecError("needs pattern: a regular expression", ())
    flags = regex.IGNORECASE if option(options, "ignore_case", bool, True) else 0
    try:
        return Pattern(source, regex.compile(source, flags | regex.MULTILINE | regex.VERSION0))
    except (regex.error, ValueError) as error:
        raise CheckSpecError(f"pattern: is not a valid regular expression ({error})", ("pattern",)) from None


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    return Matches(ctx.targets, compile_pattern(options))


def build_not(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    return NotMatches(ctx.targets, compile_pattern(options))
