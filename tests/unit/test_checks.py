"""Check primitives on realistic epics: each passes on a decided epic and fails on a vague one."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from ticketlint.checks import CheckSpecError, Outcome, compile_check
from ticketlint.fields import AmbiguousFieldError, FieldCatalog
from ticketlint.model import Epic
from ticketlint.targets import build_targets
from ticketlint.text.placeholders import normalize
from ticketlint.trackers.file import issue_from_yaml
from ticketlint.trackers.issue import epic_from_issue


def make_epic(
    description: Any = None,
    fields: dict[str, Any] | None = None,
    *,
    catalog: FieldCatalog | None = None,
    description_format: str | None = None,
    **kw: Any,
) -> Epic:
    """A hand-written epic (the YAML format) turned into an Epic, as the file tracker does."""
    entry = {"key": "REC-101", "summary": "Rank the home feed by watch time", **kw}
    entry["description"] = description
    entry["fields"] = fields or {}
    return epic_from_issue(issue_from_yaml(entry), catalog or FieldCatalog(), description_format)


def evaluate(check: object, epic: Epic, *targets: object, hints: frozenset[str] = frozenset()) -> Outcome:
    """Compile a rule-file check (with rule-level targets, if given) and run it on one epic."""
    return compile_check(check, build_targets(list(targets)) if targets else (), hints).evaluate(epic)


def section(*titles: str) -> dict[str, Any]:
    return {"section": list(titles)}


DECIDED = """h2. Success metric
Watch time per session +3% in a 2-week A/B test

h2. Error tolerance
False positives are worse than false negatives: precision >= 0.9 at the FPR budget.

h2. Unacceptable mistakes
* Recommending adult content to minors
* TBD
* Recommending the same video twice in a row

h2. Kickoff checklist
* [x] Data access granted
* [x] Legal review LEGAL-2310
* [ ] Privacy review
* [ ] Baseline measured

h2. Roles
ML owner [~dana.lee], data engineer [~jonas.weber]
"""

VAGUE = """h2. Success metric
TBD

h2. Error tolerance
[describe which mistakes are worse]

h2. Unacceptable mistakes
* ?

h2. Kickoff checklist
* [ ] Data access granted
* [ ] Legal review

