Feature: Reading epics from exports
  Offline, ticketlint reads what Jira answered: search pages from Cloud (v3, ADF) and
  Data Center (v2, wiki), lists of issues, JSON Lines, a field list, or hand-written YAML.

  Scenario: A Cloud v3 page, a Data Center v2 page and a field list together
    When I run "ticketlint check --source {examples}/field.json --source {examples}/jira-cloud-v3-search.json --source {examples}/jira-dc-v2-search.json --format json"
    Then the report lists the epics "FRAUD-88, REC-115, ADS-203, SUPPORT-230, TRUST-360, REC-130, SEARCH-91, FRAUD-95, ADS-219"
    And epic "TRUST-360" passes rule "roles-assigned"

  Scenario: JSON Lines, one issue a line: a broken line is reported, the rest checked, the run exits 2
    Given a file "epics.jsonl" containing:
      """
      {"key": "ML-1", "fields": {"summary": "One", "issuetype": {"name": "Epic"}, "labels": ["ml"], "description": "h2. Success metric\nCTR +2%"}}
      {"key": "ML-2", "fields": {"summary": "Two"
      {"key": "ML-3", "fields": {"summary": "Three", "issuetype": {"name": "Epic"}, "labels": ["ml"], "description": null}}
      """
    When I run "ticketlint check --source epics.jsonl --format json --select success-metric-defined"
    Then the exit code is 2
    And the report lists the epics "ML-1, ML-3"
    And epic "ML-1" passes rule "success-metric-defined"
    And epic "ML-3" fails rule "success-metric-defined"
    And the output contains "epics.jsonl:2"

  Scenario: A list of search pages
    Given a file "pages.json" containing:
      """
      [{"startAt": 0, "maxResults": 1, "total": 2, "issues": [{"key": "ML-1", "fields": {"summary": "One", "issuetype": {"name": "Epic"}, "labels": ["ml"]}}]},
       {"startAt": 1, "maxResults": 1, "total": 2, "issues": [{"key": "ML-2", "fields": {"summary": "Two", "issuetype": {"name": "Epic"}, "labels": ["ml"]}}]}]
      """
    When I run "ticketlint check --source pages.json --format json"
    Then the report lists the epics "ML-1, ML-2"

  Scenario Outline: A malformed export is a clear error
    Given a file "<name>" containing, with \n as line breaks:
      """
      <content>
      """
    When I run "ticketlint check --source <name>"
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback

    Examples:
      | name        | content                               | message                                   |
      | broken.json | {"issues": [                          | broken.json:2:1: not valid JSON           |
      | other.json  | {"hello": "world"}                    | other.json: not a Jira export             |
      | epics.yaml  | epics:\n  - key: ML-1\n    sumary: x  | epics.yaml:3:5: unknown key "sumary"      |
      | epics.yaml  | epics:\n  - key: not a key            | key: "not a key" must match               |
      | none.jsonl  | \n\n                                  | none.jsonl: the file is empty             |
      | none.json   | \n                                    | none.json: the file is empty              |

  Scenario: A missing source path is a clear error
    When I run "ticketlint check --source nowhere.json"
    Then the exit code is 2
    And the error output contains "nowhere.json: no such file or directory"
