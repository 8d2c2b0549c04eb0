"""The parsers never fail, whatever the description: arbitrary text, odd ADF, huge or deep input."""

from __future__ import annotations

import re
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketlint.fields import FieldCatalog
from ticketlint.model import Document, Task
from ticketlint.text import parse_adf, parse_description, parse_markdown, parse_wiki
from ticketlint.trackers.issue import epic_from_issue

FUZZ = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
WORD = re.compile(r"\w+")

# -- arbitrary text, rich in markup ---------------------------------------------------------

MARKUP_PIECES = [
    *"*|#{}[]h1.:-_~+^?!`>()<xX/ \t\n\r",
    "h2. ",
    "h7. ",
    "||",
    "{code}",
    "{code:python}",
    "{noformat}",
    "{panel:title=Success metric}",
    "{panel}",
    "{color:red}",
    "{{",
    "}}",
    "[~dana]",
    "[~accountid:5b10]",
    "[link|http://x]",
    "* [x] ",
    "- [ ] ",
    "(/) ",
    "```",
    "~~~",
    "**",
    "__",
    "## ",
    "===",
    "---",
    "|---|---|",
    "Success metric:",
    "TBD",
    "é",
    "\u2028",
    "\x00",
]
markup_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("*|#{}[]h1.:-_ \n")), max_size=200),
    st.lists(st.sampled_from(MARKUP_PIECES) | st.text(max_size=3), max_size=80).map("".join),
)


def assert_consistent(document: Document) -> None:
    """What any parse must give: sections and tasks only hold words the text holds."""
    assert isinstance(document, Document)
    words = set(WORD.findall(document.text))
    for section in document.sections:
        for line in section.lines:
            assert set(WORD.findall(line)) <= words, (section, document.text)
    for task in document.tasks:
        assert set(WORD.findall(task.text)) <= words


@FUZZ
@given(markup_text)
def test_parse_wiki_never_raises(source: str) -> None:
    assert_consistent(parse_wiki(source))


@FUZZ
@given(markup_text)
def test_parse_markdown_never_raises(source: str) -> None:
    assert_consistent(parse_markdown(source))


# -- arbitrary JSON-like ADF trees ----------------------------------------------------------

ADF_NODES = [
    "doc", "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "taskList",
    "taskItem", "decisionList", "decisionItem", "table", "tableRow", "tableHeader", "tableCell",
    "panel", "expand", "nestedExpand", "codeBlock", "blockquote", "rule", "mention", "emoji",
    "status", "inlineCard", "blockCard", "date", "hardBreak", "mediaSingle", "media", "strong",
]  # fmt: skip
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
)
attrs = st.one_of(
    json_scalars,
    st.dictionaries(
        st.sampled_from(
            ["level", "title", "state", "text", "id", "shortName", "url", "timestamp", "localId"]
        ),
        json_scalars,
        max_size=4,
    ),
)
marks = st.one_of(
    json_scalars,
    st.lists(st.one_of(json_scalars, st.fixed_dictionaries({"type": st.sampled_from(["strong", "em", 7])}))),
)
node_type = st.one_of(st.sampled_from(ADF_NODES), json_scalars)
leaf = st.one_of(
    json_scalars,
    st.fixed_dictionaries(
        {"type": node_type}, optional={"text": json_scalars, "attrs": attrs, "marks": marks}
    ),
)


