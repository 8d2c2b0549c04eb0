"""Concepts and attribution: which passages are about a decision, before any check runs."""

from __future__ import annotations

import pytest

from ticketlint.detection.attribution import attribution
from ticketlint.detection.concepts import ConceptSpecError, build_concept, concept_set
from ticketlint.detection.words import content_stems, stem
from ticketlint.fields import FieldCatalog
from ticketlint.trackers.file import issue_from_yaml
from ticketlint.trackers.issue import epic_from_issue

CONCEPTS = concept_set(
    [
        build_concept("success", {"names": ["success metric", "know it worked", "KPI"], "cues": ["we want"]}),
        build_concept(
            "tolerance", {"names": ["error rate", "acceptable error rate"], "cues": ["false alarm*"]}
        ),
        build_concept("kind", {"names": ["acceptable error"], "cues": ["FN"]}),
        build_concept("baseline", {"names": ["baseline"], "cues": ["today"], "fields": ["Baseline"]}),
        build_concept("roles", {"names": ["roles", "owner"], "generic": True}),
    ]
)


def epic(description: str = "", **fields: object) -> object:
    return epic_from_issue(
        issue_from_yaml({"key": "ML-1", "description": description, "fields": fields}), FieldCatalog()
    )


class TestWords:
    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("metrics", "metric"),
            ("owned", "own"),
            ("reviewing", "review"),
            ("notes", "note"),
            ("categories", "category"),
        ],
    )
    def test_inflections_meet_at_one_stem(self, word: str, expected: str) -> None:
        assert stem(word) == expected

    def test_titles_lose_numbering_and_filler_words(self) -> None:
        assert content_stems("3. Metrics of success:") == content_stems("Success metric")
        assert content_stems("Q: How will we know it worked?") == frozenset({"how", "know", "work"})


class TestNames:
    @pytest.mark.parametrize(
        "title",
        ["Success metric", "2. Metrics of success", "How will we know it worked?", "KPI (north star)"],
    )
    def test_a_name_matches_order_free_and_inflected(self, title: str) -> None:
        assert CONCEPTS.named(title) == ("success",)

    def test_the_name_covering_more_of_the_title_wins(self) -> None:
        assert CONCEPTS.named("Acceptable error rate") == ("tolerance",)
        assert CONCEPTS.named("Acceptable error kind") == ("kind",)

    def test_a_title_wholly_about_a_concept_is_owned_by_it(self) -> None:
        assert CONCEPTS.owns("Baseline") == ("baseline",)
        assert CONCEPTS.owns("Baseline of the old rules") == ()

    def test_a_generic_one_word_sub_title_stays_with_its_section(self) -> None:
        assert not CONCEPTS.claims_part("Owner", "success")  # "Owner: Maria" under Remediation
        assert CONCEPTS.claims_part("Baseline", "success")  # the concept's own first name
        assert CONCEPTS.claims_part("Acceptable error rate", "success")


class TestCues:
    def test_cues_match_in_order_with_inflection(self) -> None:
        assert "success" in CONCEPTS.cued("We wanted more orders.")
        assert "success" not in CONCEPTS.cued("Want we more orders.")

    def test_a_cue_in_capitals_matches_only_in_capitals(self) -> None:
        assert "kind" in CONCEPTS.cued("FN is cheaper than FP here.")
        assert "kind" not in CONCEPTS.cued("It was fn to build.")

    def test_a_cue_ending_in_a_star_matches_any_ending(self) -> None:
        assert "tolerance" in CONCEPTS.cued("Too many false alarmists complained.")


class TestConceptSpecs:
    @pytest.mark.parametrize(
        ("spec", "message"),
        [
            ({"names": ["the of"]}, "only filler words"),
            ({"names": "KPI"}, "names: needs a list"),
            ({"patterns": ["(unclosed"]}, "not a valid regular expression"),
            ({}, "needs at least one of"),
        ],
    )
    def test_a_malformed_concept_says_what_is_wrong(self, spec: object, message: str) -> None:
        with pytest.raises(ConceptSpecError, match=message):
            build_concept("x", spec)


class TestAttribution:
    def test_a_titled_passage_drops_sub_parts_about_another_decision(self) -> None:
        found = attribution(epic("h2. Success metric\nCTR +2%\n*Baseline:* 3.1% today"), CONCEPTS)
        assert [v.lines for v in found.candidates("success")] == [("CTR +2%",)]
        assert any(v.lines == ("3.1% today",) for v in found.candidates("baseline"))

    def test_a_sentence_inside_a_passage_about_another_decision_is_not_a_cue(self) -> None:
        found = attribution(epic("h2. Baseline\nWe want to know today's rate."), CONCEPTS)
        assert list(found.candidates("success")) == []

    def test_a_cue_sentence_is_read_with_the_sentence_after_it(self) -> None:
        found = attribution(
            epic("Context first. Today we run at 3.1%. Measured weekly. Unrelated."), CONCEPTS
        )
        (value,) = found.candidates("baseline")
        assert value.lines == ("Today we run at 3.1%.", "Measured weekly.")
        assert not value.placed

    def test_fields_named_or_listed_for_a_concept_are_one_candidate(self) -> None:
        found = attribution(epic("", Baseline="3.1% CTR", **{"Current KPI": "CTR +2%"}), CONCEPTS)
        assert [v.lines for v in found.candidates("baseline")] == [("Baseline: 3.1% CTR",)]
        assert [v.target for v in found.candidates("success")] == ['field "Current KPI"']

    def test_running_text_is_read_only_when_titled_passages_did_not_answer(self) -> None:
        found = attribution(epic("h2. Baseline\n3.1%"), CONCEPTS)
        candidates = found.candidates("baseline")
        assert next(iter(candidates)).lines == ("3.1%",)
        assert found._sentences is None  # nobody asked past the titled passage yet
