"""``ticketlint check`` end to end: config + options → rules, sources → engine → reporters."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ticketlint import __version__
from ticketlint.config import Config
from ticketlint.engine import Checked, evaluate
from ticketlint.errors import TicketlintError, UsageError
from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic, Unreadable
from ticketlint.overrides import compile_overrides
from ticketlint.progress import Progress, fetch_progress
from ticketlint.reporters import RunInfo, Sink, open_reporter
from ticketlint.rulefile import Rule, RuleSet, load_rules
from ticketlint.summary import Tally
from ticketlint.targets import referenced_concepts, referenced_fields
from ticketlint.trackers.credentials import epics_jql, jira_configured, jira_settings, shown_url
from ticketlint.trackers.file import read_epics
from ticketlint.waivers import Exceptions, config_waivers, read_baseline, write_baseline
from ticketlint.writeback.settings import ApplySettings

if TYPE_CHECKING:
    from ticketlint.trackers.jira import JiraTracker
    from ticketlint.writeback.session import ApplySession


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
    jql: str | None = None
    jira_url: str | None = None
    quiet: bool = False
    debug: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    origin: Mapping[str, str] = field(default_factory=dict)  # where select/ignore came from


def choose_rules(
    ruleset: RuleSet, select: Sequence[str], ignore: Sequence[str], origin: Mapping[str, str] | None = None
) -> list[Rule]:
    """Apply select / ignore; an id no pack defines is a usage error naming where it was written."""
    known = ruleset.ids()
    origin = origin or {}
    for option, ids in (
        (origin.get("select", "--select"), select),
        (origin.get("ignore", "--ignore"), ignore),
    ):
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise UsageError(
                f"{option}: no rule has the id {', '.join(repr(u) for u in unknown)}; "
                f"rules in this run: {', '.join(sorted(known))}"
            )
    return [r for r in ruleset.rules if (not select or r.id in select) and r.id not in ignore]


def run_check(request: CheckRequest, sinks: Sequence[Sink], apply: ApplySession | None = None) -> int:
    """Run one check and write its reports; the exit code (0, 1, or 2 when epics were unreadable).

    With ``apply``, each checked epic is also planned for write-back, and the writes are
    made before the reports are finished (they report them).
    """
    ruleset = load_rules(request.packs, request.packs_base)
    rules = choose_rules(ruleset, request.select, request.ignore, request.origin)
    reporter = open_reporter(sinks)
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
    exceptions = _exceptions(request, ruleset)
    overrides = compile_overrides(request.config.overrides, request.config.override_places, rules)
    recorded: list[tuple[str, str]] = []
    on_jira = (lambda jira: apply.start(jira, rules, ruleset.packs)) if apply is not None else None
    try:
        with open_epics(request, rules, exceptions, on_jira) as epics:
            for item in evaluate(rules, epics, overrides):
                if isinstance(item, Checked):
                    item = exceptions.apply(item)
                    if request.write_baseline is not None:  # else nothing is kept per epic
                        recorded += [(item.result.epic.key, f.rule) for f in item.result.findings]
                    if apply is not None:
                        apply.observe(item)
                tally.add(item)
                reporter.handle(item)
        if apply is not None:
            apply.finish(tally)
    except TicketlintError as error:
        # Close the report (valid JSON, totals so far) with the reason it stopped, then fail.
        stopped = Unreadable("(run stopped)", str(error), "")
        tally.add(stopped)
        reporter.handle(stopped)
        reporter.finish(tally)
        raise
    tally.unused_waivers = [
        f"{w.where}: {', '.join(sorted(w.rules))} ({w.reason})"
        + (" - a jql: waiver applies only when epics come from Jira" if w.jql and request.sources else "")
        for w in exceptions.unused()
    ]
    reporter.finish(tally)
    if request.write_baseline is not None:
        count = write_baseline(request.write_baseline, recorded)
        print(f"Wrote {count} findings to the baseline {request.write_baseline}", file=sys.stderr)
    return tally.exit_code(request.fail_on)


def _exceptions(request: CheckRequest, ruleset: RuleSet) -> Exceptions:
    """Waivers from the config (their rule ids checked) and the baseline, if any."""
    config = request.config
    waivers = config_waivers(config, ruleset.ids())
    baseline = read_baseline(request.baseline) if request.baseline is not None else frozenset()
    return Exceptions(waivers, baseline)


@contextmanager
def open_epics(
    request: CheckRequest,
    rules: Sequence[Rule],
    exceptions: Exceptions,
    on_jira: Callable[[JiraTracker], None] | None = None,
) -> Iterator[Iterator[Epic | Unreadable]]:
    """The epics to check: from the exports given, else from the configured Jira (``on_jira``
    is called with the tracker before the first epic is read)."""
    tracker = request.config.tracker
    if request.sources and (request.jql or request.jira_url):
        raise UsageError(
            "--jql and --jira-url read from Jira; with --source (or sources: in the config) use --epic"
        )
    if request.sources:
        yield read_epics(request.sources, FieldCatalog(aliases=dict(request.config.fields)), request.epics)
        return
    if not jira_configured(tracker, request.environ, request.jira_url):
        raise UsageError(
            "no epics to check: give --source PATH (an export or a directory of them), list sources: in "
            "ticketlint.yaml, or name a Jira site ($JIRA_URL, tracker.url or --jira-url)"
        )
    with fetch_progress(_jira_url(request), quiet=request.quiet) as progress:
        jira, jql = _jira(request, progress)
        if on_jira is not None:
            on_jira(jira)
        for waiver in exceptions.waivers:
            if waiver.jql:
                waiver.epics |= jira.keys(waiver.jql)
        yield jira.epics(jql, _field_names(rules), _concept_field(rules))


def _jira_url(request: CheckRequest) -> str:
    return shown_url(jira_settings(request.config.tracker, request.environ, url_option=request.jira_url).url)


def _field_names(rules: Sequence[Rule]) -> list[str]:
    return sorted(set().union(*(referenced_fields(r.spec, r.concepts) for r in rules)))


def _concept_field(rules: Sequence[Rule]) -> Callable[[str], bool]:
    """Whether a site's custom field (by display name) is about a concept the rules read:
    "Go-live KPI" is fetched for a rule about the success metric."""
    used = set().union(*(referenced_concepts(r.spec) for r in rules))
    concepts = next((r.concepts for r in rules if r.concepts is not None), None)
    if not used or concepts is None:
        return lambda name: False
    return lambda name: any(c in used for c in concepts.named(name))


def _jira(request: CheckRequest, progress: Progress) -> tuple[JiraTracker, str]:
    """A Jira tracker for the request, and the JQL to run."""
    settings = jira_settings(request.config.tracker, request.environ, url_option=request.jira_url)
    from ticketlint.trackers.jira import JiraTracker  # imported only when Jira is used

    log = (lambda line: print(line, file=sys.stderr)) if request.debug else None
    jira = JiraTracker(settings, on_page=progress.page, log=log)
    jira.catalog.aliases.update(request.config.fields)
    jql = request.jql or (epics_jql(request.epics) if request.epics else settings.jql)
    return jira, jql


def run_export(request: CheckRequest, output: Path) -> int:
    """Write what Jira answers (field list, then each search page) in the format --source reads."""
    rules = choose_rules(load_rules(request.packs, request.packs_base), request.select, request.ignore)
    epics = pages = 0
    with fetch_progress(_jira_url(request), quiet=request.quiet) as progress:
        jira, jql = _jira(request, progress)
        jira.connect()
        fields = [*jira.field_ids(_field_names(rules), _concept_field(rules)), "description"]
        try:
            stream = output.open("w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write the export to {output}: {error.strerror}") from None
        with stream:
            stream.write("[\n" + json.dumps({"fields": jira.field_list, "issues": []}, ensure_ascii=False))
            for page in jira.pages(jql, fields):
                progress.page(len(page.issues))
                for issue in page.issues:
                    jira.complete_comments(issue)
                stream.write(",\n" + json.dumps({"issues": page.issues}, ensure_ascii=False))
                epics, pages = epics + len(page.issues), pages + 1
            stream.write("\n]\n")
    print(f"Exported {epics} epics ({pages} pages) and the field list to {output}", file=sys.stderr)
    return 0


def with_defaults(request: CheckRequest) -> CheckRequest:
    """Fill what the command line left open from the config file."""
    config = request.config
    origin = {
        name: f"{name}: in {config.path}"
        for name, given, configured in (
            ("select", request.select, config.select),
            ("ignore", request.ignore, config.ignore),
        )
        if not given and configured
    }
    return replace(
        request,
        origin=origin,
        sources=request.sources or config.sources,
        packs=request.packs or config.rules,
        packs_base=request.packs_base if request.packs else config.base,
        select=request.select or config.select,
        ignore=request.ignore or config.ignore,
    )


def run_apply(request: CheckRequest, sinks: Sequence[Sink], settings: ApplySettings, dry_run: bool) -> int:
    """``check`` against Jira, then write each epic's managed comment and labels (or, with
    ``dry_run``, report the plan and write nothing)."""
    if not jira_configured(request.config.tracker, request.environ, request.jira_url):
        raise UsageError(
            "apply writes to Jira and reads the epics from there: name the site ($JIRA_URL, tracker.url "
            "or --jira-url). To try rules on an export, use check --source"
        )
    from ticketlint.writeback.session import ApplySession  # imports the jira library

    return run_check(replace(request, sources=()), sinks, ApplySession(settings, dry_run, request.quiet))
