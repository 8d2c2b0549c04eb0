"""Every rule of every built-in pack passes its own pass examples and fails its fail examples."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ticketlint.engine import evaluate_epic
from ticketlint.fields import FieldCatalog
from ticketlint.model import Severity
from ticketlint.rulefile import Rule, builtin_names, load_rules
from ticketlint.trackers.file import issue_from_yaml
from ticketlint.trackers.issue import epic_from_issue

RULES = [r for name in builtin_names() for r in load_rules([f"builtin:{name}"], Path.cwd()).rules]
CASES = [
    pytest.param(rule, kind, example, id=f"{rule.id}-{kind}-{example['key']}")
    for rule in RULES
    for kind in ("pass", "fail")
    for example in rule.spec.get("examples", {}).get(kind, [])
]


def test_every_builtin_rule_has_pass_and_fail_examples() -> None:
    for rule in RULES:
        examples = rule.spec.get("examples", {})
        assert examples.get("pass") and examples.get("fail"), rule.id


@pytest.mark.parametrize(("rule", "kind", "example"), CASES)
def test_builtin_rule_examples(rule: Rule, kind: str, example: dict[str, object]) -> None:
    example = {"labels": ["ml"], "summary": "Example", **example}
    epic = epic_from_issue(issue_from_yaml(example), FieldCatalog())
    rule_for_example = replace(rule, severity=rule.severity or Severity.ERROR)
    checked = evaluate_epic([rule_for_example], epic)
    failed = bool(checked.result.findings)
    assert checked.rules_applied == 1, "the example must be selected by the rule"
    assert failed == (kind == "fail"), checked.result.findings
