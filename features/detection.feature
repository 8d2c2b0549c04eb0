Feature: Each decision is found however a team writes it, and judged on what it says
  A decision counts wherever the epic states it: under a heading or a question, after a
  list item's lead phrase, in a table row or column, nested under an item, in a panel, a
  decision item or a paragraph of notes. It counts only when it says what the decision
  needs: deferrals, refusals, links, empty or struck-out cells and unchecked items never
  answer. The JSON report and --explain say which passage decided, and why.

  Scenario Outline: A decision is found in every kind of passage
    Given an epic "ML-1" in <format> whose <kind> "<title>" says "<answer>"
    When I run "ticketlint check --source epics.yaml --format json --select <rule>"
    Then epic "ML-1" passes rule "<rule>"

    Examples:
      | format   | kind                  | title                   | rule                   | answer                                                                  |
      | wiki     | question heading      | How will we know it worked | success-metric-defined | Search-to-order conversion +5% in a 2-week A/B test                   |
      | ADF      | question heading      | How will we know it worked | success-metric-defined | Search-to-order conversion +5% in a 2-week A/B test                   |
      | wiki     | list lead             | Cost of a wrong call    | error-kind-preference  | false positives are fine because a human reviews every flag             |
      | ADF      | list lead             | Cost of a wrong call    | error-kind-preference  | false positives are fine because a human reviews every flag             |
      | Markdown | list lead             | Plan B                  | remediation-planned    | scores 0.4-0.7 go to a review queue owned by Trust & Safety             |
      | wiki     | question and answer   | Which mistake hurts less | error-kind-preference | False negatives: a missed typo costs one retype, a wrong completion a lost order |
      | ADF      | question and answer   | Which mistake hurts less | error-kind-preference | False negatives: a missed typo costs one retype, a wrong completion a lost order |
      | wiki     | table row             | Why not just write rules | ml-justified          | 212 velocity rules catch 41% of fraud value and rings adapt within days |
      | ADF      | table row             | Why not just write rules | ml-justified          | 212 velocity rules catch 41% of fraud value and rings adapt within days |
      | wiki     | table column          | Baseline                | baseline-recorded      | 6.3% conversion today, compared in a 50/50 A/B test                     |
      | ADF      | table column          | Baseline                | baseline-recorded      | 6.3% conversion today, compared in a 50/50 A/B test                     |
      | wiki     | nested item           | Deal-breakers           | unacceptable-mistakes-listed | auto-banning a verified creator for one report                    |
      | ADF      | nested item           | Deal-breakers           | unacceptable-mistakes-listed | auto-banning a verified creator for one report                    |
      | wiki     | panel                 | Error budget            | error-tolerance-stated | at most 2% of auto-routed tickets re-routed by an agent                 |
      | ADF      | panel                 | Error budget            | error-tolerance-stated | at most 2% of auto-routed tickets re-routed by an agent                 |
      | ADF      | expand                | Quality bar             | error-tolerance-stated | at most 2% of auto-routed tickets re-routed by an agent                 |
      | ADF      | decision item         | Decisions               | error-kind-preference  | False positives are acceptable: a human reviews every flag              |
      | wiki     | paragraph under Notes | Notes                   | baseline-recorded      | Today 12% of tickets are re-routed; we compare on a 4-week split of tickets. |
      | ADF      | paragraph under Notes | Notes                   | baseline-recorded      | Today 12% of tickets are re-routed; we compare on a 4-week split of tickets. |
      | wiki     | checklist item        | Kickoff                 | pm-kickoff-review      | Kickoff questions reviewed with PM @dana.lee on 2026-03-02              |
      | ADF      | checklist item        | Kickoff                 | pm-kickoff-review      | Kickoff questions reviewed with PM @dana.lee on 2026-03-02              |

  Scenario Outline: A non-answer never counts, wherever it is written
    Given an epic "ML-1" in <format> whose <kind> "<title>" says "<answer>"
    When I run "ticketlint check --source epics.yaml --format json --select <rule>"
    Then epic "ML-1" fails rule "<rule>"
    And the evidence for "<rule>" on "ML-1" gives the reason "<reason>"

    Examples:
      | format   | kind       | title           | rule                         | answer                                              | reason              |
      | wiki     | heading    | Success metric  | success-metric-defined       | We will figure out the metric after the pilot.      | deferred            |
      | ADF      | heading    | Success metric  | success-metric-defined       | We will figure out the metric after the pilot.      | deferred            |
      | wiki     | heading    | Data sources    | data-sources-identified      | Moderator decisions since 2024; DPIA booked for Q3. | deferred            |
      | ADF      | heading    | Data sources    | data-sources-identified      | Moderator decisions since 2024; DPIA booked for Q3. | deferred            |
      | wiki     | heading    | Constraints     | constraints-stated           | Questions sent to legal, no reply yet.              | deferred            |
      | ADF      | heading    | Constraints     | constraints-stated           | Questions sent to legal, no reply yet.              | deferred            |
      | wiki     | heading    | Proxy metric    | proxy-metric-justified       | n/a                                                 | refusal             |
      | ADF      | heading    | Proxy metric    | proxy-metric-justified       | n/a                                                 | refusal             |
      | wiki     | heading    | Constraints     | constraints-stated           | See the policy doc.                                 | link                |
      | ADF      | heading    | Constraints     | constraints-stated           | See the policy doc.                                 | link                |
      | wiki     | list lead  | Lesser evil     | error-kind-preference        | FN, because.                                        | too short           |
      | ADF      | list lead  | Lesser evil     | error-kind-preference        | FN, because.                                        | too short           |
      | wiki     | heading    | Unacceptable mistakes | unacceptable-mistakes-listed | List examples of mistakes that must never reach users. | template leftover |
      | ADF      | heading    | Unacceptable mistakes | unacceptable-mistakes-listed | List examples of mistakes that must never reach users. | template leftover |
      | Markdown | heading    | Baseline        | baseline-recorded            | Rahul to fill in.                                   | deferred            |

  Scenario Outline: A role cell with a dash, a placeholder or a struck-out name names nobody
    Given an epic "ML-1" whose <format> description is:
      """
      <roles>
      """
    When I run "ticketlint check --source epics.yaml --format json --select roles-assigned"
    Then epic "ML-1" fails rule "roles-assigned"
    And the evidence for "roles-assigned" on "ML-1" gives the reason "no name for: Product analyst"

    Examples:
      | format   | roles |
      | wiki     | h2. Roles\n\|\|Role\|\|Name\|\|\n\|ML engineer\|Priya Raman\|\n\|Data scientist\|Mei Chen\|\n\|Data engineer\|not needed\|\n\|PM\|Dana Lee\|\n\|Product analyst\|-\| |
      | wiki     | h2. Roles\n* ML engineer: Priya Raman\n* Data scientist: Mei Chen\n* Data engineer: not needed\n* PM: Dana Lee\n* Product analyst: -Omar Haddad- |
      | Markdown | ## Roles\n- ML engineer: Priya Raman\n- Data scientist: Mei Chen\n- Data engineer: not needed\n- PM: Dana Lee\n- Product analyst: ~~Omar Haddad~~ |
      | Markdown | ## Roles\n- ML engineer: Priya Raman\n- Data scientist: Mei Chen\n- Data engineer: not needed\n- PM: Dana Lee\n- Product analyst: <name> |

  Scenario: Roles spread over a terse line and a sentence of prose count together
    Given an epic "ML-1" whose Markdown description is:
      """
      RACI: MLE Kenji Sato / DS Mei Lin / DE Rui Costa / PM Dana Whitfield

      We don't need a product analyst: the service-desk dashboard already reports re-routes.
      """
    When I run "ticketlint check --source epics.yaml --format json --select roles-assigned"
    Then epic "ML-1" passes rule "roles-assigned"

  Scenario: An unchecked checklist item and an undecided decision item are to-dos, not answers
    Given an epic "ML-1" whose ADF description is:
      """
      {"type": "doc", "version": 1, "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Kickoff"}]},
        {"type": "taskList", "content": [{"type": "taskItem", "attrs": {"state": "TODO"},
          "content": [{"type": "text", "text": "Kickoff questions reviewed with PM @Dana Lee on 2026-03-02"}]}]},
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Decisions"}]},
        {"type": "decisionList", "content": [{"type": "decisionItem", "attrs": {"state": "UNDECIDED"},
          "content": [{"type": "text", "text": "False positives are acceptable: a human reviews every flag"}]}]}
      ]}
      """
    When I run "ticketlint check --source epics.yaml --format json --select pm-kickoff-review,error-kind-preference"
    Then epic "ML-1" fails rule "pm-kickoff-review"
    And epic "ML-1" fails rule "error-kind-preference"

  Scenario: A site's own field names count, mapped under fields: or named like the decision
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          summary: Risk score at authorisation
          labels: [ml]
          description: Decisions are in the fields.
          fields:
            North star (launch): Fraud chargebacks down from 0.081% to 0.045% of volume in two quarters
            Go-live KPI guardrail: none
      """
    And a file "ticketlint.yaml" containing:
      """
      fields:
        Success Metric: North star (launch)
      """
    When I run "ticketlint check --source epics.yaml --format json --select success-metric-defined"
    Then epic "ML-1" passes rule "success-metric-defined"
    And the evidence for "success-metric-defined" on "ML-1" is passed in field "North star (launch)"

  Scenario: The JSON report says which passage decided each rule, pass or fail
    Given an epic "ML-1" whose wiki description is:
      """
      h2. Success metric
      Watch time per session +3% in a 2-week A/B test
      h2. Error tolerance
      As accurate as possible.
      """
    When I run "ticketlint check --source epics.yaml --format json --select success-metric-defined,error-tolerance-stated"
    Then the evidence for "success-metric-defined" on "ML-1" is passed in section "Success metric"
    And the evidence for "error-tolerance-stated" on "ML-1" is failed in section "Error tolerance"
    And the evidence for "error-tolerance-stated" on "ML-1" gives the reason "no number or rate of acceptable error"

  Scenario: --explain shows, per decision, what was found where and why it counted or not
    Given an epic "ML-1" whose Markdown description is:
      """
      ## Success metric
      Watch time per session +3% in a 2-week A/B test

      ## Data sources
      Labels from moderator decisions since 2024; DPIA booked for Q3.
      """
    And an epic "ML-2" whose Markdown description is:
      """
      Nothing here yet.
      """
    When I run "ticketlint check --source epics.yaml --explain ML-1 --color never --select success-metric-defined,data-sources-identified"
    Then the exit code is 0
    And the output contains "✓ success-metric-defined: recorded"
    And the output contains "answered in section"
    And the output contains "✗ data-sources-identified: missing"
    And the output contains "why it does not count:"
    And the output does not contain "ML-2"

  Scenario: --explain prints to the terminal, so another terminal report is refused
    Given an epic "ML-1" whose Markdown description is:
      """
      ## Success metric
      TBD
      """
    When I run "ticketlint check --source epics.yaml --explain ML-1 --format json"
    Then the exit code is 2
    And the error output contains "--explain prints to the terminal: give --format json a path (json:PATH)"
