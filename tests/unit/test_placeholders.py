"""What counts as "filled": template leftovers never do, real answers always do."""

from __future__ import annotations

import pytest

from ticketlint.text.placeholders import answer_text, is_filled, is_placeholder_line, normalize

# Every placeholder form the placeholders.py docstring lists, in the spellings people type.
PLACEHOLDERS = [
    # empty text
    "",
    "   ",
    # TBD / TBC / TODO / N/A / none / unknown / ? / - / ...
    "TBD",
    "tbd",
    "TBD.",
    "TBC",
    "TBA",
    "TODO",
    "To do",
    "N/A",
    "n/a",
    "NA",
    "N/A.",
    "none",
    "None.",
    "nil",
    "unknown",
    "Unknown!",
    "pending",
    "WIP",
    "xxx",
    "?",
    "???",
    "-",
    "---",
    "...",
    "…",
    "—",
    # "to be defined" and friends
    "to be defined",
    "To be decided",
    "to be determined",
    "To be confirmed.",
    "to be agreed",
    "to be discussed",
    "to be added",
    "to be filled in",
    "not defined",
    "not yet decided",
    "not known yet",
    "fill in",
    "fill this in",
    "add here",
    # bracketed hints
    "[describe the metric]",
    "<metric name>",
    "{metric}",
    "(describe the metric)",
    "[describe the metric]:",
    # a question: the template asking, not an answer
    "Which metric will move, and by how much?",
    "*What is the baseline today?*",
    # text that is only an "e.g. ..." example
    "e.g. precision >= 0.9 on the audit set",
    "E.g. +3% watch time",
    "eg precision",
    "Example: +3% watch time",
    "ex: +3% watch time",
    # decorated by markup the parsers leave behind
    "*TBD*",
    "**TBD**",
    "`TBD`",
    '"TBD"',
    "_N/A_",
    # a label line whose value is a placeholder, or no value at all
    "Target: TBD",
    "Owner: ?",
    "Target:",
]

ANSWERS = [
    "+3% watch time per session in a 2-week A/B test",
    "Precision >= 0.9 on the weekly audit sample",
    "Dana Lee",
    "42",
    "Target: 3%",
    "Baseline: current ranker v2",
    "None of the flagged comments are hidden without review",
    "Unknown users get the popularity ranker",
    "Todo-list items are out of scope",
    "TBD items were resolved at kickoff: we use AUC",
    "Example-based explanations are shown to moderators",
    "[Grafana](https://grafana/d/1) shows 3.8% spam today",
]

REASON = "N/A because the model never sees personal data at all"


class TestPlaceholders:
    @pytest.mark.parametrize("line", PLACEHOLDERS)
    def test_placeholder_is_not_filled(self, line: str) -> None:
        assert is_placeholder_line(line)
        assert not is_filled([line])
        assert not is_filled([line], allow_not_applicable=True)

    def test_only_placeholder_lines_are_not_filled(self) -> None:
        assert not is_filled(["TBD", "[describe the metric]", "e.g. +3%", "Owner: ?"])

    def test_no_lines_at_all_is_not_filled(self) -> None:
        assert not is_filled([])

    @pytest.mark.parametrize("line", ["Not applicable", "Not applicable."])
    def test_spelled_out_not_applicable_is_not_filled(self, line: str) -> None:
        assert not is_filled([line])


class TestAnswers:
    @pytest.mark.parametrize("line", ANSWERS)
    def test_real_answer_is_filled(self, line: str) -> None:
        assert not is_placeholder_line(line)
        assert is_filled([line])

    def test_one_real_line_among_placeholders_is_enough(self) -> None:
        assert is_filled(["TBD", "Precision >= 0.9", "[describe the metric]"])


class TestSentences:
    def test_an_unanswered_template_sentence_is_dropped_from_the_answer(self) -> None:
        line = "Train on NDCG@10. How we check it tracks the metric: TBD."
        assert answer_text([line]) == "Train on NDCG@10."
        assert is_filled([line], min_words=4)
        assert not is_filled([line], min_words=5)

    def test_an_answer_after_the_template_question_is_filled(self) -> None:
        line = "Which metric will move, and by how much? Watch time per session, +3%."
        assert answer_text([line]) == "Watch time per session, +3%."
        assert is_filled([line], min_words=5)


