"""Inputs that make backtracking regular expressions quadratic parse like any other line.

No timing assertion: a regression shows up as a suite that suddenly takes minutes.
Each case also checks the text survives, so the linear rewrite did not lose content.
"""

from __future__ import annotations

import pytest

from ticketlint.text import parse_description

SIZE = 20_000
CASES = {
    "stars": "*a " * SIZE,
    "double stars": "**a " * SIZE,
    "underscores": "_a " * SIZE,
    "unclosed links": "[a|" * SIZE,
    "unclosed markdown links": "[a](" * SIZE,
    "brackets": "[x" * SIZE,
    "monospace": "{{x" * SIZE,
    "colours": "{color:x" * SIZE,
    "html": "<a x" * SIZE,
    "heading hashes": "# " + "x # " * SIZE,
    "dashes": "-a " * SIZE,
    "dash leads": "a - " * SIZE,
    "tildes": "~~a " * SIZE,
    "strike tags": "<del>a " * SIZE,
    "questions": "a? " * SIZE,
    "arrows": "a -> " * SIZE,
}


@pytest.mark.parametrize("fmt", ["wiki", "markdown"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_line_parses_and_keeps_its_words(name: str, fmt: str) -> None:
    doc = parse_description("h2. Notes\n" + CASES[name] if fmt == "wiki" else "## Notes\n" + CASES[name], fmt)
    assert doc.text.count("x") + doc.text.count("a") >= SIZE


def test_emphasis_marks_are_dropped_but_words_kept_and_struck_words_dropped() -> None:
    doc = parse_description(
        "h2. Success metric\n*Watch time* per _session_ +3%, snake_case kept -old-", "wiki"
    )
    assert doc.sections[0].lines == ("Watch time per session +3%, snake_case kept",)
    md = parse_description("## Success metric\n**Watch time** per *session* ~~old~~ +3%", "markdown")
    assert md.sections[0].lines == ("Watch time per session +3%",)
