"""The JSON report matches its published schema, passing epics included."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from tests.conftest import Workspace
from ticketlint.validation import load_schema


def test_json_report_validates_against_published_schema(workspace: Workspace) -> None:
    workspace.write("broken.jsonl", '{"key": "ML-9", "fields": {"summary": "x"\n')
    run = workspace.run("ticketlint check --source {examples} --source broken.jsonl --format json")
    report = json.loads(run.stdout)
    Draft202012Validator(load_schema("report.schema.json")).validate(report)
    assert report["summary"]["epics_checked"] == len(report["epics"]) == 14
    assert report["summary"]["epics_unreadable"] == len(report["errors"]) == 1
    assert any(not e["findings"] for e in report["epics"])
