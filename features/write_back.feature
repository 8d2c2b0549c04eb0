Feature: Writing back to Jira: one managed comment and the managed labels per epic
  The nightly job runs "ticketlint apply". Each ML epic missing kickoff decisions gets one
  comment that says what to write and stays current, and labels boards can filter on.
  Like a careful colleague, it never spams, never touches what people wrote, and ends up
  in the right state whatever happened to the run before.

  Background:
    Given a file "kickoff.yaml" containing:
      """
      name: kickoff
      selector: {labels: [ml]}
      rules:
        - id: success-metric
          description: The success metric the product is judged by.
          severity: error
          label: needs-metric
          targets: [{section: Success metric}]
          check: {filled: {}}
          message: Write the success metric in section "Success metric".
          docs: https://example.com/kickoff#success-metric
        - id: baseline
          description: Today's value of the metric.
          severity: warning
          label: needs-baseline
          targets: [{section: Baseline}]
          check: {filled: {}}
          message: Record the baseline of {summary} in section "Baseline".
      """
    And a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml]
      """
    And a Jira Cloud site with these epics:
      | key  | summary       | labels     | description                                                 |
      | ML-1 | Rank the feed | ml, team-x | We will build a ranker.                                     |
      | ML-2 | Spam filter   | ml         | h2. Success metric\nSpam reports -30%                       |
      | ML-3 | Churn model   | ml         | h2. Success metric\nChurn -2%\nh2. Baseline\nChurn 7% today |

  Scenario: The first run comments on each failing epic and labels it
    When I run "ticketlint apply" against Jira
    Then the exit code is 1
    And epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And epic "ML-1" has one ticketlint comment saying "Record the baseline of Rank the feed"
    And epic "ML-1" has the labels "ml, team-x, needs-metric, needs-baseline, kickoff-incomplete"
    And epic "ML-2" has one ticketlint comment saying "Record the baseline"
    And epic "ML-2" has the labels "ml, needs-baseline"
    And epic "ML-3" has no comments
    And epic "ML-3" has the labels "ml"
    And Jira received 4 write requests
    And the output contains "Written to Jira: created 2 comments"

  Scenario: On Data Center the comment is wiki markup, mentions by user name, and a rerun writes nothing
    Given a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml]
      apply: {mention: owner}
      """
    And the same epics on a Jira Data Center site instead
    And epic "ML-1" on Jira is assigned to "dana"
    When I run "ticketlint apply" against Jira
    Then the ticketlint comment on "ML-1" mentions "dana"
    And epic "ML-1" has the labels "ml, team-x, needs-metric, needs-baseline, kickoff-incomplete"
    And Jira received 4 write requests
    And one more "ticketlint apply" writes nothing to Jira

  Scenario: A second run with nothing changed writes nothing
    Given "ticketlint apply" has run
    When I run "ticketlint apply" against Jira
    Then Jira received 0 write requests
    And the output contains "Jira already up to date: nothing written"
    And epic "ML-1" has one ticketlint comment saying "Write the success metric"

  Scenario: An epic fixed between runs gets a resolved note and loses its labels
    Given "ticketlint apply" has run
    And on Jira the description of "ML-1" becomes "h2. Success metric\nFeed time +3%\nh2. Baseline\n41 min/day"
    When I run "ticketlint apply" against Jira
    Then epic "ML-1" has one ticketlint comment saying "Kickoff check passed"
    And epic "ML-1" has the labels "ml, team-x"
    And Jira received 2 write requests

  Scenario: With on_pass delete, the comment goes once the epic is fixed
    Given a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml]
      apply: {on_pass: delete, ready_label: kickoff-ready}
      """
    And "ticketlint apply" has run
    And on Jira the description of "ML-1" becomes "h2. Success metric\nFeed time +3%\nh2. Baseline\n41 min/day"
    When I run "ticketlint apply" against Jira
    Then epic "ML-1" has no comments
    And epic "ML-1" has the labels "ml, team-x, kickoff-ready"
    And epic "ML-3" has the labels "ml, kickoff-ready"

  Scenario: An epic that gets worse has its comment updated in place
    Given "ticketlint apply" has run
    And on Jira the description of "ML-2" becomes "Nothing decided yet."
    When I run "ticketlint apply" against Jira
    Then epic "ML-2" has one ticketlint comment saying "Write the success metric"
    And the ticketlint comment on "ML-2" is the one the first run wrote
    And epic "ML-2" has the labels "ml, needs-baseline, needs-metric, kickoff-incomplete"
    And Jira received 2 write requests

  Scenario: Comments people wrote and labels nobody declared are left exactly as they were
    Given on Jira "alice" commented on "ML-1": "Metric? Ask [~accountid:5b10a] about {code}it{code}"
    And on Jira the ticketlint account commented on "ML-1": "Reminder posted by hand"
    And on Jira "bob" commented on "ML-1" with a copy of a ticketlint footer
    When I run "ticketlint apply" against Jira
    And on Jira the description of "ML-1" becomes "h2. Success metric\nFeed time +3%\nh2. Baseline\n41 min/day"
    And I run "ticketlint apply" against Jira
    Then the comments people wrote on "ML-1" are unchanged
    And epic "ML-1" has the labels "ml, team-x"

  Scenario: Duplicate managed comments are reduced to the oldest
    Given on Jira "ML-1" already has 3 ticketlint comments from earlier runs
    When I run "ticketlint apply" against Jira
    Then epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And the ticketlint comment on "ML-1" is the oldest of them

  Scenario: A comment that only looks like ticketlint's is never edited or deleted
    Given on Jira "ML-1" has a comment by the ticketlint account with the footer but no ticketlint property
    When I run "ticketlint apply" against Jira
    Then that comment is unchanged
    And epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And the output contains "left alone"

  Scenario: A look-alike that says the same is neither kept nor allowed to displace ticketlint's comment
    Given "ticketlint apply" has run
    And on Jira "ML-1" has an older copy of ticketlint's comment, by the ticketlint account, without the property
    When I run "ticketlint apply" against Jira
    Then Jira received 0 write requests
    And the ticketlint comment on "ML-1" is the one the first run wrote
    And that comment is unchanged

  Scenario: A write that finds the epic gone is reported and the rest go on
    Given Jira answers 404 on the next label PUT
    When I run "ticketlint apply" against Jira
    Then the exit code is 2
    And the output contains "not written"
    And the output contains "the next run tries again"

  Scenario: Adding a pack takes the comment over instead of leaving a second one
    Given "ticketlint apply" has run
    And a file "extra.yaml" containing:
      """
      name: extra
      selector: {labels: [ml]}
      rules:
        - id: data-sources
          description: Where the training data comes from.
          severity: warning
          targets: [{section: Data sources}]
          check: {filled: {}}
          message: Say in section "Data sources" where the training data comes from.
      """
    And a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml, extra.yaml]
      """
    When I run "ticketlint apply" against Jira
    Then epic "ML-1" has one ticketlint comment saying "where the training data comes from"
    And the ticketlint comment on "ML-1" is the one the first run wrote
    And epic "ML-3" has one ticketlint comment saying "where the training data comes from"

  Scenario: Two runs at once, then one more, leave exactly one managed comment per epic
    Given Jira takes 0.05 seconds to answer each request
    When two "ticketlint apply -q" runs start at the same time
    And I run "ticketlint apply -q" against Jira
    Then every epic has at most one ticketlint comment
    And epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And epic "ML-1" has the labels "ml, team-x, needs-metric, needs-baseline, kickoff-incomplete"

  Scenario Outline: Faults during writes, then a clean run, end as a fault-free run ends
    Given Jira <fault> on the next <write>
    When I run "ticketlint apply -q" against Jira
    And I run "ticketlint apply -q" against Jira
    Then Jira ends in the same state as after one apply without faults
    And every epic has at most one ticketlint comment

    Examples:
      | fault                                            | write         |
      | answers 429 with Retry-After "0"                 | comment POST  |
      | hits the per-issue write limit                   | label PUT     |
      | answers 503 with Retry-After "0"                 | label PUT     |
      | drops the connection                             | comment POST  |
      | drops the connection after saving                | comment POST  |
      | answers 503 with Retry-After "0" after saving    | comment POST  |
      | drops the connection                             | label PUT     |

  Scenario: A comment POST whose answer was lost is not repeated blindly
    Given Jira drops the connection after saving on the next comment POST
    When I run "ticketlint apply -q" against Jira
    Then every epic has at most one ticketlint comment
    And Jira received 2 comment POSTs

  Scenario: The write budget does the most severe epics first and leaves the rest for the next run
    When I run "ticketlint apply --max-writes 2" against Jira
    Then epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And epic "ML-2" has no comments
    And the output contains "Left for the next run (write limit 2): 1 epic, 2 writes: ML-2"
    When I run "ticketlint apply --max-writes 2" against Jira
    Then epic "ML-2" has one ticketlint comment saying "Record the baseline"

  Scenario: A budget smaller than one epic's writes still makes progress, comment first
    When I run "ticketlint apply --max-writes 1" against Jira
    Then Jira received 1 write requests
    And the output contains "ML-1 (partly written)"
    And epic "ML-1" has one ticketlint comment saying "Write the success metric"
    And epic "ML-1" has the labels "ml, team-x"
    When I run "ticketlint apply --max-writes 1" against Jira
    Then epic "ML-1" has the labels "ml, team-x, needs-metric, needs-baseline, kickoff-incomplete"

  Scenario: A dry run prints the plan and writes nothing
    When I run "ticketlint apply --dry-run" against Jira
    Then Jira received 0 write requests
    And the output contains "ML-1  create comment; add labels kickoff-incomplete, needs-baseline, needs-metric"
    And the output contains "Would write to Jira: create 2 comments"
    And epic "ML-1" has no comments

  Scenario: The JSON report lists the writes performed and those over budget
    When I run "ticketlint apply --format json --max-writes 2" against Jira
    Then the report's writes list "ML-1" as performed and "ML-2" as skipped by the budget
    And the report is valid against the published report schema

  Scenario: A write Jira refuses on one epic is reported, and the others are written
    Given Jira answers 403 on the next comment POST
    When I run "ticketlint apply" against Jira
    Then the exit code is 2
    And the output contains "not written"
    And the output contains "(403)"
    And the output contains "needs the Add Comments"
    And exactly one of "ML-1, ML-2" has a ticketlint comment

  Scenario: Credentials refused part-way through the writes stop the run with a clear message
    Given Jira answers 401 on the next comment POST
    When I run "ticketlint apply" against Jira
    Then the exit code is 2
    And the error output contains "did not accept"
    And the error output has no traceback
    And the output contains "Written to Jira: created 1 comment,"
    And exactly one of "ML-1, ML-2" has a ticketlint comment

  Scenario: Text from the epic cannot mention people, run macros or make links in the comment
    Given on Jira the summary of "ML-1" becomes "[~accountid:5b10a] {code}x{code} see http://evil.example !img.png!"
    When I run "ticketlint apply" against Jira
    Then the ticketlint comment on "ML-1" has no live wiki markup from the epic

  Scenario: The owner can be mentioned, in wiki markup and in ADF
    Given a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml]
      apply: {mention: owner}
      """
    And epic "ML-1" on Jira is assigned to "dana"
    When I run "ticketlint apply" against Jira
    Then the ticketlint comment on "ML-1" mentions "dana"

  Scenario: Over REST v3 the comment is an ADF document, and epic text stays plain text
    Given a file "ticketlint.yaml" containing:
      """
      rules: [kickoff.yaml]
      tracker: {api_version: 3}
      apply: {mention: owner}
      """
    And epic "ML-1" on Jira is assigned to "dana"
    And on Jira the summary of "ML-1" becomes "[~accountid:5b10a] {code}x{code}"
    When I run "ticketlint apply" against Jira
    Then the ticketlint comment on "ML-1" is an ADF document mentioning only "dana"
    And epic "ML-1" has one ticketlint comment saying "Record the baseline of [~accountid:5b10a] {code}x{code}"
    And one more "ticketlint apply" writes nothing to Jira

  Scenario Outline: Write-back settings are checked when the config is read
    Given a file "ticketlint.yaml" containing, with \n as line breaks:
      """
      <config>
      """
    When I run "ticketlint apply --dry-run" against Jira
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback

    Examples:
      | config                                          | message                                                                          |
      | apply:\n  summary_label: kickoff incomplete     | ticketlint.yaml:2:18: summary_label: "kickoff incomplete" must be a Jira label   |
      | apply:\n  on_pass: archive                      | on_pass: "archive" is not allowed; use one of: resolve, delete                   |
      | apply:\n  workers: 0                            | workers: must be at least 1                                                      |

  Scenario: apply needs Jira
    Given no Jira site is configured
    When I run "ticketlint apply"
    Then the exit code is 2
    And the error output contains "apply writes to Jira"
