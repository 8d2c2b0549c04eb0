"""The managed comment and the write plan, without Jira: escaping, markers, fingerprints,
which comment is kept, and which epics fit the write budget."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from ticketlint.model import Severity
from ticketlint.writeback.comment import (
    Content,
    Item,
    Mention,
    marker_of,
    mention_for,
    pack_id,
    render_adf,
    render_wiki,
    same_packs,
    wiki_text,
)
from ticketlint.writeback.outcome import WriteLog
from ticketlint.writeback.plan import (
    CommentWrite,
    EpicPlan,
    Managed,
    author_ids,
    comment_writes,
    found_managed,
    within_budget,
)

EVIL = "[~accountid:5b10a] {code}x{code} [click|http://evil.example] !http://evil.example/a.png! |cell| *b*"


def _content(*messages: str, severity: Severity = Severity.ERROR, mention: Mention | None = None) -> Content:
    return Content(
        "kickoff", tuple(Item(severity, f"r{i}", m, None) for i, m in enumerate(messages)), mention
    )


# -- escaping -------------------------------------------------------------------------------


def test_wiki_text_leaves_no_live_markup() -> None:
    escaped = wiki_text(EVIL)
    for live in (r"(?<!\\)\[", r"(?<!\\)\{", r"(?<!\\)!", r"(?<!\\)\|", r"(?<!\\)\*", "://"):
        assert not re.search(live, escaped), (live, escaped)
    assert escaped.replace("\\", "").replace("\u200b", "") == EVIL  # nothing lost once rendered


@pytest.mark.parametrize(
    "text",
    ["_http://evil.example", "1http://evil.example", "éhttps://evil.example", "mailto:evil@example.com",
     "www.evil.example", "write to evil@example.com"],
)  # fmt: skip
def test_wiki_text_breaks_every_autolink(text: str) -> None:
    escaped = wiki_text(text)
    assert not re.search(r"://|mailto:|www\.|@\w", escaped.replace("\\", "")), escaped
    assert escaped.replace("\\", "").replace("\u200b", "") == text


def test_wiki_text_is_one_line() -> None:
    assert wiki_text("h1. Title\n* item\n\n----") == "h1. Title \\* item ----"


def test_wiki_comment_keeps_epic_text_out_of_the_markup() -> None:
    body = render_wiki(_content(f"Record the baseline of {EVIL}"))
    line = next(x for x in body.splitlines() if "Record the baseline" in x)
    assert line.startswith("* Record the baseline of \\[\\~accountid")
    assert "http://" not in line


def test_adf_comment_holds_epic_text_only_in_text_nodes() -> None:
    body = render_adf(_content(EVIL, mention=Mention("abc123", "Dana", cloud=True)))
    kinds: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            kinds.append(node["type"])
            assert node["type"] != "text" or node["text"], "ADF text nodes must not be empty"
            walk(node.get("content"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(body)
    assert kinds.count("mention") == 1
    assert body["type"] == "doc" and body["version"] == 1
    assert EVIL in str(body)


@pytest.mark.parametrize(
    ("user", "cloud", "expected"),
    [
        ({"accountId": "5b10:ab-12", "displayName": "Dana"}, True, Mention("5b10:ab-12", "Dana", True)),
        ({"name": "dana", "displayName": "Dana"}, False, Mention("dana", "Dana", False)),
        ({"accountId": "x] [~evil"}, True, None),  # an id that could end the markup is not used
        ({"name": "dana"}, True, None),  # Cloud mentions need an account id
        (None, True, None),
    ],
)
def test_mentions_use_only_safe_ids(user: Any, cloud: bool, expected: Mention | None) -> None:
    assert mention_for(user, cloud) == expected


# -- markers and fingerprints --------------------------------------------------------------


def test_marker_survives_wiki_escaping_and_adf() -> None:
    content = _content("Write the success metric.")
    assert marker_of(render_wiki(content)) == ("kickoff", content.fingerprint)
    assert marker_of(render_adf(content)) == ("kickoff", content.fingerprint)
    assert marker_of("no marker here") is None


def test_fingerprint_changes_with_what_the_comment_says() -> None:
    base = _content("Write the success metric.")
    assert base.fingerprint == _content("Write the success metric.").fingerprint
    assert base.fingerprint != _content("Write the success metric!").fingerprint
    assert base.fingerprint != _content("Write the success metric.", severity=Severity.WARNING).fingerprint
    assert (
        base.fingerprint != _content("Write the success metric.", mention=Mention("a", "A", True)).fingerprint
    )
    assert Content("kickoff").resolved and Content("kickoff").fingerprint != base.fingerprint


def test_pack_id_is_one_marker_word() -> None:
    assert pack_id(("ml-kickoff",)) == "ml-kickoff"
    assert pack_id(("ml-kickoff", "Team Rules")) == "ml-kickoff+team-rules"


def test_a_comment_belongs_to_runs_that_share_a_pack() -> None:
    assert same_packs("kickoff", "kickoff+extra") and same_packs("kickoff+extra", "extra")
    assert not same_packs("other", "kickoff") and not same_packs(None, "kickoff")


def test_found_managed_needs_both_the_author_and_the_marker() -> None:
    me = frozenset({"accountId:bot-id"})
    footer = "ticketlint:kickoff:0123456789ab"
    comments = [
        {"id": "3", "created": "2026-01-03", "author": {"accountId": "bot-id"}, "body": f"x {footer}"},
        {"id": "1", "created": "2026-01-01", "author": {"accountId": "bot-id"}, "body": f"y {footer}"},
        {"id": "2", "created": "2026-01-02", "author": {"accountId": "alice"}, "body": f"copied {footer}"},
        {"id": "4", "created": "2026-01-04", "author": {"accountId": "bot-id"}, "body": "by hand"},
        {
            "id": "5",
            "created": "2026-01-05",
            "author": {"accountId": "bot-id"},
            "body": "ticketlint:other:0123456789ab",
        },
    ]
    assert [m.id for m in found_managed(comments, me, "kickoff")] == ["1", "3"]  # oldest first


# -- planning -------------------------------------------------------------------------------

WANTED = _content("Write the success metric.")
OLD = Managed("10", "2026-01-01", "000000000000")
CURRENT = Managed("10", "2026-01-01", WANTED.fingerprint)
DUPLICATE = Managed("11", "2026-01-02", WANTED.fingerprint)


@pytest.mark.parametrize(
    ("candidates", "wanted", "only_over_existing", "expected"),
    [
        ((), WANTED, False, [("create", None)]),
        ((CURRENT,), WANTED, False, []),
        ((OLD,), WANTED, False, [("update", "10")]),
        ((CURRENT, DUPLICATE), WANTED, False, [("delete", "11")]),
        ((OLD, DUPLICATE), WANTED, False, [("update", "10"), ("delete", "11")]),
        ((OLD,), None, False, [("delete", "10")]),
        ((), None, False, []),
        ((), Content("kickoff"), True, []),  # no resolved note on an epic that never had a comment
        ((OLD,), Content("kickoff"), True, [("update", "10")]),
    ],
)
def test_comment_writes(
    candidates: tuple[Managed, ...], wanted: Content | None, only_over_existing: bool, expected: list[Any]
) -> None:
    writes = comment_writes(candidates, wanted, only_over_existing)
    assert [(w.action, w.comment_id) for w in writes] == expected


def _plan(key: str, rank: int, writes: int) -> EpicPlan:
    return EpicPlan(key, rank, rank, tuple(CommentWrite("create", None, WANTED) for _ in range(writes)))


def test_budget_goes_in_severity_order_and_splits_the_epic_it_ends_in() -> None:
    plans = [_plan("ML-1", 2, 2), _plan("ML-2", 3, 2), _plan("ML-3", 3, 3), _plan("ML-4", 0, 1)]
    chosen, left = within_budget(plans, 4)
    assert [(p.key, p.writes) for p in chosen] == [("ML-2", 2), ("ML-3", 2)]
    assert [(p.key, p.writes) for p in left] == [("ML-3", 1), ("ML-1", 2), ("ML-4", 1)]
    assert within_budget(plans, None)[1] == []
    assert within_budget(plans, 0)[0] == []


def test_a_budget_smaller_than_any_epic_still_makes_progress() -> None:
    plan = EpicPlan("ML-1", 3, 1, (CommentWrite("create", None, WANTED),), add=("needs-metric",))
    chosen, left = within_budget([plan], 1)
    assert [p.actions() for p in chosen] == [("create comment",)]
    assert [p.actions() for p in left] == [("add label needs-metric",)]


def test_author_ids_never_match_across_fields() -> None:
    assert author_ids({"accountId": "abc"}) == {"accountId:abc"}
    assert author_ids({"key": "JIRAUSER1", "name": "dana"}) == {"key:JIRAUSER1"}
    assert not author_ids({"name": "JIRAUSER1"}) & author_ids({"key": "JIRAUSER1", "name": "bot"})


def test_the_oldest_comment_is_the_smallest_id_whatever_the_time_zone() -> None:
    me = frozenset({"accountId:bot"})
    footer = "ticketlint:kickoff:0123456789ab"
    comments = [
        {
            "id": "200",
            "created": "2026-10-25T02:10:00.000+0100",
            "author": {"accountId": "bot"},
            "body": footer,
        },
        {
            "id": "100",
            "created": "2026-10-25T02:50:00.000+0200",
            "author": {"accountId": "bot"},
            "body": footer,
        },
    ]
    assert [m.id for m in found_managed(comments, me, "kickoff")] == ["100", "200"]


def test_the_totals_never_call_jira_up_to_date_while_epics_wait() -> None:
    log = WriteLog(dry_run=False, max_writes=0, requests=Counter({"GET": 4}))
    assert log.totals_sentence() == "Jira already up to date: nothing written (4 reads)."
    log.left = [("ML-1", "create comment", 1)]
    assert log.totals_sentence().startswith("Written to Jira: created 0 comments")
    assert log.left_sentence() == "Left for the next run (write limit 0): 1 epic, 1 write: ML-1"
