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

from ticketlint.checks.base import Check, Outcome, shown, values_of
from ticketlint.model import Epic, Seen
from ticketlint.targets import Target


class _Scoped(ChainMap[object, Any]):
    """The rule's targets from the overlay; anything else a check resolves is remembered
    on the epic itself, so the next candidate (and the next rule) need not resolve it again."""

    def __setitem__(self, key: object, value: Any) -> None:
        self.maps[0 if key in self.maps[0] else 1][key] = value


_SCOPED = object()


def _scoped(epic: Epic) -> tuple[Epic, dict[object, Any]]:
    """The epic as a rule sees it while judging one candidate, and the overlay holding the
    candidate: made once per epic, the overlay refilled for each candidate (rules are
    judged one at a time)."""
    made = epic.memo.get(_SCOPED)
    if made is None:
        overlay: dict[object, Any] = {}
        made = epic.memo[_SCOPED] = (replace(epic, memo=_Scoped(overlay, epic.memo)), overlay)
    return made


@dataclass(frozen=True)
class EachCandidate:
    targets: tuple[Target, ...]
    check: Check

    def evaluate(self, epic: Epic) -> Outcome:
        seen: list[Seen] = []
        failed: list[tuple[Outcome, bool]] = []  # each failure, and whether it is a place to write
        scoped, overlay = _scoped(epic)
        for target in self.targets:
            for value in values_of(target, epic):
                overlay.clear()
                overlay.update({t: [] for t in self.targets})
                overlay[target] = [value]
                outcome = self.check.evaluate(scoped)
                quote = shown(value.text)
                reason = outcome.reason if value.present else "nothing found about it"
                seen.append(Seen(value.target, quote, outcome.passed, "" if outcome.passed else reason))
                if outcome.passed:
                    return Outcome(True, value.target, quote, seen=tuple(seen))
                failed.append((Outcome(False, value.target, quote, reason), value.placed and value.present))
        # Where a person should write: the first titled passage or field that says something,
        # else the first titled one; a sentence found in running text is not such a place.
        placed = [outcome for outcome, is_placed in failed if is_placed]
        decided = next((o for o in placed if o.value), placed[0] if placed else None)
        if decided is None:
            found = [o for o, _ in failed if o.value]
            reason = found[0].reason if found else "nothing found about it"
            return Outcome(False, self.targets[0].describe(), "", reason, tuple(seen))
        return Outcome(False, decided.target, decided.value, decided.reason, tuple(seen))
