"""``matches`` / ``not_matches``: a regular expression is (or is not) found in the target.

Options: ``pattern`` (Python regular expression, searched anywhere in the text) and
``ignore_case`` (default true). ``not_matches`` passes when no target's text matches.

    check:
      matches: {pattern: '\\d+(\\.\\d+)?\\s*%'}
"""

from __future__ import annotations

import re
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
    values_of,
)
from ticketlint.model import Epic
from ticketlint.targets import Target


@dataclass(frozen=True)
class Matches:
    targets: tuple[Target, ...]
    pattern: re.Pattern[str]

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, lambda v: bool(self.pattern.search(v.text)))


@dataclass(frozen=True)
class NotMatches:
    targets: tuple[Target, ...]
    pattern: re.Pattern[str]

    def evaluate(self, epic: Epic) -> Outcome:
        for target in self.targets:
            for value in values_of(target, epic):
                if self.pattern.search(value.text):
                    return Outcome(False, value.target, shown(value.text))
        return Outcome(True, self.targets[0].describe(), "")


def compile_pattern(options: Options) -> re.Pattern[str]:
    pattern = option(options, "pattern", str)
    if pattern is None:
        raise CheckSpecError("needs pattern: a regular expression", ())
    flags = re.IGNORECASE if option(options, "ignore_case", bool, True) else 0
    try:
        return re.compile(pattern, flags | re.MULTILINE)
    except re.error as error:
        raise CheckSpecError(f"pattern: is not a valid regular expression ({error})", ("pattern",)) from None


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    return Matches(ctx.targets, compile_pattern(options))


def build_not(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    return NotMatches(ctx.targets, compile_pattern(options))
