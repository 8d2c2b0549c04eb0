"""Passages: every place a statement lives, the same in wiki markup, Markdown and ADF.

Each kind of passage is written once per markup; the detection layer must see the same
titles, bodies and paths whichever markup a team uses.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from tests.unit.test_parsers import doc, heading, para, table, text

from ticketlint.model import Document, Passage
from ticketlint.text import detect_format, parse_adf, parse_markdown, parse_wiki


def parse(fmt: str, source: Any) -> Document:
    return {"wiki": parse_wiki, "markdown": parse_markdown, "adf": parse_adf}[fmt](source)


def titled(document: Document, title: str) -> Passage:
    found = [p for p in document.passages if p.title == title]
    assert found, f"no passage titled {title!r}: {[p.title for p in document.passages]}"
    return found[0]


def ordered(*items: str) -> dict[str, Any]:
    return {"type": "orderedList", "content": [{"type": "listItem", "content": [para(i)]} for i in items]}


def nested(lead: str, *children: str) -> dict[str, Any]:
    child = {"type": "bulletList", "content": [{"type": "listItem", "content": [para(c)]} for c in children]}
    return {"type": "bulletList", "content": [{"type": "listItem", "content": [para(lead), child]}]}


class TestListLeads:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "# Cost of a wrong call — a missed fraud costs €400\n# Plan B -> human review queue\n"
        "# Which mistake hurts less? False positives",
        "markdown": "1. Cost of a wrong call — a missed fraud costs €400\n2. Plan B -> human review queue\n"
        "3. Which mistake hurts less? False positives",
        "adf": doc(
            ordered(
                "Cost of a wrong call — a missed fraud costs €400",
                "Plan B -> human review queue",
                "Which mistake hurts less? False positives",
            )
        ),
    }

    @pytest.mark.parametrize("fmt", ["wiki", "markdown", "adf"])
    def test_a_lead_phrase_titles_the_item(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert titled(document, "Cost of a wrong call").lines == ("a missed fraud costs €400",)
        assert titled(document, "Plan B").lines == ("human review queue",)
        assert titled(document, "Which mistake hurts less?").kind == "question"
        assert titled(document, "Which mistake hurts less?").lines == ("False positives",)


class TestNestedItems:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "* Red lines ->\n** auto-ban a verified creator\n** hide a safety report\n* Other",
        "markdown": "- Red lines ->\n  - auto-ban a verified creator\n  - hide a safety report\n- Other",
        "adf": doc(nested("Red lines ->", "auto-ban a verified creator", "hide a safety report")),
    }

    @pytest.mark.parametrize("fmt", ["wiki", "markdown", "adf"])
    def test_sub_items_belong_to_the_item_that_titles_them(self, fmt: str) -> None:
        red_lines = titled(parse(fmt, self.SOURCE[fmt]), "Red lines")
        assert red_lines.lines == ("auto-ban a verified creator", "hide a safety report")

    @pytest.mark.parametrize("fmt", ["wiki", "markdown", "adf"])
    def test_a_sub_item_knows_the_item_it_sits_in(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        child = next(p for p in document.passages if p.lines == ("auto-ban a verified creator",))
        assert child.path == ("Red lines",)


class TestQuestionsAndAnswers:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "Q: How will we know it worked?\nA: Conversion +2% in a 2-week A/B test.\n\n"
        "*Why not rules?* The rules catch 41% of fraud.",
        "markdown": "Q: How will we know it worked?\nA: Conversion +2% in a 2-week A/B test.\n\n"
        "**Why not rules?** The rules catch 41% of fraud.",
        "adf": doc(
            para("Q: How will we know it worked?"),
            para("A: Conversion +2% in a 2-week A/B test."),
            para(text("Why not rules?", "strong"), " The rules catch 41% of fraud."),
        ),
    }

    @pytest.mark.parametrize("fmt", ["wiki", "markdown", "adf"])
    def test_a_question_titles_its_answer(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert titled(document, "How will we know it worked?").lines == (
            "Conversion +2% in a 2-week A/B test.",
        )
        assert titled(document, "Why not rules?").lines == ("The rules catch 41% of fraud.",)

    def test_a_question_heading_titles_the_section(self) -> None:
        document = parse_markdown("## Which mistake hurts less?\nFalse positives: a human reviews each flag.")
        assert titled(document, "Which mistake hurts less?").kind == "heading"


class TestTableColumns:
    SOURCE: ClassVar[dict[str, Any]] = {
        "wiki": "||Success metric||Baseline||\n|CTR +2%|CTR 3.1% today|",
        "markdown": "| Success metric | Baseline |\n|---|---|\n| CTR +2% | CTR 3.1% today |",
        "adf": doc(table(("Success metric", "Baseline"), ("CTR +2%", "CTR 3.1% today"))),
    }

    @pytest.mark.parametrize("fmt", ["wiki", "markdown", "adf"])
    def test_a_header_cell_titles_its_column(self, fmt: str) -> None:
        document = parse(fmt, self.SOURCE[fmt])
        assert titled(document, "Success metric").kind == "column"
        assert titled(document, "Baseline").lines == ("CTR 3.1% today",)


class TestStruckOut:
    @pytest.mark.parametrize(
        ("fmt", "source"),
        [
            ("wiki", "PM: -Dana Lee- Sam Ortiz"),
            ("markdown", "PM: ~~Dana Lee~~ Sam Ortiz"),
            ("markdown", "PM: <del>Dana Lee</del> Sam Ortiz"),
            ("adf", doc(para("PM: ", text("Dana Lee", "strike"), " Sam Ortiz"))),
        ],
    )
    def test_struck_out_words_are_not_part_of_the_text(self, fmt: str, source: Any) -> None:
        assert parse(fmt, source).text == "PM: Sam Ortiz"

    @pytest.mark.parametrize("line", ["-5% churn, scores 0.4 - 0.7", "2026-03-02", "e-mail and re-routing"])
    def test_hyphens_and_minus_signs_are_not_strike_through(self, line: str) -> None:
        assert parse_wiki(line).text == line


class TestAdfNodes:
    def test_decision_items_are_checklist_items_decided_or_not(self) -> None:
        decisions = {
            "type": "decisionList",
            "content": [
                {"type": "decisionItem", "attrs": {"state": "DECIDED"}, "content": [text("FN over FP")]},
                {"type": "decisionItem", "attrs": {"state": "UNDECIDED"}, "content": [text("Tolerance")]},
            ],
        }
        tasks = parse_adf(doc(decisions)).tasks
        assert [(t.text, t.done) for t in tasks] == [("FN over FP", True), ("Tolerance", False)]

    def test_a_date_node_reads_as_the_date(self) -> None:
        node = {"type": "date", "attrs": {"timestamp": "1772409600000"}}
        assert (
            parse_adf(doc(para("Reviewed with @dana on ", node))).text == "Reviewed with @dana on 2026-03-02"
        )

    def test_a_panel_title_is_a_passage_around_its_content(self) -> None:
        panel = {
            "type": "panel",
            "attrs": {"panelType": "info", "title": "Baseline"},
            "content": [para("3.1%")],
        }
        document = parse_adf(doc(heading(2, "Metrics"), panel))
        assert titled(document, "Baseline").path == ("Metrics",)


class TestWrappedLinesAndLeads:
    def test_wrapped_lines_of_a_paragraph_go_on_the_same_statement(self) -> None:
        document = parse_markdown("Kenji owns the review queue\nfor scores between 0.4 and 0.7.")
        paragraph = next(p for p in document.passages if p.kind == "paragraph")
        assert [e.continues for e in paragraph.entries] == [False, True]

    def test_a_heading_with_a_lead_titles_the_section_and_starts_its_body(self) -> None:
        document = parse_markdown("## Error tolerance - at most 0.3 false wakes per device a day\nmore text")
        assert titled(document, "Error tolerance").lines[0] == "at most 0.3 false wakes per device a day"

    def test_a_list_of_hash_items_is_wiki_not_markdown_headings(self) -> None:
        source = "# PM review - done 2026-01-08\n# Constraints - none\n## sub item\n# Baseline - 11%"
        assert detect_format(source) == "wiki"

    def test_one_or_two_markdown_headings_stay_markdown(self) -> None:
        assert detect_format("# Roles\nPriya builds the model\n# Data\nclickstream") == "markdown"

    def test_every_line_of_text_belongs_to_one_passage_of_its_own(self) -> None:
        document = parse_wiki("h2. Roles\n* ML engineer: Priya\nSome prose.\n||Role||Name||\n|PM|Dana|")
        owned = [i for i in document.line_passages if i >= 0]
        assert len(owned) == 3 and len(set(owned)) == 3
        assert document.line_passages[0] == -1  # the heading's title
