"""The step vocabulary every feature shares: files, epics, commands and what they print."""

from __future__ import annotations

import json

import yaml
from pytest_bdd import given, parsers, then, when

from tests.conftest import Workspace


@given(parsers.parse('a file "{name}" containing:'))
def a_file(workspace: Workspace, name: str, docstring: str) -> None:
    workspace.write(name, docstring + "\n")


@given(parsers.parse('a file "{name}" containing, with \\n as line breaks:'))
def a_file_from_example(workspace: Workspace, name: str, docstring: str) -> None:
    workspace.write(name, docstring.replace("\\n", "\n") + "\n")


@given(parsers.parse('an epic "{key}" whose {fmt} description is:'))
def an_epic(workspace: Workspace, key: str, fmt: str, docstring: str) -> None:
    text = docstring.replace("\\n", "\n")
    description: object = json.loads(text) if fmt == "ADF" else text
    epic = {"key": key, "summary": f"Epic {key}", "labels": ["ml"], "description": description}
    path = workspace.root / "epics.yaml"
    data = yaml.safe_load(path.read_text()) if path.exists() else {"epics": []}
    data["epics"].append(epic)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@when(parsers.parse('I run "{command}"'))
def i_run(workspace: Workspace, command: str) -> None:
    workspace.run(command)


@then(parsers.parse("the exit code is {code:d}"))
def exit_code(workspace: Workspace, code: int) -> None:
    result = workspace.result
    assert result.exit_code == code, (
        f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )


@then(parsers.parse('the output contains "{text}"'))
def output_contains(workspace: Workspace, text: str) -> None:
    assert text in workspace.result.stdout, workspace.result.stdout


@then(parsers.parse('the output does not contain "{text}"'))
def output_lacks(workspace: Workspace, text: str) -> None:
    assert text not in workspace.result.stdout, workspace.result.stdout


@then(parsers.parse('the error output contains "{text}"'))
def stderr_contains(workspace: Workspace, text: str) -> None:
    assert text in workspace.result.stderr, workspace.result.stderr


@then("the error output has no traceback")
def no_traceback(workspace: Workspace) -> None:
    assert "Traceback" not in workspace.result.stderr, workspace.result.stderr


@then(parsers.parse('epic "{key}" fails rule "{rule}"'))
def epic_fails(workspace: Workspace, key: str, rule: str) -> None:
    assert rule in _rules_failed(workspace, key)


@then(parsers.parse('epic "{key}" passes rule "{rule}"'))
def epic_passes(workspace: Workspace, key: str, rule: str) -> None:
    assert rule not in _rules_failed(workspace, key)


@then(parsers.parse('the report lists the epics "{keys}"'))
def report_lists(workspace: Workspace, keys: str) -> None:
    listed = [e["key"] for e in workspace.result.json()["epics"]]
    assert sorted(listed) == sorted(k.strip() for k in keys.split(","))


def _rules_failed(workspace: Workspace, key: str) -> set[str]:
    report = workspace.result.json()
    epics = {e["key"]: e for e in report["epics"]}
    assert key in epics, f"{key} not in the report: {sorted(epics)}; errors: {report['errors']}"
    return {f["rule"] for f in epics[key]["findings"]}


@then(parsers.parse('the file "{name}" is a JSON report with {count:d} epics'))
def json_report_file(workspace: Workspace, name: str, count: int) -> None:
    report = json.loads((workspace.root / name).read_text())
    assert report["version"] == 1
    assert len(report["epics"]) == count
    assert report["summary"]["epics_checked"] == count
