"""``mentions``: the target mentions any (or all) of the given phrases.

Options: exactly one of ``any`` or ``all``, each a list of phrases. Matching ignores
case, punctuation and spacing, accepts a plural of the last word unless it is an
acronym ("false positive" matches "false positives"; "FP" does not match "FPS") and
respects word boundaries.

    check:
      mentions: {any: [false positive, false negative, symmetric]}
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
)
from ticketlint.fields import Value
from ticketlint.model import Epic
from ticketlint.targets import Target


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words in order, any case and spacing; the last word may take a plural ending."""
    words = [re.escape(w) for w in re.findall(r"\w+", phrase)]
    if len(words[-1]) > 2 and not words[-1].isupper():  # "FP" must not match "FPS"
        words[-1] += "(?:e?s)?"
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(words) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Mentions:
    targets: tuple[Target, ...]
    phrases: tuple[re.Pattern[str], ...]
    need_all: bool

    def _passes(self, value: Value) -> bool:
        found = (bool(p.search(value.text)) for p in self.phrases)
        return value.present and (all(found) if self.need_all else any(found))

    def evaluate(self, epic: Epic) -> Outcome:
        return first_passing(epic, self.targets, self._passes)


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets(options)
    modes = [m for m in ("any", "all") if m in options]
    if len(modes) != 1:
        raise CheckSpecError("needs exactly one of any: or all: (a list of phrases)")
    phrases = options[modes[0]]
    if not isinstance(phrases, list) or not phrases:
        raise CheckSpecError(f"{modes[0]}: needs a list of phrases", (modes[0],))
    for index, phrase in enumerate(phrases):
        if not isinstance(phrase, str) or not re.search(r"\w", phrase):
            raise CheckSpecError("each phrase needs at least one word", (modes[0], index))
    return Mentions(ctx.targets, tuple(phrase_pattern(p) for p in phrases), modes[0] == "all")
