"""Commands and options only; every TicketlintError becomes exit code 2 with its message."""

from __future__ import annotations

import os
import shutil
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ticketlint import __version__
from ticketlint.errors import TicketlintError

if TYPE_CHECKING:
    from ticketlint.reporters import Style

# Commands import what they need when they run: `ticketlint --version` and `--help` stay
# fast, and the jira library is only imported when Jira is used.

EXIT_USAGE = 2
F = TypeVar("F", bound=Callable[..., Any])


def _ids(value: str | None) -> tuple[str, ...]:
    return tuple(i.strip() for i in (value or "").split(",") if i.strip())


def _use_color(choice: str, stream: Any) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Config file (default: nearest ticketlint.yaml).",
)
EPIC_OPTION = click.option(
    "--epic", "epics", multiple=True, metavar="KEY", help="Only this epic. Repeatable."
)
JQL_OPTION = click.option(
    "--jql", help="Which Jira epics (default: tracker.jql in the config, or ML epics not done)."
)
JIRA_URL_OPTION = click.option(
    "--jira-url", help="The Jira site (default: tracker.url in the config, or $JIRA_URL)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ticketlint")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Lint ML epics for the kickoff decisions that keep projects from getting stuck."""
    ctx.obj = {"debug": debug}


SOURCE_OPTION = click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Epic export: a Jira search answer, JSON list, JSON Lines, YAML, or a directory. Repeatable.",
)
BASELINE_OPTION = click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not recorded in this baseline file.",
)


def _run_options(command: F) -> F:
    """The options ``check`` and ``apply`` share: which epics, which rules, which reports."""
    for option in reversed(
        (
            CONFIG_OPTION,
            EPIC_OPTION,
            click.option(
                "--rules", "packs", multiple=True, metavar="SPEC",
                help="Rule pack: builtin:<name> or a path. Repeatable.",
            ),
            click.option("--select", help="Only these rule ids (comma-separated)."),
            click.option("--ignore", help="Skip these rule ids (comma-separated)."),
            click.option(
                "--format", "fmt", multiple=True, metavar="NAME[:PATH]",
                help="text, json, markdown, junit, github or html; with :PATH written there. Repeatable.",
            ),
            click.option(
                "--output", type=click.Path(path_type=Path, dir_okay=False),
                help="Write the report to this file.",
            ),
            click.option(
                "--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
                help="Exit 1 when a finding is at least this severe (default: error).",
            ),
            click.option(
                "--color", type=click.Choice(["auto", "always", "never"]), help="Colour the text report."
            ),
            JQL_OPTION,
            JIRA_URL_OPTION,
            click.option("-q", "--quiet", is_flag=True, help="Print only the totals; no progress bar."),
        )
    ):  # fmt: skip
        command = option(command)
    return command


def _run(ctx: click.Context, options: dict[str, Any], go: Callable[[Any, list[Any]], int]) -> None:
    """Build the request from the shared options and the config, open the reports, run ``go``."""
    from ticketlint.config import load_config
    from ticketlint.reporters import Style, parse_formats
    from ticketlint.runner import CheckRequest, with_defaults

    def run() -> int:
        config = load_config(options["config_path"], Path.cwd())
        request = with_defaults(
            CheckRequest(
                config=config,
                sources=options.get("sources", ()),
                epics=frozenset(options["epics"]),
                packs=options["packs"],
                packs_base=Path.cwd(),
                select=_ids(options["select"]),
                ignore=_ids(options["ignore"]),
                fail_on=options["fail_on"] or config.fail_on,
                jql=options["jql"],
                jira_url=options["jira_url"],
                quiet=options["quiet"],
                debug=ctx.obj["debug"],
                baseline=options["baseline"],
                write_baseline=options.get("write_baseline"),
            )
        )
        quiet = options["quiet"]
        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        color = _use_color(options["color"] or config.color, sys.stdout)
        specs = parse_formats(options["fmt"] or (config.format,), options["output"])
        with _report_sinks(specs, Style(color=color, width=width, quiet=quiet), Style(quiet=quiet)) as sinks:
            return go(request, sinks)

    ctx.exit(_guarded(run, ctx.obj["debug"]))


@main.command()
@_run_options
@SOURCE_OPTION
@BASELINE_OPTION
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings in this file (for adopting ticketlint on a backlog).",
)
@click.option(
    "--explain",
    multiple=True,
    metavar="KEY",
    help="Only this epic, and show per decision what was found where and why it counted or not. Repeatable.",
)
@click.pass_context
def check(ctx: click.Context, /, explain: tuple[str, ...], **options: Any) -> None:
    """Check epics against the rule packs and report what they miss.

    Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad input
    or an epic that could not be read.
    """
    from ticketlint.runner import run_check

    if explain:
        to_terminal = [f for f in options["fmt"] if ":" not in f]
        if to_terminal or options["output"] is not None:
            name = to_terminal[0] if to_terminal else "NAME"
            ctx.exit(_usage(f"--explain prints to the terminal: give --format {name} a path ({name}:PATH)"))
        options["epics"] = (*options["epics"], *explain)
        options["fmt"] = ("explain", *options["fmt"])
    _run(ctx, options, run_check)


def _usage(message: str) -> int:
    click.echo(f"ticketlint: {message}", err=True)
    return EXIT_USAGE


@main.command()
@_run_options
@BASELINE_OPTION
@click.option("--dry-run", is_flag=True, help="Print what would be written to Jira; write nothing.")
@click.option(
    "--max-writes",
    type=click.IntRange(min=0),
    metavar="N",
    help="At most N writes (comments and label updates; retries not counted), most severe epics "
    "first; the rest wait for the next run. Default: apply.max_writes in the config, else no limit.",
)
@click.pass_context
def apply(ctx: click.Context, /, dry_run: bool, max_writes: int | None, **options: Any) -> None:
    """Check Jira epics, then post one comment on each epic missing kickoff decisions, keep
    it current, and set or clear ticketlint's labels.

    Only the difference is written: a second run with nothing changed writes nothing.
    Comments and labels that ticketlint does not manage are never touched.
    Exit codes: as check, and 2 when a write failed.
    """
    from ticketlint.runner import run_apply
    from ticketlint.writeback.settings import ApplySettings

    def go(request: Any, sinks: list[Any]) -> int:
        settings = ApplySettings.from_config(request.config.apply, max_writes)
        return run_apply(request, sinks, settings, dry_run)

    _run(ctx, options, go)


@contextmanager
def _report_sinks(specs: list[tuple[str, Path | None]], terminal: Style, plain: Style) -> Iterator[list[Any]]:
    """Open each report's destination. A file is written beside its path and moved in place
    once written: a run that fails before its report starts leaves the previous one alone."""
    partials: list[tuple[Path, Path]] = []
    with ExitStack() as stack:
        sinks: list[Any] = []
        try:
            for name, path in specs:
                if path is None:
                    sinks.append((name, sys.stdout, terminal))
                    continue
                partial = path.with_name(path.name + ".partial")
                partials.append((partial, path))
                sinks.append((name, stack.enter_context(partial.open("w", encoding="utf-8")), plain))
        except OSError as error:
            raise TicketlintError(f"cannot write the report to {error.filename}: {error.strerror}") from None
        try:
            yield sinks
        finally:
            stack.close()
            for partial, path in partials:
                if partial.exists() and partial.stat().st_size:
                    os.replace(partial, path)
                partial.unlink(missing_ok=True)


def _guarded(run: Callable[[], int], debug: bool) -> int:
    """Run a command; user errors print their message, bugs a short notice (traceback with --debug)."""
    try:
        return run()
    except TicketlintError as error:
        if debug:
            traceback.print_exc()
        click.echo(f"ticketlint: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("ticketlint: interrupted", err=True)
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:  # a bug: say so plainly, keep the traceback for --debug
        if debug:
            traceback.print_exc()
        else:
            click.echo(f"ticketlint: internal error: {type(error).__name__}: {error}", err=True)
            click.echo("ticketlint: rerun with --debug for details, and please report it.", err=True)
        return EXIT_USAGE


@main.command()
@CONFIG_OPTION
@JQL_OPTION
@EPIC_OPTION
@JIRA_URL_OPTION
@click.option("--rules", "packs", multiple=True, metavar="SPEC", help="Rule packs whose fields to export.")
@click.option(
    "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="The file to write."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def export(ctx: click.Context, config_path: Path | None, jql: str | None, epics: tuple[str, ...],
           jira_url: str | None, packs: tuple[str, ...], output: Path, quiet: bool) -> None:  # fmt: skip
    """Save epics from Jira (and the field list) as a file --source reads.

    For developing rules offline and for attaching to bug reports.
    """
    from ticketlint.config import load_config
    from ticketlint.runner import CheckRequest, run_export, with_defaults

    def run() -> int:
        config = load_config(config_path, Path.cwd())
        request = with_defaults(
            CheckRequest(
                config=config, sources=(), epics=frozenset(epics), packs=packs, packs_base=Path.cwd(),
                select=(), ignore=(), fail_on="never", jql=jql, jira_url=jira_url,
                quiet=quiet, debug=ctx.obj["debug"],
            )
        )  # fmt: skip
        return run_export(request, output)

    ctx.exit(_guarded(run, ctx.obj["debug"]))


@main.group()
def rules() -> None:
    """Check, test and inspect rule packs."""


@rules.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def rules_validate(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check rule packs and ticketlint.yaml files; every problem at once, as path:line:col."""
    from ticketlint.authoring import validate

    def run() -> int:
        problems = validate(paths, Path.cwd())
        for problem in problems:
            click.echo(str(problem), err=True)
        if problems:
            click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
            return EXIT_USAGE
        click.echo(f"{len(paths)} file{'s' if len(paths) != 1 else ''} valid")
        return 0

    ctx.exit(_guarded(run, ctx.obj["debug"]))


