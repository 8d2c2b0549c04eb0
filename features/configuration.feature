Feature: Configuration in ticketlint.yaml
  A team keeps its packs, thresholds and sources in ticketlint.yaml at the top of its
  repository; command-line options win over it.

  Background:
    Given a file "exports/epics.yaml" containing:
      """
      epics:
        - key: ML-1
          labels: [ml]
          description: "## Success metric\nTBD"
      """

  Scenario: The config is found from a subdirectory and its sources and settings apply
    Given a file "ticketlint.yaml" containing:
      """
      sources: [exports]
      select: [success-metric-defined]
      format: json
      """
    And a file "sub/dir/.keep" containing:
      """
      """
    When I run "ticketlint check --config ticketlint.yaml"
    Then epic "ML-1" fails rule "success-metric-defined"

  Scenario: Command-line options win over the config
    Given a file "ticketlint.yaml" containing:
      """
      sources: [exports]
      fail_on: error
      """
    When I run "ticketlint check --fail-on never -q"
    Then the exit code is 0

  Scenario: Field names in rules can be mapped to this site's fields
    Given a file "ticketlint.yaml" containing:
      """
      fields:
        Success Metric: customfield_20001
      """
    And a file "page.json" containing:
      """
      {"issues": [{"key": "ML-7", "fields": {"summary": "x", "issuetype": {"name": "Epic"}, "labels": ["ml"], "customfield_20001": "Retention +2% in 8 weeks"}}]}
      """
    When I run "ticketlint check --source page.json --format json"
    Then epic "ML-7" passes rule "success-metric-defined"

  Scenario Outline: A broken config is reported with file and line
    Given a file "ticketlint.yaml" containing, with \n as line breaks:
      """
      <config>
      """
    When I run "ticketlint check --source exports"
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback

    Examples:
      | config                     | message                                                     |
      | fail_on: sometimes         | ticketlint.yaml:1:10: fail_on: "sometimes" is not allowed   |
      | rulez: [builtin:x]         | ticketlint.yaml:1:1: unknown key "rulez"                    |
      | rules: [builtin:missing]   | rule pack "builtin:missing" not found                       |
      | rules: builtin:ml-kickoff  | rules: expected a list                                      |
      | select: [a\n  b            | ticketlint.yaml:                                            |