class TestNotApplicable:
    @pytest.mark.parametrize(
        "line",
        [
            REASON,
            "n/a since the ranking is fully rule based today",
            "Not applicable, as there is no human review queue",
            "NA because we only ship to internal staff users",
        ],
    )
    def test_with_a_reason_of_five_words_it_is_filled_only_when_allowed(self, line: str) -> None:
        assert is_filled([line], allow_not_applicable=True)
        assert not is_filled([line])

    def test_reason_of_exactly_five_words_is_enough(self) -> None:
        # The reason is what follows "because": five words here, four would not do.
        assert is_filled(["N/A because labels come from the moderators"], allow_not_applicable=True)
        assert not is_filled(["N/A because labels come from moderators"], allow_not_applicable=True)

    def test_a_short_reason_does_not_bypass_min_words(self) -> None:
        assert not is_filled(["N/A because too short"], min_words=10, allow_not_applicable=True)

    @pytest.mark.parametrize("line", ["N/A because short", "N/A because no users here"])
    def test_short_reason_is_not_filled_when_not_allowed(self, line: str) -> None:
        assert not is_filled([line])

    @pytest.mark.parametrize("line", ["N/A because short", "N/A because no users here"])
    def test_short_reason_is_not_filled_even_when_allowed(self, line: str) -> None:
        assert not is_filled([line], allow_not_applicable=True)

    def test_a_reason_on_one_line_is_enough_among_placeholders(self) -> None:
        assert is_filled(["TBD", REASON], allow_not_applicable=True)

    def test_bare_na_is_never_filled(self) -> None:
        assert not is_filled(["N/A"], allow_not_applicable=True)


class TestMinWords:
    def test_fewer_words_than_required_is_not_filled(self) -> None:
        assert not is_filled(["+3% watch"], min_words=3)

    def test_exactly_the_required_words_is_filled(self) -> None:
        assert is_filled(["+3% watch time"], min_words=3)

    def test_words_add_up_over_lines(self) -> None:
        assert is_filled(["Precision", "on audit", "sample"], min_words=4)

    def test_placeholder_lines_do_not_count_towards_min_words(self) -> None:
        assert not is_filled(["TBD", "[describe the metric here]", "watch time"], min_words=3)


class TestHints:
    HINT = "The metric you will move, with a target"

    @pytest.fixture
    def hints(self) -> frozenset[str]:
        return frozenset({normalize(self.HINT)})

    @pytest.mark.parametrize(
        "line",
        [
            "The metric you will move, with a target",
            "the METRIC you will move with a target",
            "*The metric you will move, with a target.*",
            "  the   metric you will move -- with a target!",
            "_The metric you will move, with a target_",
        ],
    )
    def test_text_equal_to_a_hint_is_not_filled(self, hints: frozenset[str], line: str) -> None:
        assert is_filled([line])  # without the hint it reads as an answer...
        assert not is_filled([line], hints=hints)  # ...with it, it is template text

    def test_hint_followed_by_an_answer_is_filled(self, hints: frozenset[str]) -> None:
        assert is_filled([self.HINT, "+3% watch time per session"], hints=hints)

    def test_hint_with_a_value_after_its_colon_is_filled(self, hints: frozenset[str]) -> None:
        assert is_filled([f"{self.HINT}: +3% watch time"], hints=hints)

    def test_text_that_only_starts_like_the_hint_is_filled(self, hints: frozenset[str]) -> None:
        assert is_filled(["The metric you will move: watch time"], hints=hints)

    @pytest.mark.parametrize(
        "line",
        [
            "List examples of mistakes that must never reach users.",
            "Give examples of mistakes that must never reach users.",
            "Describe the metric you will move, with a target",
            "Name a person for each role, or write not needed.",
        ],
    )
    def test_a_template_instruction_is_never_an_answer(self, line: str) -> None:
        assert not is_filled([line])  # no pack needs to declare it as a hint

    def test_an_instruction_with_its_answer_after_a_colon_is_filled(self) -> None:
        assert is_filled(["Describe the metric you will move: watch time per session +3%"])

    def test_normalize_ignores_case_markup_punctuation_and_spacing(self) -> None:
        assert normalize("  *Success*   Metric -- (north star)!") == "success metric north star"
