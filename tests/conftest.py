"""Shared fixtures: a scratch project directory and a way to run the CLI in it."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.fakejira.fixtures import fake_jira  # noqa: F401  (a fixture for every test)
from ticketlint.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "epics"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@dataclass
class Workspace:
    """A temporary project directory the CLI runs in."""

    root: Path
    last: Run | None = None

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, command: str) -> Run:
        args = shlex.split(command.replace("{examples}", str(EXAMPLES)))
        assert args[0] == "ticketlint", "steps run the ticketlint command"
        result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
        self.last = Run(result.exit_code, result.stdout, result.stderr)
        return self.last

    @property
    def result(self) -> Run:
        assert self.last is not None, "no command has run yet"
        return self.last


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return Workspace(tmp_path)
