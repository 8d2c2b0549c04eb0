"""The JUnit report is valid JUnit XML (tests/schemas/junit.xsd), unreadable epics included,
and the schema is strict enough to refuse what CI servers would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner

from tests.conftest import EXAMPLES
from ticketlint.cli import main

SCHEMA = xmlschema.XMLSchema(str(Path(__file__).parent / "schemas" / "junit.xsd"))


def _junit(tmp_path: Path, *sources: Path) -> Path:
    out = tmp_path / "report.xml"
    args = ["check", "--format", f"junit:{out}", "--fail-on", "never"]
    for source in sources:
        args += ["--source", str(source)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 2), result.stderr
    return out


def test_the_report_of_the_examples_is_valid_junit(tmp_path: Path) -> None:
    SCHEMA.validate(str(_junit(tmp_path, EXAMPLES)))


def test_an_unreadable_epic_is_a_valid_error_case(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"key": "ML-1", "fields": {"summary": "x", "labels": ["ml"]}}\n{"key": 7}\n')
    report = _junit(tmp_path, broken)
    SCHEMA.validate(str(report))
    assert "<error" in report.read_text()


@pytest.mark.parametrize(
    ("find", "replace"),
    [(' name="pm-kickoff-review"', ""), ('tests="156"', 'tests="-1"'), ("<testcase ", "<case ")],
)
def test_the_schema_refuses_what_ci_servers_refuse(tmp_path: Path, find: str, replace: str) -> None:
    text = _junit(tmp_path, EXAMPLES).read_text()
    assert find in text
    assert not SCHEMA.is_valid(text.replace(find, replace, 1))