@rules.command("test")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the totals.")
@click.pass_context
def rules_test(ctx: click.Context, paths: tuple[Path, ...], quiet: bool) -> None:
    """Run every rule's examples (and PACK.tests.yaml beside each pack); exit 1 when one fails."""
    from ticketlint.authoring import load_test_files, run_examples
    from ticketlint.rulefile import load_rules

    def run() -> int:
        ruleset = load_rules([str(p) for p in paths], Path.cwd())
        extra = load_test_files(list(paths), ruleset.ids())
        results = run_examples(ruleset, extra)
        by_rule: dict[str, list[Any]] = {}
        for result in results:
            by_rule.setdefault(f"{result.pack}/{result.rule}", []).append(result)
        for name, cases in by_rule.items():
            failed = [c for c in cases if not c.ok]
            if failed or not quiet:
                click.echo(f"{name}: {len(cases) - len(failed)} passed, {len(failed)} failed")
            for case in failed:
                click.echo(f"  {case.expected} example {case.key}: {case.detail}")
        untested = sorted(r.id for r in ruleset.rules if f"{r.pack}/{r.id}" not in by_rule)
        if untested:
            click.echo(f"no examples: {', '.join(untested)}")
        passed = sum(r.ok for r in results)
        click.echo(f"{passed} passed, {len(results) - passed} failed")
        return 1 if passed < len(results) else 0

    ctx.exit(_guarded(run, ctx.obj["debug"]))


