"""``ticketlint init``: a commented ticketlint.yaml, the epic templates, a nightly workflow.

Never overwrites a file unless asked to (``--force``); says what it wrote and what it left.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CONFIG = """\
# ticketlint configuration: https://github.com/ticketlint/ticketlint#configuration
# Schema for editors: ticketlint/schemas/config.schema.json

# Rule packs: the built-in ML-kickoff pack, and/or your own (paths relative to this file).
rules: [builtin:ml-kickoff]

# Lowest severity that makes a run exit 1 (error | warning | info | never).
fail_on: error

# Where epics come from. Secrets are never written here: set JIRA_EMAIL and
# JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Data Center) in the environment.
tracker:
  url: https://your-site.atlassian.net
  # Which epics count as ML epics to check (default shown).
  jql: >-
    issuetype = Epic AND statusCategory != Done AND
    (labels in (ml, machine-learning) OR component = ML OR component = "Machine Learning")

# Custom fields your site names differently from the pack (name in the pack: your name or id).
# fields:
#   Success Metric: customfield_10010
#   ML Owner: Model owner

# Exceptions, with a reason, an owner and an expiry date.
# waivers:
#   - epics: [REC-130]
#     rules: [baseline-recorded]
#     reason: The baseline comes from the first A/B test.
#     owner: dana@example.com
#     expires: 2026-12-31

# Rules that apply differently to some projects, labels or components (last match wins).
# overrides:
#   - select: {project: RESEARCH}
#     rules:
#       success-metric-defined: {severity: warning}

# What `ticketlint apply` writes back to Jira: one comment per epic, kept current, and labels.
# Try `ticketlint apply --dry-run` first: it prints the plan and writes nothing.
apply:
  threshold: warning                 # comment while findings at or above this remain
  summary_label: kickoff-incomplete  # on epics with an error; null for none
  # ready_label: kickoff-ready       # on epics with nothing left to write
  on_pass: resolve                   # resolve: turn the comment into a resolved note | delete
  mention: none                      # owner: mention the assignee (reporter when unassigned)
  max_writes: 500                    # write requests per run; the rest wait for the next run
"""

WORKFLOW = """\
# Nightly: check the ML epics and keep the reports. Once `ticketlint apply --dry-run` shows
# the comments and labels you want, set command: apply to keep them current in Jira.
name: ticketlint nightly

on:
  schedule:
    - cron: "30 5 * * 1-5"
  workflow_dispatch:

permissions:
  contents: read

jobs:
  kickoff-check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ticketlint/ticketlint@v1
        with:
          command: check
          max-writes: "500"
          formats: "json:ticketlint-report.json html:ticketlint-report.html"
        env:
          JIRA_URL: ${{ secrets.JIRA_URL }}
          JIRA_EMAIL: ${{ secrets.JIRA_EMAIL }}
          JIRA_API_TOKEN: ${{ secrets.JIRA_API_TOKEN }}
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          name: ticketlint-reports
          path: |
            ticketlint-report.json
            ticketlint-report.html
"""

TEMPLATE_FILES = ("ml-epic.wiki", "ml-epic.md", "ml-epic.adf.json")


def templates_dir() -> Path:
    """Where the epic templates are: inside the installed package, or templates/ in a checkout."""
    packaged = resources.files("ticketlint").joinpath("_templates")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "templates"


def init_files(target: Path, *, workflow: bool) -> dict[Path, str]:
    """Every file init would write, by path, with its content."""
    files = {target / "ticketlint.yaml": CONFIG}
    for name in TEMPLATE_FILES:
        files[target / "templates" / name] = (templates_dir() / name).read_text(encoding="utf-8")
    if workflow:
        files[target / ".github" / "workflows" / "ticketlint-nightly.yml"] = WORKFLOW
    return files


def write_files(files: dict[Path, str], *, force: bool) -> tuple[list[Path], list[Path]]:
    """Write what is missing (everything with ``force``); returns (written, left alone)."""
    written, kept = [], []
    for path, content in files.items():
        if path.exists() and not force:
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written, kept
