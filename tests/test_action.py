"""The GitHub Action: its run step against the fake Jira, and the workflows that use it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.fakejira.data import ml_epic
from tests.fakejira.fixtures import FakeJiraFactory
from tests.fakejira.server import FakeJira
from ticketlint.init import WORKFLOW

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
WORKFLOWS = sorted((REPO / "examples" / "workflows").glob("*.yml"))


def _run_action(
    tmp_path: Path, fake: FakeJira | None, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """The Action's run step in bash, as a runner would call it; its outputs file, parsed."""
    outputs, summary = tmp_path / "outputs.txt", tmp_path / "summary.md"
    outputs.write_text("")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("JIRA_", "INPUT_", "GITHUB_"))},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary), "CI": "true",
        **{f"INPUT_{name.upper()}": value for name, value in inputs.items()},
    }  # fmt: skip
    if fake is not None:
        token = fake.auth_kwargs()["basic_auth"]
        env.update({"JIRA_URL": fake.url, "JIRA_EMAIL": token[0], "JIRA_API_TOKEN": token[1]})
    done = subprocess.run(
        ["bash", str(REPO / "action" / "run.sh")], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    written = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return done, written


def test_the_action_run_step_writes_summary_outputs_and_reports(
    fake_jira: FakeJiraFactory, tmp_path: Path
) -> None:
    fake = fake_jira("cloud")
    fake.add_issues([ml_epic(n) for n in range(1, 6)])
    done, written = _run_action(
        tmp_path, fake, command="check", fail_on="error", epics="ML-1 ML-2 ML-3",
        formats="json:report.json html:report.html",
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # the epics miss decisions
    assert "::error title=ML-1 roles-assigned::" in done.stdout
    assert fake.auth_kwargs()["basic_auth"][1] not in done.stdout + done.stderr
    assert written["epics-checked"] == "3"
    assert written["epics-failing"] == "3"
    assert int(written["findings-error"]) > 0
    assert written["reports"] == "report.json report.html"
    assert "write-requests" not in written  # check writes nothing
    assert "# ML kickoff readiness" in (tmp_path / "summary.md").read_text()
    assert (tmp_path / "report.json").is_file() and (tmp_path / "report.html").is_file()
    assert not [r for r in fake.requests if r.method != "GET"]


def test_the_action_applies_within_its_write_budget(fake_jira: FakeJiraFactory, tmp_path: Path) -> None:
    fake = fake_jira("cloud")
    fake.add_issues([ml_epic(n) for n in range(1, 6)])
    done, written = _run_action(tmp_path, fake, command="apply", max_writes="4", formats="")
    assert done.returncode == 1, done.stderr
    assert written["write-requests"] == "4"  # two epics: a comment and a label update each
    assert written["epics-left"] == "3"
    assert written["writes-failed"] == "0"
    assert sum(1 for n in range(1, 6) if fake.comments(f"ML-{n}")) == 2
    summary = (tmp_path / "summary.md").read_text()
    assert "Written to Jira: created 2 comments" in summary
    assert "Left for the next run (write limit 4): 3 epics, 6 writes" in summary
    done, written = _run_action(tmp_path, fake, command="apply", formats="")
    assert written["write-requests"] == "6" and written["epics-left"] == "0"


def test_the_action_refuses_a_command_it_does_not_run(tmp_path: Path) -> None:
    done, _ = _run_action(tmp_path, None, command="export")
    assert done.returncode == 2
    assert "command 'export' is not one the action runs" in done.stderr


def test_every_input_the_action_uses_is_declared() -> None:
    used = set(re.findall(r"inputs\.([\w-]+)", (REPO / "action.yml").read_text()))
    assert used <= set(ACTION["inputs"]), used - set(ACTION["inputs"])


def test_example_workflows_pass_only_inputs_the_action_declares() -> None:
    assert WORKFLOWS
    for name, text in [(p.name, p.read_text()) for p in WORKFLOWS] + [("init --workflow", WORKFLOW)]:
        workflow = yaml.safe_load(text)
        steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
        ours = [s for s in steps if str(s.get("uses", "")).startswith("ticketlint/ticketlint@")]
        assert ours, f"{name} does not use the action"
        for step in ours:
            assert set(step.get("with", {})) <= set(ACTION["inputs"]), name
            assert "JIRA_API_TOKEN" in step.get("env", {}), "credentials come from secrets, through env"
