"""The step vocabulary every feature shares: files, epics, commands and what they print."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import xmlschema
import yaml
from pytest_bdd import given, parsers, then, when

from tests.conftest import Workspace
from tests.fakejira.data import ml_epic
from tests.fakejira.fixtures import FakeJiraFactory
from tests.fakejira.server import FakeJira

SITES = {"Cloud": "cloud", "Data Center": "dc"}
JUNIT_SCHEMA = xmlschema.XMLSchema(str(Path(__file__).parents[1] / "schemas" / "junit.xsd"))


@pytest.fixture
def site() -> dict[str, Any]:
    """The fake Jira of the scenario and the secrets it was given."""
    return {}


def serve(
    fake_jira: FakeJiraFactory, monkeypatch: pytest.MonkeyPatch, site: dict[str, Any], name: str
) -> FakeJira:
    fake = fake_jira(SITES[name])
    auth = fake.auth_kwargs()
    for variable in ("JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT", "CI"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("JIRA_URL", fake.url)
    if "token_auth" in auth:
        monkeypatch.setenv("JIRA_PAT", auth["token_auth"])
        site["secrets"] = [auth["token_auth"]]
    else:
        monkeypatch.setenv("JIRA_EMAIL", auth["basic_auth"][0])
        monkeypatch.setenv("JIRA_API_TOKEN", auth["basic_auth"][1])
        site["secrets"] = [auth["basic_auth"][1]]
    site["fake"] = fake
    return fake


@given(parsers.parse("a Jira {name} site with {count:d} ML epics"))
def jira_site(
    fake_jira: FakeJiraFactory, monkeypatch: pytest.MonkeyPatch, site: dict[str, Any], name: str, count: int
) -> None:
    fake = serve(fake_jira, monkeypatch, site, name)
    fake.add_issues([ml_epic(n) for n in range(1, count + 1)])


@given(parsers.parse('a file "{name}" containing:'))
def a_file(workspace: Workspace, name: str, docstring: str) -> None:
    workspace.write(name, docstring + "\n")


@given(parsers.parse('a file "{name}" containing, with \\n as line breaks:'))
def a_file_from_example(workspace: Workspace, name: str, docstring: str) -> None:
    """\\n is a line break; \\xNN a raw byte (to write control characters and invalid UTF-8)."""
    text = docstring.replace("\\n", "\n") + "\n"
    raw = re.sub(rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), text.encode())
    (workspace.root / name).parent.mkdir(parents=True, exist_ok=True)
    (workspace.root / name).write_bytes(raw)


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
@when(parsers.parse('I run "{command}" against Jira'))
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


def _render(fmt: str, title: str, body: str) -> object:
    """One titled section in the given markup; body lines starting with "- " are a list."""
    lines = body.replace("\\n", "\n").split("\n")  # Gherkin tables already turn \n into a newline
    if fmt == "wiki":
        return f"h2. {title}\n" + "\n".join(("* " + ln[2:]) if ln.startswith("- ") else ln for ln in lines)
    if fmt == "Markdown":
        return f"## {title}\n" + "\n".join(lines)
    assert fmt == "ADF", fmt
    content: list[dict[str, object]] = [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": title}]}
    ]
    for line in lines:
        paragraph = {"type": "paragraph", "content": [{"type": "text", "text": line.removeprefix("- ")}]}
        if line.startswith("- "):
            content.append({"type": "bulletList", "content": [{"type": "listItem", "content": [paragraph]}]})
        else:
            content.append(paragraph)
    return {"type": "doc", "version": 1, "content": content}


@given(parsers.parse('an epic "{key}" in {fmt} with the section "{title}" saying "{body}"'))
def an_epic_with_section(workspace: Workspace, key: str, fmt: str, title: str, body: str) -> None:
    epic = {"key": key, "summary": f"Epic {key}", "labels": ["ml"], "description": _render(fmt, title, body)}
    (workspace.root / "epics.yaml").write_text(yaml.safe_dump({"epics": [epic]}, allow_unicode=True))


@then(parsers.parse('epic "{key}" is not selected by any rule'))
def not_selected(workspace: Workspace, key: str) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    assert epics[key]["rules_applied"] == 0 and not epics[key]["findings"]


@then(parsers.parse('epic "{key}" has these findings by severity:'))
def findings_by_severity(workspace: Workspace, key: str, datatable: list[list[str]]) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    found: dict[str, set[str]] = {}
    for finding in epics[key]["findings"]:
        found.setdefault(finding["severity"], set()).add(finding["rule"])
    expected = {row[0]: {r.strip() for r in row[1].split(",")} for row in datatable[1:]}
    assert found == expected


@then(parsers.parse('the file "{name}" still contains "{text}"'))
def file_still_contains(workspace: Workspace, name: str, text: str) -> None:
    assert text in (workspace.root / name).read_text()


@then(parsers.parse('the file "{name}" is a complete report that stopped with "{text}"'))
def stopped_report(workspace: Workspace, name: str, text: str) -> None:
    report = json.loads((workspace.root / name).read_text())
    assert [e["key"] for e in report["epics"]] == ["ML-7"]
    assert any(e["key"] == "(run stopped)" and text in e["message"] for e in report["errors"])


@then(parsers.parse('epic "{key}" has {rule} excused by a {kind} "{reason}"'))
def excused_by(workspace: Workspace, key: str, rule: str, kind: str, reason: str) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    assert {"rule": rule, "kind": kind, "reason": reason}.items() <= next(
        (e for e in epics[key]["excused"] if e["rule"] == rule), {}
    ).items(), epics[key]["excused"]


@then(parsers.parse('the finding "{rule}" on "{key}" says "{text}"'))
def finding_says(workspace: Workspace, rule: str, key: str, text: str) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    assert any(f["rule"] == rule and text in f["message"] for f in epics[key]["findings"])


@then(parsers.parse("the report's summary counts {count:d} findings excused by waivers"))
def excused_count(workspace: Workspace, count: int) -> None:
    assert workspace.result.json()["summary"]["excused"]["waiver"] == count


@then(parsers.parse('the report lists {count:d} unused waiver mentioning "{text}"'))
def unused_waivers(workspace: Workspace, count: int, text: str) -> None:
    unused = workspace.result.json()["summary"]["unused_waivers"]
    assert len(unused) == count and text in unused[0], unused


@then(parsers.parse('the file "{name}" is JUnit XML with {cases:d} test cases and {failures:d} failures'))
def junit_file(workspace: Workspace, name: str, cases: int, failures: int) -> None:
    import xml.etree.ElementTree as ET

    JUNIT_SCHEMA.validate(str(workspace.root / name))  # what CI servers read
    suite = ET.parse(workspace.root / name).getroot().find("testsuite")
    assert suite is not None
    assert int(suite.get("tests", "0")) == len(suite.findall("testcase")) == cases
    assert int(suite.get("failures", "0")) == len(suite.findall("testcase/failure")) == failures


@given(parsers.parse('the GitHub step summary file is "{name}"'))
def step_summary(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workspace.root / name))


def _adf_text(line: str) -> list[dict[str, object]]:
    return [{"type": "text", "text": line}] if line else []


def _adf_para(line: str) -> dict[str, object]:
    return {"type": "paragraph", "content": _adf_text(line)}


def _shaped(fmt: str, kind: str, title: str, body: str) -> object:
    """A description holding one statement in one kind of passage, in the given markup."""
    wiki = {
        "heading": f"h2. {title}\n{body}",
        "question heading": f"h3. {title}?\n{body}",
        "list lead": f"# Intro\n# {title} — {body}",
        "question and answer": f"Q: {title}?\nA: {body}",
        "table row": f"||Question||Answer||\n|{title}?|{body}|",
        "table column": f"||Owner||{title}||\n|Dana Lee|{body}|",
        "nested item": f"* {title} ->\n** {body}",
        "paragraph under Notes": f"h2. Notes\n{body}",
        "panel": f"{{panel:title={title}}}\n{body}\n{{panel}}",
        "checklist item": f"* [x] {body}",
    }
    markdown = {
        "heading": f"## {title}\n{body}",
        "question heading": f"### {title}?\n{body}",
        "list lead": f"1. Intro\n2. {title} — {body}",
        "question and answer": f"Q: {title}?\nA: {body}",
        "table row": f"| Question | Answer |\n|---|---|\n| {title}? | {body} |",
        "table column": f"| Owner | {title} |\n|---|---|\n| Dana Lee | {body} |",
        "nested item": f"- {title} ->\n  - {body}",
        "paragraph under Notes": f"## Notes\n{body}",
        "checklist item": f"- [x] {body}",
    }
    if fmt == "wiki":
        return wiki[kind]
    if fmt == "Markdown":
        return markdown[kind]
    assert fmt == "ADF", fmt
    return {"type": "doc", "version": 1, "content": _adf_blocks(kind, title, body)}


def _adf_node(kind: str, *content: dict[str, object], **attrs: object) -> dict[str, object]:
    node: dict[str, object] = {"type": kind, "content": list(content)}
    if attrs:
        node["attrs"] = attrs
    return node


def _adf_blocks(kind: str, title: str, body: str) -> list[dict[str, object]]:
    def heading(level: int, text: str) -> dict[str, object]:
        return _adf_node("heading", *_adf_text(text), level=level)

    def items(kind_: str, *paragraphs: str) -> dict[str, object]:
        return _adf_node(kind_, *(_adf_node("listItem", _adf_para(p)) for p in paragraphs))

    def table(*rows: tuple[str, str]) -> dict[str, object]:
        cells = [["tableHeader" if i == 0 else "tableCell"] * 2 for i in range(len(rows))]
        return _adf_node(
            "table",
            *(
                _adf_node("tableRow", *(_adf_node(c, _adf_para(t)) for c, t in zip(kinds, row, strict=True)))
                for kinds, row in zip(cells, rows, strict=True)
            ),
        )

    nested = _adf_node("listItem", _adf_para(f"{title} ->"), items("bulletList", body))
    blocks: dict[str, list[dict[str, object]]] = {
        "heading": [heading(2, title), _adf_para(body)],
        "question heading": [heading(3, f"{title}?"), _adf_para(body)],
        "list lead": [items("orderedList", "Intro", f"{title} — {body}")],
        "question and answer": [_adf_para(f"Q: {title}?"), _adf_para(f"A: {body}")],
        "table row": [table(("Question", "Answer"), (f"{title}?", body))],
        "table column": [table(("Owner", title), ("Dana Lee", body))],
        "nested item": [_adf_node("bulletList", nested)],
        "paragraph under Notes": [heading(2, "Notes"), _adf_para(body)],
        "panel": [_adf_node("panel", _adf_para(body), panelType="info", title=title)],
        "expand": [_adf_node("expand", _adf_para(body), title=title)],
        "decision item": [
            heading(2, title),
            _adf_node("decisionList", _adf_node("decisionItem", *_adf_text(body), state="DECIDED")),
        ],
        "checklist item": [_adf_node("taskList", _adf_node("taskItem", *_adf_text(body), state="DONE"))],
    }
    return blocks[kind]


@given(parsers.parse('an epic "{key}" in {fmt} whose {kind} "{title}" says "{body}"'))
def an_epic_with_passage(workspace: Workspace, key: str, fmt: str, kind: str, title: str, body: str) -> None:
    epic = {
        "key": key,
        "summary": f"Epic {key}",
        "labels": ["ml"],
        "description": _shaped(fmt, kind, title, body),
    }
    (workspace.root / "epics.yaml").write_text(yaml.safe_dump({"epics": [epic]}, allow_unicode=True))


@then(parsers.parse('the evidence for "{rule}" on "{key}" is {verdict} in {where}'))
def evidence_is(workspace: Workspace, rule: str, key: str, verdict: str, where: str) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    evidence = {e["rule"]: e for e in epics[key]["evidence"]}[rule]
    assert evidence["passed"] == (verdict == "passed"), evidence
    assert where in evidence["where"], evidence


@then(parsers.parse('the evidence for "{rule}" on "{key}" gives the reason "{reason}"'))
def evidence_reason(workspace: Workspace, rule: str, key: str, reason: str) -> None:
    epics = {e["key"]: e for e in workspace.result.json()["epics"]}
    evidence = {e["rule"]: e for e in epics[key]["evidence"]}[rule]
    assert reason in evidence["reason"], evidence
