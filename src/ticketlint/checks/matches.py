"""``matches`` / ``not_matches``: a regular expression is (or is not) found in the target.

Options: ``pattern`` (Python regular expression, searched anywhere in the text),
``ignore_case`` (default true) and ``what``: what the pattern stands for, in a few words
("a deferral"), for the explanation of a finding. ``not_matches`` passes when no
target's text matches.

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
    what: str

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(
            epic, self.targets, lambda v: self.pattern.search(v.text), lambda v: f"no {self.what}"
        )


@dataclass(frozen=True)
class NotMatches:
    targets: tuple[Target, ...]
    pattern: Pattern
    what: str

    def evaluate(self, epic: Epic) -> Outcome:
        for target in self.targets:
            for value in values_of(target, epic):
                found = self.pattern.find(value.text)
                if found is not None:
                    return Outcome(False, value.target, shown(value.text), f'{self.what}: "{shown(found)}"')
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
        return self._match(text) is not None

    def find(self, text: str) -> str | None:
        """The line the pattern matches in (for a short quote), or None."""
        match = self._match(text)
        if match is None:
            return None
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        return text[start : end if end >= 0 else len(text)]

    def _match(self, text: str) -> regex.Match[str] | None:
        try:
            return self.compiled.search(text, timeout=SEARCH_SECONDS)
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


def _what(options: Options, pattern: Pattern) -> str:
    return option(options, "what", str) or f"text matching {pattern.source!r}"


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    pattern = compile_pattern(options)
    return Matches(ctx.targets, pattern, _what(options, pattern))


def build_not(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    pattern = compile_pattern(options)
    return NotMatches(ctx.targets, pattern, _what(options, pattern))
