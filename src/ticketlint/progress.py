"""Progress bars on stderr: epics fetched (pages, rate), and epics written back to Jira.

Shown only to a person watching: stderr is a terminal, not in CI, not with ``-q``. rich is
imported only then, so runs in pipelines and tests pay nothing for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    def page(self, epics: int) -> None: ...


class _Silent:
    def page(self, epics: int) -> None:
        pass


def wanted(quiet: bool) -> bool:
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()


@contextmanager
def fetch_progress(source: str, *, quiet: bool) -> Iterator[Progress]:
    """A progress display for fetching from ``source``, or a silent stand-in."""
    if not wanted(quiet):
        yield _Silent()
        return
    import time

    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("Fetching epics from {task.fields[source]}:"),
        TextColumn("{task.completed:,.0f} epics, {task.fields[pages]} pages, {task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("fetch", total=None, source=source, pages=0, rate="")
        started = time.monotonic()

        class _Shown:
            pages = 0
            epics = 0

            def page(self, epics: int) -> None:
                self.pages += 1
                self.epics += epics
                rate = self.epics / max(time.monotonic() - started, 1e-6)
                bar.update(task, advance=epics, pages=self.pages, rate=f"{rate:,.0f} epics/s")

        yield _Shown()


@contextmanager
def write_progress(total: int, *, quiet: bool) -> Iterator[Callable[[], None]]:
    """A bar of epics written to Jira; call what it yields once per epic done (any thread)."""
    if not wanted(quiet) or total == 0:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("Writing to Jira:"), BarColumn(), MofNCompleteColumn(), TextColumn("epics"),
               TimeElapsedColumn())  # fmt: skip
    with Bar(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("write", total=total)
        yield lambda: bar.advance(task)
