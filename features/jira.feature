Feature: Checking epics straight from Jira Cloud and Data Center
  The nightly job and the sprint-planning run read ML epics from Jira itself. ticketlint
  asks for as little as it can, survives rate limits, and when something goes wrong it
  says which request failed and what to check.

  Scenario Outline: All epics are read, page by page, with the fewest requests
    Given a Jira <site> site with 230 ML epics
    When I run "ticketlint check --format json -q" against Jira
    Then the report has 230 epics
    And Jira received these requests:
      | method | path         | count |
      | GET    | serverInfo   | 1     |
      | GET    | field        | 1     |
      | GET    | <search>     | 3     |
      | GET    | comment      | 0     |

    Examples:
      | site        | search     |
      | Cloud       | search/jql |
      | Data Center | search$    |

  Scenario: Cloud is never asked on the search endpoint it removed
    Given a Jira Cloud site with 30 ML epics
    When I run "ticketlint check -q" against Jira
    Then no request went to "/rest/api/2/search$"

  Scenario Outline: Custom fields are read by their display name, in either markup
    Given a Jira <site> site with the example epics "<export>"
    When I run "ticketlint check --format json" against Jira
    Then epic "<key>" passes rule "success-metric-defined"
    And the requested fields include the id of "Success Metric"

    Examples:
      | site        | export                    | key       |
      | Data Center | jira-dc-v2-search.json    | TRUST-360 |
      | Cloud       | jira-cloud-v3-search.json | FRAUD-88  |

  Scenario: Comments are paged only for the epic whose embedded comments are cut short
    Given a Jira Cloud site with 3 ML epics
    And the epic "ML-2" on Jira has 45 comments
    When I run "ticketlint check -q" against Jira
    Then Jira received these requests:
      | method | path              | count |
      | GET    | issue/ML-2/comment | 1     |
      | GET    | comment           | 1     |

  Scenario: --jql and --epic choose the epics
    Given a Jira Cloud site with 5 ML epics
    When I run "ticketlint check --format json --epic ML-2 --epic ML-4" against Jira
    Then the report lists the epics "ML-2, ML-4"
    When I run "ticketlint check --format json --jql 'key = ML-3'" against Jira
    Then the report lists the epics "ML-3"

  Scenario Outline: Rate limits and dropped connections are retried
    Given a Jira Cloud site with 5 ML epics
    And Jira <fault> on the next search
    When I run "ticketlint check --format json -q" against Jira
    Then the report has 5 epics
    And Jira was asked for the search 2 times

    Examples:
      | fault                                                 |
      | answers 429 with Retry-After "1"                      |
      | answers 503 with Retry-After as a date 1 second ahead |
      | drops the connection                                  |

  Scenario: A run that runs out of retry budget stops and says why
    Given a Jira Cloud site with 5 ML epics
    And the config file says the retry budget is 0.5 seconds
    And Jira answers 429 with Retry-After "30" on the next search
    When I run "ticketlint check" against Jira
    Then the exit code is 2
    And the error output contains "gave up on GET search/jql after 1 attempts: Jira answered 429"
    And the error output contains "tracker.retry_budget_seconds"

  Scenario Outline: Errors a person can act on, without a traceback or a secret
    Given a Jira <site> site with 5 ML epics
    And <situation>
    When I run "ticketlint check <options>" against Jira
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback
    And no secret appears in the output

    Examples:
      | site        | situation                                     | options                    | message                                                     |
      | Cloud       | my Jira credentials are wrong                 |                            | did not accept ticketlint-bot@example.com with the API token in $JIRA_API_TOKEN (401) |
      | Data Center | my Jira credentials are wrong                 |                            | did not accept the personal access token in $JIRA_PAT (401) |
      | Cloud       | Jira answers 403 on the next search           |                            | refused GET search/jql (403)                                |
      | Cloud       | nothing else                                  | --jql 'summary ~ ml'       | Jira rejected the request GET search/jql (400): Error in the JQL Query |
      | Cloud       | the config file forces Data Center            |                            | removed search (410 Gone)                                   |
      | Cloud       | Jira answers the next search with broken JSON |                            | with something that is not JSON                             |
      | Cloud       | nothing else                                  | --jira-url http://127.0.0.1:9 | the connection was refused                              |
      | Cloud       | nothing else                                  | --jira-url http://no-such-host.invalid | cannot find the host of http://no-such-host.invalid |
      | Cloud       | the Jira URL uses https on a plain HTTP port  |                            | the TLS handshake with                                      |
      | Cloud       | the Jira URL has a wrong path                 |                            | has no serverInfo (404)                                     |
      | Data Center | two fields are named "Success Metric"         |                            | the field name "Success Metric" matches 2 fields (customfield_10010, customfield_20010) |

  Scenario: No credentials at all
    Given a Jira Cloud site with 5 ML epics
    And no Jira credentials are set
    When I run "ticketlint check" against Jira
    Then the exit code is 2
    And the error output contains "set $JIRA_EMAIL and $JIRA_API_TOKEN (Jira Cloud, an API token) or $JIRA_PAT"

  Scenario: A token written into the config file is refused
    Given a file "ticketlint.yaml" containing:
      """
      tracker:
        url: https://example.atlassian.net
        token: abc123
      """
    When I run "ticketlint check"
    Then the exit code is 2
    And the error output contains "ticketlint.yaml:3:3:"
    And the error output contains "looks like a secret: ticketlint never reads secrets from this file"

  Scenario: An export of Jira's answers reads back offline with the same findings
    Given a Jira Data Center site with the example epics "jira-dc-v2-search.json"
    When I run "ticketlint export --output saved.json -q" against Jira
    Then the exit code is 0
    And the error output contains "Exported 5 epics (1 pages) and the field list to saved.json"
    When I run "ticketlint check --source saved.json --format json"
    Then the report lists the epics "TRUST-360, REC-130, SEARCH-91, FRAUD-95, ADS-219"
    And epic "TRUST-360" passes rule "success-metric-defined"
    And epic "REC-130" fails rule "success-metric-defined"

  Scenario: --debug logs each HTTP request, never the credentials
    Given a Jira Cloud site with 5 ML epics
    When I run "ticketlint --debug check -q" against Jira
    Then the error output contains "/rest/api/2/serverInfo -> 200"
    And the error output contains "/rest/api/2/search/jql?jql="
    And no secret appears in the output

  Scenario: A Jira that does not answer in time is retried, then given up on
    Given a Jira Cloud site with 5 ML epics
    And Jira takes 1 second to answer
    And the config file says requests time out after 0.2 seconds with a retry budget of 0.5 seconds
    When I run "ticketlint check" against Jira
    Then the exit code is 2
    And the error output contains "gave up on GET serverInfo"
    And the error output contains "the connection failed (ReadTimeout)"

  Scenario: A waiver written as JQL covers the epics Jira finds for it
    Given a Jira Cloud site with 3 ML epics
    And a file "ticketlint.yaml" containing:
      """
      waivers:
        - jql: key in (ML-1, ML-3)
          rules: [roles-assigned]
          reason: Staffing is decided at the quarterly planning.
          owner: dana@example.com
          expires: 2999-12-31
      """
    When I run "ticketlint check --format json --select roles-assigned" against Jira
    Then epic "ML-1" passes rule "roles-assigned"
    And epic "ML-2" fails rule "roles-assigned"
    And epic "ML-3" passes rule "roles-assigned"
    And Jira received these requests:
      | method | path       | count |
      | GET    | serverInfo | 1     |
      | GET    | field      | 1     |
      | GET    | search/jql | 2     |
