"""``ticketlint check`` end to end: config + options → rules, sources → engine → reporters."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from ticketlint import __version__
from ticketlint.config import Config
from ticketlint.engine import evaluate
from ticketlint.errors import UsageError
from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic, Unreadable
from ticketlint.progress import fetch_progress
from ticketlint.reporters import REPORTERS, RunInfo, Style
from ticketlint.rulefile import Rule, RuleSet, load_rules
from ticketlint.summary import Tally
from ticketlint.targets import referenced_fields
from ticketlint.trackers.credentials import epics_jql, jira_configured, jira_settings
from ticketlint.trackers.file import read_epics


@dataclass(frozen=True)
class CheckRequest:
    """Everything ``check`` was asked to do, config and command line already merged."""

    config: Config
    sources: tuple[Path, ...]
    epics: frozenset[str]
    packs: tuple[str, ...]
    packs_base: Path
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str
    format: str
    jql: str | None = None
    jira_url: str | None = None
    quiet: bool = False
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))


def choose_rules(ruleset: RuleSet, select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    """Apply ``--select`` / ``--ignore``; an id no pack defines is a usage error."""
    known = ruleset.ids()
    for option, ids in (("--select", select), ("--ignore", ignore)):
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise UsageError(
                f"{option}: no rule has the id {', '.join(repr(u) for u in unknown)}; "
                f"rules in this run: {', '.join(sorted(known))}"
            )
    return [r for r in ruleset.rules if (not select or r.id in select) and r.id not in ignore]


def run_check(request: CheckRequest, stream: IO[str], style: Style) -> int:
    """Run one check and write the report; return the exit code (0, 1, or 2 when epics were unreadable)."""
    ruleset = load_rules(request.packs, request.packs_base)
    rules = choose_rules(ruleset, request.select, request.ignore)
    reporter = REPORTERS[request.format](stream, style)
    tally = Tally()
    active = [r for r in rules if r.severity is not None]
    reporter.start(
        RunInfo(
            version=__version__,
            started_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            packs=ruleset.packs,
            rules=tuple((r.id, r.severity.value) for r in active if r.severity is not None),
            sources=tuple(str(s) for s in request.sources),
            fail_on=request.fail_on,
        )
    )
    with open_epics(request, active) as epics:
        for item in evaluate(active, epics):
            tally.add(item)
            reporter.handle(item)
    reporter.finish(tally)
    return tally.exit_code(request.fail_on)


@contextmanager
def open_epics(request: CheckRequest, rules: Sequence[Rule]) -> Iterator[Iterator[Epic | Unreadable]]:
    """The epics to check: from the exports given, else from the configured Jira."""
    tracker = request.config.tracker
    if request.sources:
        yield read_epics(request.sources, FieldCatalog(aliases=dict(request.config.fields)), request.epics)
        return
    if not jira_configured(tracker, request.environ, request.jira_url):
        raise UsageError(
            "no epics to check: give --source PATH (an export or a directory of them), list sources: in "
            "ticketlint.yaml, or name a Jira site ($JIRA_URL, tracker.url or --jira-url)"
        )
    settings = jira_settings(tracker, request.environ, url_option=request.jira_url)
    from ticketlint.trackers.jira import JiraTracker  # imported only when Jira is used

    jql = request.jql or (epics_jql(request.epics) if request.epics else settings.jql)
    names = sorted(set().union(*(referenced_fields(r.spec) for r in rules)))
    with fetch_progress(settings.url, quiet=request.quiet) as progress:
        jira = JiraTracker(settings, on_page=progress.page)
        jira.catalog.aliases.update(request.config.fields)
        yield jira.epics(jql, names)


def with_defaults(request: CheckRequest) -> CheckRequest:
    """Fill what the command line left open from the config file."""
    config = request.config
    return replace(
        request,
        sources=request.sources or config.sources,
        packs=request.packs or config.rules,
        packs_base=request.packs_base if request.packs else config.base,
        select=request.select or config.select,
        ignore=request.ignore or config.ignore,
    )
