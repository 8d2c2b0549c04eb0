"""Carry out epic plans against Jira, a few epics at a time, one epic's writes in order.

Safety, in the order it applies:

* A comment is edited or deleted only after its property ``ticketlint.managed`` confirms it
  is ticketlint's (one read per ticketlint comment on the epic, only when an existing one is
  to change). A comment that fails the check is left alone and the comment is planned again
  without it.
* A comment POST is never repeated blindly: before a retry the epic's comments are read
  again, and the POST counts as done if the comment is there.
* Labels change by ``update`` add/remove operations, never by replacing the label set, so
  a label someone adds meanwhile survives.
* Writes to one epic run one after another (Jira limits writes per issue); 429/503 and
  ``Retry-After`` are honoured by the tracker's retry loop.
* A write refused on one epic (403, 404, 400, retries spent) is reported and the run goes
  on; a 401 stops the run (the credentials are wrong for every epic).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ticketlint.trackers.jira import JiraError, JiraTracker
from ticketlint.writeback.comment import PROPERTY_KEY, Content, render, same_packs
from ticketlint.writeback.outcome import EpicOutcome
from ticketlint.writeback.plan import (
    CommentWrite,
    EpicPlan,
    comment_action,
    comment_writes,
    found_managed,
    label_actions,
)


class WritesStopped(JiraError):
    """Writing stopped part-way (Jira refused the credentials); what was written before it."""

    def __init__(self, message: str, written: list[EpicOutcome]) -> None:
        super().__init__(message, 401)
        self.written = written


_COUNTED = {"create": "comments_created", "update": "comments_updated", "delete": "comments_deleted"}


@dataclass(frozen=True)
class Writer:
    """Writes plans to one Jira site as the account ``me``."""

    jira: JiraTracker
    me: frozenset[str]
    packs: str
    markup: str  # "wiki" (REST v2) or "adf" (REST v3)
    workers: int = 4

    def run(self, plans: Sequence[EpicPlan], on_done: Callable[[], None] = lambda: None) -> list[EpicOutcome]:
        """Every plan carried out; outcomes in plan order; ``on_done`` after each epic. A 401
        stops the run (raised)."""

        def apply(plan: EpicPlan) -> EpicOutcome:
            outcome = self.apply(plan)
            on_done()
            return outcome

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            futures = [pool.submit(apply, plan) for plan in plans]
            try:
                return [f.result() for f in futures]
            except JiraError as error:
                pool.shutdown(wait=True, cancel_futures=True)
                finished = [
                    f.result() for f in futures if f.done() and not f.cancelled() and not f.exception()
                ]
                raise WritesStopped(str(error), finished) from None
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def apply(self, plan: EpicPlan) -> EpicOutcome:
        done: list[str] = []
        notes: list[str] = []
        counts: Counter[str] = Counter()
        try:
            writes, kept = self._verified(plan, notes)
            for write in writes:
                self._comment(plan.key, write)
                done.append(comment_action(write, kept))
                counts[_COUNTED[write.action]] += 1
            if plan.add or plan.remove:
                self._labels(plan)
                done += label_actions(plan.add, plan.remove)
                counts["labels_added"] += len(plan.add)
                counts["labels_removed"] += len(plan.remove)
        except JiraError as error:
            if error.status == 401:
                raise
            return EpicOutcome(plan.key, tuple(done), _why(error), tuple(notes), counts)
        return EpicOutcome(plan.key, tuple(done), None, tuple(notes), counts)

    # -- comments -------------------------------------------------------------------------
    def _verified(self, plan: EpicPlan, notes: list[str]) -> tuple[tuple[CommentWrite, ...], str | None]:
        """The comment writes once ticketlint's property confirms its comments, and the id of
        the managed comment kept.

        Only when the plan edits or deletes an existing comment: then every candidate is
        checked (the kept one too, so a look-alike can neither be kept nor cause the real
        one to be deleted as a duplicate) and the writes are planned again without the
        comments that fail.
        """
        if not any(w.comment_id for w in plan.comment):
            return plan.comment, plan.candidates[0].id if plan.candidates else None
        foreign = {c.id for c in plan.candidates if not self._ours(c.id)}
        candidates = [c for c in plan.candidates if c.id not in foreign]
        if not foreign:
            return plan.comment, plan.candidates[0].id
        notes += [
            f"comment {cid} carries ticketlint's footer but was not posted by ticketlint for these "
            "rules; left alone (delete it by hand if it is a stray copy)"
            for cid in sorted(foreign)
        ]
        writes = comment_writes(candidates, plan.wanted, plan.only_over_existing)
        # No more writes than the plan had: it may be the part of a plan the budget allowed.
        return writes[: len(plan.comment)], candidates[0].id if candidates else None

    def _ours(self, comment_id: str) -> bool:
        try:
            answer = self.jira.call("GET", f"comment/{comment_id}/properties/{PROPERTY_KEY}")
        except JiraError as error:
            if error.status == 404:
                return False
            raise
        value = answer.get("value") if isinstance(answer, Mapping) else None
        return isinstance(value, Mapping) and same_packs(value.get("packs"), self.packs)

    def _comment(self, key: str, write: CommentWrite) -> None:
        if write.action == "delete":
            try:
                self.jira.call("DELETE", f"issue/{key}/comment/{write.comment_id}")
            except JiraError as error:
                if error.status != 404:  # gone already (a retried DELETE, another run): done
                    raise
            return
        content = write.content
        assert content is not None
        body = {
            "body": render(content, self.markup),
            "properties": [{"key": PROPERTY_KEY, "value": content.property_value}],
        }
        if write.action == "update":
            self.jira.call("PUT", f"issue/{key}/comment/{write.comment_id}", body=body)
            return
        self.jira.call(
            "POST", f"issue/{key}/comment", body=body, before_retry=lambda: self._posted(key, content)
        )

    def _posted(self, key: str, content: Content) -> Any:
        """Before repeating a failed comment POST: the comment, if the POST did land."""
        for managed in found_managed(self._comments(key), self.me, self.packs):
            if managed.fingerprint == content.fingerprint and self._ours(managed.id):
                return {"id": managed.id}
        return None

    def _comments(self, key: str) -> list[Any]:
        comments: list[Any] = []
        while True:
            answer = self.jira.call(
                "GET", f"issue/{key}/comment", params={"startAt": len(comments), "maxResults": 100}
            )
            batch = answer.get("comments") if isinstance(answer, Mapping) else None
            if not batch:
                return comments
            comments += batch
            if len(comments) >= int(answer.get("total") or 0):
                return comments

    # -- labels ---------------------------------------------------------------------------
    def _labels(self, plan: EpicPlan) -> None:
        operations = [{"add": label} for label in plan.add] + [{"remove": label} for label in plan.remove]
        self.jira.call("PUT", f"issue/{plan.key}", body={"update": {"labels": operations}})


def planned(plan: EpicPlan) -> EpicOutcome:
    """A dry run's outcome: what the plan would write."""
    counts: Counter[str] = Counter(_COUNTED[w.action] for w in plan.comment)
    counts["labels_added"] += len(plan.add)
    counts["labels_removed"] += len(plan.remove)
    return EpicOutcome(plan.key, plan.actions(), None, (), +counts)


def _why(error: JiraError) -> str:
    """Why a write failed, with what to do when it is a permission."""
    if error.status == 403:
        return (
            f"{error} The account ticketlint signs in as needs the Add Comments, Edit Own Comments, "
            "Delete Own Comments and Edit Issues permissions in this project."
        )
    return str(error)
