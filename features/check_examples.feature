Feature: Checking the bundled example epics
  Before sprint planning, an ML lead runs ticketlint on an export of the team's epics
  and reads which kickoff decisions each epic still misses.

  Scenario: The report names each failing epic, what it misses and the totals
    When I run "ticketlint check --source {examples} --color never"
    Then the exit code is 1
    And the output contains "REC-130  Improve recommendations for new users  (Dana Lee)"
    And the output contains "success-metric-defined"
    And the output contains "14 epics checked: 4 passing, 9 failing, 1 not selected by any rule"
    And the output contains "By rule:"
    And the output does not contain "REC-101 "

  Scenario: The JSON report lists every epic checked, passing ones with no findings
    When I run "ticketlint check --source {examples} --format json"
    Then the exit code is 1
    And the report lists the epics "REC-101, SUPPORT-214, SEARCH-77, TRUST-342, ADS-58, FRAUD-88, REC-115, ADS-203, SUPPORT-230, TRUST-360, REC-130, SEARCH-91, FRAUD-95, ADS-219"
    And epic "REC-101" passes rule "success-metric-defined"
    And epic "REC-130" fails rule "success-metric-defined"
    And epic "TRUST-342" fails rule "error-tolerance-stated"
    And epic "SUPPORT-214" fails rule "error-tolerance-stated"

  Scenario: A custom field named in the field list counts as the decision
    When I run "ticketlint check --source {examples} --format json"
    Then epic "SEARCH-77" passes rule "success-metric-defined"
    And epic "FRAUD-95" passes rule "roles-assigned"

  Scenario Outline: The exit code follows --fail-on
    When I run "ticketlint check --source {examples} --fail-on <level> -q"
    Then the exit code is <code>

    Examples:
      | level   | code |
      | error   | 1    |
      | warning | 1    |
      | never   | 0    |

  Scenario: --select and --ignore narrow the rules
    When I run "ticketlint check --source {examples} --format json --select roles-assigned"
    Then epic "REC-130" fails rule "roles-assigned"
    And epic "REC-130" passes rule "success-metric-defined"
    When I run "ticketlint check --source {examples} --format json --ignore roles-assigned"
    Then epic "REC-130" passes rule "roles-assigned"

  Scenario: A rule id that does not exist is a usage error
    When I run "ticketlint check --source {examples} --select succes-metric"
    Then the exit code is 2
    And the error output contains "--select: no rule has the id 'succes-metric'"
    And the error output has no traceback

  Scenario: --epic checks only the epics named, and says when one is not there
    When I run "ticketlint check --source {examples} --format json --epic REC-130 --epic NOPE-1"
    Then the exit code is 2
    And the report lists the epics "REC-130"
    And the output contains "NOPE-1"
    And the output contains "not found in the sources given"

  Scenario: The report can be written to a file
    When I run "ticketlint check --source {examples} --format json --output report.json"
    Then the exit code is 1
    And the file "report.json" is a JSON report with 14 epics

  Scenario: No source at all is a usage error that says what to give
    When I run "ticketlint check"
    Then the exit code is 2
    And the error output contains "give --source PATH"

  Scenario: Jira options with an export are a usage error, not silently ignored
    When I run "ticketlint check --source {examples} --jql 'project = REC'"
    Then the exit code is 2
    And the error output contains "--jql and --jira-url read from Jira; with --source"

