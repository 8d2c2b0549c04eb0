Feature: The ML-kickoff pack finds each decision in every markup
  Each of the twelve kickoff decisions is checked under its template heading or a common
  synonym, in Jira wiki markup, Markdown and ADF alike. A real answer passes; a template
  leftover or a near miss (no target, no reason, no owner, no names) is flagged.

  Scenario Outline: A real answer passes
    Given an epic "ML-1" in <format> with the section "<heading>" saying "<answer>"
    When I run "ticketlint check --source epics.yaml --format json --select <rule>"
    Then epic "ML-1" passes rule "<rule>"

    Examples:
      | rule                         | format   | heading                            | answer                                                                       |
      | pm-kickoff-review            | wiki     | Kickoff review with PM             | Reviewed with @dana (PM) on 2026-03-02                                       |
      | constraints-stated           | wiki     | Constraints                        | - Legal: no health data in features\n- Business: budget of 6k EUR a month    |
      | success-metric-defined       | wiki     | Success criteria                   | Watch time per session +3% in a 2-week A/B test                              |
      | proxy-metric-justified       | wiki     | Proxy metric                       | N/A because we train directly on the refund labels we report on              |
      | error-tolerance-stated       | wiki     | Acceptable error rate              | At most 1% of good orders blocked                                            |
      | error-kind-preference        | wiki     | False positives vs false negatives | False positives are fine because a human reviews every flag                  |
      | unacceptable-mistakes-listed | wiki     | Never-events                       | - Auto-banning a verified creator\n- Hiding a safety report                  |
      | remediation-planned          | wiki     | Human in the loop                  | Scores 0.4-0.7 go to a review queue owned by Trust & Safety                  |
      | ml-justified                 | wiki     | Why not a heuristic                | A keyword rule reaches 61% precision and humans cannot review 2M items a day |
      | roles-assigned               | wiki     | RACI                               | - ML engineer: Priya Raman\n- Data scientist: Mei Chen\n- Data engineer: not needed\n- PM: @dana\n- Product analyst: Omar Haddad|
      | baseline-recorded            | wiki     | Current performance                | Current CTR 3.1% with the popularity ranker; a 2-week A/B test measures the lift  |
      | data-sources-identified      | wiki     | Training data                      | Labels from moderator decisions since 2024; DPIA 123 approved                |
      | pm-kickoff-review            | Markdown | Kickoff review with PM             | Reviewed with @dana (PM) on 2026-03-02                                       |
      | constraints-stated           | Markdown | Constraints                        | - Legal: no health data in features\n- Business: budget of 6k EUR a month    |
      | success-metric-defined       | Markdown | Success criteria                   | Watch time per session +3% in a 2-week A/B test                              |
      | proxy-metric-justified       | Markdown | Proxy metric                       | N/A because we train directly on the refund labels we report on              |
      | error-tolerance-stated       | Markdown | Acceptable error rate              | At most 1% of good orders blocked                                            |
      | error-kind-preference        | Markdown | False positives vs false negatives | False positives are fine because a human reviews every flag                  |
      | unacceptable-mistakes-listed | Markdown | Never-events                       | - Auto-banning a verified creator\n- Hiding a safety report                  |
      | remediation-planned          | Markdown | Human in the loop                  | Scores 0.4-0.7 go to a review queue owned by Trust & Safety                  |
      | ml-justified                 | Markdown | Why not a heuristic                | A keyword rule reaches 61% precision and humans cannot review 2M items a day |
      | roles-assigned               | Markdown | RACI                               | - ML engineer: Priya Raman\n- Data scientist: Mei Chen\n- Data engineer: not needed\n- PM: @dana\n- Product analyst: Omar Haddad|
      | baseline-recorded            | Markdown | Current performance                | Current CTR 3.1% with the popularity ranker; a 2-week A/B test measures the lift  |
      | data-sources-identified      | Markdown | Training data                      | Labels from moderator decisions since 2024; DPIA 123 approved                |
      | pm-kickoff-review            | ADF      | Kickoff review with PM             | Reviewed with @dana (PM) on 2026-03-02                                       |
      | constraints-stated           | ADF      | Constraints                        | - Legal: no health data in features\n- Business: budget of 6k EUR a month    |
      | success-metric-defined       | ADF      | Success criteria                   | Watch time per session +3% in a 2-week A/B test                              |
      | proxy-metric-justified       | ADF      | Proxy metric                       | N/A because we train directly on the refund labels we report on              |
      | error-tolerance-stated       | ADF      | Acceptable error rate              | At most 1% of good orders blocked                                            |
      | error-kind-preference        | ADF      | False positives vs false negatives | False positives are fine because a human reviews every flag                  |
      | unacceptable-mistakes-listed | ADF      | Never-events                       | - Auto-banning a verified creator\n- Hiding a safety report                  |
      | remediation-planned          | ADF      | Human in the loop                  | Scores 0.4-0.7 go to a review queue owned by Trust & Safety                  |
      | ml-justified                 | ADF      | Why not a heuristic                | A keyword rule reaches 61% precision and humans cannot review 2M items a day |
      | roles-assigned               | ADF      | RACI                               | - ML engineer: Priya Raman\n- Data scientist: Mei Chen\n- Data engineer: not needed\n- PM: @dana\n- Product analyst: Omar Haddad|
      | baseline-recorded            | ADF      | Current performance                | Current CTR 3.1% with the popularity ranker; a 2-week A/B test measures the lift  |
      | data-sources-identified      | ADF      | Training data                      | Labels from moderator decisions since 2024; DPIA 123 approved                |

  Scenario Outline: A leftover or a near miss is flagged
    Given an epic "ML-1" in <format> with the section "<heading>" saying "<answer>"
    When I run "ticketlint check --source epics.yaml --format json --select <rule>"
    Then epic "ML-1" fails rule "<rule>"

    Examples:
      | rule                         | format   | heading                            | answer                                     |
      | pm-kickoff-review            | wiki     | Kickoff review with PM             | Will review with Dana next week            |
      | constraints-stated           | wiki     | Constraints                        | - Legal: TBD\n- Business: ?                |
      | success-metric-defined       | wiki     | Success criteria                   | Improve recommendations                    |
      | proxy-metric-justified       | wiki     | Proxy metric                       | N/A                                        |
      | error-tolerance-stated       | wiki     | Acceptable error rate              | As accurate as possible                    |
      | error-kind-preference        | wiki     | False positives vs false negatives | False negatives                            |
      | unacceptable-mistakes-listed | wiki     | Never-events                       | TBD                                        |
      | remediation-planned          | wiki     | Human in the loop                  | Scores 0.4-0.7 go to a review queue        |
      | ml-justified                 | wiki     | Why not a heuristic                | [Why can't a rule or a person do this?]    |
      | roles-assigned               | wiki     | RACI                               | - ML engineer: Priya Raman\n- PM: TBD      |
      | baseline-recorded            | wiki     | Current performance                | We will measure it before launch           |
      | data-sources-identified      | wiki     | Training data                      | Labels from moderator decisions since 2024 |
      | pm-kickoff-review            | Markdown | Kickoff review with PM             | Will review with Dana next week            |
      | constraints-stated           | Markdown | Constraints                        | - Legal: TBD\n- Business: ?                |
      | success-metric-defined       | Markdown | Success criteria                   | Improve recommendations                    |
      | proxy-metric-justified       | Markdown | Proxy metric                       | N/A                                        |
      | error-tolerance-stated       | Markdown | Acceptable error rate              | As accurate as possible                    |
      | error-kind-preference        | Markdown | False positives vs false negatives | False negatives                            |
      | unacceptable-mistakes-listed | Markdown | Never-events                       | TBD                                        |
      | remediation-planned          | Markdown | Human in the loop                  | Scores 0.4-0.7 go to a review queue        |
      | ml-justified                 | Markdown | Why not a heuristic                | [Why can't a rule or a person do this?]    |
      | roles-assigned               | Markdown | RACI                               | - ML engineer: Priya Raman\n- PM: TBD      |
      | baseline-recorded            | Markdown | Current performance                | We will measure it before launch           |
      | data-sources-identified      | Markdown | Training data                      | Labels from moderator decisions since 2024 |
      | pm-kickoff-review            | ADF      | Kickoff review with PM             | Will review with Dana next week            |
      | constraints-stated           | ADF      | Constraints                        | - Legal: TBD\n- Business: ?                |
      | success-metric-defined       | ADF      | Success criteria                   | Improve recommendations                    |
      | proxy-metric-justified       | ADF      | Proxy metric                       | N/A                                        |
      | error-tolerance-stated       | ADF      | Acceptable error rate              | As accurate as possible                    |
      | error-kind-preference        | ADF      | False positives vs false negatives | False negatives                            |
      | unacceptable-mistakes-listed | ADF      | Never-events                       | TBD                                        |
      | remediation-planned          | ADF      | Human in the loop                  | Scores 0.4-0.7 go to a review queue        |
      | ml-justified                 | ADF      | Why not a heuristic                | [Why can't a rule or a person do this?]    |
      | roles-assigned               | ADF      | RACI                               | - ML engineer: Priya Raman\n- PM: TBD      |
      | baseline-recorded            | ADF      | Current performance                | We will measure it before launch           |
      | data-sources-identified      | ADF      | Training data                      | Labels from moderator decisions since 2024 |

  Scenario: Which epics the pack checks
    Given a file "epics.yaml" containing:
      """
      epics:
        - {key: ML-1, labels: [ml]}
        - {key: ML-2, components: [Machine Learning]}
        - {key: ML-3, labels: [frontend]}
        - {key: ML-4, labels: [ml], status: Done, status_category: Done}
        - {key: ML-5, labels: [ml], type: Story}
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-1" fails rule "success-metric-defined"
    And epic "ML-2" fails rule "success-metric-defined"
    And epic "ML-3" is not selected by any rule
    And epic "ML-4" is not selected by any rule
    And epic "ML-5" is not selected by any rule

  Scenario: Errors for the blocking decisions, warnings for the rest
    Given a file "epics.yaml" containing:
      """
      epics:
        - {key: ML-1, labels: [ml]}
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-1" has these findings by severity:
      | severity | rules                                                                                                                                     |
      | error    | pm-kickoff-review, constraints-stated, success-metric-defined, error-tolerance-stated, error-kind-preference, remediation-planned, roles-assigned |
      | warning  | proxy-metric-justified, unacceptable-mistakes-listed, ml-justified, baseline-recorded, data-sources-identified                              |

  Scenario: Decisions in custom fields count: a text field, and a user picker per role
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          fields:
            Success Metric: Fraud losses per 1,000 orders -20% by Q3
            ML Owner: {displayName: Priya Raman, accountId: "5b10"}
            Data Scientist: {displayName: Mei Chen, accountId: "5b12"}
            Data Engineer: {displayName: Jonas Weber, accountId: "5b13"}
            Product Manager: {displayName: Dana Lee, accountId: "5b11"}
            Product Analyst: {displayName: Omar Haddad, accountId: "5b14"}
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-1" passes rule "success-metric-defined"
    And epic "ML-1" passes rule "roles-assigned"

  Scenario: The message says what to write and where
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          description: "## Success metric\nTBD"
      """
    When I run "ticketlint check --source epics.yaml --select success-metric-defined --color never"
    Then the output contains "Write the success metric in section"
    And the output contains "watch time per session +3% in a 2-week A/B test"