h2. Roles
TBD
"""

# /rest/api/2/field answer, trimmed to the keys Jira always sends.
FIELD_LIST = [
    {
        "id": "customfield_10010",
        "key": "customfield_10010",
        "name": "Success Metric",
        "custom": True,
        "clauseNames": ["cf[10010]", "Success Metric"],
        "schema": {"type": "string", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:textarea"},
    },
    {
        "id": "customfield_10020",
        "key": "customfield_10020",
        "name": "ML Owner",
        "custom": True,
        "clauseNames": ["cf[10020]", "ML Owner"],
        "schema": {"type": "user", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:userpicker"},
    },
    {
        "id": "summary",
        "key": "summary",
        "name": "Summary",
        "custom": False,
        "clauseNames": ["summary"],
        "schema": {"type": "string", "system": "summary"},
    },
]


@pytest.fixture
def decided() -> Epic:
    return make_epic(DECIDED, assignee="Priya Raman", priority="High", labels=["ml", "ranking"])


@pytest.fixture
def vague() -> Epic:
    return make_epic(VAGUE, labels=[])


@pytest.fixture
def catalog() -> FieldCatalog:
    found = FieldCatalog()
    found.add_field_list(FIELD_LIST)
    return found


class TestFilled:
    def test_answered_section_passes(self, decided: Epic) -> None:
        outcome = evaluate({"filled": {}}, decided, section("Success metric"))
        assert outcome == Outcome(
            True, 'section "Success metric"', "Watch time per session +3% in a 2-week A/B test"
        )

    @pytest.mark.parametrize("title", ["Success metric", "Error tolerance", "Roles"])
    def test_placeholder_section_fails_and_shows_what_it_holds(self, vague: Epic, title: str) -> None:
        outcome = evaluate({"filled": {}}, vague, section(title))
        assert not outcome.passed
        assert outcome.target == f'section "{title}"'

    def test_outcome_value_is_the_placeholder_text(self, vague: Epic) -> None:
        assert evaluate({"filled": {}}, vague, section("Success metric")).value == "TBD"

    def test_min_words(self, decided: Epic) -> None:
        # "Watch time per session +3% in a 2-week A/B test": 12 words (numbers count).
        assert evaluate({"filled": {"min_words": 12}}, decided, section("Success metric")).passed
        assert not evaluate({"filled": {"min_words": 13}}, decided, section("Success metric")).passed

    def test_pattern_must_be_in_the_answer_not_in_an_example(self) -> None:
        check = {"filled": {"pattern": r"\d"}}
        assert evaluate(check, make_epic("*Target:* precision >= 0.9"), section("Target")).passed
        assert not evaluate(check, make_epic("*Target:* high precision"), section("Target")).passed
        example = make_epic("*Target:*\ne.g. precision >= 0.9\nhigh precision")
        assert not evaluate(check, example, section("Target")).passed

    def test_allow_not_applicable(self) -> None:
        epic = make_epic("*Proxy metric:* N/A because we train on the exact business outcome label")
        assert not evaluate({"filled": {}}, epic, section("Proxy metric")).passed
        assert evaluate({"filled": {"allow_not_applicable": True}}, epic, section("Proxy metric")).passed

    def test_allow_not_applicable_still_needs_a_five_word_reason(self) -> None:
        epic = make_epic("*Proxy metric:* N/A because obvious")
        assert not evaluate({"filled": {"allow_not_applicable": True}}, epic, section("Proxy metric")).passed

    def test_rule_hints_are_not_answers(self) -> None:
        epic = make_epic("h2. Success metric\n_The number that moves, and by how much._")
        check = {"filled": {"hints": ["The number that moves, and by how much"]}}
        assert evaluate({"filled": {}}, epic, section("Success metric")).passed
        assert not evaluate(check, epic, section("Success metric")).passed

    def test_pack_hints_are_compared_normalised(self) -> None:
        epic = make_epic("h2. Success metric\n*The number that moves, and by how much.*")
        pack_hints = frozenset({normalize("the number that MOVES and by how much")})
        assert evaluate({"filled": {}}, epic, section("Success metric")).passed
        assert not evaluate({"filled": {}}, epic, section("Success metric"), hints=pack_hints).passed
        answered = make_epic(
            "h2. Success metric\nName the number that moves, and by how much.\nWatch time, +3%"
        )
        assert evaluate({"filled": {}}, answered, section("Success metric"), hints=pack_hints).passed

    def test_list_field(self, decided: Epic, vague: Epic) -> None:
        assert evaluate({"filled": {}}, decided, "labels").passed
        assert not evaluate({"filled": {}}, vague, "labels").passed

    def test_adf_custom_field_value(self, catalog: FieldCatalog) -> None:
        adf = {"type": "doc", "version": 1, "content": [{"type": "paragraph", "content": []}]}
        empty = make_epic(fields={"customfield_10010": adf}, catalog=catalog)
        assert not evaluate({"filled": {}}, empty, {"field": "Success Metric"}).passed
        adf["content"][0]["content"] = [{"type": "text", "text": "Spam share in audit <= 1%"}]
        filled = make_epic(fields={"customfield_10010": adf}, catalog=catalog)
        assert evaluate({"filled": {}}, filled, {"field": "Success Metric"}).passed


class TestMatches:
    PERCENT = r"\d+(\.\d+)?\s*%"

    def test_pattern_found_passes(self, decided: Epic) -> None:
        outcome = evaluate({"matches": {"pattern": self.PERCENT}}, decided, section("Success metric"))
        assert outcome.passed
        assert outcome.target == 'section "Success metric"'

    def test_pattern_missing_fails(self, decided: Epic) -> None:
        outcome = evaluate({"matches": {"pattern": self.PERCENT}}, decided, section("Error tolerance"))
        assert not outcome.passed
        assert outcome.value.startswith("False positives are worse")

    def test_ignores_case_by_default(self, decided: Epic) -> None:
        assert evaluate({"matches": {"pattern": "A/B TEST"}}, decided, section("Success metric")).passed
        check = {"matches": {"pattern": "A/B TEST", "ignore_case": False}}
        assert not evaluate(check, decided, section("Success metric")).passed

    def test_anchors_match_each_line(self, decided: Epic) -> None:
        check = {"matches": {"pattern": "^Recommending the same"}}
        assert evaluate(check, decided, section("Unacceptable mistakes")).passed

    def test_absent_target_fails(self, decided: Epic) -> None:
        outcome = evaluate({"matches": {"pattern": "."}}, decided, section("Baseline"))
        assert outcome == Outcome(False, 'section "Baseline"', "")


class TestNotMatches:
    TBD = r"\bTBD\b"

    def test_passes_when_no_target_matches(self, decided: Epic) -> None:
        targets = (section("Success metric"), section("Roles"))
        assert evaluate({"not_matches": {"pattern": self.TBD}}, decided, *targets).passed

    def test_fails_naming_the_target_that_matches(self, decided: Epic) -> None:
        # "Unacceptable mistakes" has a TBD bullet; the other target is fine.
        targets = (section("Success metric"), section("Unacceptable mistakes"))
        outcome = evaluate({"not_matches": {"pattern": self.TBD}}, decided, *targets)
        assert not outcome.passed
        assert outcome.target == 'section "Unacceptable mistakes"'

    def test_absent_target_passes(self, decided: Epic) -> None:
        assert evaluate({"not_matches": {"pattern": "."}}, decided, section("Baseline")).passed


class TestOneOf:
    def test_value_among_allowed(self, decided: Epic) -> None:
        assert evaluate({"one_of": {"values": ["High", "Highest"]}}, decided, "priority").passed

    def test_value_not_allowed(self, decided: Epic) -> None:
        outcome = evaluate({"one_of": {"values": ["Low", "Lowest"]}}, decided, "priority")
        assert outcome == Outcome(False, 'field "priority"', "High")

    def test_ignores_case_unless_told_not_to(self, decided: Epic) -> None:
        assert evaluate({"one_of": {"values": ["high"]}}, decided, "priority").passed
        assert not evaluate(
            {"one_of": {"values": ["high"], "ignore_case": False}}, decided, "priority"
        ).passed

    def test_every_item_of_a_list_field_must_be_allowed(self, decided: Epic) -> None:
        assert evaluate({"one_of": {"values": ["ml", "ranking", "nlp"]}}, decided, "labels").passed
        assert not evaluate({"one_of": {"values": ["ml"]}}, decided, "labels").passed

    def test_empty_field_fails(self, vague: Epic) -> None:
        assert not evaluate({"one_of": {"values": ["High"]}}, vague, "priority").passed

    def test_select_list_and_cascading_select_values(self) -> None:
        fields = {
            "customfield_1": {"self": "https://x/option/1", "value": "Offline", "id": "1"},
            "customfield_2": {"value": "Ranking", "child": {"value": "Home feed"}},
        }
        epic = make_epic(fields=fields)
        assert evaluate({"one_of": {"values": ["offline", "online"]}}, epic, "customfield_1").passed
        assert evaluate({"one_of": {"values": ["Ranking / Home feed"]}}, epic, "customfield_2").passed
        assert not evaluate({"one_of": {"values": ["Ranking"]}}, epic, "customfield_2").passed


class TestAssigned:
    def test_user_picker_by_display_name(self, catalog: FieldCatalog) -> None:
        owner = {"accountId": "5b10a284", "displayName": "Dana Lee", "active": True}
        epic = make_epic(fields={"customfield_10020": owner}, catalog=catalog)
        outcome = evaluate({"assigned": {}}, epic, {"field": "ML Owner"})
        assert outcome == Outcome(True, 'field "ML Owner"', "Dana Lee")

    def test_unset_user_field_fails(self, catalog: FieldCatalog) -> None:
        epic = make_epic(fields={"customfield_10020": None}, catalog=catalog)
        assert not evaluate({"assigned": {}}, epic, {"field": "ML Owner"}).passed

    def test_name_typed_in_a_text_field_counts_but_a_placeholder_does_not(self) -> None:
        assert evaluate(
            {"assigned": {}}, make_epic(fields={"ML Owner": "Dana Lee"}), {"field": "ML Owner"}
        ).passed
        assert not evaluate(
            {"assigned": {}}, make_epic(fields={"ML Owner": "TBD"}), {"field": "ML Owner"}
        ).passed

    def test_min_counts_people_across_targets(self, decided: Epic) -> None:
        epic = make_epic(fields={"ML Owner": "Dana Lee"}, assignee="Priya Raman")
        targets = ({"field": "ML Owner"}, "assignee")
        outcome = evaluate({"assigned": {"min": 2}}, epic, *targets)
        assert outcome == Outcome(True, 'field "ML Owner", field "assignee"', "Dana Lee, Priya Raman")
        assert not evaluate({"assigned": {"min": 3}}, epic, *targets).passed

    def test_roles_section(self, decided: Epic, vague: Epic) -> None:
        assert evaluate({"assigned": {}}, decided, section("Roles")).passed
        assert not evaluate({"assigned": {}}, vague, section("Roles")).passed

    def test_no_assignee(self, vague: Epic) -> None:
        assert evaluate({"assigned": {}}, vague, "assignee") == Outcome(False, 'field "assignee"', "")


class TestCount:
    MISTAKES = section("Unacceptable mistakes")
    CHECKLIST = section("Kickoff checklist")

    def test_items_minimum(self, decided: Epic) -> None:
        outcome = evaluate({"count": {"min": 2}}, decided, self.MISTAKES)
        assert outcome == Outcome(True, 'section "Unacceptable mistakes"', "2 items")

    def test_placeholder_items_are_not_counted(self, decided: Epic, vague: Epic) -> None:
        assert not evaluate({"count": {"min": 3}}, decided, self.MISTAKES).passed  # one bullet is TBD
        assert evaluate({"count": {"min": 1}}, vague, self.MISTAKES).value == "0 items"

    def test_items_maximum(self, decided: Epic) -> None:
        assert evaluate({"count": {"max": 2}}, decided, self.MISTAKES).passed
        assert not evaluate({"count": {"max": 1}}, decided, self.MISTAKES).passed

    def test_tasks(self, decided: Epic) -> None:
        assert evaluate({"count": {"of": "tasks", "min": 4, "max": 4}}, decided, self.CHECKLIST).passed
        assert not evaluate({"count": {"of": "tasks", "min": 5}}, decided, self.CHECKLIST).passed

    def test_done_tasks(self, decided: Epic, vague: Epic) -> None:
        check = {"count": {"of": "done_tasks", "min": 2}}
        assert evaluate(check, decided, self.CHECKLIST).value == "2 done tasks"
        assert evaluate(check, decided, self.CHECKLIST).passed
        assert not evaluate(check, vague, self.CHECKLIST).passed

    def test_open_tasks(self, decided: Epic) -> None:
        everything_done = {"count": {"of": "open_tasks", "max": 0}}
        outcome = evaluate(everything_done, decided, self.CHECKLIST)
        assert outcome == Outcome(False, 'section "Kickoff checklist"', "2 open tasks")
        done = make_epic("h2. Kickoff checklist\n* [x] Data access\n* [x] Legal review")
        assert evaluate(everything_done, done, self.CHECKLIST).passed

    def test_pattern_counts_only_matching_entries(self, decided: Epic) -> None:
        reviews = {"count": {"of": "tasks", "pattern": r"\breview\b", "min": 2}}
        assert evaluate(reviews, decided, self.CHECKLIST).passed
        done_reviews = {"count": {"of": "done_tasks", "pattern": r"\breview\b", "min": 2}}
        assert not evaluate(done_reviews, decided, self.CHECKLIST).passed

    def test_lines(self, decided: Epic) -> None:
        assert evaluate(
            {"count": {"of": "lines", "min": 1, "max": 1}}, decided, section("Error tolerance")
        ).passed

    def test_counts_add_up_over_targets(self, decided: Epic) -> None:
        outcome = evaluate({"count": {"min": 4}}, decided, self.MISTAKES, "labels")
        assert outcome == Outcome(True, 'section "Unacceptable mistakes", field "labels"', "4 items")

    def test_absent_section_counts_zero(self, decided: Epic) -> None:
        assert not evaluate({"count": {"min": 1}}, decided, section("Guardrails")).passed
        assert evaluate({"count": {"max": 0}}, decided, section("Guardrails")).passed


class TestMentions:
    TOLERANCE = section("Error tolerance")

    def test_any_phrase(self, decided: Epic) -> None:
        check = {"mentions": {"any": ["false negatives", "symmetric"]}}
        assert evaluate(check, decided, self.TOLERANCE).passed
        assert not evaluate({"mentions": {"any": ["symmetric", "recall"]}}, decided, self.TOLERANCE).passed

    def test_all_phrases(self, decided: Epic) -> None:
        assert evaluate(
            {"mentions": {"all": ["false positives", "precision"]}}, decided, self.TOLERANCE
        ).passed
        check = {"mentions": {"all": ["false positives", "recall"]}}
        assert not evaluate(check, decided, self.TOLERANCE).passed

    def test_word_boundaries(self) -> None:
        epic = make_epic("*Error tolerance:* keep FP under 1% at 60 FPS")
        assert evaluate({"mentions": {"any": ["FP"]}}, epic, self.TOLERANCE).passed
        assert evaluate({"mentions": {"any": ["fps"]}}, epic, self.TOLERANCE).passed
        other = make_epic("*Error tolerance:* the app runs at 60 FPS, precision first")
        assert not evaluate({"mentions": {"any": ["FP"]}}, other, self.TOLERANCE).passed
        assert not evaluate({"mentions": {"any": ["precis"]}}, other, self.TOLERANCE).passed
        assert not evaluate({"mentions": {"any": ["cision"]}}, other, self.TOLERANCE).passed

    def test_case_punctuation_and_spacing_are_ignored(self) -> None:
        epic = make_epic("*Error tolerance:* FALSE-POSITIVES are worse")
        assert evaluate({"mentions": {"any": ["false  positives"]}}, epic, self.TOLERANCE).passed

    def test_adf_mention_by_display_name(self) -> None:
        mention = {"type": "mention", "attrs": {"id": "5b10a284", "text": "@Dana Lee"}}
        description = {
            "type": "doc",
            "version": 1,
            "content": [
                {
                    "type": "paragraph",
                    "content": [{"type": "text", "text": "Roles:", "marks": [{"type": "strong"}]}],
                },
                {"type": "paragraph", "content": [{"type": "text", "text": "ML owner "}, mention]},
            ],
        }
        epic = make_epic(description)
        assert evaluate({"mentions": {"any": ["Dana Lee"]}}, epic, section("Roles")).passed
        assert not evaluate({"mentions": {"any": ["Jonas"]}}, epic, section("Roles")).passed

    def test_absent_target_fails(self, decided: Epic) -> None:
        assert not evaluate({"mentions": {"any": ["anything"]}}, decided, section("Baseline")).passed


class TestCombinators:
    METRIC = section("Success metric")
    FILLED: ClassVar[dict[str, Any]] = {"filled": {}}
    PERCENT: ClassVar[dict[str, Any]] = {"matches": {"pattern": r"\d\s*%"}}

    def test_all_passes_when_every_check_passes(self, decided: Epic) -> None:
        assert evaluate({"all": [self.FILLED, self.PERCENT]}, decided, self.METRIC).passed

    def test_all_reports_the_first_failing_check(self, decided: Epic) -> None:
        check = {"all": [self.FILLED, {"matches": {"pattern": "revenue"}}, {"matches": {"pattern": "nope"}}]}
        outcome = evaluate(check, decided, self.METRIC)
        assert outcome == Outcome(
            False, 'section "Success metric"', "Watch time per session +3% in a 2-week A/B test"
        )

    def test_any_passes_when_one_check_passes(self, decided: Epic, vague: Epic) -> None:
        check = {"any": [{"matches": {"pattern": "revenue"}}, self.PERCENT]}
        assert evaluate(check, decided, self.METRIC).passed
        assert not evaluate(check, vague, self.METRIC).passed

    def test_not(self, decided: Epic, vague: Epic) -> None:
        no_placeholder = {"not": {"matches": {"pattern": r"^\s*TBD\s*$"}}}
        assert evaluate(no_placeholder, decided, self.METRIC).passed
        assert not evaluate(no_placeholder, vague, self.METRIC).passed

    def test_when_applies_then_only_if_the_condition_passes(self) -> None:
        # A proxy metric is required only when the success metric cannot be trained on directly.
        check = {
            "when": {
                "if": {
                    "mentions": {
                        "any": ["cannot train", "can't train", "not trainable"],
                        "targets": [self.METRIC],
                    }
                },
                "then": {"filled": {"targets": [section("Proxy metric")]}},
            }
        }
        direct = make_epic("h2. Success metric\n+3% watch time, logged per session")
        needs_proxy_missing = make_epic("h2. Success metric\nRetention at 90 days; we cannot train on it")
        needs_proxy_given = make_epic(
            "h2. Success metric\nRetention at 90 days; we cannot train on it\n"
            "h2. Proxy metric\nSessions in the first week"
        )
        assert evaluate(check, direct).passed
        outcome = evaluate(check, needs_proxy_missing)
        assert outcome == Outcome(False, 'section "Proxy metric"', "")
        assert evaluate(check, needs_proxy_given).passed

    def test_targets_on_a_combinator_are_inherited(self, decided: Epic, vague: Epic) -> None:
        check = {"all": {"targets": [self.METRIC], "checks": [self.FILLED, self.PERCENT]}}
        assert compile_check(check, (), frozenset()).evaluate(decided).passed
        assert not compile_check(check, (), frozenset()).evaluate(vague).passed

    def test_nested_combinators(self, decided: Epic) -> None:
        check = {
            "any": [
                {"all": [self.FILLED, {"not": self.PERCENT}]},
                {"when": {"if": self.FILLED, "then": self.PERCENT}},
            ]
        }
        assert evaluate(check, decided, self.METRIC).passed


class TestTargets:
    def test_any_target_passing_is_enough(self, decided: Epic) -> None:
        outcome = evaluate({"filled": {}}, decided, section("Baseline"), "summary", section("Success metric"))
        assert outcome.passed
        assert outcome.target == 'field "summary"'

    def test_synonyms_in_one_section_target(self, decided: Epic) -> None:
        assert evaluate({"filled": {}}, decided, section("North star", "Success metric")).passed

    def test_absent_section_fails_naming_the_target(self, decided: Epic) -> None:
        outcome = evaluate({"filled": {}}, decided, section("Baseline", "Current performance"))
        assert outcome == Outcome(False, 'section "Baseline"', "")

    def test_failure_reports_the_target_that_holds_something(self) -> None:
        epic = make_epic("h2. Goal\nfaster", fields={"Baseline": "TBD"})
        outcome = evaluate({"filled": {}}, epic, section("Baseline"), {"field": "Baseline"})
        assert outcome == Outcome(False, 'field "Baseline"', "TBD")

    def test_section_title_must_start_with_the_synonym(self) -> None:
        epic = make_epic("h2. Proxy for success metric\nclick-through rate")
        outcome = evaluate({"filled": {}}, epic, section("Success metric"))
        assert outcome == Outcome(False, 'section "Success metric"', "")

    def test_numbered_plural_heading_matches(self) -> None:
        epic = make_epic("## 1. Success Metrics:\nWatch time +3%")
        assert evaluate({"filled": {}}, epic, section("success metric")).passed

    def test_every_matching_section_is_a_candidate(self) -> None:
        epic = make_epic(
            "h2. Success metric\nTBD\n\nh2. Decisions\n||Decision||Answer||\n|Success metric|+3% watch time|"
        )
        outcome = evaluate({"filled": {}}, epic, section("Success metric"))
        assert outcome == Outcome(True, 'section "Success metric"', "+3% watch time")

    def test_custom_field_by_display_name_from_the_field_list(self, catalog: FieldCatalog) -> None:
        epic = make_epic(
            fields={"customfield_10010": "Spam share <= 1% in the weekly audit"}, catalog=catalog
        )
        for name in ("Success Metric", "success metric", "SUCCESS METRIC"):
            outcome = evaluate({"filled": {}}, epic, {"field": name})
            assert outcome == Outcome(True, f'field "{name}"', "Spam share <= 1% in the weekly audit")

    def test_custom_field_by_id(self, catalog: FieldCatalog) -> None:
        epic = make_epic(fields={"customfield_10010": "Spam share <= 1%"}, catalog=catalog)
        assert evaluate({"filled": {}}, epic, {"field": "customfield_10010"}).passed
        # An id works without any field list too.
        assert evaluate(
            {"filled": {}}, make_epic(fields={"customfield_10010": "x"}), "customfield_10010"
        ).passed

    def test_custom_field_missing_from_the_issue_fails(self, catalog: FieldCatalog) -> None:
        outcome = evaluate({"filled": {}}, make_epic(catalog=catalog), {"field": "Success Metric"})
        assert outcome == Outcome(False, 'field "Success Metric"', "")

    def test_ambiguous_display_name_names_both_ids(self) -> None:
        catalog = FieldCatalog()
        catalog.add_field_list(
            [
                {"id": "customfield_10010", "name": "Owner", "schema": {"type": "user"}},
                {"id": "customfield_20010", "name": "owner", "schema": {"type": "string"}},
            ]
        )
        epic = make_epic(fields={"customfield_10010": "Dana"}, catalog=catalog)
        check = compile_check({"filled": {}}, build_targets([{"field": "Owner"}]), frozenset())
        with pytest.raises(AmbiguousFieldError) as error:
            check.evaluate(epic)
        assert "customfield_10010" in str(error.value)
        assert "customfield_20010" in str(error.value)
        # Naming the field by id is the way out.
        assert evaluate({"filled": {}}, epic, {"field": "customfield_10010"}).passed

    def test_path_target(self) -> None:
        fields = {"customfield_10030": [{"value": "Offline eval"}, {"value": "A/B test"}]}
        epic = make_epic(fields=fields)
        outcome = evaluate(
            {"one_of": {"values": ["A/B test"]}}, epic, {"path": "fields.customfield_10030[1].value"}
        )
        assert outcome == Outcome(True, 'path "fields.customfield_10030[1].value"', "A/B test")
        assert not evaluate(
            {"one_of": {"values": ["A/B test"]}}, epic, {"path": "fields.customfield_10030[0]"}
        ).passed

    @pytest.mark.parametrize(
        "path", ["fields.customfield_10030[5].value", "fields.nothing.here", "fields.summary.x"]
    )
    def test_path_that_leads_nowhere_fails(self, path: str) -> None:
        epic = make_epic(fields={"customfield_10030": [{"value": "A/B test"}]})
        assert evaluate({"filled": {}}, epic, {"path": path}) == Outcome(False, f'path "{path}"', "")

    def test_description_field(self, decided: Epic) -> None:
        assert evaluate({"mentions": {"any": ["LEGAL-2310"]}}, decided, "description").passed
        assert not evaluate({"filled": {}}, make_epic(None), "description").passed


class TestCheckSpecErrors:
    @pytest.mark.parametrize(
        ("spec", "key", "message"),
        [
            ({"matches": {"pattern": "(unclosed"}}, ("matches", "pattern"), "not a valid regular expression"),
            (
                {"not_matches": {"pattern": "[a-"}},
                ("not_matches", "pattern"),
                "not a valid regular expression",
            ),
            ({"count": {"min": 1, "pattern": "*"}}, ("count", "pattern"), "not a valid regular expression"),
            ({"filled": {"pattern": "+"}}, ("filled", "pattern"), "not a valid regular expression"),
            ({"matches": {}}, ("matches",), "needs pattern"),
            ({"is_filled": {}}, ("is_filled",), 'unknown check "is_filled"'),
            ({"count": {"of": "items"}}, ("count",), "needs min: or max:"),
            ({"count": {"min": 3, "max": 1}}, ("count", "min"), "larger than max"),
            ({"count": {"of": "bullets", "min": 1}}, ("count", "of"), "of: must be one of"),
            ({"count": {"min": "two"}}, ("count", "min"), "wrong type"),
            ({"mentions": {"any": ["FP"], "all": ["FN"]}}, ("mentions",), "exactly one of any: or all:"),
            ({"mentions": {}}, ("mentions",), "exactly one of any: or all:"),
            ({"mentions": {"any": []}}, ("mentions", "any"), "list of phrases"),
            ({"mentions": {"all": ["ok", "?!"]}}, ("mentions", "all", 1), "at least one word"),
            ({"one_of": {}}, ("one_of", "values"), "needs values"),
            ({"filled": {"min_words": 0}}, ("filled", "min_words"), "1 or more"),
            ({"assigned": {"min": 0}}, ("assigned", "min"), "1 or more"),
            (
                {"filled": {"targets": [{"sektion": "x"}]}},
                ("filled", "targets", 0, "sektion"),
                "unknown target",
            ),
            ({"filled": {"targets": []}}, ("filled", "targets"), "at least one target"),
            ({"all": []}, ("all",), "needs a list of checks"),
            (
                {"all": [{"filled": {}}, {"matches": {"pattern": "("}}]},
                ("all", 1, "matches", "pattern"),
                "regular",
            ),
            ({"any": {"checks": [{"nope": {}}]}}, ("any", "checks", 0, "nope"), 'unknown check "nope"'),
            ({"not": {"count": {}}}, ("not", "count"), "needs min: or max:"),
            ({"when": {"if": {"filled": {}}}}, ("when",), "needs exactly if: CHECK and then: CHECK"),
            (
                {"when": {"if": {"filled": {}}, "then": {"mentions": {"any": ["a"], "all": ["b"]}}}},
                ("when", "then", "mentions"),
                "exactly one of any: or all:",
            ),
            ({"filled": {}, "matches": {"pattern": "x"}}, (), "exactly one of"),
            ("filled", (), "exactly one of"),
            ({"filled": "yes"}, ("filled",), "needs a mapping of options"),
        ],
    )
    def test_malformed_check_names_the_bad_key(
        self, spec: object, key: tuple[Any, ...], message: str
    ) -> None:
        with pytest.raises(CheckSpecError, match=message) as error:
            compile_check(spec, build_targets(["summary"]), frozenset())
        assert error.value.key == key

    def test_a_check_without_targets_anywhere(self) -> None:
        with pytest.raises(CheckSpecError, match="needs targets") as error:
            compile_check({"filled": {}}, (), frozenset())
        assert error.value.key == ("filled",)
