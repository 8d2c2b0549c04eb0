"""What a run loads: the jira library and rich only when they are used."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES

PROBE = """
import sys
from click.testing import CliRunner
from ticketlint.cli import main
{run}
print(sorted(m for m in ("jira", "rich", "jsonschema") if m in sys.modules))
"""


def _loaded(run: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(run=run)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def test_version_loads_neither_jira_nor_rich_nor_jsonschema() -> None:
    assert _loaded("CliRunner().invoke(main, ['--version'])") == "[]"


def test_an_offline_check_does_not_load_the_jira_library() -> None:
    run = f"CliRunner().invoke(main, ['check', '-q', '--source', {str(EXAMPLES)!r}])"
    assert _loaded(run) == "['jsonschema']"
