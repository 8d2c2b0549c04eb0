"""One epic's desired state (comment and managed labels) against its current state → the
writes that close the gap, and nothing else.

Pure: no I/O. The current state comes from the issue JSON the check already read (labels,
and comments with their authors and bodies), so planning costs no request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from ticketlint.engine import Checked
from ticketlint.model import Severity
from ticketlint.rulefile import Rule
from ticketlint.writeback.comment import Content, Item, Mention, marker_of, mention_for, same_packs
from ticketlint.writeback.settings import BUILTIN_DOCS_URL, ApplySettings


@dataclass(frozen=True)
class Managed:
    """A comment ticketlint wrote on the epic, as read with it."""

    id: str
    created: str
    fingerprint: str


@dataclass(frozen=True)
class CommentWrite:
    """One write to a comment: create (no id), update or delete (an existing comment)."""

    action: str  # "create" | "update" | "delete"
    comment_id: str | None = None
    content: Content | None = None


@dataclass(frozen=True)
class EpicPlan:
    """What to write on one epic. ``candidates`` and ``wanted`` let the writer plan the comment
    again if a candidate turns out not to be ticketlint's."""

    key: str
    rank: int  # worst severity at or above the threshold; 0 when the epic passes
    findings: int
    comment: tuple[CommentWrite, ...] = ()
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    candidates: tuple[Managed, ...] = field(default=(), repr=False)
    wanted: Content | None = field(default=None, repr=False)
    only_over_existing: bool = field(default=False, repr=False)

    @property
    def writes(self) -> int:
        return len(self.comment) + (1 if self.add or self.remove else 0)

    def split(self, budget: int) -> tuple[EpicPlan, EpicPlan]:
        """The first ``budget`` writes (comments first, then the label update) and the rest."""
        comment, rest = self.comment[:budget], self.comment[budget:]
        if rest:
            return replace(self, comment=comment, add=(), remove=()), replace(self, comment=rest)
        return replace(self, add=(), remove=()), replace(self, comment=())

    def describe(self) -> str:
        """What the plan does, for people: 'create comment; add labels a, b'."""
        return "; ".join(self.actions())

    def actions(self) -> tuple[str, ...]:
        kept = self.candidates[0].id if self.candidates else None
        return (*(comment_action(w, kept) for w in self.comment), *label_actions(self.add, self.remove))


@dataclass(frozen=True)
class Planner:
    """Everything planning needs that does not change from epic to epic."""

    settings: ApplySettings
    rules: Sequence[Rule]
    packs: str  # the marker word of the run's packs
    me: frozenset[str]  # the ids of the account ticketlint writes as
    cloud: bool

    @cached_property
    def rule_labels(self) -> dict[str, str]:
        return {r.id: r.label for r in self.rules if r.label}

    @cached_property
    def managed_labels(self) -> frozenset[str]:
        """Every label this run may add or remove; no other label is ever touched."""
        extra = (self.settings.summary_label, self.settings.ready_label)
        return frozenset(self.rule_labels.values()) | {x for x in extra if x}

    @cached_property
    def _by_id(self) -> dict[str, tuple[int, Rule]]:
        """Each rule by id, with its place in the packs (the comment lists findings in it)."""
        return {r.id: (index, r) for index, r in enumerate(self.rules)}

    def docs(self, rule: Rule) -> str | None:
        """The absolute URL of a rule's docs, if one can be made."""
        if not rule.docs:
            return None
        if rule.docs.startswith(("https://", "http://")):
            return rule.docs
        base = self.settings.docs_url or (BUILTIN_DOCS_URL if rule.origin.startswith("builtin:") else None)
        return base.rstrip("/") + "/" + rule.docs.lstrip("/") if base else None

    def plan(self, checked: Checked) -> EpicPlan:
        result = checked.result
        epic = result.epic
        threshold = self.settings.threshold.rank
        counted = [f for f in result.findings if f.severity.rank >= threshold]
        by_id = self._by_id
        wanted: Content | None
        if counted:
            items = tuple(
                Item(f.severity, f.rule, f.message, self.docs(by_id[f.rule][1]) if f.rule in by_id else None)
                for f in sorted(counted, key=lambda f: (-f.severity.rank, by_id.get(f.rule, (0,))[0]))
            )
            wanted = Content(self.packs, items, self._mention(epic.raw))
        else:
            wanted = Content(self.packs) if self.settings.on_pass == "resolve" else None
        only_over_existing = not counted
        candidates = tuple(managed_comments(epic.raw, self.me, self.packs))
        labels = self._labels(counted)
        current = set(epic.labels)
        return EpicPlan(
            key=epic.key,
            rank=max((f.severity.rank for f in counted), default=0),
            findings=len(counted),
            comment=comment_writes(candidates, wanted, only_over_existing),
            add=tuple(sorted(labels - current)),
            remove=tuple(sorted((self.managed_labels & current) - labels)),
            candidates=candidates,
            wanted=wanted,
            only_over_existing=only_over_existing,
        )

    def _labels(self, counted: Sequence[Any]) -> set[str]:
        settings = self.settings
        labels = {self.rule_labels[f.rule] for f in counted if f.rule in self.rule_labels}
        if settings.summary_label and any(f.severity is Severity.ERROR for f in counted):
            labels.add(settings.summary_label)
        if settings.ready_label and not counted:
            labels.add(settings.ready_label)
        return labels

    def _mention(self, issue: Mapping[str, Any]) -> Mention | None:
        if self.settings.mention != "owner":
            return None
        fields = issue.get("fields")
        if not isinstance(fields, Mapping):
            return None
        # The reporter only when nobody is assigned, never instead of an assignee.
        owner = fields.get("assignee") or fields.get("reporter")
        return mention_for(owner, self.cloud)