def _ruleset(config_path: Path | None, packs: tuple[str, ...]) -> Any:
    from ticketlint.config import load_config
    from ticketlint.rulefile import load_rules

    config = load_config(config_path, Path.cwd())
    return load_rules(packs, Path.cwd()) if packs else load_rules(config.rules, config.base)


@rules.command("list")
@CONFIG_OPTION
@click.option("--rules", "packs", multiple=True, metavar="SPEC", help="Rule pack: builtin:<name> or a path.")
@click.pass_context
def rules_list(ctx: click.Context, config_path: Path | None, packs: tuple[str, ...]) -> None:
    """The rules of this run: id, pack, severity, description, and whether a pack overrides it."""

    from ticketlint.config import load_config
    from ticketlint.overrides import compile_overrides

    def run() -> int:
        config = load_config(config_path, Path.cwd())
        ruleset = _ruleset(config_path, packs)
        overrides = compile_overrides(config.overrides, config.override_places, ruleset.rules)
        width = max((len(r.id) for r in ruleset.rules), default=0)
        for rule in ruleset.rules:
            severity = rule.severity.value if rule.severity else "off"
            marker = " (overridden)" if rule.overridden else ""
            click.echo(f"{rule.id:<{width}}  {rule.pack:<12} {severity:<8} {rule.description}{marker}")
            for override in overrides:
                if rule.id in override.variants:
                    variant = override.variants[rule.id]
                    changed = variant.severity.value if variant and variant.severity else "off"
                    click.echo(f"{'':<{width}}  for epics selected at {override.where}: {changed}")
        return 0

    ctx.exit(_guarded(run, ctx.obj["debug"]))


@rules.command("explain")
@click.argument("rule_id")
@CONFIG_OPTION
@click.option("--rules", "packs", multiple=True, metavar="SPEC", help="Rule pack: builtin:<name> or a path.")
@click.pass_context
def rules_explain(ctx: click.Context, rule_id: str, config_path: Path | None, packs: tuple[str, ...]) -> None:
    """What a rule checks, where it looks, its message, examples and docs."""
    from ticketlint.authoring import describe_rule
    from ticketlint.errors import UsageError

    def run() -> int:
        ruleset = _ruleset(config_path, packs)
        found = [r for r in ruleset.rules if r.id == rule_id]
        if not found:
            raise UsageError(
                f"no rule has the id {rule_id!r}; rules in this run: {', '.join(sorted(ruleset.ids()))}"
            )
        click.echo(describe_rule(found[0]))
        return 0

    ctx.exit(_guarded(run, ctx.obj["debug"]))


@main.command()
@click.option("--workflow", is_flag=True, help="Also write a nightly GitHub Actions workflow.")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@click.pass_context
def init(ctx: click.Context, workflow: bool, force: bool) -> None:
    """Start a project: a commented ticketlint.yaml, the epic templates, optionally a workflow."""
    from ticketlint.init import init_files, write_files

    def run() -> int:
        cwd = Path.cwd()
        try:
            written, kept = write_files(init_files(cwd, workflow=workflow), force=force)
        except OSError as error:
            raise TicketlintError(f"cannot write {error.filename}: {error.strerror}") from None
        for path in written:
            click.echo(f"wrote {path.relative_to(cwd)}")
        for path in kept:
            click.echo(f"kept {path.relative_to(cwd)} (it exists; --force overwrites it)")
        return 0

    ctx.exit(_guarded(run, ctx.obj["debug"]))
