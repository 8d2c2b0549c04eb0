"""Rules × epics → findings. Pure and streaming: no I/O, one epic at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ticketlint.checks import Outcome
from ticketlint.checks.matches import PatternTimeout
from ticketlint.model import Epic, EpicResult, Evidence, Finding, Seen, Unreadable
from ticketlint.overrides import Override, effective
from ticketlint.rulefile import Rule
from ticketlint.selector import AllOf

UNASSIGNED = "the epic's owner"


@dataclass(frozen=True)
class Checked:
    """One epic's result and the rules that applied to it (none: no rule selects it)."""

    result: EpicResult
    applied: tuple[str, ...] = ()

    @property
    def rules_applied(self) -> int:
        return len(self.applied)


def evaluate_epic(rules: Sequence[Rule], epic: Epic, overrides: Sequence[Override] = ()) -> Checked:
    findings = []
    evidence = []
    applied: list[str] = []
    selected: dict[AllOf, bool] = {}  # rules of one pack share its selector: decide it once
    for base in rules:
        rule = effective(base, epic, overrides) if overrides else base
        if rule is None or rule.severity is None:
            continue
        if rule.selector not in selected:
            selected[rule.selector] = rule.selector.matches(epic)
        if not selected[rule.selector]:
            continue
        applied.append(rule.id)
        try:
            outcome = rule.check.evaluate(epic)
        except PatternTimeout as error:
            raise PatternTimeout(f'rule "{rule.id}": {error}') from None
        evidence.append(_evidence(rule.id, outcome))
        if outcome.passed:
            continue
        message = rule.message.format_map(
            {
                "key": epic.key,
                "summary": epic.summary,
                "owner": epic.owner or UNASSIGNED,
                "target": outcome.target,
                "value": outcome.value or "nothing",
                "rule": rule.id,
                "severity": rule.severity.value,
            }
        )
        findings.append(Finding(rule.id, rule.severity, message, outcome.target))
    return Checked(EpicResult(epic, tuple(findings), evidence=tuple(evidence)), tuple(applied))


def _evidence(rule: str, outcome: Outcome) -> Evidence:
    """What decided a rule: the outcome's own target and quote, and every candidate seen."""
    looked = outcome.seen or (Seen(outcome.target, outcome.value, outcome.passed, outcome.reason),)
    return Evidence(rule, outcome.passed, outcome.target, outcome.value, outcome.reason, looked)


def evaluate(
    rules: Sequence[Rule], items: Iterable[Epic | Unreadable], overrides: Sequence[Override] = ()
) -> Iterator[Checked | Unreadable]:
    """Evaluate epics as they arrive; an epic too malformed to evaluate becomes Unreadable.

    A rule that is off may be switched on for some epics by an override, so it is kept.
    """
    switched_on = {rid for o in overrides for rid, variant in o.variants.items() if variant is not None}
    active = [r for r in rules if r.severity is not None or r.id in switched_on]
    for item in items:
        if isinstance(item, Unreadable):
            yield item
            continue
        try:
            yield evaluate_epic(active, item, overrides)
        except RecursionError:
            yield Unreadable(item.key, "the epic is nested too deeply to evaluate", "")
        except PatternTimeout as error:
            yield Unreadable(item.key, str(error), "")
