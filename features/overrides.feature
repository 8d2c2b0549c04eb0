Feature: Per-project overrides in ticketlint.yaml
  A team's platform project does not need a PM review, and a research project only wants
  warnings. The config changes a rule for the epics it selects; the last match wins.

  Background:
    Given a file "epics.yaml" containing:
      """
      epics:
        - {key: REC-1, labels: [ml], description: "## Success metric\nTBD"}
        - {key: RES-1, labels: [ml, research], description: "## Success metric\nTBD"}
        - {key: PLAT-1, labels: [ml], description: "## Success metric\nTBD"}
      """
    And a file "ticketlint.yaml" containing:
      """
      select: [success-metric-defined, pm-kickoff-review]
      sources: [epics.yaml]
      overrides:
        - select: {labels: research}
          rules:
            success-metric-defined: {severity: warning, message: "{key}: research epics name a metric too."}
        - select: {project: PLAT}
          rules:
            pm-kickoff-review: "off"
            success-metric-defined: {targets: [{section: Goal}]}
        - select: {project: RES}
          rules:
            success-metric-defined: {severity: info}
      """

  Scenario: Each epic gets the rule as the last matching override says
    When I run "ticketlint check --format json"
    Then the exit code is 1
    And epic "REC-1" has these findings by severity:
      | severity | rules                                     |
      | error    | pm-kickoff-review, success-metric-defined |
    And epic "RES-1" has these findings by severity:
      | severity | rules                  |
      | error    | pm-kickoff-review      |
      | info     | success-metric-defined |
    And epic "PLAT-1" has these findings by severity:
      | severity | rules                  |
      | error    | success-metric-defined |
    And the finding "success-metric-defined" on "PLAT-1" says "Goal"

  Scenario: rules list shows what the overrides change
    When I run "ticketlint rules list"
    Then the output contains "for epics selected at"
    And the output contains "ticketlint.yaml:4: warning"
    And the output contains "ticketlint.yaml:7: off"
    And the output contains "ticketlint.yaml:11: info"

  Scenario: An override of a rule that does not exist is refused
    Given a file "ticketlint.yaml" containing:
      """
      overrides:
        - select: {project: REC}
          rules: {succes-metric: "off"}
      """
    When I run "ticketlint check"
    Then the exit code is 2
    And the error output contains "ticketlint.yaml:2:5: override: no rule has the id 'succes-metric'"
