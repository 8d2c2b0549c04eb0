"""A rule about a concept judges each passage about it on its own (see ``ConceptTarget``).

"Strategy and owner" must be said together: an owner named for the baseline two sections
away does not make a remediation plan. So a rule whose targets include a concept passes
when one candidate satisfies its whole check; every candidate tried is kept as evidence
(where it is, a quote, whether it counted and why not).
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass, replace
from typing import Any

from ticketlint.checks.base import Check, Outcome, Seen, shown, values_of
from ticketlint.model import Epic
from ticketlint.targets import Target


@dataclass(frozen=True)
class EachCandidate:
    targets: tuple[Target, ...]
    check: Check

    def evaluate(self, epic: Epic) -> Outcome:
        seen: list[Seen] = []
        failed: list[Outcome] = []
        for target in self.targets:
            for value in values_of(target, epic):
                overlay: dict[object, Any] = {t: [] for t in self.targets}
                overlay[target] = [value]
                outcome = self.check.evaluate(replace(epic, memo=ChainMap(overlay, epic.memo)))
                quote = shown(value.text)
                reason = outcome.reason if value.present else "nothing found about it"
                seen.append(Seen(value.target, quote, outcome.passed, "" if outcome.passed else reason))
                if outcome.passed:
                    return Outcome(True, value.target, quote, seen=tuple(seen))
                failed.append(Outcome(False, value.target, quote, reason))
        # The first candidate that says something is the one a person should look at.
        decided = next((o for o, s in zip(failed, seen, strict=True) if s.quote), failed[0])
        return Outcome(False, decided.target, decided.value, decided.reason, tuple(seen))
