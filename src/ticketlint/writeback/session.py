"""``ticketlint apply`` inside a check run: plan each epic as it is checked, write at the end.

Plans are small (only epics that need a write keep one), so a run over a large backlog
holds no epics, only their plans; the budget then picks the most severe epics first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ticketlint.engine import Checked
from ticketlint.progress import write_progress
from ticketlint.rulefile import Rule
from ticketlint.summary import Tally
from ticketlint.trackers.jira import JiraTracker
from ticketlint.writeback.comment import pack_id
from ticketlint.writeback.execute import Writer, WritesStopped, planned
from ticketlint.writeback.outcome import WriteLog
from ticketlint.writeback.plan import EpicPlan, Planner, author_ids, within_budget
from ticketlint.writeback.settings import ApplySettings


@dataclass
class ApplySession:
    """Watches a check run against Jira and writes what each epic needs."""

    settings: ApplySettings
    dry_run: bool = False
    quiet: bool = False
    plans: list[EpicPlan] = field(default_factory=list)
    _planner: Planner | None = None
    _writer: Writer | None = None
    _jira: JiraTracker | None = None

    def start(self, jira: JiraTracker, rules: Sequence[Rule], packs: tuple[str, ...]) -> None:
        """Before the first epic: who ticketlint writes as, and how comments are written."""
        jira.connect()
        me = author_ids(jira.myself())
        markup = "adf" if jira.settings.api_version == "3" else "wiki"
        marker = pack_id(packs)
        self._jira = jira
        self._planner = Planner(self.settings, rules, marker, me, jira.cloud)
        self._writer = Writer(jira, me, marker, markup, self.settings.workers)

    def observe(self, item: Checked) -> None:
        """Plan one checked epic; epics no rule selects are left as they are."""
        if item.rules_applied == 0 or self._planner is None:
            return
        plan = self._planner.plan(item)
        if plan.writes:
            self.plans.append(plan)

    def finish(self, tally: Tally) -> None:
        """Carry out the plans (within the budget) and put the outcome on the tally."""
        assert self._jira is not None and self._writer is not None
        chosen, left = within_budget(self.plans, self.settings.max_writes)
        log = WriteLog(self.dry_run, self.settings.max_writes)
        log.left = [(p.key, p.describe(), p.writes) for p in left]
        log.partly = {p.key for p in chosen} & {p.key for p in left}
        if self.dry_run:
            log.epics = [planned(p) for p in chosen]
        else:
            try:
                with write_progress(len(chosen), quiet=self.quiet) as done:
                    log.epics = self._writer.run(chosen, done)
            except WritesStopped as stopped:  # report what was written before, then stop
                log.epics = stopped.written
                log.requests.update(self._jira.sent)
                tally.writes = log
                raise
        log.requests.update(self._jira.sent)
        tally.writes = log
