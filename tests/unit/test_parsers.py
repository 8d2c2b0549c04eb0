"""The three description markups (Jira wiki, Markdown, ADF) reduce to the same sections.

Each feature is written once per markup; a rule must see the same section titles and the
same answer text whichever markup the epic's description happens to use.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from ticketlint.model import Document, Task
from ticketlint.text import detect_format, parse_adf, parse_description, parse_markdown, parse_wiki
from ticketlint.text.titles import title_matches, title_words

FORMATS = ("wiki", "markdown", "adf")


# -- ADF building blocks ------------------------------------------------------------------


def text(value: str, *marks: str) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if marks:
        node["marks"] = [{"type": mark} for mark in marks]
    return node


def para(*inline: dict[str, Any] | str) -> dict[str, Any]:
    return {"type": "paragraph", "content": [text(n) if isinstance(n, str) else n for n in inline]}


def heading(level: int, title: str) -> dict[str, Any]:
    return {"type": "heading", "attrs": {"level": level}, "content": [text(title)]}


def bullets(*items: list[dict[str, Any] | str] | str) -> dict[str, Any]:
    return {
        "type": "bulletList",
        "content": [
            {"type": "listItem", "content": [para(*(item if isinstance(item, list) else [item]))]}
            for item in items
        ],
    }


def tasks(*entries: tuple[str, bool]) -> dict[str, Any]:
    return {
        "type": "taskList",
        "attrs": {"localId": "list"},
        "content": [
            {
                "type": "taskItem",
                "attrs": {"localId": str(index), "state": "DONE" if done else "TODO"},
                "content": [text(label)],
            }
            for index, (label, done) in enumerate(entries)
        ],
    }


def table(*rows: tuple[str, ...], header: bool = True) -> dict[str, Any]:
    def row(cells: tuple[str, ...], kind: str) -> dict[str, Any]:
        return {"type": "tableRow", "content": [{"type": kind, "content": [para(c)]} for c in cells]}

    built = [row(r, "tableHeader" if header and i == 0 else "tableCell") for i, r in enumerate(rows)]
    return {"type": "table", "attrs": {"layout": "default"}, "content": built}


def mention(name: str, account_id: str = "5b10a2844c20165700ede21g") -> dict[str, Any]:
    return {"type": "mention", "attrs": {"id": account_id, "text": name}}


def panel(title: str | None, *content: dict[str, Any]) -> dict[str, Any]:
    attrs: dict[str, Any] = {"panelType": "info"}
    if title is not None:
        attrs["title"] = title
    return {"type": "panel", "attrs": attrs, "content": list(content)}


def code_block(body: str) -> dict[str, Any]:
    return {"type": "codeBlock", "attrs": {"language": "yaml"}, "content": [text(body)]}


def doc(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": "doc", "version": 1, "content": list(blocks)}


def parse(fmt: str, source: Any) -> Document:
    return {"wiki": parse_wiki, "markdown": parse_markdown, "adf": parse_adf}[fmt](source)


def sections(document: Document) -> dict[str, tuple[str, ...]]:
    """Section title → its lines (titles are unique in these examples)."""
    titles = [s.title for s in document.sections]
    assert len(titles) == len(set(titles)), f"duplicate section titles: {titles}"
    return {s.title: s.lines for s in document.sections}


def kinds(document: Document) -> dict[str, str]:
    return {s.title: s.kind for s in document.sections}


# -- one logical description in every markup ----------------------------------------------

KICKOFF = {
    "wiki": """h2. Success metric
+3% watch time per session

*Error tolerance:* false positives cost more than misses

||Decision||Answer||
|Data source|events table|
|Baseline|current ranker|

h2. Unacceptable mistakes
* Blocking a legitimate seller
* Hiding a scam report

h2. Kickoff checklist
* [x] Data access granted
* [ ] Privacy review

h2. Roles
ML owner [~dana]
""",
    "markdown": """## Success metric
