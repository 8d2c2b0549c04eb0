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

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
WORKFLOWS = sorted((REPO / "examples" / "workflows").glob("*.yml"))


def test_the_action_run_step_writes_summary_outputs_and_reports(
    fake_jira: FakeJiraFactory, tmp_path: Path
) -> None:
    fake = fake_jira("cloud")
    fake.add_issues([ml_epic(n) for n in range(1, 6)])
    token = fake.auth_kwargs()["basic_auth"]
    outputs, summary = tmp_path / "outputs.txt", tmp_path / "summary.md"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("JIRA_", "INPUT_", "GITHUB_"))},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "JIRA_URL": fake.url, "JIRA_EMAIL": token[0], "JIRA_API_TOKEN": token[1],
        "INPUT_COMMAND": "check", "INPUT_FAIL_ON": "error", "INPUT_EPICS": "ML-1 ML-2 ML-3",
        "INPUT_FORMATS": "json:report.json html:report.html",
        "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary), "CI": "true",
    }  # fmt: skip
    done = subprocess.run(
        ["bash", str(REPO / "action" / "run.sh")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the epics miss decisions
    assert "::error title=ML-1 roles-assigned::" in done.stdout
    assert token[1] not in done.stdout + done.stderr
    written = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    assert written["epics-checked"] == "3"
    assert written["epics-failing"] == "3"
    assert int(written["findings-error"]) > 0
    assert written["reports"] == "report.json report.html"
    assert "# ML kickoff readiness" in summary.read_text()
    assert (tmp_path / "report.json").is_file() and (tmp_path / "report.html").is_file()


def test_the_action_refuses_a_command_it_does_not_have(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "INPUT_COMMAND": "apply",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["bash", str(REPO / "action" / "run.sh")], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "command 'apply' is not available" in done.stderr


def test_every_input_the_action_uses_is_declared() -> None:
    used = set(re.findall(r"inputs\.([\w-]+)", (REPO / "action.yml").read_text()))
    assert used <= set(ACTION["inputs"]), used - set(ACTION["inputs"])


def test_example_workflows_pass_only_inputs_the_action_declares() -> None:
    assert WORKFLOWS
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text())
        steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
        ours = [s for s in steps if str(s.get("uses", "")).startswith("ticketlint/ticketlint@")]
        assert ours, f"{path.name} does not use the action"
        for step in ours:
            assert set(step.get("with", {})) <= set(ACTION["inputs"]), path.name
            assert "JIRA_API_TOKEN" in step.get("env", {}), "credentials come from secrets, through env"
