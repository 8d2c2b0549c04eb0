Feature: Reports for where people look
  One run writes several reports: the terminal for the person at the keyboard, JSON for
  tools, Markdown for the sprint-planning doc, JUnit for CI dashboards, and annotations
  plus a job summary inside GitHub Actions.

  Scenario: One run writes several formats
    When I run "ticketlint check --source {examples} --format text --format json:report.json --format markdown:report.md --format junit:report.xml --color never"
    Then the exit code is 1
    And the output contains "14 epics checked: 4 passing, 9 failing"
    And the file "report.json" is a JSON report with 14 epics
    And the file "report.md" still contains "4 of 13 epics have recorded every kickoff decision."
    And the file "report.md" still contains "## Readiness by owner"
    And the file "report.md" still contains "- **[REC-130](https://jira.example.com/browse/REC-130)** Improve recommendations for new users (Dana Lee): pm-kickoff-review (error)"
    And the file "report.xml" is JUnit XML with 156 test cases and 72 failures
    And the Markdown in "report.md" renders as 8 owner rows and links to 6 epics in Jira

  Scenario: Epic text cannot inject Markdown into the report
    Given a file "epics.yaml" containing:
      """
      epics:
        - {key: ML-1, labels: [ml], summary: "[click me](http://evil.example) | <b>x</b>", assignee: "**Boss**"}
      """
    When I run "ticketlint check --source epics.yaml --format markdown"
    Then the output contains "\[click me\]\(http://evil.example\) \| \<b\>x\</b\>"
    And the output contains "\*\*Boss\*\*"
    And the Markdown output renders with no link and no HTML from the epic

  Scenario: GitHub annotations and the job summary
    Given the GitHub step summary file is "summary.md"
    When I run "ticketlint check --source {examples} --format github --epic REC-130"
    Then the output contains "::error title=REC-130 success-metric-defined::Write the success metric"
    And the output contains "::warning title=REC-130 baseline-recorded::"
    And the file "summary.md" still contains "# ML kickoff readiness"

  Scenario Outline: Format mistakes are usage errors
    When I run "ticketlint check --source {examples} <options>"
    Then the exit code is 2
    And the error output contains "<message>"

    Examples:
      | options                                  | message                               |
      | --format pdf                             | --format: no format 'pdf'             |
      | --format text --format json              | only one report can go to the terminal |
      | --format text:a.txt --output b.txt       | --output names the file of the one     |
