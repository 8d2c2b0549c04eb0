Feature: Odd input gets a clear message, never a traceback
  People paste YAML from wikis, point ticketlint at the wrong file, and run it in CI where
  a half-written report is worse than none. Every such case ends with a message that says
  what to fix, exit code 2, and a previous report left intact or a complete new one.

  Background:
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          description: "## Success metric\nTBD"
      """

  Scenario Outline: Broken files are reported with where and what
    Given a file "<name>" containing, with \n as line breaks:
      """
      <content>
      """
    When I run "ticketlint check <options>"
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback

    Examples:
      | name      | content                                                                                                                        | options                                 | message                                              |
      | pack.yaml | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {targets: [summary]}}\n    message: "{key:d}" | --source epics.yaml --rules pack.yaml | formats such as {key:d} or {key!r} are not supported |
      | pack.yaml | name: x\x07                                                                                                                    | --source epics.yaml --rules pack.yaml   | pack.yaml:1:1: this is not valid YAML                |
      | bad.jsonl | \xff\xfe{"key": "ML-1"}                                                                                                         | --source bad.jsonl                      | bad.jsonl: cannot read the file                      |
      | deep.yaml | epics: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ | --source deep.yaml | deep.yaml                                  |

  Scenario: A directory named as a rule pack
    Given a file "packs/a.yaml" containing:
      """
      name: a
      """
    When I run "ticketlint check --source epics.yaml --rules packs"
    Then the exit code is 2
    And the error output contains "is a directory; name a rule pack file"

  Scenario: YAML merge keys, unquoted off, numeric keys and dates behave as written
    Given a file "more.yaml" containing:
      """
      epics:
        - &base {key: ML-2, labels: [ml], description: "## Success metric\nCTR +2% in 2 weeks"}
        - <<: *base
          key: ML-3
          fields: {1: one, Success Metric: "Retention +2%", duedate: 2026-12-01}
      """
    And a file "team.yaml" containing:
      """
      name: team
      extends: builtin:ml-kickoff
      overrides:
        roles-assigned: {severity: off}
      """
    When I run "ticketlint check --source more.yaml --rules team.yaml --format json"
    Then the report lists the epics "ML-2, ML-3"
    And epic "ML-3" passes rule "success-metric-defined"
    And epic "ML-3" passes rule "roles-assigned"

  Scenario: An empty or comment-only config means the defaults
    Given a file "ticketlint.yaml" containing:
      """
      # nothing configured yet
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-1" fails rule "success-metric-defined"

  Scenario: A pack listed beside the pack that extends it counts once
    Given a file "team.yaml" containing:
      """
      name: team
      extends: [builtin:ml-kickoff]
      overrides:
        success-metric-defined: {severity: warning}
      """
    And a file "ticketlint.yaml" containing:
      """
      rules: [builtin:ml-kickoff, ./team.yaml, builtin:ml-kickoff]
      """
    When I run "ticketlint check --source epics.yaml --color never"
    Then the exit code is 1
    And the output contains "warning  success-metric-defined"

  Scenario: A rule id in the config's select that no pack has names the config
    Given a file "ticketlint.yaml" containing:
      """
      select: [no-such-rule]
      """
    When I run "ticketlint check --source epics.yaml"
    Then the exit code is 2
    And the error output contains "select: in"
    And the error output contains "ticketlint.yaml: no rule has the id 'no-such-rule'"

  Scenario: A run that fails before reporting leaves the previous report file alone
    Given a file "report.json" containing:
      """
      {"previous": "report"}
      """
    When I run "ticketlint check --source epics.yaml --rules nope.yaml --output report.json"
    Then the exit code is 2
    And the file "report.json" still contains "previous"

  Scenario: A run stopped half-way still writes a complete report saying why
    Given a file "mixed/a.yaml" containing:
      """
      epics:
        - {key: ML-7, labels: [ml]}
      """
    And a file "mixed/b.json" containing:
      """
      {"issues": [
      """
    When I run "ticketlint check --source mixed --format json --output report.json"
    Then the exit code is 2
    And the file "report.json" is a complete report that stopped with "not valid JSON"

  Scenario: A regular expression too slow for an epic is reported, not waited on
    Given a file "slow.yaml" containing:
      """
      name: slow
      rules:
        - id: slow-pattern
          description: A pattern with nested repetition.
          severity: error
          check: {matches: {targets: [summary], pattern: '(a|aa)+$'}}
          message: "{key}: no"
      """
    And a file "long.yaml" containing:
      """
      epics:
        - {key: ML-1, summary: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}
      """
    When I run "ticketlint check --source long.yaml --rules slow.yaml"
    Then the exit code is 2
    And the output contains "slow-pattern"
    And the output contains "took more than 1 s on one epic"


