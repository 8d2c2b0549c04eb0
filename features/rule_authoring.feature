Feature: Writing and testing rule packs
  Teams write their own packs and argue with the built-in one. They check a pack before
  committing it, run its examples like unit tests, and look up what a rule does.

  Background:
    Given a file "team.yaml" containing:
      """
      name: team
      extends: builtin:ml-kickoff
      overrides:
        baseline-recorded: {severity: info}
      rules:
        - id: due-date-set
          description: The epic has a due date.
          severity: warning
          targets: [duedate]
          check: {filled: {}}
          message: "{key}: set a due date."
          examples:
            pass: [{key: EX-1, fields: {duedate: "2026-12-01"}}]
            fail: [{key: EX-2}, {key: EX-3, fields: {duedate: "2026-12-02"}}]
      """

  Scenario: A valid pack and config pass validation
    Given a file "ticketlint.yaml" containing:
      """
      rules: [./team.yaml]
      """
    When I run "ticketlint rules validate team.yaml ticketlint.yaml"
    Then the exit code is 0
    And the output contains "2 files valid"

  Scenario: Every problem of every file is reported at once
    Given a file "bad.yaml" containing:
      """
      name: bad
      rules:
        - id: a
          description: d
          severity: critical
          check: {filed: {}}
          message: "{epic}"
      """
    And a file "ticketlint.yaml" containing:
      """
      fail_on: sometimes
      """
    When I run "ticketlint rules validate bad.yaml ticketlint.yaml"
    Then the exit code is 2
    And the error output contains "bad.yaml:5:15: rule"
    And the error output contains "is not allowed; use one of: error, warning, info, off"
    And the error output contains "bad.yaml:6:13: rule"
    And the error output contains "ticketlint.yaml:1:10: fail_on"
    And the error output contains "3 problems found"

  Scenario: Rule examples run like tests and a wrong one is explained
    When I run "ticketlint rules test team.yaml"
    Then the exit code is 1
    And the output contains "team/due-date-set: 2 passed, 1 failed"
    And the output contains "fail example EX-3: expected a finding, got none (looked at field"
    And the output contains "passed, 1 failed"

  Scenario: Examples in a test file beside the pack, and one naming a rule that does not exist
    Given a file "team.tests.yaml" containing:
      """
      tests:
        due-date-set:
          pass: [{key: EX-9, fields: {duedate: "2027-01-01"}}]
        no-such-rule:
          fail: [{key: EX-1}]
      """
    When I run "ticketlint rules test team.yaml"
    Then the exit code is 2
    And the error output contains "team.tests.yaml:4:3: rule"
    And the error output contains "in the packs tested"

  Scenario: The built-in pack passes its own examples
    When I run "ticketlint rules test builtin:ml-kickoff"
    Then the exit code is 0
    And the output contains "ml-kickoff/roles-assigned"
    And the output does not contain ", 1 failed"

  Scenario: Listing the rules of a run shows what a pack overrides
    When I run "ticketlint rules list --rules team.yaml"
    Then the exit code is 0
    And the output contains "baseline-recorded"
    And the output contains "info"
    And the output contains "(overridden)"
    And the output contains "due-date-set"

  Scenario: Explaining a rule
    When I run "ticketlint rules explain success-metric-defined"
    Then the exit code is 0
    And the output contains "Looks at:   [{concept: success-metric}]"
    And the output contains "named by: success metric, success criteria, success criterion"
    And the output contains "fields: Success Metric"
    And the output contains "Message:    Write the success metric in {target}"
    And the output contains "Docs:       docs/rules/ml-kickoff.md#success-metric-defined"
    When I run "ticketlint rules explain succes-metric"
    Then the exit code is 2
    And the error output contains "no rule has the id 'succes-metric'"

  Scenario: validate checks a config's waivers and overrides against its packs
    Given a file "ticketlint.yaml" containing:
      """
      waivers:
        - epics: [ML-1]
          rules: [no-such-rule]
          reason: Because we said so.
          owner: dana
          expires: 2026-12-31
      """
    When I run "ticketlint rules validate ticketlint.yaml"
    Then the exit code is 2
    And the error output contains "waiver: no rule has the id 'no-such-rule'"