def _branches(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    content = st.one_of(st.lists(children, max_size=4), children)
    return st.one_of(
        st.lists(children, max_size=4),
        st.fixed_dictionaries(
            {"type": node_type},
            optional={"content": content, "attrs": attrs, "text": json_scalars, "marks": marks},
        ),
    )


adf_trees = st.fixed_dictionaries(
    {"type": st.just("doc")},
    optional={
        "version": st.just(1),
        "content": st.lists(st.recursive(leaf, _branches, max_leaves=30), max_size=6),
    },
)


@FUZZ
@given(adf_trees)
def test_parse_adf_never_raises(root: dict[str, Any]) -> None:
    assert isinstance(parse_adf(root), Document)


# Documents of the right shape whose inline nodes carry odd values: the walk reaches
# every inline node, so each one's attrs, text and marks are read.
INLINE_NODES = ["text", "mention", "emoji", "status", "inlineCard", "blockCard", "date", "hardBreak"]
inline = st.fixed_dictionaries(
    {"type": st.sampled_from(INLINE_NODES)},
    optional={
        "text": json_scalars,
        "marks": marks,
        "attrs": st.dictionaries(
            st.sampled_from(["text", "id", "shortName", "url", "timestamp", "state"]),
            json_scalars,
            max_size=3,
        ),
    },
)
inline_content = st.lists(inline, max_size=5)
block = st.one_of(
    st.fixed_dictionaries({"type": st.just("paragraph"), "content": inline_content}),
    st.fixed_dictionaries({"type": st.just("heading"), "content": inline_content}, optional={"attrs": attrs}),
    st.fixed_dictionaries(
        {"type": st.just("taskItem"), "content": inline_content}, optional={"attrs": attrs}
    ),
    st.fixed_dictionaries({"type": st.just("codeBlock"), "content": inline_content}),
    st.fixed_dictionaries(
        {
            "type": st.just("tableRow"),
            "content": st.lists(
                st.fixed_dictionaries(
                    {
                        "type": st.sampled_from(["tableHeader", "tableCell"]),
                        "content": st.lists(
                            st.fixed_dictionaries({"type": st.just("paragraph"), "content": inline_content}),
                            max_size=2,
                        ),
                    }
                ),
                max_size=3,
            ),
        }
    ),
)
containers = st.recursive(
    block,
    lambda children: st.fixed_dictionaries(
        {
            "type": st.sampled_from(["bulletList", "listItem", "panel", "expand", "blockquote", "table"]),
            "content": st.lists(children, max_size=3),
        },
        optional={"attrs": attrs},
    ),
    max_leaves=12,
)
well_shaped = st.fixed_dictionaries({"type": st.just("doc"), "content": st.lists(containers, max_size=5)})


@FUZZ
@given(well_shaped)
def test_parse_adf_never_raises_on_odd_inline_nodes(root: dict[str, Any]) -> None:
    assert isinstance(parse_adf(root), Document)


@FUZZ
@given(adf_trees)
def test_an_issue_with_any_adf_description_is_readable(root: dict[str, Any]) -> None:
    issue = {"key": "REC-1", "fields": {"summary": "x", "description": root}}
    epic = epic_from_issue(issue, FieldCatalog())
    assert epic.description == parse_description(root)


# -- size and depth -------------------------------------------------------------------------

KICKOFF_BLOCK = """h2. Success metric
+3% watch time per session, owner [~dana]
*Error tolerance:* false positives under 1%
||Decision||Answer||
|Baseline|current ranker|
* [x] data access
* [ ] privacy review
{code}
h2. not a heading
{code}

"""


def test_a_10_mb_wiki_description_parses_completely() -> None:
    copies = 10_000_000 // len(KICKOFF_BLOCK) + 1
    source = KICKOFF_BLOCK * copies
    assert len(source) >= 10_000_000

    started = time.perf_counter()
    document = parse_wiki(source)
    elapsed = time.perf_counter() - started
    print(f"parsed {len(source) / 1e6:.1f} MB of wiki markup in {elapsed:.1f} s")

    titles = [s.title for s in document.sections]
    assert len(titles) == 3 * copies
    assert titles[:3] == ["Success metric", "Error tolerance", "Baseline"]  # document order
    assert "not a heading" not in titles
    assert document.tasks[-2:] == (Task("data access", True), Task("privacy review", False))
    assert len(document.tasks) == 2 * copies
    assert document.sections[-3].lines[0] == "+3% watch time per session, owner @dana"


def _nest(kind: str, depth: int, innermost: dict[str, Any], **extra: Any) -> dict[str, Any]:
    node = innermost
    for _ in range(depth):
        node = {"type": kind, "content": [node], **extra}
    return node


DEEP = 10_000
ANSWER = {"type": "paragraph", "content": [{"type": "text", "text": "Success metric: +3% watch time"}]}


def test_adf_lists_nested_10000_deep() -> None:
    document = parse_adf({"type": "doc", "content": [_nest("bulletList", DEEP, ANSWER)]})
    assert document.items == ("Success metric: +3% watch time",)
    assert [(s.title, s.lines) for s in document.sections] == [("Success metric", ("+3% watch time",))]


def test_adf_blockquotes_nested_10000_deep() -> None:
    document = parse_adf({"type": "doc", "content": [_nest("blockquote", DEEP, ANSWER)]})
    assert [(s.title, s.lines) for s in document.sections] == [("Success metric", ("+3% watch time",))]


def test_adf_titled_panels_nested_10000_deep() -> None:
    document = parse_adf({"type": "doc", "content": [_nest("panel", DEEP, ANSWER, attrs={"title": "Box"})]})
    assert [s.title for s in document.sections].count("Box") == DEEP
    assert "Success metric" in [s.title for s in document.sections]


def test_adf_inline_marks_nested_10000_deep() -> None:
    inline = _nest("strong", DEEP, {"type": "text", "text": "+3% watch time"})
    heading = {
        "type": "heading",
        "attrs": {"level": 2},
        "content": [{"type": "text", "text": "Success metric"}],
    }
    document = parse_adf({"type": "doc", "content": [heading, {"type": "paragraph", "content": [inline]}]})
    assert [(s.title, s.lines) for s in document.sections] == [("Success metric", ("+3% watch time",))]


def test_an_issue_with_a_10000_deep_adf_description_is_readable() -> None:
    issue = {
        "key": "REC-1",
        "fields": {"description": {"type": "doc", "content": [_nest("listItem", DEEP, ANSWER)]}},
    }
    epic = epic_from_issue(issue, FieldCatalog())
    assert epic.description.text == "Success metric: +3% watch time"
