"""A non-editable install carries the built-in packs and schemas: the wheel is complete."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_ships_builtin_packs_and_lints_examples(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("ticketlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ticketlint/_builtin_rules/ml-kickoff.yaml" in names
    assert "ticketlint/schemas/rulepack.schema.json" in names
    assert "ticketlint/_templates/ml-epic.wiki" in names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    run = subprocess.run(
        [sys.executable, "-m", "ticketlint", "check", "--source", str(REPO / "examples" / "epics"), "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "14 epics checked" in run.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import ticketlint; print(ticketlint.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site)},
        check=False,
    )
    assert probe.stdout.startswith(str(site)), "the test must exercise the installed wheel, not the checkout"