def comment_action(write: CommentWrite, kept: str | None) -> str:
    """A comment write for people: "create comment", "resolve comment", "delete duplicate comment"."""
    if write.content is not None and write.content.resolved:
        return "resolve comment"
    if write.action == "delete" and write.comment_id != kept:
        return "delete duplicate comment"
    return f"{write.action} comment"


def label_actions(add: Sequence[str], remove: Sequence[str]) -> list[str]:
    return [
        f"{verb} label{'s' if len(labels) > 1 else ''} {', '.join(labels)}"
        for verb, labels in (("add", add), ("remove", remove))
        if labels
    ]


def comment_writes(
    candidates: Sequence[Managed], wanted: Content | None, only_over_existing: bool
) -> tuple[CommentWrite, ...]:
    """Keep the oldest managed comment (updated when its content differs), delete the others.

    ``wanted`` None deletes the kept one too; ``only_over_existing`` (the resolved note)
    writes only over a comment that is already there.
    """
    keep, extra = (candidates[0], candidates[1:]) if candidates else (None, ())
    writes: list[CommentWrite] = []
    if wanted is not None and keep is None and not only_over_existing:
        writes.append(CommentWrite("create", None, wanted))
    elif wanted is not None and keep is not None and keep.fingerprint != wanted.fingerprint:
        writes.append(CommentWrite("update", keep.id, wanted))
    elif wanted is None and keep is not None:
        writes.append(CommentWrite("delete", keep.id))
    writes += [CommentWrite("delete", c.id) for c in extra]
    return tuple(writes)


def author_ids(user: Any) -> frozenset[str]:
    """How a user is told apart: ``accountId:`` on Cloud; on Data Center ``key:`` (which never
    changes), else ``name:``. Each id is tagged with its field, so a user name can never
    match someone's key."""
    if not isinstance(user, Mapping):
        return frozenset()
    for field_name in ("accountId", "key", "name"):
        value = user.get(field_name)
        if isinstance(value, str) and value:
            return frozenset({f"{field_name}:{value}"})
    return frozenset()


def managed_comments(issue: Mapping[str, Any], me: frozenset[str], packs: str) -> list[Managed]:
    """ticketlint's comments on an issue for these packs, oldest first."""
    fields = issue.get("fields")
    comment = fields.get("comment") if isinstance(fields, Mapping) else None
    comments = comment.get("comments") if isinstance(comment, Mapping) else None
    return found_managed(comments if isinstance(comments, list) else [], me, packs)


def found_managed(comments: Iterable[Any], me: frozenset[str], packs: str) -> list[Managed]:
    """Of a list of Jira comments, those by ``me`` whose footer marker names one of ``packs``."""
    managed = []
    for c in comments:
        if not isinstance(c, Mapping) or not (author_ids(c.get("author")) & me):
            continue
        marker = marker_of(c.get("body"))
        if marker is not None and same_packs(marker[0], packs):
            managed.append(Managed(str(c.get("id")), str(c.get("created") or ""), marker[1]))
    # Jira's comment ids only grow: the smallest is the oldest (timestamps carry the reader's
    # time zone and do not sort as text).
    return sorted(managed, key=lambda m: (_numeric(m.id), m.created))


def _numeric(value: str) -> tuple[int, str]:
    return (int(value), "") if value.isdigit() else (0, value)


def within_budget(plans: Sequence[EpicPlan], budget: int | None) -> tuple[list[EpicPlan], list[EpicPlan]]:
    """The plans to carry out now and what is left for the next run: most severe epics first,
    in that order; the epic the budget ends in gets the part that fits (its comment first)."""
    ordered = sorted(plans, key=lambda p: (-p.rank, -p.findings, p.key))
    if budget is None:
        return ordered, []
    chosen: list[EpicPlan] = []
    left: list[EpicPlan] = []
    for plan in ordered:
        if plan.writes <= budget:
            chosen.append(plan)
            budget -= plan.writes
        elif budget > 0:
            part, rest = plan.split(budget)
            chosen.append(part)
            left.append(rest)
            budget = 0
        else:
            left.append(plan)
    return chosen, left
