"""Config ``overrides:``: change a rule for some epics (a project, a label, a component)
without writing a pack: its severity, message or targets, or switch it off there.

Entries are tried in order and the last one that selects an epic wins for that rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ticketlint.checks import CheckSpecError, compile_check
from ticketlint.errors import ConfigError, Problem
from ticketlint.model import Epic, Severity
from ticketlint.rulefile import Rule, message_problems
from ticketlint.selector import Selector, build_selector
from ticketlint.targets import TargetSpecError, build_targets


@dataclass(frozen=True)
class Override:
    """One entry: which epics, and the rule variants (None: the rule is off there)."""

    selector: Selector
    variants: Mapping[str, Rule | None]
    where: str


def compile_overrides(
    entries: Sequence[Mapping[str, Any]], places: Sequence[Problem], rules: Sequence[Rule]
) -> tuple[Override, ...]:
    """Compile the config's overrides against the rules of this run; every problem at once."""
    by_id = {r.id: r for r in rules}
    problems: list[Problem] = []
    compiled = []
    for entry, place in zip(entries, places, strict=True):
        variants: dict[str, Rule | None] = {}
        for rule_id, change in (entry.get("rules") or {}).items():
            rule = by_id.get(rule_id)
            if rule is None:
                known = ", ".join(sorted(by_id))
                problems.append(
                    replace(place, message=f"override: no rule has the id {rule_id!r}; rules: {known}")
                )
                continue
            try:
                variants[rule_id] = None if change == "off" else _variant(rule, change)
            except (CheckSpecError, TargetSpecError, ValueError) as error:
                problems.append(replace(place, message=f'override of "{rule_id}": {error}', rule=rule_id))
        compiled.append(Override(build_selector(entry.get("select")), variants, f"{place.path}:{place.line}"))
    if problems:
        raise ConfigError(problems)
    return tuple(compiled)


def _variant(rule: Rule, change: Mapping[str, Any]) -> Rule | None:
    severity = change.get("severity")
    if severity == "off":
        return None
    message = change.get("message", rule.message)
    for problem in message_problems(message):
        raise ValueError(problem)
    check = rule.check
    if "targets" in change:
        targets = build_targets(change["targets"], rule.others, rule.concepts)
        check = compile_check(rule.spec["check"], targets, rule.hints, rule.others, rule.concepts)
    return replace(
        rule,
        severity=Severity(severity) if severity else rule.severity,
        message=message.strip(),
        check=check,
        overridden=True,
    )


def effective(rule: Rule, epic: Epic, overrides: Sequence[Override]) -> Rule | None:
    """The rule as it applies to this epic: the last override selecting it wins."""
    chosen: Rule | None = rule
    for override in overrides:
        if rule.id in override.variants and override.selector.matches(epic):
            chosen = override.variants[rule.id]
    return chosen
