"""The built-in pack flags exactly the decisions examples/expected.yaml labels as missing."""

from __future__ import annotations

import yaml

from tests.conftest import EXAMPLES, Workspace


def test_bundled_examples_match_their_labels(workspace: Workspace) -> None:
    expected = yaml.safe_load((EXAMPLES.parent / "expected.yaml").read_text())
    report = workspace.run("ticketlint check --source {examples} --format json").json()
    epics = {e["key"]: e for e in report["epics"]}
    wrong = []
    for key, labels in expected.items():
        failed = {f["rule"] for f in epics[key]["findings"]}
        if labels.get("skipped"):
            assert epics[key]["rules_applied"] == 0, f"{key} should not be selected"
            continue
        wrong += [
            f"{key} {rule}: labelled {label}"
            for rule, label in labels.items()
            if (rule in failed) != (label == "missing")
        ]
    assert not wrong, "\n".join(wrong)
