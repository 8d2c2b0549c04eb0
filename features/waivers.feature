Feature: Exceptions without forking: waivers and baselines
  A team decides that an epic may skip a decision for a while, says why and until when,
  and ticketlint stops nagging until then. Adopting ticketlint on a big backlog starts
  from a baseline, so only new gaps are reported.

  Background:
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          description: "## Success metric\nCTR +2% in a 2-week A/B test"
        - key: ML-2
          labels: [ml, ticketlint-waive-baseline-recorded]
          description: "## Success metric\nCTR +2% in a 2-week A/B test"
      """

  Scenario: Active, expired and unused waivers, and a waiver label in Jira
    Given a file "ticketlint.yaml" containing:
      """
      select: [roles-assigned, baseline-recorded, success-metric-defined]
      waivers:
        - epics: [ML-1]
          rules: [roles-assigned]
          reason: Staffing is decided at the quarterly planning.
          owner: dana@example.com
          expires: 2999-12-31
        - epics: [ML-1]
          rules: [baseline-recorded]
          reason: Baseline comes from the first A/B test.
          owner: sam@example.com
          expires: 2020-01-31
        - select: {project: OTHER}
          rules: [success-metric-defined]
          reason: Not an ML project in practice.
          owner: lee@example.com
          expires: 2999-01-01
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-1" passes rule "roles-assigned"
    And epic "ML-1" has roles-assigned excused by a waiver "Staffing is decided at the quarterly planning. (dana@example.com, until 2999-12-31)"
    And epic "ML-1" fails rule "baseline-recorded"
    And the finding "baseline-recorded" on "ML-1" says "The waiver by sam@example.com expired on 2020-01-31."
    And epic "ML-2" passes rule "baseline-recorded"
    And epic "ML-2" has baseline-recorded excused by a waiver "label ticketlint-waive-baseline-recorded on the epic"
    And the report's summary counts 2 findings excused by waivers
    And the report lists 1 unused waiver mentioning "success-metric-defined"

  Scenario: Waived findings are shown apart in the terminal
    Given a file "ticketlint.yaml" containing:
      """
      select: [roles-assigned]
      waivers:
        - epics: [ML-1, ML-2]
          rules: [roles-assigned]
          reason: Staffing is decided at the quarterly planning.
          owner: dana@example.com
          expires: 2999-12-31
      """
    When I run "ticketlint check --source epics.yaml --color never"
    Then the exit code is 0
    And the output contains "waived   roles-assigned: Staffing is decided"
    And the output contains "Excused: 2 by waivers, 0 by the baseline"

  Scenario Outline: Malformed waivers are refused with where and what
    Given a file "ticketlint.yaml" containing, with \n as line breaks:
      """
      <config>
      """
    When I run "ticketlint check --source epics.yaml"
    Then the exit code is 2
    And the error output contains "<message>"

    Examples:
      | config                                                                                                        | message                                      |
      | waivers:\n  - epics: [ML-1]\n    rules: [roles-assigned]\n    reason: Because.\n    owner: d\n    expires: 2026-13-01 | ticketlint.yaml:6:14: expires: "2026-13-01" is not a date |
      | waivers:\n  - epics: [ML-1]\n    rules: [roles-assigned]\n    reason: Because.\n    owner: d\n    expires: soon      | ticketlint.yaml:6:14: expires: "soon"        |
      | waivers:\n  - rules: [roles-assigned]\n    reason: Because.\n    owner: d\n    expires: 2026-12-01                 | a waiver names the epics it covers           |
      | waivers:\n  - epics: [ML-1]\n    rules: [role-assigned]\n    reason: Because.\n    owner: d\n    expires: 2026-12-01 | waiver: no rule has the id 'role-assigned'   |
      | waivers:\n  - epics: [ML-1]\n    rules: [roles-assigned]\n    owner: d\n    expires: 2026-12-01                     | missing required key "reason"                |

  Scenario: A baseline keeps today's findings out of tomorrow's report
    When I run "ticketlint check --source epics.yaml --write-baseline base.json -q"
    Then the exit code is 1
    And the error output contains "findings to the baseline base.json"
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          description: "## Success metric\nCTR +2% in a 2-week A/B test"
        - key: ML-3
          labels: [ml]
      """
    When I run "ticketlint check --source epics.yaml --baseline base.json --format json"
    Then epic "ML-1" passes rule "roles-assigned"
    And epic "ML-3" fails rule "roles-assigned"
    And epic "ML-3" fails rule "success-metric-defined"
    And epic "ML-1" passes rule "success-metric-defined"

  Scenario: A baseline file that is not one
    Given a file "base.json" containing:
      """
      {"hello": 1}
      """
    When I run "ticketlint check --source epics.yaml --baseline base.json"
    Then the exit code is 2
    And the error output contains "base.json: not a ticketlint baseline"
