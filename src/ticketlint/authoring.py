"""Tools for people who write rules: validate packs and configs, run rule examples, list
and explain rules. The CLI's ``rules`` commands print what these return.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ticketlint.config import CONFIG_NAME, load_config
from ticketlint.engine import evaluate_epic
from ticketlint.errors import FileProblems, Problem, RuleFileError, TicketlintError
from ticketlint.fields import FieldCatalog
from ticketlint.model import Severity
from ticketlint.overrides import compile_overrides
from ticketlint.rulefile import Rule, RuleSet, load_rules
from ticketlint.targets import referenced_concepts
from ticketlint.trackers.file import issue_from_yaml
from ticketlint.trackers.issue import epic_from_issue
from ticketlint.waivers import config_waivers
from ticketlint.yamlfile import YamlProblem, load_yaml

TESTS_SUFFIX = ".tests.yaml"


def validate(paths: Sequence[Path], cwd: Path) -> list[Problem]:
    """Every problem in the given packs and configs (a config's packs are checked too)."""
    problems: list[Problem] = []
    for path in paths:
        try:
            if path.name == CONFIG_NAME:
                config = load_config(path, cwd)
                ruleset = load_rules(config.rules, config.base)
                config_waivers(config, ruleset.ids())
                compile_overrides(config.overrides, config.override_places, ruleset.rules)
            else:
                load_rules([str(path)], cwd)
        except FileProblems as error:
            problems.extend(error.problems)
        except TicketlintError as error:
            problems.append(Problem(str(path), 1, 1, str(error)))
    return problems


@dataclass(frozen=True)
class CaseResult:
    """One example epic of one rule: did the rule pass or fail on it as the author said?"""

    rule: str
    pack: str
    expected: str  # "pass" | "fail"
    key: str
    ok: bool
    detail: str


def _cases(rule: Rule, extra: Mapping[str, Any]) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    for source in (rule.spec.get("examples") or {}, extra.get(rule.id) or {}):
        for kind in ("pass", "fail"):
            for index, example in enumerate(source.get(kind) or []):
                yield kind, index, example


def run_examples(ruleset: RuleSet, extra: Mapping[str, Any]) -> list[CaseResult]:
    """Evaluate every rule's examples (from the pack and from test files) against it alone."""
    results = []
    for rule in ruleset.rules:
        alone = replace(rule, severity=rule.severity or Severity.ERROR)  # an "off" rule is still tested
        for kind, index, example in _cases(rule, extra):
            key = str(example.get("key") or f"EX-{index + 1}")
            data = {"labels": ["ml"], "summary": "Example", **example, "key": key}
            try:
                epic = epic_from_issue(issue_from_yaml(data), FieldCatalog(), data.get("description_format"))
            except (ValueError, KeyError) as error:
                results.append(
                    CaseResult(rule.id, rule.pack, kind, key, False, f"not a valid example: {error}")
                )
                continue
            checked = evaluate_epic([alone], epic)
            failed = bool(checked.result.findings)
            if checked.rules_applied == 0:
                ok, detail = False, "the rule's selector does not select this example"
            elif failed == (kind == "fail"):
                ok, detail = True, ""
            else:
                ok = False
                detail = (
                    f"expected a finding, got none ({_looked_at(alone, epic)})"
                    if kind == "fail"
                    else f"expected no finding, got: {checked.result.findings[0].message}"
                )
            results.append(CaseResult(rule.id, rule.pack, kind, key, ok, detail))
    return results


def _looked_at(rule: Rule, epic: Any) -> str:
    outcome = rule.check.evaluate(epic)
    return f"looked at {outcome.target}: {outcome.value or 'nothing'}"


def load_test_files(pack_paths: Sequence[Path], known: set[str]) -> dict[str, Any]:
    """Examples in ``<pack>.tests.yaml`` beside each pack: ``tests: {rule-id: {pass, fail}}``."""
    merged: dict[str, Any] = {}
    problems: list[Problem] = []
    for pack in pack_paths:
        path = pack.with_name(pack.stem + TESTS_SUFFIX)
        if not path.is_file():
            continue
        try:
            located = load_yaml(path)
        except YamlProblem as error:
            raise RuleFileError([error.problem]) from None
        tests = located.data.get("tests") if isinstance(located.data, dict) else None
        if not isinstance(tests, dict):
            problems.append(
                located.problem((), "a test file is a mapping tests: {rule-id: {pass: [...], fail: [...]}}")
            )
            continue
        for rule_id, cases in tests.items():
            if rule_id not in known:
                problems.append(
                    located.problem(
                        ("tests", rule_id), f'no rule "{rule_id}" in the packs tested', rule_id, at_key=True
                    )
                )
            elif not isinstance(cases, dict) or not set(cases) <= {"pass", "fail"}:
                problems.append(
                    located.problem(("tests", rule_id), "expected pass: and/or fail: lists", rule_id)
                )
            else:
                merged.setdefault(rule_id, {"pass": [], "fail": []})
                for kind in ("pass", "fail"):
                    merged[rule_id][kind] += list(cases.get(kind) or [])
    if problems:
        raise RuleFileError(problems)
    return merged


def describe_rule(rule: Rule) -> str:
    """What a rule checks, where it looks, its message, examples and docs: for ``rules explain``."""
    severity = rule.severity.value if rule.severity else "off"
    spec = rule.spec
    examples = spec.get("examples") or {}
    lines = [
        f"{rule.id}  ({severity}, pack {rule.pack}{', overridden' if rule.overridden else ''})",
        f"  {rule.description}",
        "",
        "Applies to: " + (_yaml(_selectors(rule), flow=True) if rule.selector_specs else "all epics"),
    ]
    if spec.get("targets"):
        lines.append("Looks at:   " + _yaml(spec["targets"], flow=True))
        lines += _concept_lines(rule)
    lines += ["Check:", _indented(_yaml(spec["check"], flow=False))]
    lines.append("Message:    " + rule.message)
    passing, failing = len(examples.get("pass") or []), len(examples.get("fail") or [])
    lines.append(f"Examples:   {passing} that pass, {failing} that fail")
    if rule.docs:
        lines.append(f"Docs:       {rule.docs}")
    lines.append(f"Defined at: {rule.origin}")
    return "\n".join(lines)


def _concept_lines(rule: Rule) -> list[str]:
    """How each concept the rule looks at is found: its names, cues and fields."""
    lines = []
    for concept_id in sorted(referenced_concepts(rule.spec)):
        if rule.concepts is None or concept_id not in rule.concepts:
            continue
        concept = rule.concepts[concept_id]
        lines.append(f'  "{concept_id}": {concept.description}'.rstrip(": "))
        for label, words in (
            ("named by", concept.names),
            ("shown by", concept.cues),
            ("fields", concept.fields),
        ):
            if words:
                lines.append(f"    {label}: {', '.join(words)}")
        if concept.patterns:
            lines.append(f"    and {len(concept.patterns)} pattern(s) in running text")
    return lines


def _selectors(rule: Rule) -> list[Any]:
    return [dict(s) for s in rule.selector_specs]


def _yaml(data: Any, *, flow: bool) -> str:
    return yaml.safe_dump(
        data, default_flow_style=flow, sort_keys=False, width=10_000, allow_unicode=True
    ).strip()


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.rstrip().splitlines())
