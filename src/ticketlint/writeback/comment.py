"""The managed comment: what it says, its fingerprint, its body in wiki markup or ADF.

ticketlint recognises its own comment by three things together: the author is the account
it authenticates as, the visible footer carries the marker ``ticketlint:<packs>:<fingerprint>``,
and (checked before any edit or delete) the comment property ``ticketlint.managed`` names
one of the run's packs. The fingerprint is a hash of the content, so an unchanged epic needs no
write at all.

Text taken from an epic (rule messages may quote its summary, owner or values) is written
as plain text: escaped in wiki markup so it cannot open a mention, a macro or a link, and
as ADF text nodes, which cannot hold markup at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ticketlint.model import Severity

PROPERTY_KEY = "ticketlint.managed"
# Bump when the wording or layout of the comment changes: every comment is then rewritten once.
TEMPLATE_VERSION = 1
MARKER = re.compile(r"ticketlint:([a-z0-9][a-z0-9+-]*):([0-9a-f]{12})")
_GROUPS = {
    Severity.ERROR: "Needed before kickoff (error)",
    Severity.WARNING: "Should be settled before kickoff (warning)",
    Severity.INFO: "Worth a look (info)",
}
# A mention target must be an account id or a user name and nothing that could end the markup.
_ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:._@-]{0,127}$")


@dataclass(frozen=True)
class Item:
    """One finding as the comment shows it."""

    severity: Severity
    rule: str
    message: str
    docs: str | None  # an absolute URL, or None


@dataclass(frozen=True)
class Mention:
    """Whom the comment mentions: a Cloud account id, or a Data Center user name."""

    account: str
    name: str
    cloud: bool


@dataclass(frozen=True)
class Content:
    """Everything the comment says; no items means the short resolved note."""

    packs: str
    items: tuple[Item, ...] = ()
    mention: Mention | None = None

    @property
    def resolved(self) -> bool:
        return not self.items

    @property
    def fingerprint(self) -> str:
        facts = [
            TEMPLATE_VERSION,
            self.packs,
            [[i.severity.value, i.rule, i.message, i.docs] for i in self.items],
            [self.mention.account, self.mention.cloud] if self.mention else None,
        ]
        return hashlib.sha256(json.dumps(facts).encode("utf-8")).hexdigest()[:12]

    @property
    def marker(self) -> str:
        return f"ticketlint:{self.packs}:{self.fingerprint}"

    @property
    def property_value(self) -> dict[str, Any]:
        return {"packs": self.packs, "fingerprint": self.fingerprint, "version": TEMPLATE_VERSION}


def pack_id(packs: tuple[str, ...]) -> str:
    """The packs of a run as one marker word (pack names are kebab-case)."""
    return "+".join(re.sub(r"[^a-z0-9-]+", "-", p.lower()).strip("-") or "pack" for p in packs)


def same_packs(marked: object, packs: str) -> bool:
    """Whether a comment marked for ``marked`` packs belongs to a run of ``packs``: they share
    a pack. Adding or dropping a pack then takes the comment over (it is rewritten once)
    instead of leaving it behind beside a new one; runs with unrelated packs keep theirs."""
    return isinstance(marked, str) and bool(set(marked.split("+")) & set(packs.split("+")))


def mention_for(account: Any, cloud: bool) -> Mention | None:
    """A mention of a Jira user object (assignee or reporter), if it has a usable id."""
    if not isinstance(account, dict):
        return None
    ident = account.get("accountId") if cloud else account.get("name")
    name = account.get("displayName") or ident
    if not isinstance(ident, str) or not _ACCOUNT.match(ident):
        return None
    return Mention(ident, str(name), cloud)


def marker_of(body: Any) -> tuple[str, str] | None:
    """``(packs, fingerprint)`` from a comment body (wiki string or ADF) carrying the marker."""
    # Wiki markup is stored as sent: the marker's characters may carry escaping backslashes.
    text = body.replace("\\", "") if isinstance(body, str) else "\n".join(_adf_texts(body))
    markers = MARKER.findall(text)
    return markers[-1] if markers else None  # the footer is the last marker in the body


def _adf_texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield node["text"]
        yield from _adf_texts(node.get("content"))
    elif isinstance(node, list):
        for child in node:
            yield from _adf_texts(child)


# -- what it says -------------------------------------------------------------------------


def _title(content: Content) -> str:
    if content.resolved:
        return "Kickoff check passed"
    count = len(content.items)
    return f"{count} kickoff decision{'s' if count != 1 else ''} missing from this epic"


def _intro(content: Content, mentioned: bool) -> str:
    """The first sentence, after the mention if there is one (so its first word's case)."""
    if content.resolved:
        return "The decisions ticketlint flagged here are now in the epic. Thank you."
    start = "this" if mentioned else "This"
    return (
        f"{start} ML epic is missing the kickoff decisions below. Add each one where its line says; "
        "ticketlint checks again on its next scheduled run and updates this comment."
    )


def _footer(content: Content) -> str:
    waiver = "" if content.resolved else (
        "If an item does not apply to this epic, ask whoever runs ticketlint for a waiver. "
    )  # fmt: skip
    return (
        f"Posted by ticketlint ({content.packs.replace('+', ', ')} rules). Edit the epic, not this "
        f"comment: ticketlint rewrites it on each scheduled run. {waiver}{content.marker}"
    )


def _groups(content: Content) -> Iterator[tuple[str, list[Item]]]:
    for severity in Severity:  # error, warning, info
        items = [i for i in content.items if i.severity is severity]
        if items:
            yield _GROUPS[severity], items


# -- wiki markup (REST v2) ------------------------------------------------------------------

# Links, mentions and anchors ([), macros ({), images (!), tables (|) and the text effects;
# hyphens and brackets are left alone (they are common and can only strike text through).
_WIKI_SPECIAL = re.compile(r"([\\\[\]{}|!*_^~+?#])")
# What a renderer links without brackets: URLs, mailto:, www. and e-mail addresses.
_AUTOLINK = re.compile(r"(:)(?=//)|(?i:(mailto|www))(?=[:.])|(@)(?=\w)")


def wiki_text(text: str) -> str:
    """Plain text made inert in wiki markup: one line, every markup character escaped, and a
    zero-width space where a renderer would otherwise start a link (after the ``:`` of
    ``://``, in ``mailto:`` and ``www.``, after an ``@``)."""
    flat = " ".join(text.split())
    return _AUTOLINK.sub(lambda m: m.group(0) + "\u200b", _WIKI_SPECIAL.sub(r"\\\1", flat))


def _wiki_link(label: str, url: str) -> str:
    return f"[{label}|{quote(url, safe=':/?#&=%.,;~@!$*+-_')}]"


def render_wiki(content: Content) -> str:
    lines = [f"h3. {wiki_text(_title(content))}"]
    mention = f"[~accountid:{content.mention.account}], " if content.mention and content.mention.cloud else ""
    if content.mention and not content.mention.cloud:
        mention = f"[~{content.mention.account}], "
    lines.append(mention + wiki_text(_intro(content, bool(mention))))
    for heading, items in _groups(content):
        lines += ["", f"*{wiki_text(heading)}*"]
        for item in items:
            link = f" {_wiki_link('why it matters', item.docs)}" if item.docs else ""
            lines.append(f"* {wiki_text(item.message)}{link}")
    lines += ["", "----", f"_{wiki_text(_footer(content))}_"]
    return "\n".join(lines)


# -- Atlassian Document Format (REST v3) ----------------------------------------------------


def _text(value: str, *marks: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": " ".join(value.split()) or "-"}
    if marks:
        node["marks"] = list(marks)
    return node


def render_adf(content: Content) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": "heading", "attrs": {"level": 3}, "content": [_text(_title(content))]}
    ]
    if content.mention and content.mention.cloud:
        who = content.mention
        mention = {"type": "mention", "attrs": {"id": who.account, "text": f"@{who.name}"}}
        blocks.append({"type": "paragraph", "content": [mention, _text(", " + _intro(content, True))]})
    else:
        blocks.append({"type": "paragraph", "content": [_text(_intro(content, False))]})
    for heading, items in _groups(content):
        blocks.append({"type": "paragraph", "content": [_text(heading, {"type": "strong"})]})
        entries = []
        for item in items:
            parts = [_text(item.message)]
            if item.docs:
                link = {"type": "link", "attrs": {"href": item.docs}}
                parts += [{"type": "text", "text": " "}, _text("why it matters", link)]
            entries.append({"type": "listItem", "content": [{"type": "paragraph", "content": parts}]})
        blocks.append({"type": "bulletList", "content": entries})
    blocks += [{"type": "rule"}, {"type": "paragraph", "content": [_text(_footer(content), {"type": "em"})]}]
    return {"type": "doc", "version": 1, "content": blocks}


def render(content: Content, markup: str) -> str | dict[str, Any]:
    """The body to send: wiki markup for REST v2, ADF for v3."""
    return render_adf(content) if markup == "adf" else render_wiki(content)
