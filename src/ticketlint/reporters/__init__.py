"""Output formats, picked by name from this registry; each module owns one format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from ticketlint.errors import UsageError
from ticketlint.reporters import explain, github, html, json, junit, markdown, text
from ticketlint.reporters.base import Fanout, Reporter, ReporterFactory, RunInfo, Style

REPORTERS: dict[str, ReporterFactory] = {
    "text": text.create,
    "json": json.create,
    "markdown": markdown.create,
    "junit": junit.create,
    "github": github.create,
    "html": html.create,
    "explain": explain.create,
}

Sink = tuple[str, IO[str], Style]  # (format name, where it goes, how it may look)


def open_reporter(sinks: Sequence[Sink]) -> Reporter:
    """One reporter for every sink of the run."""
    return Fanout(tuple(REPORTERS[name](stream, style) for name, stream, style in sinks))


def parse_formats(values: Sequence[str], output: Path | None) -> list[tuple[str, Path | None]]:
    """``--format NAME[:PATH]`` values; ``--output`` is the path of a format given none.

    At most one format goes to standard output.
    """
    specs: list[tuple[str, Path | None]] = []
    for value in values:
        name, _, path = value.partition(":")
        if name not in REPORTERS:
            raise UsageError(
                f"--format: no format {name!r}; use one of {', '.join(REPORTERS)} (NAME or NAME:PATH)"
            )
        specs.append((name, Path(path) if path else None))
    unplaced = [i for i, (_, path) in enumerate(specs) if path is None]
    if output is not None:
        if len(unplaced) != 1:
            raise UsageError("--output names the file of the one --format given without a path")
        specs[unplaced[0]] = (specs[unplaced[0]][0], output)
    elif len(unplaced) > 1:
        raise UsageError(
            "only one report can go to the terminal: give the others a path (--format json:report.json)"
        )
    return specs


__all__ = ["REPORTERS", "Reporter", "RunInfo", "Sink", "Style", "open_reporter", "parse_formats"]