+3% watch time per session

**Error tolerance:** false positives cost more than misses

| Decision | Answer |
|----------|--------|
| Data source | events table |
| Baseline | current ranker |

## Unacceptable mistakes
- Blocking a legitimate seller
- Hiding a scam report

## Kickoff checklist
- [x] Data access granted
- [ ] Privacy review

## Roles
ML owner @dana
""",
    "adf": doc(
        heading(2, "Success metric"),
        para("+3% watch time per session"),
        para(text("Error tolerance:", "strong"), text(" false positives cost more than misses")),
        table(("Decision", "Answer"), ("Data source", "events table"), ("Baseline", "current ranker")),
        heading(2, "Unacceptable mistakes"),
        bullets("Blocking a legitimate seller", "Hiding a scam report"),
        heading(2, "Kickoff checklist"),
        tasks(("Data access granted", True), ("Privacy review", False)),
        heading(2, "Roles"),
        para(text("ML owner "), mention("@dana")),
    ),
}

KICKOFF_SECTIONS = {
    "Success metric": (
        "+3% watch time per session",
        "Error tolerance: false positives cost more than misses",
        "Decision | Answer",
        "Data source | events table",
        "Baseline | current ranker",
    ),
    "Error tolerance": ("false positives cost more than misses",),
    "Data source": ("events table",),
    "Baseline": ("current ranker",),
    "Unacceptable mistakes": ("Blocking a legitimate seller", "Hiding a scam report"),
    "Kickoff checklist": ("Data access granted", "Privacy review"),
    "Roles": ("ML owner @dana",),
}


class TestSameDescriptionInEveryMarkup:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_sections_have_the_expected_titles_and_texts(self, fmt: str) -> None:
        assert sections(parse(fmt, KICKOFF[fmt])) == KICKOFF_SECTIONS

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_section_kinds(self, fmt: str) -> None:
        assert kinds(parse(fmt, KICKOFF[fmt])) == {
            "Success metric": "heading",
            "Error tolerance": "label",
            "Data source": "table",
            "Baseline": "table",
            "Unacceptable mistakes": "heading",
            "Kickoff checklist": "heading",
            "Roles": "heading",
        }

    @pytest.mark.parametrize("fmt", ["markdown", "adf"])
    def test_documents_are_identical_to_the_wiki_one(self, fmt: str) -> None:
        assert parse(fmt, KICKOFF[fmt]) == parse_wiki(KICKOFF["wiki"])

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_document_level_items_and_tasks(self, fmt: str) -> None:
        document = parse(fmt, KICKOFF[fmt])
        assert document.items == ("Blocking a legitimate seller", "Hiding a scam report")
        assert document.tasks == (Task("Data access granted", True), Task("Privacy review", False))


# -- feature by feature -------------------------------------------------------------------


class TestHeadings:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "h2. Goal\nRank by watch time\nh3. Success metric\n+3%\nh2. Risks\nCold start",
        "markdown": "## Goal\nRank by watch time\n### Success metric\n+3%\n## Risks\nCold start",
        "adf": doc(
            heading(2, "Goal"),
            para("Rank by watch time"),
            heading(3, "Success metric"),
            para("+3%"),
            heading(2, "Risks"),
            para("Cold start"),
        ),
    }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_heading_holds_its_sub_headings_until_the_next_heading_of_its_level(self, fmt: str) -> None:
        assert sections(parse(fmt, self.SOURCE[fmt])) == {
            "Goal": ("Rank by watch time", "Success metric", "+3%"),
            "Success metric": ("+3%",),
            "Risks": ("Cold start",),
        }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_sub_heading_lines_remember_their_sub_section(self, fmt: str) -> None:
        goal = next(s for s in parse(fmt, self.SOURCE[fmt]).sections if s.title == "Goal")
        assert goal.parts == {"Success metric"}
        assert goal.without_parts(lambda part: part == "Success metric").lines == ("Rank by watch time",)

    def test_markdown_setext_headings(self) -> None:
        document = parse_markdown("Success metric\n==============\n+3%\n\nBaseline\n--------\nranker v2")
        assert sections(document) == {
            "Success metric": ("+3%", "Baseline", "ranker v2"),
            "Baseline": ("ranker v2",),
        }

    def test_markdown_closing_hashes_are_not_part_of_the_title(self) -> None:
        assert sections(parse_markdown("## Success metric ##\n+3%")) == {"Success metric": ("+3%",)}

    def test_adf_heading_without_a_level_still_opens_a_section(self) -> None:
        source = doc({"type": "heading", "content": [text("Success metric")]}, para("+3%"))
        assert sections(parse_adf(source)) == {"Success metric": ("+3%",)}


class TestBoldLabels:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "*Success metric:* +3% watch time",
        "markdown": "**Success metric:** +3% watch time",
        "adf": doc(para(text("Success metric:", "strong"), text(" +3% watch time"))),
    }
    COLON_OUTSIDE: ClassVar[dict[str, Any]] = {
        "wiki": "*Success metric*: +3% watch time",
        "markdown": "**Success metric**: +3% watch time",
        "adf": doc(para(text("Success metric", "strong"), text(": +3% watch time"))),
    }
    BLOCK: ClassVar[dict[str, Any]] = {
        "wiki": "*Success metric:*\n+3% watch time\nper session\n\nUnrelated paragraph",
        "markdown": "**Success metric:**\n+3% watch time\nper session\n\nUnrelated paragraph",
        "adf": doc(
            para(text("Success metric:", "strong")),
            para("+3% watch time", {"type": "hardBreak"}, "per session"),
            para("Unrelated paragraph"),
        ),
    }
    IN_BULLET: ClassVar[dict[str, Any]] = {
        "wiki": "* *Legal:* no PII leaves the EU\n* plain item",
        "markdown": "- **Legal:** no PII leaves the EU\n- plain item",
        "adf": doc(bullets([text("Legal:", "strong"), text(" no PII leaves the EU")], "plain item")),
    }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_inline_bold_label_is_a_section(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert sections(document) == {"Success metric": ("+3% watch time",)}
        assert kinds(document) == {"Success metric": "label"}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_colon_after_the_bold_text(self, fmt: str) -> None:
        assert sections(parse(fmt, self.COLON_OUTSIDE[fmt])) == {"Success metric": ("+3% watch time",)}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_bold_label_alone_heads_the_paragraph_below_it(self, fmt: str) -> None:
        assert sections(parse(fmt, self.BLOCK[fmt])) == {"Success metric": ("+3% watch time", "per session")}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_bold_label_in_a_bullet_is_a_section_and_still_an_item(self, fmt: str) -> None:
        document = parse(fmt, self.IN_BULLET[fmt])
        assert sections(document) == {"Legal": ("no PII leaves the EU",)}
        assert document.items == ("Legal: no PII leaves the EU", "plain item")

    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "*Important* we ship in March"),
            ("markdown", "**Important** we ship in March"),
            ("adf", doc(para(text("Important", "strong"), text(" we ship in March")))),
        ],
    )
    def test_bold_words_without_a_colon_inside_prose_are_not_a_label(self, fmt: str, source: Any) -> None:
        document = parse(fmt, source)
        assert document.sections == ()
        assert document.text == "Important we ship in March"

    @pytest.mark.parametrize("fmt", ["wiki", "markdown"])
    def test_plain_short_label_line_is_a_section(self, fmt: str) -> None:
        document = parse(fmt, "Success metric: +3% watch time")
        assert sections(document) == {"Success metric": ("+3% watch time",)}

    @pytest.mark.parametrize("fmt", ["wiki", "markdown"])
    def test_prose_with_a_colon_after_many_words_is_not_a_label(self, fmt: str) -> None:
        line = "We talked about this a lot with the whole team last week: no decision"
        assert parse(fmt, line).sections == ()


class TestDecisionTables:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "||Decision||Answer||\n|Success metric|+3% watch time|\n|Baseline|ranker v2|",
        "markdown": (
            "| Decision | Answer |\n| :--- | ---: |\n"
            "| Success metric | +3% watch time |\n| Baseline | ranker v2 |"
        ),
        "adf": doc(
            table(("Decision", "Answer"), ("Success metric", "+3% watch time"), ("Baseline", "ranker v2"))
        ),
    }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_each_data_row_is_a_section_titled_by_its_first_cell(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert sections(document) == {"Success metric": ("+3% watch time",), "Baseline": ("ranker v2",)}
        assert set(kinds(document).values()) == {"table"}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_header_row_is_not_a_section(self, fmt: str) -> None:
        assert "Decision" not in sections(parse(fmt, self.SOURCE[fmt]))

    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "||Success metric|+3%|"),
            (
                "adf",
                doc(
                    {
                        "type": "table",
                        "content": [
                            {
                                "type": "tableRow",
                                "content": [
                                    {"type": "tableHeader", "content": [para("Success metric")]},
                                    {"type": "tableCell", "content": [para("+3%")]},
                                ],
                            }
                        ],
                    }
                ),
            ),
        ],
    )
    def test_header_column_row_is_still_a_decision(self, fmt: str, source: Any) -> None:
        # A row whose first cell is a header cell and the second a data cell.
        assert sections(parse(fmt, source)) == {"Success metric": ("+3%",)}

    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "|Success metric| |"),
            ("markdown", "| Success metric |  |"),
            ("adf", doc(table(("Success metric", ""), header=False))),
        ],
    )
    def test_row_with_an_empty_answer_is_an_empty_section(self, fmt: str, source: Any) -> None:
        assert sections(parse(fmt, source)) == {"Success metric": ()}

    def test_wiki_links_and_mentions_inside_cells(self) -> None:
        document = parse_wiki("|Dashboard|[watch time|https://grafana/d/1]|\n|Owner|[~dana]|")
        assert sections(document) == {"Dashboard": ("watch time",), "Owner": ("@dana",)}

    def test_markdown_markup_inside_cells_is_removed(self) -> None:
        document = parse_markdown("| **Success metric** | [watch time](https://grafana/d/1) `+3%` |")
        assert sections(document) == {"Success metric": ("watch time +3%",)}


class TestBulletsAndChecklists:
    BULLETS: ClassVar[dict[str, Any]] = {
        "wiki": "h2. Risks\n* cold start\n** new users\n# popularity bias\n- stale labels",
        "markdown": "## Risks\n- cold start\n  * new users\n1. popularity bias\n+ stale labels",
        "adf": doc(
            heading(2, "Risks"),
            bullets("cold start", "new users"),
            {"type": "orderedList", "content": bullets("popularity bias", "stale labels")["content"]},
        ),
    }
    CHECKLIST: ClassVar[dict[str, Any]] = {
        "wiki": (
            "h2. Checklist\n* [x] data access\n* [X] legal review\n* [ ] privacy review\n"
            "* (/) baseline\n* (x) A/B slot"
        ),
        "markdown": (
            "## Checklist\n- [x] data access\n- [X] legal review\n- [ ] privacy review\n"
            "* [x] baseline\n* [ ] A/B slot"
        ),
        "adf": doc(
            heading(2, "Checklist"),
            tasks(
                ("data access", True),
                ("legal review", True),
                ("privacy review", False),
                ("baseline", True),
                ("A/B slot", False),
            ),
        ),
    }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_bullets_are_items_of_their_section(self, fmt: str) -> None:
        document = parse(fmt, self.BULLETS[fmt])
        expected = ("cold start", "new users", "popularity bias", "stale labels")
        assert document.items == expected
        assert document.sections[0].items == expected

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_checklist_items_are_tasks_with_their_state(self, fmt: str) -> None:
        document = parse(fmt, self.CHECKLIST[fmt])
        expected = (
            Task("data access", True),
            Task("legal review", True),
            Task("privacy review", False),
            Task("baseline", True),
            Task("A/B slot", False),
        )
        assert document.tasks == expected
        (checklist,) = document.sections
        assert checklist.tasks == expected
        assert checklist.items == (), "checklist entries are tasks, not plain bullets"

    def test_adf_task_item_without_a_state_is_open(self) -> None:
        source = doc({"type": "taskList", "content": [{"type": "taskItem", "content": [text("review")]}]})
        assert parse_adf(source).tasks == (Task("review", False),)


class TestMentions:
    def test_wiki_user_mention_becomes_at_name(self) -> None:
        assert sections(parse_wiki("Owner: [~dana]")) == {"Owner": ("@dana",)}

    def test_wiki_account_id_mention(self) -> None:
        assert parse_wiki("Reviewed with [~accountid:5b10ac8d82e05b22cc7d4ef5]").text == (
            "Reviewed with @5b10ac8d82e05b22cc7d4ef5"
        )

    @pytest.mark.parametrize("name", ["@Dana Lee", "Dana Lee"])
    def test_adf_mention_becomes_at_display_name(self, name: str) -> None:
        document = parse_adf(doc(para(text("Owner: "), mention(name))))
        assert sections(document) == {"Owner": ("@Dana Lee",)}

    def test_adf_mention_without_a_name_falls_back_to_the_account_id(self) -> None:
        node = {"type": "mention", "attrs": {"id": "5b10ac"}}
        assert parse_adf(doc(para("Reviewed with ", node))).text == "Reviewed with @5b10ac"


class TestWikiBoxes:
    def test_panel_title_is_a_section(self) -> None:
        document = parse_wiki("{panel:title=Success metric}\n+3% watch time per session\n{panel}")
        assert sections(document) == {"Success metric": ("+3% watch time per session",)}

    def test_panel_title_among_other_parameters(self) -> None:
        document = parse_wiki("{panel:borderStyle=dashed|title=Success metric|bgColor=#FFFFCE}\n+3%\n{panel}")
        assert sections(document) == {"Success metric": ("+3%",)}

    def test_panel_closed_on_its_last_line_ends_the_section(self) -> None:
        document = parse_wiki("{panel:title=Success metric}\nTBD{panel}\nWe ship in March.")
        assert sections(document)["Success metric"] == ("TBD",)

    def test_panel_closed_on_its_own_line_ends_the_section(self) -> None:
        document = parse_wiki("{panel:title=Success metric}\nTBD\n{panel}\nWe ship in March.")
        assert sections(document)["Success metric"] == ("TBD",)

    def test_panel_inside_a_heading_is_a_sub_section(self) -> None:
        document = parse_wiki("h2. Decisions\n{panel:title=Baseline}\nranker v2\n{panel}\nh2. Risks\nnone")
        found = sections(document)
        assert found["Baseline"] == ("ranker v2",)
        assert found["Decisions"] == ("Baseline", "ranker v2")

    def test_untitled_panel_content_is_still_parsed(self) -> None:
        assert sections(parse_wiki("{panel}\n*Success metric:* +3%\n{panel}")) == {"Success metric": ("+3%",)}

    def test_adf_panel_title_is_a_section_that_ends_with_the_panel(self) -> None:
        document = parse_adf(doc(panel("Success metric", para("TBD")), para("We ship in March.")))
        assert sections(document) == {"Success metric": ("TBD",)}

    def test_adf_expand_title_is_a_section(self) -> None:
        expand = {"type": "expand", "attrs": {"title": "Baseline"}, "content": [para("ranker v2")]}
        assert sections(parse_adf(doc(expand))) == {"Baseline": ("ranker v2",)}


class TestCodeBlocks:
    MARKUP_INSIDE: ClassVar[list[str]] = [
        "h2. Not a heading",
        "## Not a heading",
        "*Bold:* not a label",
        "||a||b||",
        "* not a bullet",
    ]

    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "h2. Notes\n{code:python}\n" + "\n".join(MARKUP_INSIDE) + "\n{code}\nafter",
        "markdown": "## Notes\n```python\n" + "\n".join(MARKUP_INSIDE) + "\n```\nafter",
        "adf": doc(heading(2, "Notes"), code_block("\n".join(MARKUP_INSIDE)), para("after")),
    }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_code_content_is_kept_verbatim_and_not_parsed_as_markup(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert sections(document) == {"Notes": (*self.MARKUP_INSIDE, "after")}
        assert document.items == ()

    @pytest.mark.parametrize(
        "source", ["{code}h2. Inline{code}\nh2. Real", "{noformat}\nh2. Inline\n{noformat}\nh2. Real"]
    )
    def test_wiki_code_and_noformat_end_at_their_closing_tag(self, source: str) -> None:
        document = parse_wiki(source)
        assert [s.title for s in document.sections] == ["Real"]
        assert "h2. Inline" in document.text.splitlines()

    def test_markdown_tilde_fence(self) -> None:
        document = parse_markdown("~~~\n## Not a heading\n~~~\n## Real\nyes")
        assert sections(document) == {"Real": ("yes",)}

    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "h2. Config\n{code:yaml}\nbaseline: 0.42 AUC\n{code}"),
            ("markdown", "## Config\n```yaml\nbaseline: 0.42 AUC\n```"),
            ("adf", doc(heading(2, "Config"), code_block("baseline: 0.42 AUC"))),
        ],
    )
    def test_code_line_that_looks_like_a_label_is_not_a_section(self, fmt: str, source: Any) -> None:
        assert [s.title for s in parse(fmt, source).sections] == ["Config"]


class TestInlineMarkupIsRemoved:
    def test_wiki_links_colours_monospace_and_emphasis(self) -> None:
        line = "see [the dashboard|https://x] {{p95}} {color:red}red{color} _it_ and *bold*"
        assert parse_wiki(line).text == "see the dashboard p95 red it and bold"

    def test_markdown_links_code_emphasis_and_html(self) -> None:
        line = "see [the dashboard](https://x) `p95` *it* _it_ <b>bold</b> ![chart](c.png)"
        assert parse_markdown(line).text == "see the dashboard p95 it it bold chart"

    def test_wiki_keeps_signs_that_are_not_emphasis(self) -> None:
        line = "+3% CTR and -2% churn for user_id cohorts, p-value < 0.05"
        assert parse_wiki(line).text == line

    @pytest.mark.parametrize("fmt", ["wiki", "markdown"])
    @pytest.mark.parametrize(
        "line", ["Data source: events_daily joined with users_daily", "Cost: 2*3*4 = 24 GPU hours"]
    )
    def test_underscores_and_stars_inside_words_are_kept(self, fmt: str, line: str) -> None:
        assert parse(fmt, line).text == line


class TestUrlsAreNotLabels:
    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "Baseline dashboard at https://grafana/d/1"),
            ("markdown", "Baseline dashboard at https://grafana/d/1"),
            ("adf", doc(para("Baseline dashboard at https://grafana/d/1"))),
        ],
    )
    def test_a_sentence_with_a_url_is_not_a_section(self, fmt: str, source: Any) -> None:
        document = parse(fmt, source)
        assert document.sections == ()
        assert document.text == "Baseline dashboard at https://grafana/d/1"

    @pytest.mark.parametrize("fmt", ["wiki", "markdown"])
    def test_a_label_whose_value_is_a_url(self, fmt: str) -> None:
        document = parse(fmt, "Dashboard: https://grafana/d/1")
        assert sections(document) == {"Dashboard": ("https://grafana/d/1",)}
        assert document.text == "Dashboard: https://grafana/d/1"


class TestDetectFormat:
    @pytest.mark.parametrize(
        ("description", "expected"),
        [
            (doc(para("x")), "adf"),
            ({}, "adf"),
            ("h2. Success metric\n+3%", "wiki"),
            ("Intro line\nh1. Later heading", "wiki"),
            ("||Decision||Answer||\n|a|b|", "wiki"),
            ("{panel:title=Decisions}\nx\n{panel}", "wiki"),
            ("{code}\nx\n{code}", "wiki"),
            ("{noformat}\nx\n{noformat}", "wiki"),
            ("{quote}\nx\n{quote}", "wiki"),
            ("{color:red}x{color}", "wiki"),
            ("## Success metric\n+3%", "markdown"),
            ("**Success metric:** +3%", "markdown"),
            ("| Decision | Answer |\n|---|---|", "markdown"),
            ("Just a sentence about h2. headings", "markdown"),
            ("", "markdown"),
        ],
    )
    def test_detects_the_markup(self, description: object, expected: str) -> None:
        assert detect_format(description) == expected

    def test_parse_description_uses_the_detected_markup(self) -> None:
        assert sections(parse_description("h2. Success metric\n+3%")) == {"Success metric": ("+3%",)}
        assert sections(parse_description("## Success metric\n+3%")) == {"Success metric": ("+3%",)}
        assert sections(parse_description(doc(heading(2, "Success metric"), para("+3%")))) == {
            "Success metric": ("+3%",)
        }

    def test_an_explicit_format_wins_over_detection(self) -> None:
        # In wiki markup "## x" is a nested numbered list item, not a heading.
        document = parse_description("## Success metric\n+3%", "wiki")
        assert document.sections == ()
        assert document.items == ("Success metric",)

    def test_no_description_is_an_empty_document(self) -> None:
        assert parse_description(None) == Document()

    @pytest.mark.parametrize(
        ("description", "fmt", "message"),
        [("h2. x", "adf", "ADF description must be a JSON object"), (doc(), "wiki", "must be text")],
    )
    def test_a_description_of_the_wrong_shape_is_a_value_error(
        self, description: object, fmt: str, message: str
    ) -> None:
        with pytest.raises(ValueError, match=message):
            parse_description(description, fmt)


class TestTitleMatching:
    SYNONYMS = ("Success metric",)

    @staticmethod
    def matches(title: str, *synonyms: str) -> bool:
        return title_matches(title, [title_words(s) for s in synonyms])

    @pytest.mark.parametrize(
        "title",
        [
            "Success metric",
            "SUCCESS METRIC",
            "success   metric",
            "Success Metric:",
            "Success metric.",
            "success-metric",
            "1. Success metric",
            "2.3) Success metric",
            "b) Success metric",
            "Success metrics",
            "3. Success Metrics:",
            "Success metric (north star)",
        ],
    )
    def test_matching_titles(self, title: str) -> None:
        assert self.matches(title, "success metric")

    @pytest.mark.parametrize(
        "title",
        [
            "Proxy for success metric",
            "Our success metric",
            "Success",
            "Successful metric",
            "Success metrical",
            "Metric of success",
        ],
    )
    def test_titles_that_do_not_match(self, title: str) -> None:
        assert not self.matches(title, "success metric")

    def test_plural_synonym_matches_singular_title(self) -> None:
        assert self.matches("Unacceptable mistake", "Unacceptable mistakes")

    def test_any_synonym_is_enough(self) -> None:
        assert self.matches("North star", "success metric", "north star metric", "north star")
        assert not self.matches("Guardrails", "success metric", "north star")

    def test_words_ending_in_double_s_are_not_singularised(self) -> None:
        assert self.matches("Business goal", "business goal")
        assert not self.matches("Busines goal", "business goal")
